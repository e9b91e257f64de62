using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using RlSpec.Compiler;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Compiler.Bandits;

/// <summary>
/// The C# emitted for every bandit example (examples/bandits/*.rlspec) is pinned by a snapshot and
/// compiles without a warning, documentation comments included.
/// </summary>
public class BanditEmittedCodeTests
{
    public static string Directory => Path.Combine(Paths.Examples, "bandits");

    public static IEnumerable<object[]> Examples() =>
        System.IO.Directory.GetFiles(Directory, "*.rlspec").Select(f => new object[] { Path.GetFileName(f) }).OrderBy(x => (string)x[0]);

    /// <summary>The bandit declared in an example file (experiments may follow it in the same file).</summary>
    public static GeneratedModel Compile(string file)
    {
        var result = RlSpecCompiler.Compile("examples/bandits/" + file, File.ReadAllText(Path.Combine(Directory, file)));
        Assert.Empty(result.Diagnostics);
        return Assert.Single(result.Models, m => m.Kind == "bandit");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Emitted_code_matches_the_snapshot(string file)
    {
        var model = Compile(file);
        Snapshot.Verify(model.Source, model.Name, "cs", Path.Combine(Paths.Tests, "Compiler", "Snapshots"));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Emitted_code_compiles_without_warnings(string file)
    {
        var diagnostics = EmittedCompilation.Diagnostics(new[] { Compile(file).Source }, documentation: true)
            // CS0436: the test assembly (a reference here) holds the same types, generated from the same files.
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS0436").ToList();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }
}
