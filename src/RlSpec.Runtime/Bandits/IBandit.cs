using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Bandits;

/// <summary>
/// The environment side of a bandit, implemented by every emitted <c>bandit</c> struct. The experiment
/// engine owns the random streams: it hands <see cref="Pull"/> the stream of (run, arm), so the n-th
/// pull of an arm in run r returns the same reward whichever algorithm pulls it (common random
/// numbers), and hands <see cref="Rewards"/> the run's adversary stream, consumed in step order, so an
/// oblivious adversary's reward table is the same for every algorithm. Nothing here allocates.
/// </summary>
public interface IBandit
{
    /// <summary>The number of arms K.</summary>
    int ArmCount { get; }

    /// <summary>Which setting this is; algorithms that do not fit it are refused by the compiler.</summary>
    BanditFamily Family { get; }

    /// <summary>The feature dimension d of a linear bandit; 0 otherwise.</summary>
    int Dimension { get; }

    /// <summary>The feature vector x_a of an arm (length <see cref="Dimension"/>); empty unless linear.</summary>
    ReadOnlySpan<double> Features(int arm);

    /// <summary>The expected reward of an arm (stochastic and linear); NaN for an adversarial bandit.</summary>
    double Mean(int arm);

    /// <summary>
    /// The family of <paramref name="arm"/>'s reward distribution. Emitted bandits say it; a hand-written bandit
    /// that does not gets <see cref="RewardDistribution.Other"/>, so no family-specific bound is drawn for it.
    /// </summary>
    RewardDistribution Distribution(int arm) => RewardDistribution.Other;

    /// <summary>The least reward a pull can return (−∞ when unbounded, e.g. Gaussian arms).</summary>
    double RewardLow { get; }

    /// <summary>The largest reward a pull can return (+∞ when unbounded).</summary>
    double RewardHigh { get; }

    /// <summary>The standard deviation of a linear bandit's Gaussian noise; NaN otherwise.</summary>
    double NoiseSigma { get; }

    /// <summary>Stochastic and linear bandits: one pull of <paramref name="arm"/>, drawn from the (run, arm) stream.</summary>
    double Pull(int arm, ref RandomStream random);

    /// <summary>
    /// Adversarial bandits: writes every arm's reward at step <paramref name="t"/> (1-based) into
    /// <paramref name="rewards"/>, drawing from the run's adversary stream.
    /// </summary>
    void Rewards(long t, ref RandomStream random, Span<double> rewards);
}
