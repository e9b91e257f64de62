using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using RlSpec.Cli;
using RlSpec.Generators;
using RlSpec.Tests.Compiler;
using Xunit;

namespace RlSpec.Tests.Hosts;

/// <summary>Deep input in every host: the CLI and the source generator report RLS0004 and never crash.</summary>
public class DeepInputHostTests
{
    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    public static System.Collections.Generic.IEnumerable<object[]> KindNames() => DeepInputTests.KindNames();

    [Theory]
    [MemberData(nameof(KindNames))]
    public void The_cli_reports_20_000_levels_as_one_diagnostic_and_exits_1(string kind)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rlspec-deep-{Path.GetRandomFileName()}.rlspec");
        File.WriteAllText(path, DeepInputTests.Model(DeepInputTests.Kinds[kind](20_000)));
        try
        {
            var (code, output) = DeepInputTests.OnSmallStack(() =>
            {
                var o = new StringWriter();
                return (Program.Run(new[] { "check", path }, o, new StringWriter()), o.ToString());
            });
            Assert.Equal(1, code);
            var line = Assert.Single(output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries));
            Assert.Matches(@"\.rlspec\(6,\d+\): error RLS0004: ", line);
        }
        finally { File.Delete(path); }
    }

    private static double[] SolveValues(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rlspec-long-{Path.GetRandomFileName()}.rlspec");
        File.WriteAllText(path, text);
        try
        {
            var o = new StringWriter();
            var e = new StringWriter();
            var code = Program.Run(new[] { "solve", path, "--format", "json" }, o, e);
            Assert.True(code == 0, e.ToString() + o);
            return System.Text.Json.JsonDocument.Parse(o.ToString()).RootElement.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void The_deepest_allowed_input_builds_with_the_CSharp_compiler_and_solves_on_a_1_MB_stack(string kind)
    {
        // The emitted C# nests as deep as the model: Roslyn must accept it too (no CS8078), here as `rlspec solve` runs it.
        var text = DeepInputTests.Model(DeepInputTests.Kinds[kind](DeepInputTests.DeepestAllowed(kind)));
        var values = DeepInputTests.OnSmallStack(() => SolveValues(text));
        Assert.Equal(3, values.Length);
    }

    [Fact]
    public void A_sum_of_3_000_state_terms_is_split_into_locals_and_solves_to_its_closed_form()
    {
        // reward s + s + ... (3,000 terms) = 3000 s every step, discount 0.9, staying put: V(s) = 3000 s / (1 - 0.9).
        var text = DeepInputTests.Model(string.Join(" + ", Enumerable.Repeat("s", 3000)));
        var source = RlSpec.Compiler.RlSpecCompiler.Compile("long.rlspec", text).Models.Single().Source;
        // ExpressionEmitter.ChunkSize links per statement; the reward is written twice, in the exact
        // transitions and in the generative step (Sample).
        Assert.Equal(2 * (3000 / 256),
            System.Text.RegularExpressions.Regex.Matches(source, @"\bint part\d* = ").Count);
        var values = SolveValues(text);
        for (int s = 0; s < 3; s++) Assert.Equal(30000.0 * s, values[s], 6);
    }

    [Fact]
    public void A_long_chain_under_a_guard_is_not_computed_before_the_guard()
    {
        // l[s + 1] is out of range at s = 2, where the guard is false: splitting the chain into statements
        // before the `if` would throw there. Rewards: s = 0: 3000 l[1] = 6000; s = 1: 3000 l[2] = 9000.
        var value = string.Join(" + ", Enumerable.Repeat("l[s + 1]", 3000));
        var text = "mdp M {\n  state s in 0..2\n  action a\n  discount 0.9\n  let l = [1, 2, 3]\n  a: stay\n  reward when s < 2: " + value + "\n}\n";
        var source = RlSpec.Compiler.RlSpecCompiler.Compile("guarded.rlspec", text).Models.Single().Source;
        Assert.DoesNotMatch(@"\bpart\d* = ", source);
        var values = SolveValues(text);
        Assert.Equal(6000 / 0.1, values[0], 6);
        Assert.Equal(9000 / 0.1, values[1], 6);
        Assert.Equal(0, values[2], 9);
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void The_generator_reports_20_000_levels_as_RLS0004_at_the_rlspec_file(string kind)
    {
        var text = DeepInputTests.Model(DeepInputTests.Kinds[kind](20_000));
        var compilation = CSharpCompilation.Create("consumer", new[] { CSharpSyntaxTree.ParseText("class C {}") },
            // The runtime is referenced, as in a real project: without it the generator reports RLS0502 instead.
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(typeof(RlSpec.Runtime.Mdp.IMdp).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var result = DeepInputTests.OnSmallStack(() => CSharpGeneratorDriver
            .Create(new[] { new RlSpecGenerator().AsSourceGenerator() }, additionalTexts: new[] { new InMemoryText("/m/deep.rlspec", text) })
            .RunGenerators(compilation).GetRunResult().Results.Single());
        Assert.Null(result.Exception);
        Assert.Empty(result.GeneratedSources);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("RLS0004", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        var span = d.Location.GetLineSpan();
        Assert.Equal("/m/deep.rlspec", span.Path);
        Assert.Equal(5, span.StartLinePosition.Line); // 0-based: line 6, the reward
    }
}
