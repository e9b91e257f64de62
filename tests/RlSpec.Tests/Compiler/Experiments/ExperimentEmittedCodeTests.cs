using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using RlSpec.Cli.Hosting;
using RlSpec.Compiler;
using RlSpec.Runtime.Bandits;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Randomness;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Compiler.Experiments;

/// <summary>
/// The C# emitted for each experiment of examples/bandits is pinned by a snapshot, compiles without
/// warnings next to its bandit, and runs: the generated API (compiled into this test assembly by the
/// source generator) takes the declared settings, other runs and seeds, and a researcher's own algorithm.
/// </summary>
public class ExperimentEmittedCodeTests
{
    private static string Directory => Path.Combine(Paths.Examples, "bandits");

    private static CompilationResult CompileExample(string file)
    {
        var result = RlSpecCompiler.Compile("examples/bandits/" + file, File.ReadAllText(Path.Combine(Directory, file)));
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
    public void Emitted_code_compiles_without_warnings_next_to_its_bandit(string file, string experiment)
    {
        var models = CompileExample(file).Models;
        Assert.Contains(models, m => m.Name == experiment);
        var diagnostics = EmittedCompilation.Diagnostics(models.Select(m => m.Source), documentation: true)
            // CS0436: the test assembly (a reference here) holds the same types, generated from the same files.
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS0436").ToList();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    [Fact]
    public void Every_algorithm_argument_is_explicit_and_labels_follow_the_rules()
    {
        var source = CompileExample("bernoulli9.rlspec").Models.Single(m => m.Name == "Regret").Source;
        Assert.Contains("() => new global::RlSpec.Runtime.Bandits.Algorithms.KlUcb(c: 0.0)", source);
        Assert.Contains("new global::RlSpec.Runtime.Bandits.Algorithms.UcbAlpha(alpha: 0.5)", source);
        Assert.Contains("\"ucb_alpha\", \"UCB \\u03B1=0.5\"", source);
        Assert.Contains("global::RlSpec.Runtime.Experiments.Checkpoints.Logarithmic(50)", source);
        var adversarial = CompileExample("adversarial.rlspec").Models.Single(m => m.Kind == "experiment").Source;
        Assert.Contains("\"exp3\", \"exp3(eta=0)\"", adversarial);
        Assert.Contains("\"exp3\", \"EXP3 anytime\"", adversarial);
        Assert.Contains("Switching.Create(10, instanceSeed)", adversarial);
    }

    [Fact]
    public void The_generated_api_runs_the_declared_experiment_with_other_runs_and_seed()
    {
        var spec = RlSpec.Models.Regret.Spec(runs: 8, seed: 5);
        Assert.Equal((10_000L, 8, 5UL), (spec.Horizon, spec.Runs, spec.Seed));
        Assert.Equal(Checkpoints.Logarithmic(50), spec.Checkpoints);
        Assert.Equal(new[] { Statistic.Regret, Statistic.Counts }, spec.Record);
        Assert.True(spec.Plot.LogX);
        var declared = RlSpec.Models.Regret.Spec();
        Assert.Equal((1000, 42UL), (declared.Runs, declared.Seed));
        var algorithms = RlSpec.Models.Regret.Algorithms();
        Assert.Equal(new[] { "ucb1", "UCB α=0.5", "moss", "kl_ucb", "thompson", "bayes_ucb", "epsilon_greedy", "exp3", "exp3_ix" }, algorithms.Select(a => a.Label));

        var result = RlSpec.Models.Regret.Run(spec, algorithms.Where(a => a.Name is "ucb1" or "thompson").ToList(), new RunOptions { Threads = 2 });
        var regret = result.Layouts[0].Find(Statistic.Regret)!;
        double Final(int a) => result.Aggregate(0, a, regret, regret.Points - 1).Summary.Mean;
        // Thompson sampling's regret on these arms is a fraction of UCB1's (about 40 against 320 at 10^4 steps).
        Assert.True(Final(1) < Final(0) / 2, $"thompson {Final(1)}, ucb1 {Final(0)}");
    }

    /// <summary>A researcher's own algorithm: pulls the arms in turn. Its pseudo-regret is known exactly.</summary>
    private struct RoundRobin : IBanditAlgorithm
    {
        private int _arms;
        public void Reset(BanditSetup setup) => _arms = setup.ArmCount;
        public int Select(long t, ref RandomStream random) => (int)((t - 1) % _arms);
        public void Update(int arm, double reward) { }
    }

    [Fact]
    public void A_researchers_own_algorithm_runs_next_to_the_built_in_ones()
    {
        var algorithms = RlSpec.Models.Regret.Algorithms().Take(1)
            .Append(new AlgorithmEntry<RoundRobin>("round_robin", "round robin", null, () => new RoundRobin())).ToList();
        var result = RlSpec.Models.Regret.Run(RlSpec.Models.Regret.Spec(runs: 3), algorithms, new RunOptions { Threads = 1 });
        var regret = result.Layouts[0].Find(Statistic.Regret)!;
        var summary = result.Aggregate(0, 1, regret, regret.Points - 1).Summary;
        // Arms 0.1..0.9: one cycle of 9 pulls loses 0.8 + 0.7 + ... + 0 = 3.6; 10,000 = 1,111 cycles and one pull of arm 0.
        Assert.Equal(1111 * 3.6 + 0.8, summary.Mean, 9);
        Assert.Equal(0, summary.Sd, 9);
    }

    [Fact]
    public void A_sweep_creates_the_bandit_with_each_value()
    {
        var source = """
            bandit Arms {
              param K = 5
              arms [bernoulli(1.0 * i / (K + 1)) for i in 1..K]
            }
            experiment Growing on Arms {
              horizon 200
              runs 4
              compare ucb1, thompson
              sweep K = [2, 7, 12]
            }
            """;
        var result = RlSpecCompiler.Compile("sweep.rlspec", source);
        Assert.Empty(result.Diagnostics);
        var (assembly, errors) = InMemoryModelCompiler.CompileAll(result.Models);
        Assert.True(assembly != null, string.Join("\n", errors));
        var type = assembly!.GetType("RlSpec.Models.Growing")!;
        var run = (ExperimentResult)type.GetMethod("Run", new[] { typeof(RunOptions) })!.Invoke(null, new object?[] { new RunOptions { Threads = 1 } })!;
        Assert.Equal(new[] { 2, 7, 12 }, run.Layouts.Select(l => l.ArmCount));
        Assert.Equal("K", run.Spec.Sweep!.Parameter);
        Assert.Equal(new[] { "2", "7", "12" }, run.Spec.Sweep!.Values);
    }
}
