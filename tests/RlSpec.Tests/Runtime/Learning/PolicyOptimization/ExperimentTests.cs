using System;
using System.IO;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Experiments.Output;
using RlSpec.Runtime.Learning.PolicyOptimization;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.Tests.Runtime.Learning.PolicyOptimization;

/// <summary><see cref="PolicyOptimizationExperiment.Run"/>: exact curves, thread-count independence, refusals, outputs.</summary>
public class ExperimentTests
{
    private static readonly TabularModel M = TabularModel.Random(6, 3, 0.9, seed: 41, disableOne: true);

    private static ExperimentSpec Spec(params Statistic[] record) => new()
    {
        Name = "po", Model = "random6", Horizon = 40, Runs = 3, Seed = 17,
        Checkpoints = Checkpoints.Linear(10),
        Record = record.Length > 0 ? record : [Statistic.Suboptimality, Statistic.RegularizedGap, Statistic.PolicyDistance],
    };

    private static PolicyOptimizerEntry[] Entries() =>
    [
        new PolicyOptimizerEntry<NaturalPolicyGradient>("npg", "NPG", [new("step", "0.1")], () => new NaturalPolicyGradient(0.1, 1.0, 0)),
        new PolicyOptimizerEntry<PolicyMirrorDescentKl>("pmd_kl", "PMD-KL sampled", [new("samples", "5")], () => new PolicyMirrorDescentKl(1.0, 5)),
        new PolicyOptimizerEntry<EntropyRegularizedNpg>("entropy_npg", "entropy NPG", [new("tau", "0.05")], () => new EntropyRegularizedNpg(0.5, 0.05, 0)),
    ];

    private static ExperimentResult Run(int threads, ExperimentSpec? spec = null) =>
        PolicyOptimizationExperiment.Run(spec ?? Spec(), Entries(), M.Model, M.Gamma, M.Start, new RunOptions { Threads = threads });

    [Fact]
    public void RecordsTheExactGapsOfTheIterates()
    {
        var result = Run(1);
        var layout = result.Layouts[0];
        var sub = layout.Find(Statistic.Suboptimality)!;
        var gap = layout.Find(Statistic.RegularizedGap)!;
        var distance = layout.Find(Statistic.PolicyDistance)!;
        Assert.Equal([10L, 20, 30, 40], result.CheckpointSteps);

        // NPG by hand, measured with the slow reference
        var npg = new NaturalPolicyGradient(0.1, 1.0, 0);
        npg.Reset(M.Setup());
        var random = RandomStream.Create(0, 0);
        double best = M.Expected(M.OptimalValues());
        for (int k = 1, c = 0; k <= 40; k++)
        {
            npg.Step(k, ref random);
            if (k % 10 != 0) continue;
            for (int position = 0; position < 3; position++)
            {
                Assert.Equal(best - M.Expected(M.Values(npg.Policy.ToArray())), result.Value(0, position, 0, sub, c), 1e-10);
                Assert.Equal(result.Value(0, position, 0, sub, c), result.Value(0, position, 0, gap, c)); // τ = 0
            }
            c++;
        }
        // entropy NPG: the regularized gap against π*_τ goes to 0, the plain suboptimality does not
        Assert.True(result.Value(0, 0, 2, gap, 3) < 1e-8);
        Assert.True(result.Value(0, 0, 2, sub, 3) > 1e-4);
        // the distance to π* shrinks for NPG
        Assert.True(result.Value(0, 0, 0, distance, 3) < result.Value(0, 0, 0, distance, 0));
        // sampled runs differ from each other
        Assert.NotEqual(result.Value(0, 0, 1, sub, 0), result.Value(0, 1, 1, sub, 0));
    }

    [Fact]
    public void TheResultDoesNotDependOnTheThreadCount()
    {
        var one = Run(1);
        var two = Run(2);
        for (int position = 0; position < 3; position++)
            for (int a = 0; a < 3; a++)
                Assert.Equal(one.Block(0, position, a).ToArray(), two.Block(0, position, a).ToArray());
    }

    [Fact]
    public void WritesTheUsualOutputs()
    {
        var result = Run(2);
        var csv = new StringWriter();
        ExperimentCsv.Write(result, csv);
        Assert.Contains("suboptimality", csv.ToString());
        Assert.Contains("policy_distance", csv.ToString());
        using var json = new MemoryStream();
        ExperimentJson.Write(result, json);
        Assert.Contains("regularized_gap", System.Text.Encoding.UTF8.GetString(json.ToArray()));
    }

    [Fact]
    public void RefusesBanditStatisticsAndBadSteps()
    {
        var e = Assert.Throws<ExperimentException>(() => Run(1, Spec(Statistic.Regret)));
        Assert.Equal(ExperimentErrorIds.InvalidRequest, e.Id);
        Assert.Contains("'regret' is not recorded by policy optimization", e.Message);

        PolicyOptimizerEntry[] tooLarge = [new PolicyOptimizerEntry<EntropyRegularizedNpg>("entropy_npg", "", null, () => new EntropyRegularizedNpg(5, 0.1, 0))];
        e = Assert.Throws<ExperimentException>(() => PolicyOptimizationExperiment.Run(Spec(), tooLarge, M.Model, M.Gamma, M.Start, new RunOptions { Threads = 1 }));
        Assert.Contains("step ≤ (1 − γ)/τ", e.Message);

        e = Assert.Throws<ExperimentException>(() => PolicyOptimizationExperiment.Run(Spec(), Entries(), M.Model, 1.0, M.Start));
        Assert.Contains("discount in (0, 1)", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new NaturalPolicyGradient(0, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PolicyMirrorDescentKl(1, -1));
    }
}
