using System;
using RlSpec.Runtime.Bandits;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Tests.Runtime.Experiments;

/// <summary>Bernoulli arms with the given means: a pull is 1 when the arm stream's next uniform is below the mean.</summary>
internal readonly struct BernoulliArms : IBandit
{
    private readonly double[] _means;

    public BernoulliArms(params double[] means) => _means = means;

    public static BernoulliArms Linear(int k) { var m = new double[k]; for (int i = 0; i < k; i++) m[i] = 0.1 * (i + 1); return new BernoulliArms(m); }

    public int ArmCount => _means.Length;
    public BanditFamily Family => BanditFamily.Stochastic;
    public int Dimension => 0;
    public ReadOnlySpan<double> Features(int arm) => ReadOnlySpan<double>.Empty;
    public double Mean(int arm) => _means[arm];
    public RewardDistribution Distribution(int arm) => RewardDistribution.Bernoulli;
    public double RewardLow => 0;
    public double RewardHigh => 1;
    public double NoiseSigma => double.NaN;
    public double Pull(int arm, ref RandomStream random) => random.NextDouble() < _means[arm] ? 1.0 : 0.0;
    public void Rewards(long t, ref RandomStream random, Span<double> rewards) => throw new NotSupportedException();

    /// <summary>The reference draw, for the independent computations of the tests.</summary>
    public static double Draw(double mean, ref RandomStream random) => random.NextDouble() < mean ? 1.0 : 0.0;
}

/// <summary>
/// An oblivious adversary: every arm's reward at step t is a uniform draw, scaled by 0.5 for all arms but
/// <see cref="Good"/>, and arm <see cref="Good"/> gets 1 on even steps; draws are made for the arms in order.
/// </summary>
internal readonly struct UniformAdversary : IBandit
{
    public UniformAdversary(int k, int good) { ArmCount = k; Good = good; }

    public int ArmCount { get; }
    public int Good { get; }
    public BanditFamily Family => BanditFamily.Adversarial;
    public int Dimension => 0;
    public ReadOnlySpan<double> Features(int arm) => ReadOnlySpan<double>.Empty;
    public double Mean(int arm) => double.NaN;
    public double RewardLow => 0;
    public double RewardHigh => 1;
    public double NoiseSigma => double.NaN;
    public double Pull(int arm, ref RandomStream random) => throw new NotSupportedException();

    public void Rewards(long t, ref RandomStream random, Span<double> rewards)
    {
        for (int a = 0; a < ArmCount; a++)
        {
            double u = random.NextDouble();
            rewards[a] = a == Good ? (t % 2 == 0 ? 1.0 : u) : 0.5 * u;
        }
    }
}

/// <summary>A random instance: K Bernoulli arms whose means are drawn from the instance seed (stream 0 of it).</summary>
internal static class RandomInstance
{
    public static BernoulliArms Create(ulong instanceSeed, int k)
    {
        var random = RandomStream.Create(instanceSeed, 0);
        var means = new double[k];
        for (int a = 0; a < k; a++) means[a] = random.NextDouble();
        return new BernoulliArms(means);
    }
}
