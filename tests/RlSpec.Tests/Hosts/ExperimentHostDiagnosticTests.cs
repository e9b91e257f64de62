using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using RlSpec.Cli;
using RlSpec.Compiler;
using RlSpec.Generators;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Hosts;

/// <summary>
/// Every experiment mistake (the golden cases RLS0650-RLS0667) is the same diagnostic, at the same place,
/// in the three hosts: the compiler API, the command line (`rlspec check` and `rlspec run`) and the source
/// generator inside a C# build.
/// </summary>
public class ExperimentHostDiagnosticTests
{
    private static string Cases => Path.Combine(Paths.Tests, "Diagnostics", "Cases");

    public static IEnumerable<object[]> ExperimentCases() =>
        Directory.GetFiles(Cases, "RLS06*.rlspec").Select(Path.GetFileNameWithoutExtension)
            .Where(n => string.CompareOrdinal(n!, "RLS0650") >= 0).Select(n => new object[] { n! }).OrderBy(x => (string)x[0]);

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private static RlSpec.Compiler.Diagnostics.Diagnostic Expected(string name)
    {
        var result = RlSpecCompiler.Compile(Path.Combine(Cases, name + ".rlspec"), File.ReadAllText(Path.Combine(Cases, name + ".rlspec")));
        var d = Assert.Single(result.Diagnostics, x => x.IsError);
        Assert.Equal(name.Substring(0, 7), d.Id);
        return d;
    }

    [Fact]
    public void Every_experiment_id_has_a_golden_case()
    {
        var ids = typeof(RlSpec.Compiler.Diagnostics.DiagnosticIds).GetFields()
            .Select(f => (string)f.GetValue(null)!).Where(id => string.CompareOrdinal(id, "RLS0650") >= 0 && string.CompareOrdinal(id, "RLS0699") <= 0);
        var cases = ExperimentCases().Select(c => ((string)c[0]).Substring(0, 7)).ToHashSet();
        Assert.DoesNotContain(ids, id => !cases.Contains(id));
    }

    [Theory]
    [MemberData(nameof(ExperimentCases))]
    public void The_command_line_prints_the_same_diagnostic(string name)
    {
        var expected = Expected(name);
        var path = Path.Combine(Cases, name + ".rlspec");
        foreach (var verb in new[] { "check", "run" })
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = Program.Run(new[] { verb, path }, output, error);
            Assert.Equal(1, code);
            // check prints diagnostics on standard output, run on standard error.
            Assert.Contains(expected.Format(), output.ToString() + error.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(ExperimentCases))]
    public void The_source_generator_reports_the_same_diagnostic_at_the_same_place(string name)
    {
        var expected = Expected(name);
        var compilation = CSharpCompilation.Create("consumer", new[] { CSharpSyntaxTree.ParseText("class C {}") },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(typeof(RlSpec.Runtime.Mdp.IMdp).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var driver = CSharpGeneratorDriver.Create(new[] { new RlSpecGenerator().AsSourceGenerator() },
            additionalTexts: new[] { new InMemoryText("/models/" + name + ".rlspec", File.ReadAllText(Path.Combine(Cases, name + ".rlspec"))) });
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();
        Assert.Empty(result.GeneratedSources);
        var d = Assert.Single(result.Diagnostics, x => x.Severity == DiagnosticSeverity.Error);
        Assert.Equal(expected.Id, d.Id);
        Assert.Equal(expected.Message, d.GetMessage());
        var span = d.Location.GetLineSpan();
        Assert.Equal((expected.Span.Line - 1, expected.Span.Column - 1), (span.StartLinePosition.Line, span.StartLinePosition.Character));
    }
}
