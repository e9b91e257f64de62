using System;
using RlSpec.Runtime.Dynamics;

namespace RlSpec.Runtime.Bandits;

/// <summary>The exponential-weights distribution of EXP3 and EXP3-IX.</summary>
internal static class ExponentialWeights
{
    /// <summary>
    /// p(a) = exp(−η L(a)) / Σ_b exp(−η L(b)): the shared <see cref="EntropyMirrorStep"/> from the uniform
    /// distribution (keep = 0, scale = −η), computed in log space so nothing overflows.
    /// <paramref name="logits"/> is scratch of the same length (its old contents are not read).
    /// </summary>
    public static void Probabilities(ReadOnlySpan<double> losses, double eta, Span<double> logits, Span<double> probabilities)
    {
        logits.Clear();
        EntropyMirrorStep.Step(logits, losses, 0, -eta, probabilities);
    }
}
