using System;
using System.Collections.Generic;
using System.Linq;
using RlSpec.Runtime.Bandits;
using RlSpec.Runtime.Bandits.Algorithms;
using RlSpec.Runtime.Randomness;
using Xunit;
using History = System.Collections.Generic.IReadOnlyList<(int Arm, double Reward)>;
using LA = MathNet.Numerics.LinearAlgebra;

namespace RlSpec.Tests.Runtime.Bandits;

/// <summary>
/// The randomised policies: each against a slow reference that draws from the same algorithm stream in the
/// documented order (so the arm sequences must agree exactly), reproducibility per seed, and statistical
/// behaviour with margins.
/// </summary>
public class RandomizedPolicyTests
{
    private const int Steps = 2000;
    private static readonly double[] Means = { 0.45, 0.5, 0.3, 0.55, 0.52, 0.1 };

    private static void AssertSameArms(int[] expected, int[] actual)
    {
        int first = Reference.FirstDifference(expected, actual);
        Assert.True(first < 0, $"step {first + 1}: the reference pulls {(first < 0 ? 0 : expected[first])}, the algorithm {(first < 0 ? 0 : actual[first])}");
        Assert.True(actual.Distinct().Count() >= 3);
    }

    private static void AssertReproducible<T>(Func<T> create, RewardTable table, BanditSetup setup) where T : struct, IBanditAlgorithm
    {
        var a = create();
        var b = create();
        var c = create();
        var first = table.Run(ref a, setup, 500, seed: 5);
        Assert.Equal(first, table.Run(ref b, setup, 500, seed: 5));
        Assert.NotEqual(first, table.Run(ref c, setup, 500, seed: 6));
    }

    [Fact]
    public void Epsilon_greedy_draws_as_documented()
    {
        var table = RewardTable.Beta(Means, Steps, 3);
        var reference = table.RunReference((h, t, s) =>
        {
            int unpulled = Reference.FirstUnpulled(h, table.Arms);
            if (unpulled >= 0) return unpulled;
            if (s.Random.NextDouble() < 0.1) return s.Random.NextInt(table.Arms);
            return Reference.ArgMax(Enumerable.Range(0, table.Arms).Select(a => Reference.Mean(h, a)));
        }, Steps);
        var algorithm = new EpsilonGreedy(0.1);
        var setup = RewardTable.Setup(table.Arms, Steps);
        AssertSameArms(reference, table.Run(ref algorithm, setup, Steps));
        AssertReproducible(() => new EpsilonGreedy(0.1), table, setup);
    }

    [Fact]
    public void Decaying_epsilon_greedy_follows_the_schedule_of_Auer_et_al()
    {
        var table = RewardTable.Beta(Means, Steps, 3);
        const double c = 0.5, d = 0.1;
        var reference = table.RunReference((h, t, s) =>
        {
            int unpulled = Reference.FirstUnpulled(h, table.Arms);
            if (unpulled >= 0) return unpulled;
            double epsilon = Math.Min(1, c * table.Arms / (d * d * t));
            if (s.Random.NextDouble() < epsilon) return s.Random.NextInt(table.Arms);
            return Reference.ArgMax(Enumerable.Range(0, table.Arms).Select(a => Reference.Mean(h, a)));
        }, Steps);
        var algorithm = new DecayingEpsilonGreedy(c, d);
        var setup = RewardTable.Setup(table.Arms, Steps);
        AssertSameArms(reference, table.Run(ref algorithm, setup, Steps));
        Assert.Equal(1.0, algorithm.Epsilon(100));
        Assert.Equal(0.5 * 6 / (0.01 * 1000), algorithm.Epsilon(1000), 15);
        AssertReproducible(() => new DecayingEpsilonGreedy(c, d), table, setup);
    }

    /// <summary>Beta-Bernoulli Thompson sampling: a trial for each fractional reward, then a Beta draw per arm.</summary>
    private static Func<History, long, Reference.Stream, int> ThompsonReference(int arms)
    {
        var successes = new double[arms];
        var failures = new double[arms];
        int counted = 0;
        return (h, t, s) =>
        {
            for (; counted < h.Count; counted++)
            {
                var (arm, r) = h[counted];
                bool success = r == 1 || (r > 0 && r < 1 && s.Random.NextDouble() < r);
                if (success) successes[arm]++; else failures[arm]++;
            }
            return Reference.ArgMax(Enumerable.Range(0, arms).Select(a => Sampling.Beta(ref s.Random, successes[a] + 1, failures[a] + 1)).ToList());
        };
    }

    [Theory]
    [InlineData("bernoulli")]
    [InlineData("beta")]
    public void Thompson_draws_its_Beta_posteriors_as_documented(string kind)
    {
        var table = kind == "bernoulli" ? RewardTable.Bernoulli(Means, Steps, 4) : RewardTable.Beta(Means, Steps, 4);
        var reference = table.RunReference(ThompsonReference(table.Arms), Steps);
        var algorithm = new Thompson();
        var setup = RewardTable.Setup(table.Arms, Steps);
        AssertSameArms(reference, table.Run(ref algorithm, setup, Steps));
        AssertReproducible(() => new Thompson(), table, setup);
    }

    [Fact]
    public void Thompson_finds_the_better_of_two_arms()
    {
        // Arms 0.1 and 0.9: after 2,000 steps, over 200 seeds, the 0.9 arm has more than 90% of the pulls.
        var bandit = new BernoulliArms(new[] { 0.1, 0.9 });
        long good = 0, total = 0;
        for (ulong seed = 0; seed < 200; seed++)
        {
            var counts = Simulation.Counts(new Thompson(), bandit, 2000, seed);
            good += counts[1];
            total += counts.Sum();
        }
        Assert.True(good > 0.9 * total, $"{good} of {total}");
    }

    [Fact]
    public void Gaussian_Thompson_draws_as_documented()
    {
        const double sigma = 0.5;
        var table = RewardTable.Gaussian(Means, sigma, Steps, 8);
        var reference = table.RunReference((h, t, s) => Reference.ArgMax(Enumerable.Range(0, table.Arms).Select(a =>
        {
            double n1 = Reference.Count(h, a) + 1;
            return Sampling.Normal(ref s.Random, Reference.Sum(h, a) / n1, sigma / Math.Sqrt(n1));
        }).ToList()), Steps);
        var algorithm = new ThompsonGaussian(sigma);
        var setup = RewardTable.Setup(table.Arms, Steps, double.NegativeInfinity, double.PositiveInfinity);
        AssertSameArms(reference, table.Run(ref algorithm, setup, Steps));
        AssertReproducible(() => new ThompsonGaussian(sigma), table, setup);
    }

    /// <summary>EXP3 / EXP3-IX from the history: p ∝ exp(−η L̂), L̂ summing ℓ/(p + γ) at the pulled arms.</summary>
    private static Func<History, long, Reference.Stream, int> Exp3Reference(int arms, long horizon, double eta, bool implicitExploration, List<double[]> probabilities)
    {
        var gammas = new List<double>();
        return (h, t, s) =>
        {
            double rate = eta > 0 ? eta : eta == 0 ? Math.Sqrt(2 * Math.Log(arms) / (horizon * arms)) : Math.Sqrt(Math.Log(arms) / (t * arms));
            double gamma = implicitExploration ? rate / 2 : 0;
            var lossEstimates = Enumerable.Range(0, arms).Select(a =>
                h.Select((e, step) => e.Arm == a ? (1 - e.Reward) / (probabilities[step][a] + gammas[step]) : 0).Sum()).ToArray();
            var weights = lossEstimates.Select(l => Math.Exp(-rate * l)).ToArray();
            var p = weights.Select(w => w / weights.Sum()).ToArray();
            probabilities.Add(p);
            gammas.Add(gamma);
            return Sampling.Categorical(ref s.Random, p);
        };
    }

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(-1.0, false)]
    [InlineData(0.05, false)]
    [InlineData(0.0, true)]
    [InlineData(-1.0, true)]
    [InlineData(0.05, true)]
    public void Exp3_and_Exp3_ix_draw_from_exponential_weights_as_documented(double eta, bool ix)
    {
        const int steps = 1000;
        var table = RewardTable.Beta(Means, steps, 9);
        var setup = RewardTable.Setup(table.Arms, 5000);
        var probabilities = new List<double[]>();
        var reference = table.RunReference(Exp3Reference(table.Arms, 5000, eta, ix, probabilities), steps);
        // The reference sums ℓ/p in its own rounding; with a fixed η the weights of rarely pulled arms get
        // tiny and their estimates large, so the two probability vectors agree to about 1e-7, not to the ulp.
        int[] arms;
        if (ix)
        {
            var algorithm = new Exp3Ix(eta);
            arms = table.Run(ref algorithm, setup, steps);
            AssertReproducible(() => new Exp3Ix(eta), table, setup);
            Assert.Equal(probabilities[^1], algorithm.Probabilities.ToArray(), (x, y) => Math.Abs(x - y) < 1e-6);
        }
        else
        {
            var algorithm = new Exp3(eta);
            arms = table.Run(ref algorithm, setup, steps);
            AssertReproducible(() => new Exp3(eta), table, setup);
            Assert.Equal(probabilities[^1], algorithm.Probabilities.ToArray(), (x, y) => Math.Abs(x - y) < 1e-6);
        }
        AssertSameArms(reference, arms);
    }

    [Fact]
    public void Exp3_probabilities_sum_to_one_and_follow_the_leader()
    {
        var algorithm = new Exp3(-1);
        var table = RewardTable.Bernoulli(new[] { 0.2, 0.8, 0.5 }, 5000, 2);
        algorithm.Reset(RewardTable.Setup(3, 5000));
        var random = RandomStream.Create(1, 1);
        var pulls = new int[3];
        for (int t = 1; t <= 5000; t++)
        {
            int a = algorithm.Select(t, ref random);
            double sum = 0;
            foreach (double p in algorithm.Probabilities) { Assert.InRange(p, 0, 1); sum += p; }
            Assert.Equal(1, sum, 12);
            algorithm.Update(a, table.Rewards[a][pulls[a]++]);
        }
        Assert.True(algorithm.Probabilities[1] > 0.5, "the 0.8 arm leads after 5,000 steps");
    }

    [Fact]
    public void Linear_Thompson_sampling_draws_from_the_posterior_of_Agrawal_and_Goyal()
    {
        var r = RandomStream.Create(3, 0);
        double[][] features = Enumerable.Range(0, 15).Select(_ => Enumerable.Range(0, 3).Select(_ => Sampling.Normal(ref r, 0, 1)).ToArray()).ToArray();
        double[] theta = { 0.4, -0.6, 0.2 };
        const int steps = 500;
        const double v = 0.5, lambda = 2.0;
        var table = RewardTable.Linear(features, theta, 0.2, steps, 4);
        var reference = table.RunReference((h, t, s) =>
        {
            var b = LA.Matrix<double>.Build.DenseIdentity(3) * lambda;
            var f = LA.Vector<double>.Build.Dense(3);
            foreach (var (arm, reward) in h)
            {
                var x = LA.Vector<double>.Build.DenseOfArray(features[arm]);
                b += x.OuterProduct(x);
                f += reward * x;
            }
            var mean = b.Inverse() * f;
            var lower = b.Cholesky().Factor;
            var xi = LA.Vector<double>.Build.DenseOfEnumerable(Enumerable.Range(0, 3).Select(_ => Sampling.Normal(ref s.Random, 0, 1)).ToList());
            var sample = mean + v * lower.Transpose().Solve(xi);
            return Reference.ArgMax(features.Select(x => LA.Vector<double>.Build.DenseOfArray(x) * sample));
        }, steps);
        var algorithm = new LinThompson(v, lambda);
        var setup = RewardTable.LinearSetup(features, steps, 0.2);
        AssertSameArms(reference, table.Run(ref algorithm, setup, steps));
        AssertReproducible(() => new LinThompson(v, lambda), table, setup);
    }

    [Fact]
    public void Epsilon_greedy_explores_a_fraction_epsilon_of_the_steps()
    {
        // Arms 0.9 and 0.1, ε = 0.1: the bad arm is pulled on about ε/2 of the steps (greedy never picks it
        // once the means separate): 1,000 of 20,000, standard deviation about 31; margin ±200.
        var counts = Simulation.Counts(new EpsilonGreedy(0.1), new BernoulliArms(new[] { 0.9, 0.1 }), 20_000, 3);
        Assert.InRange(counts[1], 800, 1200);
    }

    [Fact]
    public void Exp3_has_small_average_regret_against_an_oblivious_adversary()
    {
        // Arm 3 pays 0.7 at every step, the others uniform(0, 1) (mean 0.5): after 20,000 steps the
        // regret against arm 3 is a small fraction of T (the horizon-tuned bound √(2 T K ln K) ≈ 1,070
        // is 5% of T); the margin allows 10%.
        const int k = 5, steps = 20_000;
        foreach (double eta in new[] { 0.0, -1.0 })
        {
            var algorithm = new Exp3(eta);
            algorithm.Reset(RewardTable.Setup(k, steps));
            var adversary = RandomStream.Create(5, 0);
            var random = RandomStream.Create(5, 1);
            var rewards = new double[k];
            double best = 0, earned = 0;
            for (int t = 1; t <= steps; t++)
            {
                for (int a = 0; a < k; a++) rewards[a] = a == 3 ? 0.7 : adversary.NextDouble();
                int arm = algorithm.Select(t, ref random);
                earned += rewards[arm];
                best += rewards[3];
                algorithm.Update(arm, rewards[arm]);
            }
            Assert.InRange(best - earned, -200, 0.1 * steps);
        }
    }

    /// <summary>A linear bandit for behaviour tests: ⟨θ, x_a⟩ + N(0, σ²).</summary>
    private readonly struct LinearArms(double[][] features, double[] theta, double sigma) : IBandit
    {
        public int ArmCount => features.Length;
        public BanditFamily Family => BanditFamily.Linear;
        public int Dimension => theta.Length;
        public ReadOnlySpan<double> Features(int arm) => features[arm];
        public double Mean(int arm) => features[arm].Zip(theta, (x, y) => x * y).Sum();
        public double RewardLow => double.NegativeInfinity;
        public double RewardHigh => double.PositiveInfinity;
        public double NoiseSigma => sigma;
        public double Pull(int arm, ref RandomStream random) => Sampling.Normal(ref random, Mean(arm), sigma);
        public void Rewards(long t, ref RandomStream random, Span<double> rewards) => throw new NotSupportedException();
    }

    [Fact]
    public void Linear_Thompson_sampling_and_OFUL_find_the_best_arm_of_a_linear_bandit()
    {
        var r = RandomStream.Create(8, 0);
        double[][] features = Enumerable.Range(0, 30).Select(_ => Enumerable.Range(0, 4).Select(_ => Sampling.Normal(ref r, 0, 0.5)).ToArray()).ToArray();
        var bandit = new LinearArms(features, new[] { 0.6, -0.2, 0.5, 0.3 }, 0.1);
        int best = Enumerable.Range(0, 30).OrderByDescending(a => bandit.Mean(a)).First();
        foreach (var counts in new[] { Simulation.Counts(new LinThompson(1, 1), bandit, 3000, 1), Simulation.Counts(new Oful(0.05, 1, 1), bandit, 3000, 1) })
            Assert.True(counts[best] > 1500, $"the best arm has {counts[best]} of 3,000 pulls");
    }
}
