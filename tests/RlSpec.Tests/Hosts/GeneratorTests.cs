using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using RlSpec.Generators;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Hosts;

/// <summary>The source generator, driven by CSharpGeneratorDriver: outputs, located diagnostics, and caching.</summary>
public class GeneratorTests
{
    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private static CSharpCompilation EmptyCompilation() =>
        CSharpCompilation.Create("consumer", new[] { CSharpSyntaxTree.ParseText("class C {}") },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static GeneratorDriver Driver(params AdditionalText[] files) =>
        CSharpGeneratorDriver.Create(
            new[] { new RlSpecGenerator().AsSourceGenerator() },
            additionalTexts: files,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private static string RiverSwim => File.ReadAllText(Path.Combine(Paths.Examples, "river-swim.rlspec"));

    [Fact]
    public void Each_model_becomes_a_source_named_after_its_file()
    {
        var driver = Driver(new InMemoryText("/models/river-swim.rlspec", RiverSwim)).RunGenerators(EmptyCompilation());
        var result = driver.GetRunResult().Results.Single();
        Assert.Empty(result.Diagnostics);
        var source = Assert.Single(result.GeneratedSources);
        Assert.Equal("river-swim.RiverSwim.g.cs", source.HintName);
        Assert.Contains("public readonly partial struct RiverSwim", source.SourceText.ToString());
    }

    [Fact]
    public void Files_that_are_not_rlspec_are_ignored()
    {
        var driver = Driver(new InMemoryText("/models/notes.txt", "hello")).RunGenerators(EmptyCompilation());
        Assert.Empty(driver.GetRunResult().Results.Single().GeneratedSources);
    }

    [Fact]
    public void A_mistake_is_reported_at_its_place_in_the_rlspec_file()
    {
        var text = "mdp M {\n  state s in 0..3\n  action a\n  discount 0.9\n  a: s' = q\n}\n";
        var driver = Driver(new InMemoryText("/models/bad.rlspec", text)).RunGenerators(EmptyCompilation());
        var result = driver.GetRunResult().Results.Single();
        Assert.Empty(result.GeneratedSources);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("RLS0101", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        var span = d.Location.GetLineSpan();
        Assert.Equal("/models/bad.rlspec", span.Path);
        Assert.Equal(4, span.StartLinePosition.Line);       // 0-based: line 5
        Assert.Equal(10, span.StartLinePosition.Character);  // 0-based: column 11
    }

    [Fact]
    public void A_second_run_with_unchanged_files_is_served_from_the_cache()
    {
        var compilation = EmptyCompilation();
        var driver = Driver(new InMemoryText("/models/river-swim.rlspec", RiverSwim)).RunGenerators(compilation);
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class D {}")));
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        Assert.All(steps[RlSpecGenerator.CompiledStep].SelectMany(s => s.Outputs), o =>
            Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void Changing_a_file_compiles_it_again()
    {
        var compilation = EmptyCompilation();
        var first = new InMemoryText("/models/river-swim.rlspec", RiverSwim);
        var driver = Driver(first).RunGenerators(compilation);
        driver = driver.ReplaceAdditionalText(first, new InMemoryText("/models/river-swim.rlspec", RiverSwim.Replace("param N = 6", "param N = 7")))
            .RunGenerators(compilation);
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        Assert.Contains(steps[RlSpecGenerator.CompiledStep].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("int N = 7", driver.GetRunResult().Results.Single().GeneratedSources.Single().SourceText.ToString());
    }
}
