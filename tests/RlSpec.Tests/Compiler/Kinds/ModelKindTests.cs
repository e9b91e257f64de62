using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RlSpec.Compiler;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Kinds;
using Xunit;

namespace RlSpec.Tests.Compiler.Kinds;

/// <summary>
/// Kinds are an axis of the compiler: a registry value chooses them, a kind registered from outside
/// the compiler (<see cref="ToyKind"/>) compiles next to an mdp in one file, and the file scope
/// resolves <c>on X</c> or says which declarations exist.
/// </summary>
public class ModelKindTests
{
    private static readonly KindRegistry WithToy = KindRegistry.Default.With(new ToyKind());

    private const string Mdp = """
        mdp Walk {
          param N = 4
          state s in 0..N-1
          action go
          discount 0.9
          go: s' = min(s + 1, N - 1)
        }
        """;

    private static CompilationResult Compile(string text, KindRegistry? kinds = null, Dictionary<string, string>? overrides = null) =>
        RlSpecCompiler.Compile("kinds.rlspec", text, overrides, default, kinds ?? WithToy);

    /// <summary>Compiles C# in memory and returns the type, or fails with the C# errors.</summary>
    private static Type CompileCSharp(string source, string typeName)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.Length > 0).Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("toy" + Guid.NewGuid().ToString("N"), new[] { CSharpSyntaxTree.ParseText(source) },
            references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        var assembly = new AssemblyLoadContext("toy", isCollectible: true).LoadFromStream(stream);
        return assembly.GetType(typeName)!;
    }

    private static object? Constant(Type type, string name) => type.GetField(name, BindingFlags.Public | BindingFlags.Static)!.GetValue(null);

    [Fact]
    public void A_registered_kind_compiles_next_to_an_mdp_and_reads_its_target_and_params()
    {
        var result = Compile(Mdp + "\ntoy Probe on Walk loud { param k = 3 param rate = 0.5 }\n");
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new[] { "mdp", "toy" }, result.Models.Select(m => m.Kind));
        var toy = result.Models.Single(m => m.Kind == "toy");
        Assert.Equal("RlSpec.Models.Probe", toy.TypeName);
        var type = CompileCSharp(toy.Source, toy.TypeName);
        Assert.Equal("Walk", Constant(type, "Target"));
        Assert.Equal(true, Constant(type, "Loud"));
        Assert.Equal(3, Constant(type, "k"));
        Assert.Equal(0.5, Constant(type, "rate"));
    }

    [Fact]
    public void On_may_name_a_declaration_later_in_the_file_and_overrides_reach_every_kind()
    {
        var result = Compile("toy Probe on Walk { param k = 3 }\n" + Mdp, overrides: new Dictionary<string, string> { ["k"] = "7", ["N"] = "6" });
        Assert.Empty(result.Diagnostics);
        var toy = result.Models.Single(m => m.Kind == "toy");
        Assert.Equal(7, Constant(CompileCSharp(toy.Source, toy.TypeName), "k"));
        Assert.Contains("int N = 6", result.Models.Single(m => m.Kind == "mdp").Source);
    }

    [Fact]
    public void An_undefined_target_is_reported_at_its_name_with_the_declarations_of_the_file()
    {
        var text = Mdp + "\ntoy Probe on Wlak { param k = 3 }\n";
        var result = Compile(text);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.UnknownTarget, d.Id);
        Assert.Equal("no model named Wlak in this file; declared: Walk", d.Message);
        Assert.Equal(text.IndexOf("Wlak", StringComparison.Ordinal), d.Span.Start);
        Assert.Empty(result.Models);
    }

    [Fact]
    public void A_kind_that_needs_on_says_so_and_an_mdp_refuses_it()
    {
        var missing = Assert.Single(Compile("toy Probe { param k = 3 }").Diagnostics);
        Assert.Equal(DiagnosticIds.TargetMismatch, missing.Id);
        Assert.Contains("toy Probe on OtherModel", missing.Message);

        var text = "toy Probe on Walk { param k = 1 }\n" + Mdp.Replace("mdp Walk", "mdp Walk on Probe");
        var refused = Assert.Single(Compile(text).Diagnostics);
        Assert.Equal(DiagnosticIds.TargetMismatch, refused.Id);
        Assert.Equal(text.LastIndexOf("Probe", StringComparison.Ordinal), refused.Span.Start);
    }

    [Fact]
    public void A_member_the_kind_does_not_have_is_reported_where_it_is()
    {
        var text = "toy Probe on Walk {\n  param k = 3\n  state s in 0..3\n}\n" + Mdp;
        var d = Assert.Single(Compile(text).Diagnostics);
        Assert.Equal(DiagnosticIds.MemberNotAllowed, d.Id);
        Assert.Equal("`state` does not belong in `toy` models; they declare only param and let", d.Message);
        Assert.Equal((3, 9), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void An_unknown_modifier_lists_the_kinds_modifiers()
    {
        var d = Assert.Single(Compile(Mdp + "\ntoy Probe on Walk quiet { }\n").Diagnostics);
        Assert.Equal(DiagnosticIds.UnknownModifier, d.Id);
        Assert.Equal("unknown modifier 'quiet' for `toy` models; the modifiers are loud", d.Message);
    }

    [Fact]
    public void The_registry_is_a_value_and_an_unknown_kind_lists_the_registered_ones()
    {
        Assert.False(KindRegistry.Default.TryGet("toy", out _));
        Assert.True(WithToy.TryGet("toy", out _));
        Assert.Equal(new[] { "bandit", "experiment", "game", "mdp", "problem", "toy" }, WithToy.Keywords);

        var withDefault = Assert.Single(RlSpecCompiler.Compile("k.rlspec", "toy Probe on Walk { }\n" + Mdp).Diagnostics);
        Assert.Equal(DiagnosticIds.UnknownModelKind, withDefault.Id);
        Assert.Equal("unknown model kind 'toy'; the known kinds are bandit, experiment, game, mdp, problem", withDefault.Message);

        var d = Assert.Single(Compile("tyo Probe on Walk { }\n" + Mdp).Diagnostics);
        Assert.Equal("unknown model kind 'tyo'; the known kinds are bandit, experiment, game, mdp, problem, toy", d.Message);
    }
}
