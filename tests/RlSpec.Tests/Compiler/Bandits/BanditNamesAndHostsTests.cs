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
using RlSpec.Runtime.Bandits;
using Xunit;

namespace RlSpec.Tests.Compiler.Bandits;

/// <summary>
/// Emitted bandits compile whatever their names mean to C# (a bandit called Math, Random or System; a
/// parameter called instanceSeed; a bandit named like a member), and a bad bandit gets the same diagnostic
/// from the compiler API, from `rlspec check` and from the source generator.
/// </summary>
public class BanditNamesAndHostsTests
{
    public static IEnumerable<object[]> HostileModels() => new[]
    {
        new object[] { "bandit Math { param instanceSeed = 2\n let Random = 0.5\n arms [bernoulli(Random / i) for i in 1..instanceSeed], uniform(0, 1) }" },
        new object[] { "bandit Random { param System = 3\n arms [normal(System, 1) for Sampling in 1..System] }" },
        new object[] { "bandit System { param Math = 4, arms = 2\n let theta = normalize(gaussian_vector(Math, seed = arms))\n arms [unit_vector_random(Math, seed = global) for global in 1..3]\n reward(Vectors) ~ normal(dot(theta, Vectors), 0.5) }" },
        new object[] { "bandit Mean adversarial { param ArmCount = 3\n arms ArmCount\n reward(step, random) = if random == step % ArmCount then beta(2, 2) else uniform(0, 0.5) }" },
        new object[] { "bandit Pull adversarial { arms 2\n reward(rewards, armCount) = if armCount == 0 then 0.25 else rewards % 2 }" },
    };

    [Theory]
    [MemberData(nameof(HostileModels))]
    public void Bandits_named_like_CSharp_and_framework_names_compile_and_run(string source)
    {
        var result = RlSpecCompiler.Compile("names.rlspec", source);
        Assert.True(!result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        var model = Assert.Single(result.Models);
        var warnings = EmittedCompilation.Diagnostics(new[] { model.Source }, documentation: true)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS0436").ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings) + "\n" + model.Source);
        var bandit = BanditBehaviourTests.Load(source);
        var random = RlSpec.Runtime.Randomness.RandomStream.Create(1, 2);
        if (bandit.Family == BanditFamily.Adversarial)
        {
            var rewards = new double[bandit.ArmCount];
            bandit.Rewards(3, ref random, rewards);
            Assert.All(rewards, r => Assert.InRange(r, 0, 1));
        }
        else Assert.False(double.IsNaN(bandit.Pull(0, ref random)));
    }

    [Fact]
    public void A_bandit_named_like_a_member_gets_another_type_name()
    {
        var model = Assert.Single(RlSpecCompiler.Compile("m.rlspec", "bandit Mean adversarial { arms 2\n reward(t, a) = 0.5 }").Models);
        Assert.Equal("RlSpec.Models.MeanModel", model.TypeName);
    }

    [Theory]
    [InlineData("bernoulli9.rlspec", "Stochastic")]
    [InlineData("mixed.rlspec", "Stochastic")]
    [InlineData("linear.rlspec", "Linear")]
    [InlineData("adversarial.rlspec", "Adversarial")]
    public void The_setting_read_from_syntax_is_the_family_of_the_emitted_bandit(string file, string family)
    {
        // A kind that runs `on` a bandit sees its declaration as syntax, as an experiment does.
        var text = File.ReadAllText(Path.Combine(Paths.Examples, "bandits", file));
        var name = Assert.Single(RlSpecCompiler.Compile(file, text).Models, m => m.Kind == "bandit").Name;
        var probe = new SettingProbe();
        var result = RlSpecCompiler.Compile(file, text + $"\nprobe P on {name} {{ }}\n", kinds: RlSpec.Compiler.Kinds.KindRegistry.Default.With(probe));
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        Assert.Equal(family, probe.Seen.ToString());
        Assert.Equal(family, BanditBehaviourTests.Load(text).Family.ToString());
    }

    private sealed class SettingProbe : RlSpec.Compiler.Kinds.ModelKind
    {
        public RlSpec.Compiler.Kinds.Bandit.Binding.BanditSetting? Seen { get; private set; }

        public override string Keyword => "probe";

        public override RlSpec.Compiler.Kinds.TargetUse Target => RlSpec.Compiler.Kinds.TargetUse.Required;

        public override bool Allows(RlSpec.Compiler.Syntax.MemberNode member) => false;

        public override string MemberSummary => "nothing";

        public override RlSpec.Compiler.Kinds.EmittedCode? Compile(RlSpec.Compiler.Semantics.Binder binder, CancellationToken cancellationToken)
        {
            Seen = RlSpec.Compiler.Kinds.Bandit.BanditKind.SettingOf(binder.Model.Target!);
            return null;
        }
    }

    [Fact]
    public void Rlspec_solve_on_a_bandit_lists_the_means_and_points_to_rlspec_run()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var bernoulli = Path.Combine(Paths.Examples, "bandits", "bernoulli9.rlspec");
        Assert.Equal(0, Program.Run(new[] { "solve", bernoulli }, output, error));
        var lines = output.ToString().Replace("\r", "").Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Bernoulli9: a stochastic bandit with 9 arms.", lines[0]);
        Assert.Equal("Best arm: 8, mean 0.9.", lines[1]);
        Assert.Equal("  3  0.4", lines[6]);
        Assert.Contains("rlspec run", lines[^1]);

        output = new StringWriter();
        var linear = Path.Combine(Paths.Examples, "bandits", "linear.rlspec");
        Assert.Equal(0, Program.Run(new[] { "solve", linear, "-p", "K=30", "-p", "d=2" }, output, error));
        Assert.StartsWith("Linear: a linear bandit with 30 arms in d = 2.", output.ToString());
        Assert.Equal("", error.ToString());
    }

    private const string Bad = "bandit Coins {\n  arms bernoulli(0.5), bernoulli(1.2)\n}\n";
    private const string Expected = "(2,34): error RLS0600: arm 1: the probability p of bernoulli is 1.2 but must be in [0, 1]";

    [Fact]
    public void An_arm_out_of_range_is_the_same_diagnostic_in_the_compiler_the_cli_and_the_generator()
    {
        var api = Assert.Single(RlSpecCompiler.Compile("coins.rlspec", Bad).Diagnostics);
        Assert.Equal("coins.rlspec" + Expected, api.Format());

        var path = Path.Combine(Path.GetTempPath(), $"rlspec-coins-{Path.GetRandomFileName()}.rlspec");
        File.WriteAllText(path, Bad);
        try
        {
            var output = new StringWriter();
            Assert.Equal(1, Program.Run(new[] { "check", path }, output, new StringWriter()));
            var line = Assert.Single(output.ToString().Split('\n', System.StringSplitOptions.RemoveEmptyEntries));
            Assert.EndsWith(Path.GetFileName(path) + Expected, line.TrimEnd('\r'));
        }
        finally { File.Delete(path); }

        var compilation = CSharpCompilation.Create("consumer", new[] { CSharpSyntaxTree.ParseText("class C {}") },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(typeof(IBandit).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var run = CSharpGeneratorDriver
            .Create(new[] { new RlSpecGenerator().AsSourceGenerator() }, additionalTexts: new[] { new InMemoryText("/m/coins.rlspec", Bad) })
            .RunGenerators(compilation).GetRunResult().Results.Single();
        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratedSources);
        var d = Assert.Single(run.Diagnostics);
        Assert.Equal("RLS0600", d.Id);
        Assert.Equal("arm 1: the probability p of bernoulli is 1.2 but must be in [0, 1]", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var span = d.Location.GetLineSpan();
        Assert.Equal(("/m/coins.rlspec", 1, 33), (span.Path, span.StartLinePosition.Line, span.StartLinePosition.Character));
    }

    /// <summary>The golden bandit mistakes (RLS06xx) that take no command-line overrides.</summary>
    public static IEnumerable<object[]> BanditCases() =>
        Directory.GetFiles(Path.Combine(Paths.Tests, "Diagnostics", "Cases"), "RLS06*.rlspec")
            .Where(f => !File.ReadAllText(f).StartsWith("// -p"))
            .Select(f => new object[] { Path.GetFileName(f) }).OrderBy(x => (string)x[0]);

    [Theory]
    [MemberData(nameof(BanditCases))]
    public void Every_bandit_mistake_reads_the_same_in_the_cli_and_the_generator(string file)
    {
        var path = Path.Combine(Paths.Tests, "Diagnostics", "Cases", file);
        var text = File.ReadAllText(path);
        var api = RlSpecCompiler.Compile(file, text).Diagnostics;
        Assert.NotEmpty(api);

        var output = new StringWriter();
        Assert.Equal(1, Program.Run(new[] { "check", path }, output, new StringWriter()));
        var lines = output.ToString().Replace("\r", "").Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(api.Select(d => d.Format()), lines.Select(l => l.Substring(l.IndexOf(file, System.StringComparison.Ordinal))));

        var compilation = CSharpCompilation.Create("consumer", new[] { CSharpSyntaxTree.ParseText("class C {}") },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(typeof(IBandit).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var run = CSharpGeneratorDriver
            .Create(new[] { new RlSpecGenerator().AsSourceGenerator() }, additionalTexts: new[] { new InMemoryText("/m/" + file, text) })
            .RunGenerators(compilation).GetRunResult().Results.Single();
        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratedSources);
        Assert.Equal(
            api.Select(d => (d.Id, d.Message, d.Span.Line - 1, d.Span.Column - 1)),
            run.Diagnostics.Select(d => (d.Id, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), d.Location.GetLineSpan().StartLinePosition.Line, d.Location.GetLineSpan().StartLinePosition.Character)));
    }

    [Fact]
    public void The_generator_emits_a_bandit_that_the_consumer_compiles()
    {
        var text = File.ReadAllText(Path.Combine(Paths.Examples, "bandits", "linear.rlspec"));
        var compilation = CSharpCompilation.Create("consumer", new[] { CSharpSyntaxTree.ParseText("class C { double M() { var b = RlSpec.Models.Linear.Create(d: 3); return b.Mean(0); } }") },
            EmittedReferences(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        CSharpGeneratorDriver.Create(new[] { new RlSpecGenerator().AsSourceGenerator() }, additionalTexts: new[] { new InMemoryText("/m/linear.rlspec", text) })
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        var errors = output.GetDiagnostics().Where(x => x.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static MetadataReference[] EmittedReferences() =>
        ((string)System.AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.Length > 0 && !p.EndsWith("RlSpec.Tests.dll"))
            .Append(typeof(IBandit).Assembly.Location).Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
