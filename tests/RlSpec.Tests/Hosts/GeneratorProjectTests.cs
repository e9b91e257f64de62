using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RlSpec.Generators;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Hosts;

/// <summary>
/// The generator's view of a whole project: model names shared by every file (RLS0500), hint names
/// without '@', project-relative paths in the emitted code, and the build messages for a project with
/// no models (RLS0501) or without the runtime library (RLS0502).
/// </summary>
public class GeneratorProjectTests
{
    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;
        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class GlobalOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }

    private sealed class Options(Dictionary<string, string> global) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new GlobalOptions(global);
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new GlobalOptions(new());
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new GlobalOptions(new());
    }

    private static CSharpCompilation Compilation(bool withRuntime = true)
    {
        var references = new List<MetadataReference> { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) };
        if (withRuntime) references.Add(MetadataReference.CreateFromFile(typeof(RlSpec.Runtime.Mdp.IMdp).Assembly.Location));
        return CSharpCompilation.Create("consumer", new[] { CSharpSyntaxTree.ParseText("class C {}") }, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    private static GeneratorRunResult Run(CSharpCompilation compilation, string? projectDir, params AdditionalText[] files)
    {
        var options = new Options(projectDir is null ? new() : new() { ["build_property.ProjectDir"] = projectDir });
        var driver = CSharpGeneratorDriver.Create(new[] { new RlSpecGenerator().AsSourceGenerator() }, files, optionsProvider: options);
        return driver.RunGenerators(compilation).GetRunResult().Results.Single();
    }

    private static string Model(string name) =>
        $"mdp {name} {{\n  state s in 0..1\n  action a\n  discount 0.9\n  a: s' = 1 - s\n  reward a: 1\n}}\n";

    [Fact]
    public void Two_files_declaring_the_same_model_give_one_located_error_and_no_CSharp_errors()
    {
        var result = Run(Compilation(), "/p/", new InMemoryText("/p/a.rlspec", Model("Same")), new InMemoryText("/p/b.rlspec", "// the second\n\n" + Model("Same")));
        Assert.Null(result.Exception);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(GeneratorDiagnosticIds.DuplicateModelInProject, d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        var span = d.Location.GetLineSpan();
        Assert.Equal("/p/b.rlspec", span.Path);
        Assert.Equal(2, span.StartLinePosition.Line);        // 0-based: line 3, after the comment and the blank line
        Assert.Equal(4, span.StartLinePosition.Character);   // the name, after "mdp "
        Assert.Contains("/p/a.rlspec(1,5)", d.GetMessage());
        // The first declaration is emitted once; the C# compiler sees no duplicate type.
        var source = Assert.Single(result.GeneratedSources);
        Assert.StartsWith("a.", source.HintName);
        var compiled = Compilation().AddSyntaxTrees(result.GeneratedSources.Select(s => s.SyntaxTree));
        Assert.DoesNotContain(compiled.GetDiagnostics(), x => x.Id is "CS0101" or "CS0102" or "CS0111");
    }

    [Fact]
    public void Each_further_duplicate_gets_its_own_error()
    {
        var result = Run(Compilation(), "/p/", new InMemoryText("/p/c.rlspec", Model("M")), new InMemoryText("/p/a.rlspec", Model("M")),
            new InMemoryText("/p/b.rlspec", Model("M") + Model("Other")));
        Assert.Equal(new[] { "/p/b.rlspec", "/p/c.rlspec" }, result.Diagnostics.Select(d => d.Location.GetLineSpan().Path).OrderBy(p => p));
        Assert.All(result.Diagnostics, d => Assert.Equal("RLS0500", d.Id));
        Assert.Equal(2, result.GeneratedSources.Length); // M from a.rlspec, Other from b.rlspec
    }

    [Fact]
    public void A_model_named_after_a_keyword_gets_a_hint_name_without_at_sign()
    {
        var result = Run(Compilation(), "/p/", new InMemoryText("/p/k.rlspec", Model("class")));
        Assert.Null(result.Exception);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "RLS9999");
        var source = Assert.Single(result.GeneratedSources);
        Assert.DoesNotContain("@", source.HintName);
        Assert.Equal("k.class.g.cs", source.HintName);
    }

    [Fact]
    public void Generated_code_records_the_project_relative_path_and_diagnostics_keep_the_full_path()
    {
        var root = Path.Combine(Path.GetTempPath(), "some-machine", "project") + Path.DirectorySeparatorChar;
        var file = Path.Combine(root, "Models", "river-swim.rlspec");
        var good = Run(Compilation(), root, new InMemoryText(file, File.ReadAllText(Path.Combine(Paths.Examples, "river-swim.rlspec"))));
        var text = Assert.Single(good.GeneratedSources).SourceText.ToString();
        Assert.Contains("SourcePath => \"Models/river-swim.rlspec\"", text);
        Assert.DoesNotContain(root.TrimEnd(Path.DirectorySeparatorChar), text);

        var bad = Run(Compilation(), root, new InMemoryText(file, "mdp M {\n  state s in 0..3\n  action a\n  discount 0.9\n  a: s' = q\n}\n"));
        Assert.Equal(file, Assert.Single(bad.Diagnostics).Location.GetLineSpan().Path);
    }

    [Fact]
    public void A_file_outside_the_project_is_recorded_by_its_name()
    {
        var result = Run(Compilation(), "/p/", new InMemoryText("/elsewhere/deep/m.rlspec", Model("Outside")));
        Assert.Contains("SourcePath => \"m.rlspec\"", Assert.Single(result.GeneratedSources).SourceText.ToString());
    }

    [Fact]
    public void A_project_without_rlspec_files_gets_a_warning()
    {
        var result = Run(Compilation(), "/p/");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(GeneratorDiagnosticIds.NoModelFiles, d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
    }

    [Fact]
    public void Models_without_the_runtime_library_give_one_error_and_no_generated_code()
    {
        var result = Run(Compilation(withRuntime: false), "/p/", new InMemoryText("/p/m.rlspec", Model("M")));
        Assert.Empty(result.GeneratedSources);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(GeneratorDiagnosticIds.MissingRuntime, d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal("/p/m.rlspec", d.Location.GetLineSpan().Path);
    }

    [Fact]
    public void Every_generator_and_command_line_id_is_documented()
    {
        var doc = File.ReadAllText(Path.Combine(Paths.Root, "docs", "diagnostics.md"));
        var ids = typeof(GeneratorDiagnosticIds).GetFields().Concat(typeof(RlSpec.Cli.Commands.CliDiagnosticIds).GetFields())
            .Select(f => (string)f.GetValue(null)!).ToList();
        Assert.Equal(14, ids.Count); // 8, RLS0415 (diverging results), RLS0690 (solve --threads), RLS0840-0843 (games)
        Assert.All(ids, id => Assert.Contains("`" + id + "`", doc));
    }
}
