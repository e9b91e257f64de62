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
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(typeof(RlSpec.Runtime.Mdp.IMdp).Assembly.Location) },
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
    public void A_syntax_error_is_reported_at_its_line_and_column_in_the_rlspec_file()
    {
        // Line 3 lacks the action name after `action`; the parser stops at the newline's next token.
        var text = "mdp M {\n  state s in 0..3\n  action\n  discount 0.9\n  a: s' = s\n}\n";
        var expected = RlSpec.Compiler.RlSpecCompiler.Compile("/models/syntax.rlspec", text).Diagnostics.Single();
        Assert.Equal("RLS0001", expected.Id);
        var driver = Driver(new InMemoryText("/models/syntax.rlspec", text)).RunGenerators(EmptyCompilation());
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Empty(result.GeneratedSources);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("RLS0001", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(expected.Message, d.GetMessage());
        var span = d.Location.GetLineSpan();
        Assert.Equal("/models/syntax.rlspec", span.Path);
        Assert.Equal(expected.Span.Line - 1, span.StartLinePosition.Line);
        Assert.Equal(expected.Span.Column - 1, span.StartLinePosition.Character);
        Assert.Equal(4, span.StartLinePosition.Line + 1); // the mistake shows at `discount`, line 4
    }

    [Fact]
    public void Files_with_the_same_name_in_different_folders_get_distinct_hint_names()
    {
        // Same file name, different models: the generator must not fail on a duplicate hint name (which
        // Roslyn rejects with an exception). (The same model twice is RLS0500: GeneratorProjectTests.)
        var driver = Driver(new InMemoryText("/a/river-swim.rlspec", RiverSwim), new InMemoryText("/b/river-swim.rlspec", RiverSwim.Replace("mdp RiverSwim", "mdp RiverSwimB")))
            .RunGenerators(EmptyCompilation());
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        var hints = result.GeneratedSources.Select(s => s.HintName).ToArray();
        Assert.Equal(2, hints.Length);
        Assert.Equal("river-swim.RiverSwim.g.cs", hints[0]);
        Assert.StartsWith("river-swim.", hints[1]);
        Assert.EndsWith(".RiverSwimB.g.cs", hints[1]);
        Assert.NotEqual(hints[0], hints[1]);
    }

    [Fact]
    public void A_file_included_twice_is_compiled_once()
    {
        var driver = Driver(new InMemoryText("/m/river-swim.rlspec", RiverSwim), new InMemoryText("/m/river-swim.rlspec", RiverSwim))
            .RunGenerators(EmptyCompilation());
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Single(result.GeneratedSources);
    }

    [Fact]
    public void Odd_file_names_still_give_valid_hint_names()
    {
        var driver = Driver(new InMemoryText("/m/my model #1.rlspec", RiverSwim)).RunGenerators(EmptyCompilation());
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Equal("my_model__1.RiverSwim.g.cs", Assert.Single(result.GeneratedSources).HintName);
    }

    [Fact]
    public void A_second_run_with_unchanged_files_is_served_from_the_cache()
    {
        var compilation = EmptyCompilation();
        var driver = Driver(new InMemoryText("/models/river-swim.rlspec", RiverSwim)).RunGenerators(compilation);
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class D {}")));
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        foreach (var step in new[] { RlSpecGenerator.FilesStep, RlSpecGenerator.UniqueFilesStep, RlSpecGenerator.CompiledStep })
        {
            var outputs = steps[step].SelectMany(s => s.Outputs).ToArray();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o =>
                Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {o.Reason}"));
        }
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
