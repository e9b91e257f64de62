using System;
using System.IO;
using System.Linq;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Experiments.Output;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Runtime.Experiments.Episodic;

/// <summary>
/// The episodic engine's bookkeeping on <see cref="TwoStates"/> (H = 2) against a hand computation, its
/// reproducibility for any thread count and shard layout, and an episode that allocates nothing.
/// </summary>
public class EpisodicExperimentTests
{
    // By hand, rewards scaled by 1/2 (r' = r/2): last step V_2(s0) = max(0, 1/2) = 1/2, V_2(s1) = max(1, 0) = 1;
    // first step V_1(s0) = max(0 + 1/2, 1/2 + (1/2)(1/2) + (1/2)(1)) = 5/4. So V*_1(ρ) = 5/4 with ρ = s0.
    private const double Optimal = 1.25;

    // Playing go with probability 1/4: V_2(s0) = (1/4)(1/2) = 1/8, V_2(s1) = (3/4)(1) = 3/4;
    // V_1(s0) = (3/4)(0 + 1/8) + (1/4)(1/2 + (1/2)(1/8) + (1/2)(3/4)) = 3/32 + 15/64 = 21/64.
    private const double QuarterValue = 21.0 / 64;

    // With probability 3/4: V_2(s0) = 3/8, V_2(s1) = 1/4; V_1(s0) = (1/4)(3/8) + (3/4)(1/2 + 3/16 + 1/8) = 3/32 + 39/64 = 45/64.
    private const double ThreeQuarterValue = 45.0 / 64;

    private static ExperimentResult Run(ExperimentSpec spec, RunOptions options) =>
        EpisodicExperiment.Run(spec, EpisodicFixtures.Algorithms(), new TwoStates(), 2, options);

    [Fact]
    public void Regret_is_the_hand_computed_gap_per_episode_and_realized_regret_adds_up_with_the_reward()
    {
        var result = Run(EpisodicFixtures.Spec(), new RunOptions { Threads = 1 });
        Assert.Equal(Optimal, result.Facts.Single(f => f.Name == "optimal_value").Value, 15);
        Assert.Equal(0, result.Facts.Single(f => f.Name == "reward_min").Value);
        Assert.Equal(2, result.Facts.Single(f => f.Name == "reward_max").Value);
        var layout = result.Layouts[0];
        var regret = layout.Find(Statistic.Regret)!;
        var realized = layout.Find(Statistic.RealizedRegret)!;
        var reward = layout.Find(Statistic.Reward)!;
        double[] perEpisode = [Optimal - QuarterValue, Optimal - ThreeQuarterValue];
        for (int p = 0; p < result.Runs.Count; p++)
            for (int a = 0; a < 2; a++)
                for (int c = 0; c < result.CheckpointSteps.Length; c++)
                {
                    long k = result.CheckpointSteps[c];
                    Assert.Equal(k * perEpisode[a], result.Value(0, p, a, regret, c), 9);
                    Assert.Equal(k * Optimal, result.Value(0, p, a, realized, c) + result.Value(0, p, a, reward, c), 9);
                }
    }

    [Fact]
    public void Realized_regret_is_the_exact_regret_on_average()
    {
        // Realized regret per episode is V* minus the return of one episode; its mean is the exact regret.
        var result = Run(EpisodicFixtures.Spec(runs: 200, episodes: 400), new RunOptions { Threads = 2 });
        var layout = result.Layouts[0];
        for (int a = 0; a < 2; a++)
        {
            var exact = result.Aggregate(0, a, layout.Find(Statistic.Regret)!, layout.Find(Statistic.Regret)!.Points - 1).Summary;
            var realized = result.Aggregate(0, a, layout.Find(Statistic.RealizedRegret)!, layout.Find(Statistic.RealizedRegret)!.Points - 1).Summary;
            Assert.InRange(exact.Mean, realized.Mean - 4 * realized.Sd / Math.Sqrt(realized.Count), realized.Mean + 4 * realized.Sd / Math.Sqrt(realized.Count));
        }
    }

    [Fact]
    public void The_algorithm_sees_rewards_rescaled_to_the_unit_interval()
    {
        var algorithm = new FixedPolicy(0.5);
        var entry = new EpisodicAlgorithmEntry<FixedPolicy>("fixed", "", null, () => algorithm);
        // The entry's create returns a copy whose arrays are made in Reset; run one episode through the loop directly.
        var result = EpisodicExperiment.Run(EpisodicFixtures.Spec(runs: 1, episodes: 1, checkpoints: Checkpoints.Linear(1)), [entry], new TwoStates(), 2, new RunOptions { Threads = 1 });
        Assert.False(result.Partial);
        var truth = RlSpec.Runtime.Experiments.Episodic.EpisodicGroundTruth.Build(new TwoStates(), 2, "x");
        Assert.Equal(0.5, truth.Scale);
        Assert.Equal([0.0, 0.5, 1.0, 0.0], new[] { 0.0, 1.0, 2.0, 0.0 }.Select(truth.Rescale).ToArray());
    }

    [Fact]
    public void A_policy_that_is_not_a_distribution_is_refused()
    {
        var entries = new EpisodicAlgorithmEntry[] { new EpisodicAlgorithmEntry<BrokenPolicy>("broken", "", null, () => new BrokenPolicy(0.5)) };
        var ex = Assert.Throws<ExperimentException>(() => EpisodicExperiment.Run(EpisodicFixtures.Spec(), entries, new TwoStates(), 2, new RunOptions { Threads = 1 }));
        Assert.Equal(ExperimentErrorIds.InvalidPolicy, ex.Id);
        Assert.Contains("sum to 0.5", ex.Message);
    }

    [Fact]
    public void A_time_dependent_model_is_refused()
    {
        var ex = Assert.Throws<ExperimentException>(() => EpisodicExperiment.Run(EpisodicFixtures.Spec(), EpisodicFixtures.Algorithms(),
            new RlSpec.Tests.Runtime.Models.SlipperyChain(4), 2, new RunOptions { Threads = 1 }));
        Assert.Equal(ExperimentErrorIds.InvalidMdp, ex.Id);
    }

    [Fact]
    public void Outputs_do_not_depend_on_threads_or_shards()
    {
        var spec = EpisodicFixtures.Spec(runs: 11);
        var one = Run(spec, new RunOptions { Threads = 1 });
        var two = Run(spec, new RunOptions { Threads = 2 });
        Assert.Equal(ExperimentFixtures.Csv(one), ExperimentFixtures.Csv(two));
        Assert.Equal(ExperimentFixtures.JsonWithoutTiming(one), ExperimentFixtures.JsonWithoutTiming(two));
        Assert.Contains("\"unit\": \"episodes\"", ExperimentFixtures.Json(one));
        Assert.Contains("\"reward_max\": 2", ExperimentFixtures.Json(one));
        Assert.NotEqual(ExperimentFixtures.Csv(one), ExperimentFixtures.Csv(Run(EpisodicFixtures.Spec(runs: 11, seed: 8), new RunOptions { Threads = 2 })));

        foreach (int shards in new[] { 2, 3, 5 })
        {
            string dir = ExperimentFixtures.TempDirectory(), merged = ExperimentFixtures.TempDirectory(), single = ExperimentFixtures.TempDirectory();
            try
            {
                for (int i = 0; i < shards; i++) ExperimentOutput.WriteAll(Run(spec, new RunOptions { Threads = 2, Shard = new ShardSpec(i, shards) }), dir);
                var result = ExperimentMerge.Merge(ExperimentMerge.FindShardFiles([dir]));
                ExperimentOutput.WriteAll(result, merged);
                ExperimentOutput.WriteAll(one, single);
                Assert.Equal(File.ReadAllBytes(Path.Combine(single, "results.csv")), File.ReadAllBytes(Path.Combine(merged, "results.csv")));
                string Json(string d) => System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(Path.Combine(d, "summary.json")), "\"wall_time_seconds\": [^\n]*", "");
                Assert.Equal(Json(single), Json(merged));
            }
            finally
            {
                foreach (var d in new[] { dir, merged, single }) Directory.Delete(d, recursive: true);
            }
        }
    }

    [Fact]
    public void An_episode_allocates_nothing_after_warm_up()
    {
        // The same experiment with 10 and with 2,010 episodes (one checkpoint each): every per-run and per-experiment
        // allocation is the same, so the difference is what 2,000 episodes allocate.
        long Bytes(long episodes) => Allocations.Least(() => Run(EpisodicFixtures.Spec(runs: 1, episodes: episodes, checkpoints: Checkpoints.Linear(episodes)), new RunOptions { Threads = 1 }));
        long few = Bytes(10), many = Bytes(2010);
        Assert.True(many - few <= 0, $"2,000 more episodes allocated {many - few} bytes ({few} for 10 episodes, {many} for 2,010)");
    }
}
