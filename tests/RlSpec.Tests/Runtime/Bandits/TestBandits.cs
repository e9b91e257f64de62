using System;
using System.Collections.Generic;
using System.Linq;
using RlSpec.Runtime.Bandits;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Tests.Runtime.Bandits;

/// <summary>
/// A reward table fixed in advance: the n-th pull of arm a returns <c>Rewards[a][n]</c> whatever the
/// algorithm, so a fast algorithm and a slow reference see the same rewards as long as they pull the same
/// arms (and the first arm where they differ is a failure).
/// </summary>
internal sealed class RewardTable
{
    public required double[][] Rewards { get; init; }
    public int Arms => Rewards.Length;

    /// <summary>Bernoulli(μ_a) rewards, {0, 1}: many exact ties, which exercise the tie-breaking.</summary>
    public static RewardTable Bernoulli(double[] means, int length, ulong seed)
    {
        var table = new double[means.Length][];
        for (int a = 0; a < means.Length; a++)
        {
            var r = RandomStream.Create(seed, (ulong)a);
            table[a] = Enumerable.Range(0, length).Select(_ => r.NextDouble() < means[a] ? 1.0 : 0.0).ToArray();
        }
        return new RewardTable { Rewards = table };
    }

    /// <summary>Beta(10 μ_a, 10(1 − μ_a)) rewards: fractional values in (0, 1).</summary>
    public static RewardTable Beta(double[] means, int length, ulong seed)
    {
        var table = new double[means.Length][];
        for (int a = 0; a < means.Length; a++)
        {
            var r = RandomStream.Create(seed, (ulong)a);
            table[a] = Enumerable.Range(0, length).Select(_ => Sampling.Beta(ref r, 10 * means[a], 10 * (1 - means[a]))).ToArray();
        }
        return new RewardTable { Rewards = table };
    }

    /// <summary>N(μ_a, σ²) rewards.</summary>
    public static RewardTable Gaussian(double[] means, double sigma, int length, ulong seed)
    {
        var table = new double[means.Length][];
        for (int a = 0; a < means.Length; a++)
        {
            var r = RandomStream.Create(seed, (ulong)a);
            table[a] = Enumerable.Range(0, length).Select(_ => Sampling.Normal(ref r, means[a], sigma)).ToArray();
        }
        return new RewardTable { Rewards = table };
    }

    /// <summary>Linear rewards ⟨θ, x_a⟩ + N(0, σ²) for the given features.</summary>
    public static RewardTable Linear(double[][] features, double[] theta, double sigma, int length, ulong seed)
    {
        var table = new double[features.Length][];
        for (int a = 0; a < features.Length; a++)
        {
            var r = RandomStream.Create(seed, (ulong)a);
            double mean = features[a].Zip(theta, (x, y) => x * y).Sum();
            table[a] = Enumerable.Range(0, length).Select(_ => Sampling.Normal(ref r, mean, sigma)).ToArray();
        }
        return new RewardTable { Rewards = table };
    }

    public static BanditSetup Setup(int arms, long horizon, double low = 0, double high = 1) =>
        new() { ArmCount = arms, Horizon = horizon, RewardLow = low, RewardHigh = high };

    public static BanditSetup LinearSetup(double[][] features, long horizon, double sigma) => new()
    {
        ArmCount = features.Length,
        Horizon = horizon,
        Dimension = features[0].Length,
        Features = features.SelectMany(x => x).ToArray(),
        NoiseSigma = sigma,
    };

    /// <summary>Runs a built-in algorithm for <paramref name="steps"/> steps; returns the arms it pulled.</summary>
    public int[] Run<TAlgorithm>(ref TAlgorithm algorithm, BanditSetup setup, int steps, ulong seed = 99) where TAlgorithm : struct, IBanditAlgorithm
    {
        algorithm.Reset(setup);
        var random = RandomStream.Create(seed, 12345);
        var pulls = new int[Arms];
        var arms = new int[steps];
        for (int t = 1; t <= steps; t++)
        {
            int a = algorithm.Select(t, ref random);
            arms[t - 1] = a;
            algorithm.Update(a, Rewards[a][pulls[a]++]);
        }
        return arms;
    }

    /// <summary>
    /// Runs a slow reference policy: it gets the whole history (arm, reward) and t and returns the arm.
    /// A randomised reference gets the same algorithm stream as <see cref="Run"/>.
    /// </summary>
    public int[] RunReference(Func<IReadOnlyList<(int Arm, double Reward)>, long, Reference.Stream, int> policy, int steps, ulong seed = 99)
    {
        var history = new List<(int Arm, double Reward)>();
        var stream = new Reference.Stream(RandomStream.Create(seed, 12345));
        var pulls = new int[Arms];
        var arms = new int[steps];
        for (int t = 1; t <= steps; t++)
        {
            int a = policy(history, t, stream);
            arms[t - 1] = a;
            history.Add((a, Rewards[a][pulls[a]++]));
        }
        return arms;
    }
}

/// <summary>Straightforward helpers of the slow reference policies (no runtime code but the random stream and samplers).</summary>
internal static class Reference
{
    /// <summary>A random stream in a box, so lambdas can draw from it.</summary>
    public sealed class Stream(RandomStream stream)
    {
        public RandomStream Random = stream;
    }

    public static int Count(IReadOnlyList<(int Arm, double Reward)> h, int a) => h.Count(e => e.Arm == a);

    /// <summary>The sum of arm a's rewards in pull order.</summary>
    public static double Sum(IReadOnlyList<(int Arm, double Reward)> h, int a) => h.Where(e => e.Arm == a).Aggregate(0.0, (s, e) => s + e.Reward);

    public static double Mean(IReadOnlyList<(int Arm, double Reward)> h, int a) => Sum(h, a) / Count(h, a);

    /// <summary>The first arm never pulled, or −1.</summary>
    public static int FirstUnpulled(IReadOnlyList<(int Arm, double Reward)> h, int arms) =>
        Enumerable.Range(0, arms).Where(a => Count(h, a) == 0).DefaultIfEmpty(-1).First();

    /// <summary>argmax with the lowest index on a tie.</summary>
    public static int ArgMax(IEnumerable<double> values)
    {
        var list = values.ToList();
        double max = list.Max();
        return list.IndexOf(max);
    }

    /// <summary>Assert-friendly: the first step where two arm sequences differ, or −1.</summary>
    public static int FirstDifference(int[] a, int[] b) =>
        Enumerable.Range(0, Math.Min(a.Length, b.Length)).Where(i => a[i] != b[i]).DefaultIfEmpty(-1).First();
}

/// <summary>A K-armed Bernoulli bandit for behaviour tests: arm a pays 1 with probability μ_a.</summary>
internal readonly struct BernoulliArms(double[] means) : IBandit
{
    public int ArmCount => means.Length;
    public BanditFamily Family => BanditFamily.Stochastic;
    public int Dimension => 0;
    public ReadOnlySpan<double> Features(int arm) => ReadOnlySpan<double>.Empty;
    public double Mean(int arm) => means[arm];
    public double RewardLow => 0;
    public double RewardHigh => 1;
    public double NoiseSigma => double.NaN;
    public double Pull(int arm, ref RandomStream random) => random.NextDouble() < means[arm] ? 1 : 0;
    public void Rewards(long t, ref RandomStream random, Span<double> rewards) => throw new NotSupportedException();
}

/// <summary>Runs an algorithm on a bandit the way the engine does (one stream per arm, one for the algorithm).</summary>
internal static class Simulation
{
    /// <summary>The pulls of every arm after <paramref name="steps"/> steps of run <paramref name="seed"/>.</summary>
    public static long[] Counts<TAlgorithm, TBandit>(TAlgorithm algorithm, TBandit bandit, long steps, ulong seed)
        where TAlgorithm : struct, IBanditAlgorithm where TBandit : struct, IBandit
    {
        int k = bandit.ArmCount;
        algorithm.Reset(BanditSetup.Of(bandit, steps));
        var armStreams = new RandomStream[k];
        for (int a = 0; a < k; a++) armStreams[a] = RandomStream.Create(seed, (ulong)(1 + a));
        var random = RandomStream.Create(seed, 0);
        var counts = new long[k];
        for (long t = 1; t <= steps; t++)
        {
            int a = algorithm.Select(t, ref random);
            counts[a]++;
            algorithm.Update(a, bandit.Pull(a, ref armStreams[a]));
        }
        return counts;
    }
}
