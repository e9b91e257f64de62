using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using RlSpec.Runtime.Bandits;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Experiments.Output;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.Tests.Runtime.Experiments;

public class LaiRobbinsTests
{
    [Fact]
    public void The_constant_for_arms_0_1_to_0_9_is_7_52()
    {
        // The (and SMPyBandits') value for 9 Bernoulli arms 0.1, ..., 0.9.
        var means = Enumerable.Range(1, 9).Select(i => 0.1 * i).ToArray();
        Assert.Equal(7.52, LaiRobbins.BernoulliConstant(means), 2);
    }

    [Fact]
    public void Two_arms_by_hand()
    {
        // kl(0.5, 0.9) = 0.5 ln(0.5/0.9) + 0.5 ln(0.5/0.1) = 0.5 ln(25/9); C = 0.4 / kl.
        double kl = 0.5 * Math.Log(25.0 / 9.0);
        Assert.Equal(0.4 / kl, LaiRobbins.BernoulliConstant([0.9, 0.5]), 14);
        Assert.Equal(0, LaiRobbins.BernoulliConstant([0.5, 0.5]));
        var curve = LaiRobbins.Curve([0.9, 0.5], [1.0, 100.0]);
        Assert.Equal(0, curve[0]);
        Assert.Equal(0.4 / kl * Math.Log(100), curve[1], 12);
    }

    [Fact]
    public void Arms_with_a_mean_of_0_or_1_are_finite_and_out_of_range_means_refused()
    {
        // kl(0, q) = ln(1/(1-q)).
        Assert.Equal(0.5 / Math.Log(2), LaiRobbins.BernoulliConstant([0.0, 0.5]), 14);
        Assert.Throws<ArgumentOutOfRangeException>(() => LaiRobbins.BernoulliConstant([1.2, 0.5]));
    }

    // kl of two Bernoulli means, written out here independently of the runtime's KullbackLeibler.
    private static double Kl(double p, double q) => p * Math.Log(p / q) + (1 - p) * Math.Log((1 - p) / (1 - q));

    private static double IndependentConstant(double[] means)
    {
        double best = means.Max();
        return means.Where(m => m < best).Sum(m => (best - m) / Kl(m, best));
    }

    private static ExperimentSpec SweepSpec(InstanceMode instance = InstanceMode.Fixed) => ExperimentFixtures.Spec(runs: 6, horizon: 200, record: [Statistic.Regret]) is var spec
        ? new ExperimentSpec
        {
            Name = spec.Name, Model = spec.Model, Horizon = spec.Horizon, Runs = spec.Runs, Seed = spec.Seed,
            Checkpoints = spec.Checkpoints, Record = spec.Record, Instance = instance,
            Sweep = new ExperimentSweep("K", ["9", "2"]),
        }
        : throw new InvalidOperationException();

    private static BanditArmsBySweep Arms(int sweep) => new(sweep == 0 ? Enumerable.Range(1, 9).Select(i => 0.1 * i).ToArray() : [0.1, 0.2]);

    [Fact]
    public void The_engine_finds_the_constant_of_a_fixed_all_Bernoulli_instance_per_sweep_value_and_the_outputs_and_shards_keep_it()
    {
        var spec = SweepSpec();
        var result = BanditExperiment.Run(spec, ExperimentFixtures.Algorithms(), (_, s) => Arms(s).Bernoulli, new RunOptions { Threads = 1 });
        double nine = IndependentConstant(Enumerable.Range(1, 9).Select(i => 0.1 * i).ToArray());
        Assert.Equal(7.5165, nine, 4); // docs/experiments-claims.md
        Assert.Equal(nine, result.LaiRobbinsConstants[0]!.Value, 12);
        Assert.Equal(0.1 / Kl(0.1, 0.2), result.LaiRobbinsConstants[1]!.Value, 12);

        var json = JsonDocument.Parse(ExperimentFixtures.Json(result)).RootElement.GetProperty("results");
        Assert.Equal(result.LaiRobbinsConstants[0], json[0].GetProperty("lai_robbins_constant").GetDouble());
        Assert.Equal(result.LaiRobbinsConstants[1], json[1].GetProperty("lai_robbins_constant").GetDouble());

        // Two shards written as files and merged: the constants come through the shard header exactly.
        var dir = ExperimentFixtures.TempDirectory();
        try
        {
            for (int i = 0; i < 2; i++)
                ExperimentOutput.WriteAll(BanditExperiment.Run(spec, ExperimentFixtures.Algorithms(), (_, s) => Arms(s).Bernoulli,
                    new RunOptions { Threads = 1, Shard = new ShardSpec(i, 2) }), dir);
            var merged = ExperimentMerge.Merge(ExperimentMerge.FindShardFiles([dir]));
            Assert.Equal(result.LaiRobbinsConstants, merged.LaiRobbinsConstants);
            Assert.Equal(ExperimentFixtures.JsonWithoutTiming(result), ExperimentFixtures.JsonWithoutTiming(merged));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void No_constant_for_an_instance_per_run_arms_that_do_not_say_they_are_Bernoulli_or_an_adversary()
    {
        var perRun = BanditExperiment.Run(SweepSpec(InstanceMode.PerRun), ExperimentFixtures.Algorithms(), (_, s) => Arms(s).Bernoulli, new RunOptions { Threads = 1 });
        Assert.Equal(new double?[] { null, null }, perRun.LaiRobbinsConstants);
        Assert.Contains("\"lai_robbins_constant\": null", ExperimentFixtures.Json(perRun));

        var undeclared = BanditExperiment.Run(SweepSpec(), ExperimentFixtures.Algorithms(), (_, s) => Arms(s), new RunOptions { Threads = 1 });
        Assert.Equal(new double?[] { null, null }, undeclared.LaiRobbinsConstants);

        Assert.Null(LaiRobbins.ConstantOf(new UniformAdversary(3, 1)));
        Assert.Null(LaiRobbins.ConstantOf(new BanditArmsBySweep([0.2, 0.5])));
        Assert.Equal(0.3 / Kl(0.2, 0.5), LaiRobbins.ConstantOf(new BernoulliArms(0.2, 0.5))!.Value, 12);
    }

    /// <summary>Bernoulli arms that do not say so (<see cref="IBandit.Distribution"/> left at its default, Other), like a hand-written bandit.</summary>
    private readonly struct BanditArmsBySweep : IBandit
    {
        public BanditArmsBySweep(double[] means) => Bernoulli = new BernoulliArms(means);
        public BernoulliArms Bernoulli { get; }
        public int ArmCount => Bernoulli.ArmCount;
        public BanditFamily Family => BanditFamily.Stochastic;
        public int Dimension => 0;
        public ReadOnlySpan<double> Features(int arm) => ReadOnlySpan<double>.Empty;
        public double Mean(int arm) => Bernoulli.Mean(arm);
        public double RewardLow => 0;
        public double RewardHigh => 1;
        public double NoiseSigma => double.NaN;
        public double Pull(int arm, ref RandomStream random) => Bernoulli.Pull(arm, ref random);
        public void Rewards(long t, ref RandomStream random, Span<double> rewards) => throw new NotSupportedException();
    }
}
