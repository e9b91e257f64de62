using System.Collections.Generic;
using System.IO;
using System.Linq;
using RlSpec.Compiler;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Diagnostics;

/// <summary>
/// One file per kind of mistake in Cases/: NAME.rlspec is a model with exactly one mistake, the id it
/// must produce is NAME's prefix, and NAME.verified.txt is the exact output (golden). A first line
/// `// -p name=value ...` passes parameter overrides as the command line would.
/// </summary>
public class GoldenDiagnosticTests
{
    private static string CasesDirectory => Path.Combine(Paths.Tests, "Diagnostics", "Cases");

    public static IEnumerable<object[]> Cases() =>
        Directory.GetFiles(CasesDirectory, "*.rlspec").Select(f => new object[] { Path.GetFileNameWithoutExtension(f) }).OrderBy(x => (string)x[0]);

    public static CompilationResult CompileCase(string name)
    {
        var path = Path.Combine(CasesDirectory, name + ".rlspec");
        var text = File.ReadAllText(path);
        var overrides = new Dictionary<string, string>();
        var first = text.Split('\n')[0];
        if (first.StartsWith("// -p "))
        {
            foreach (var part in first.Substring("// ".Length).Split(' ', System.StringSplitOptions.RemoveEmptyEntries).Where(p => p != "-p"))
            {
                var eq = part.IndexOf('=');
                overrides[part.Substring(0, eq)] = part.Substring(eq + 1);
            }
        }
        return RlSpecCompiler.Compile(name + ".rlspec", text, overrides);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_mistake_gives_exactly_one_error_with_its_id(string name)
    {
        var result = CompileCase(name);
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        var expectedId = name.Substring(0, "RLS0000".Length);
        Assert.True(errors.Count == 1, $"expected one error, got {errors.Count}:\n" + string.Join("\n", errors.Select(e => e.Format())));
        Assert.Equal(expectedId, errors[0].Id);
        Assert.Empty(result.Models);
        // A mistake on the command line (-p) is located at the option; every other one in the file.
        if (expectedId == "RLS0400") Assert.StartsWith("-p ", errors[0].Span.Path);
        else Assert.True(errors[0].Span.Line >= 1 && errors[0].Span.Column >= 1);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Diagnostic_text_matches_the_golden_file(string name)
    {
        var result = CompileCase(name);
        var text = string.Join("\n", result.Diagnostics.Select(d => d.Format())) + "\n";
        Snapshot.Verify(text, name, "txt", CasesDirectory);
    }

    [Fact]
    public void There_are_at_least_25_distinct_mistakes()
    {
        var ids = Cases().Select(c => ((string)c[0]).Substring(0, 7)).Distinct().Count();
        Assert.True(ids >= 25, $"only {ids} distinct diagnostic ids are covered");
    }
}
