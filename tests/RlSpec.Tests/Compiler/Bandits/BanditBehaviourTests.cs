using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RlSpec.Cli.Hosting;
using RlSpec.Compiler;
using RlSpec.Models;
using RlSpec.Runtime.Bandits;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.Tests.Compiler.Bandits;

/// <summary>
/// The emitted bandits (the examples, generated into this assembly, and models compiled in memory as the
/// CLI does) against independent numbers: exact means from the closed forms, pulls against those means
/// (chi-square for Bernoulli arms, a z-test of the mean for the others, with a fixed stream), seeded
/// instances against a draw written out here, overrides, and allocation-free pulls.
/// </summary>
public class BanditBehaviourTests
{
    private const ulong Seed = 20261130;

    /// <summary>Compiles a file's bandit in memory with overrides and creates it with the defaults in force.</summary>
    internal static IBandit Load(string source, Dictionary<string, string>? overrides = null)
    {
        var result = RlSpecCompiler.Compile("test.rlspec", source, overrides);
        Assert.True(!result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        // The file's bandit (an example may declare experiments on it after it).
        var loaded = InMemoryModelCompiler.Load(Assert.Single(result.Models, m => m.Kind == "bandit"));
        Assert.Empty(loaded.Errors);
        return Assert.IsAssignableFrom<IBandit>(loaded.Host);
    }

    /// <summary>A bandit's Create called with an instance seed (every parameter left at its default).</summary>
    private static IBandit Recreate(IBandit bandit, ulong instanceSeed)
    {
        var create = bandit.GetType().GetMethod("Create")!;
        var args = create.GetParameters().Select(p => p.Name == "instanceSeed" ? (object)instanceSeed : Type.Missing).ToArray();
        return (IBandit)create.Invoke(null, args)!;
    }

    [Fact]
    public void Bernoulli9_has_the_means_of_its_declaration()
    {
        var b = Bernoulli9.Create();
        Assert.Equal(9, b.ArmCount);
        Assert.Equal(BanditFamily.Stochastic, b.Family);
        Assert.Equal(0, b.Dimension);
        Assert.True(b.Features(0).IsEmpty);
        Assert.True(double.IsNaN(b.NoiseSigma));
        Assert.Equal((0.0, 1.0), (b.RewardLow, b.RewardHigh));
        for (int a = 0; a < 9; a++) Assert.Equal(0.1 * (a + 1), b.Mean(a));
        Assert.Equal(8, b.BestArm);
        for (int a = 0; a < 9; a++) Assert.Equal(RewardDistribution.Bernoulli, b.Distribution(a));
        Assert.Equal(7.5165, LaiRobbins.ConstantOf(b)!.Value, 4);
        Assert.Throws<InvalidOperationException>(() => { var r = RandomStream.Create(1, 1); b.Rewards(1, ref r, new double[9]); });
    }

    [Fact]
    public void Bernoulli_pulls_match_their_means_by_chi_square_and_a_wrong_mean_is_rejected()
    {
        const int n = 100_000;
        var b = Bernoulli9.Create();
        for (int a = 0; a < b.ArmCount; a++)
        {
            var random = RandomStream.Create(Seed, (ulong)a);
            var counts = new long[2];
            for (int k = 0; k < n; k++)
            {
                double r = b.Pull(a, ref random);
                Assert.True(r == 0 || r == 1);
                counts[(int)r]++;
            }
            double p = 0.1 * (a + 1);
            // Bonferroni: family level 1e-3 over 9 arms.
            var fit = ChiSquare.Test(counts, new[] { 1 - p, p });
            Assert.True(fit.PValue > 1e-3 / 9, $"arm {a}: {fit}");
            // Negative control: the same draws against a mean 0.01 off fail.
            var off = ChiSquare.Test(counts, new[] { 1 - (p - 0.01), p - 0.01 });
            Assert.True(off.PValue < 1e-3 / 9, $"arm {a} against p - 0.01: {off}");
        }
    }

    [Fact]
    public void Mixed_arms_have_the_closed_form_means_and_pulls_agree_with_them()
    {
        var b = Mixed.Create();
        // normal(0, 1), normal(0.5, 1), beta(2, 3), uniform(0, 1), exponential(1.5): means and variances by hand.
        var means = new[] { 0.0, 0.5, 2.0 / 5, 0.5, 1 / 1.5 };
        var variances = new[] { 1.0, 1.0, 2.0 * 3 / (25 * 6), 1.0 / 12, 1 / (1.5 * 1.5) };
        var ranges = new[] { (double.NegativeInfinity, double.PositiveInfinity), (double.NegativeInfinity, double.PositiveInfinity), (0, 1), (0, 1), (0, double.PositiveInfinity) };
        Assert.Equal(5, b.ArmCount);
        Assert.Equal(4, b.BestArm);
        Assert.Equal(new[] { RewardDistribution.Gaussian, RewardDistribution.Gaussian, RewardDistribution.Beta, RewardDistribution.Uniform, RewardDistribution.Exponential },
            Enumerable.Range(0, 5).Select(b.Distribution).ToArray());
        Assert.Null(LaiRobbins.ConstantOf(b));
        Assert.Equal((double.NegativeInfinity, double.PositiveInfinity), (b.RewardLow, b.RewardHigh));
        const int n = 200_000;
        for (int a = 0; a < 5; a++)
        {
            Assert.Equal(means[a], b.Mean(a), 15);
            var random = RandomStream.Create(Seed, (ulong)a);
            double sum = 0;
            for (int k = 0; k < n; k++)
            {
                double r = b.Pull(a, ref random);
                Assert.InRange(r, ranges[a].Item1, ranges[a].Item2);
                sum += r;
            }
            // |z| < 4.4: a two-sided level of about 1e-5 per arm.
            double z = (sum / n - means[a]) / Math.Sqrt(variances[a] / n);
            Assert.True(Math.Abs(z) < 4.4, $"arm {a}: mean {sum / n}, expected {means[a]}, z = {z}");
        }
    }

    [Fact]
    public void The_linear_instance_is_the_seeded_draw_and_another_instance_seed_draws_another()
    {
        var b = Linear.Create();
        Assert.Equal((1000, 5), (b.ArmCount, b.Dimension));
        Assert.Equal(BanditFamily.Linear, b.Family);
        Assert.Equal(0.1, b.NoiseSigma);
        // Written out here: θ from stream (0, 7), x_a from stream (0, 100 + a), Gaussian entries normalized.
        var theta = UnitGaussian(5, 0, 7);
        for (int a = 0; a < 1000; a += 37)
        {
            var x = UnitGaussian(5, 0, 100 + a);
            Assert.Equal(x, b.Features(a).ToArray());
            double dot = 0;
            for (int j = 0; j < 5; j++) dot += theta[j] * x[j];
            Assert.Equal(dot, b.Mean(a), 12);
        }
        var again = Linear.Create();
        Assert.Equal(b.Features(999).ToArray(), again.Features(999).ToArray());
        var other = Linear.Create(instanceSeed: 1);
        Assert.NotEqual(b.Features(0).ToArray(), other.Features(0).ToArray());
        Assert.Equal(UnitGaussian(5, 1, 100), other.Features(0).ToArray());
        Assert.NotEqual(b.Mean(0), other.Mean(0));
    }

    /// <summary>d standard normals (Box–Muller, as the runtime's sampler) from stream (instance, seed), divided by their length.</summary>
    private static double[] UnitGaussian(int d, ulong instance, long seed)
    {
        var r = RandomStream.Create(instance, (ulong)seed);
        var v = new double[d];
        for (int j = 0; j < d; j++)
        {
            double radius = Math.Sqrt(-2 * Math.Log(r.NextOpenDouble()));
            v[j] = radius * Math.Cos(2 * Math.PI * r.NextDouble());
        }
        double norm = Math.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }

    [Fact]
    public void Linear_pulls_are_the_mean_plus_noise_of_the_declared_sd()
    {
        var b = Linear.Create();
        const int n = 100_000;
        int arm = b.BestArm;
        var random = RandomStream.Create(Seed, 3);
        double sum = 0, squares = 0;
        for (int k = 0; k < n; k++)
        {
            double r = b.Pull(arm, ref random) - b.Mean(arm);
            sum += r;
            squares += r * r;
        }
        Assert.True(Math.Abs(sum / n) < 4.4 * 0.1 / Math.Sqrt(n), $"mean noise {sum / n}");
        Assert.Equal(0.1, Math.Sqrt(squares / n), 3);
    }

    [Fact]
    public void Overrides_change_the_number_of_arms_and_the_dimension()
    {
        var source = File.ReadAllText(Path.Combine(Paths.Examples, "bandits", "linear.rlspec"));
        var small = Load(source, new Dictionary<string, string> { ["K"] = "50", ["d"] = "3" });
        Assert.Equal((50, 3), (small.ArmCount, small.Dimension));
        var adversary = Load(File.ReadAllText(Path.Combine(Paths.Examples, "bandits", "adversarial.rlspec")), new Dictionary<string, string> { ["K"] = "4" });
        Assert.Equal(4, adversary.ArmCount);
        var coins = Load("bandit Coins { param K = 3\n arms [bernoulli(1 / (i + 1)) for i in 1..K] }", new Dictionary<string, string> { ["K"] = "7" });
        Assert.Equal(7, coins.ArmCount);
        Assert.Equal(1.0 / 8, coins.Mean(6));
    }

    [Fact]
    public void Random_arm_means_are_drawn_per_instance_seed()
    {
        var b = Load("bandit Random10 { arms [bernoulli(uniform_random(0, 1, seed = i)) for i in 1..10] }");
        for (int a = 0; a < 10; a++)
        {
            var r = RandomStream.Create(0, (ulong)(a + 1));
            Assert.Equal(r.NextDouble(), b.Mean(a));
        }
        var other = Recreate(b, 5);
        var s = RandomStream.Create(5, 1);
        Assert.Equal(s.NextDouble(), other.Mean(0));
        Assert.NotEqual(b.Mean(0), other.Mean(0));
    }

    [Fact]
    public void The_switching_adversary_pays_the_good_arm_more_and_is_the_same_for_the_same_stream()
    {
        var b = Switching.Create();
        Assert.Equal(10, b.ArmCount);
        Assert.Equal(RewardDistribution.Other, b.Distribution(0));
        Assert.True(double.IsNaN(b.Mean(0)));
        Assert.Equal((0.0, 1.0), (b.RewardLow, b.RewardHigh));
        var random = RandomStream.Create(Seed, 0);
        var replay = RandomStream.Create(Seed, 0);
        var rewards = new double[10];
        var again = new double[10];
        var good = new double[2];
        var other = new double[2];
        for (long t = 1; t <= 20_000; t++)
        {
            b.Rewards(t, ref random, rewards);
            b.Rewards(t, ref replay, again);
            Assert.Equal(rewards, again);
            int goodArm = (int)((t - 1) / 1000 % 10);
            for (int a = 0; a < 10; a++)
            {
                Assert.True(rewards[a] == 0 || rewards[a] == 1);
                if (a == goodArm) { good[0] += rewards[a]; good[1]++; }
                else { other[0] += rewards[a]; other[1]++; }
            }
        }
        Assert.Equal(0.9, good[0] / good[1], 1);
        Assert.Equal(0.3, other[0] / other[1], 1);
        Assert.True(Math.Abs(good[0] / good[1] - 0.9) < 4.4 * Math.Sqrt(0.09 / good[1]));
        Assert.True(Math.Abs(other[0] / other[1] - 0.3) < 4.4 * Math.Sqrt(0.21 / other[1]));
    }

    [Fact]
    public void A_computed_adversary_reward_outside_zero_one_stops_with_an_error()
    {
        var b = Load("bandit Drift adversarial { arms 2\n reward(t, a) = t / 10 }");
        var random = RandomStream.Create(1, 1);
        var rewards = new double[2];
        b.Rewards(10, ref random, rewards);
        Assert.Equal(new[] { 1.0, 1.0 }, rewards);
        Assert.Throws<InvalidOperationException>(() => { var r = RandomStream.Create(1, 1); b.Rewards(11, ref r, new double[2]); });
    }

    [Fact]
    public void Pull_and_Rewards_allocate_nothing()
    {
        var bernoulli = Bernoulli9.Create();
        var mixed = Mixed.Create();
        var linear = Linear.Create();
        var adversary = Switching.Create();
        var rewards = new double[10];
        double sink = 0;
        void Batch()
        {
            var random = RandomStream.Create(Seed, 9);
            for (int k = 0; k < 10_000; k++)
            {
                sink += bernoulli.Pull(k % 9, ref random);
                sink += mixed.Pull(k % 5, ref random);
                sink += linear.Pull(k % 1000, ref random);
                adversary.Rewards(k + 1, ref random, rewards);
                sink += rewards[k % 10];
            }
        }
        Assert.Equal(0, Allocations.Least(Batch));
        Assert.False(double.IsNaN(sink));
    }

    [Fact]
    public void A_bad_value_passed_to_Create_is_refused_with_the_arm()
    {
        var b = Load("bandit Coins { param p = 0.5\n arms bernoulli(0.2), bernoulli(p) }");
        var create = b.GetType().GetMethod("Create")!;
        var e = Assert.Throws<System.Reflection.TargetInvocationException>(() => create.Invoke(null, new object[] { 1.5, 0UL }));
        var inner = Assert.IsType<ArgumentOutOfRangeException>(e.InnerException);
        Assert.Contains("arm 1: bernoulli(p) needs p in [0, 1]", inner.Message);
    }
}
