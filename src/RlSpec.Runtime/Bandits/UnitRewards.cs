using System;

namespace RlSpec.Runtime.Bandits;

/// <summary>
/// The affine map of a bounded reward range [low, high] onto [0, 1], for the algorithms whose formulas
/// assume rewards in [0, 1] (UCB1, MOSS, KL-UCB, Thompson, Bayes-UCB, successive elimination, EXP3).
/// Rewards of an unbounded range (Gaussian arms) pass unchanged; <see cref="MapClamped"/> then clips
/// them to [0, 1] for the algorithms that cannot work outside it (KL-UCB, Beta posteriors, EXP3).
/// </summary>
internal readonly struct UnitRewards
{
    private readonly double _low, _inverseWidth;

    private UnitRewards(double low, double inverseWidth) { _low = low; _inverseWidth = inverseWidth; }

    /// <summary>The map for a setup's reward range: affine when [RewardLow, RewardHigh] is finite and not empty, the identity otherwise.</summary>
    public static UnitRewards Of(BanditSetup setup)
    {
        double low = setup.RewardLow, high = setup.RewardHigh;
        return double.IsFinite(low) && double.IsFinite(high) && high > low
            ? new UnitRewards(low, 1 / (high - low))
            : new UnitRewards(0, 1);
    }

    /// <summary>(r − low)/(high − low), or r itself for an unbounded range.</summary>
    public double Map(double reward) => (reward - _low) * _inverseWidth;

    /// <summary><see cref="Map"/> clipped to [0, 1].</summary>
    public double MapClamped(double reward) => Math.Clamp((reward - _low) * _inverseWidth, 0, 1);
}
