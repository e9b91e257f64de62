using System;

namespace RlSpec.Runtime.Learning.Episodic;

/// <summary>The logarithmic terms of the bonuses, computed the same way by every algorithm.</summary>
internal static class Confidence
{
    /// <summary>
    /// The number of episodes the union bounds cover at episode k: the declared K, or k itself when K is
    /// unknown (0), which makes the bonuses anytime (they grow like ln k).
    /// </summary>
    public static double Episodes(long declared, long episode) => declared > 0 ? declared : Math.Max(1, episode);

    /// <summary>ln(<paramref name="factor"/> / δ), the common shape ln(c·S·A·T/δ).</summary>
    public static double Log(double factor, double delta) => Math.Log(factor / delta);
}
