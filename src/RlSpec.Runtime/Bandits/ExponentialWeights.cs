using System;

namespace RlSpec.Runtime.Bandits;

/// <summary>The exponential-weights distribution of EXP3 and EXP3-IX.</summary>
internal static class ExponentialWeights
{
    /// <summary>
    /// p(a) = exp(−η (L(a) − min L)) / Σ_b exp(−η (L(b) − min L)): shifting by the least loss leaves p
    /// unchanged and keeps every exponent ≤ 0, so nothing overflows and the leader's weight is 1.
    /// </summary>
    public static void Probabilities(ReadOnlySpan<double> losses, double eta, Span<double> probabilities)
    {
        double least = double.PositiveInfinity;
        for (int a = 0; a < losses.Length; a++) least = Math.Min(least, losses[a]);
        double total = 0;
        for (int a = 0; a < losses.Length; a++)
        {
            double w = Math.Exp(-eta * (losses[a] - least));
            probabilities[a] = w;
            total += w;
        }
        double inverse = 1 / total;
        for (int a = 0; a < losses.Length; a++) probabilities[a] *= inverse;
    }
}
