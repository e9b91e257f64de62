using System;

namespace RlSpec.Runtime.Bandits;

/// <summary>
/// What an algorithm may know about the bandit before its first pull: the number of arms, the horizon
/// (or budget), the reward range, and for linear bandits the arm features and the noise level. Built
/// once per problem instance by the experiment engine, never per step.
/// </summary>
public sealed class BanditSetup
{
    /// <summary>The number of arms K.</summary>
    public required int ArmCount { get; init; }

    /// <summary>The horizon T (or the budget n of a best-arm identification run).</summary>
    public required long Horizon { get; init; }

    /// <summary>The least reward a pull can return (−∞ when unbounded).</summary>
    public double RewardLow { get; init; } = double.NegativeInfinity;

    /// <summary>The largest reward a pull can return (+∞ when unbounded).</summary>
    public double RewardHigh { get; init; } = double.PositiveInfinity;

    /// <summary>The feature dimension d; 0 unless the bandit is linear.</summary>
    public int Dimension { get; init; }

    /// <summary>Arm features, arm-major: x_a[j] = <c>Features[a * Dimension + j]</c>; empty unless linear.</summary>
    public ReadOnlyMemory<double> Features { get; init; }

    /// <summary>The Gaussian noise level σ of a linear bandit; NaN when unknown.</summary>
    public double NoiseSigma { get; init; } = double.NaN;

    /// <summary>The setup of a bandit value, for a horizon.</summary>
    public static BanditSetup Of<TBandit>(in TBandit bandit, long horizon) where TBandit : struct, IBandit
    {
        int k = bandit.ArmCount, d = bandit.Dimension;
        var features = new double[k * d];
        for (int a = 0; a < k && d > 0; a++) bandit.Features(a).CopyTo(features.AsSpan(a * d, d));
        return new BanditSetup
        {
            ArmCount = k,
            Horizon = horizon,
            RewardLow = bandit.RewardLow,
            RewardHigh = bandit.RewardHigh,
            Dimension = d,
            Features = features,
            NoiseSigma = bandit.NoiseSigma,
        };
    }
}
