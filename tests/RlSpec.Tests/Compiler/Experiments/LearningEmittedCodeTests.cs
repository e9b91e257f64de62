using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using RlSpec.Compiler;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Compiler.Experiments;

/// <summary>
/// The C# emitted for each experiment of examples/learning is pinned by a snapshot and compiles without
/// warnings next to its mdp (the learning examples are compiled here, not by the source generator: their
/// RiverSwim would clash with examples/river-swim.rlspec's in the test assembly).
/// </summary>
public class LearningEmittedCodeTests
{
    private static string Directory => Path.Combine(Paths.Examples, "learning");

    private static CompilationResult CompileExample(string file)
    {
        var result = RlSpecCompiler.Compile("examples/learning/" + file, File.ReadAllText(Path.Combine(Directory, file)));
        Assert.Empty(result.Diagnostics);
        return result;
    }

    public static IEnumerable<object[]> Experiments() =>
        System.IO.Directory.GetFiles(Directory, "*.rlspec").OrderBy(f => f)
            .SelectMany(f => CompileExample(Path.GetFileName(f)).Models.Where(m => m.Kind == "experiment").Select(m => new object[] { Path.GetFileName(f), m.Name }));

    [Theory]
    [MemberData(nameof(Experiments))]
    public void Emitted_code_matches_the_snapshot(string file, string experiment)
    {
        var model = CompileExample(file).Models.Single(m => m.Name == experiment);
        Snapshot.Verify(model.Source, model.Name, "cs", Path.Combine(Paths.Tests, "Compiler", "Snapshots"));
    }

    [Theory]
    [MemberData(nameof(Experiments))]
    public void Emitted_code_compiles_without_warnings_next_to_its_mdp(string file, string experiment)
    {
        var models = CompileExample(file).Models;
        Assert.Contains(models, m => m.Name == experiment);
        var diagnostics = EmittedCompilation.Diagnostics(models.Select(m => m.Source), documentation: true)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS0436").ToList();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }
}
