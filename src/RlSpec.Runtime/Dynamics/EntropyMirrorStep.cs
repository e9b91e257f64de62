using System;

namespace RlSpec.Runtime.Dynamics;

/// <summary>
/// The entropy mirror step on the probability simplex, x ← x ∘ exp(s·g) / Z (Hedge / multiplicative weights,
/// Freund and Schapire 1997; entropic mirror descent, Beck and Teboulle 2003), written once for the project:
/// MWU, OMWU and mirror prox in games, EXP3's weights, and KL policy mirror descent / NPG.
/// </summary>
/// <remarks>
/// The step works on the logits z = log x, never on x: z ← keep·z + scale·g, then z ← z − log Σ exp(z)
/// (log-sum-exp shifted by the largest logit) and x = exp(z). So nothing overflows for any step size, and a
/// probability that underflows to 0 keeps a finite logit and can recover. <c>keep</c> = 1 is the plain
/// step (descent on a loss g: scale = −η; ascent on a payoff: scale = +η); keep = 1 − ητ is the step of an
/// entropy-regularized objective with temperature τ (x ∝ x^{1−ητ} exp(η g), Cen et al. 2021); keep = 0
/// is a softmax of scale·g (follow the regularized leader from uniform). A logit of −∞ is a probability that
/// is exactly 0: it stays 0 when keep &gt; 0, and restarts from scale·g when keep = 0. Entries outside the
/// mask are neither read nor written. Allocates nothing.
/// </remarks>
public static class EntropyMirrorStep
{
    /// <summary>One step over every entry: see the type's remarks.</summary>
    public static void Step(Span<double> logits, ReadOnlySpan<double> direction, double keep, double scale, Span<double> probabilities) =>
        Step(logits, direction, keep, scale, probabilities, default(AllEntries));

    /// <summary>
    /// One step over the entries in <paramref name="mask"/>: logits ← keep·logits + scale·direction, normalized,
    /// probabilities = exp(logits). When every included logit is −∞ nothing is normalized and the
    /// probabilities are left unchanged. <paramref name="probabilities"/> may be the same span as <paramref name="logits"/> only when keep = 0.
    /// </summary>
    public static void Step<TMask>(Span<double> logits, ReadOnlySpan<double> direction, double keep, double scale, Span<double> probabilities, TMask mask)
        where TMask : struct, IEntryMask
    {
        int n = logits.Length;
        double max = double.NegativeInfinity;
        for (int i = 0; i < n; i++)
        {
            if (!mask.Includes(i)) continue;
            double old = logits[i];
            double z = (double.IsNegativeInfinity(old) ? (keep > 0 ? old : 0) : keep * old) + scale * direction[i];
            logits[i] = z;
            if (z > max) max = z;
        }
        if (double.IsNegativeInfinity(max)) return;
        Normalize(logits, probabilities, max, mask);
    }

    /// <summary>Normalizes logits in place (logits ← logits − log Σ exp(logits)) and writes probabilities = exp(logits).</summary>
    public static void Normalize(Span<double> logits, Span<double> probabilities)
    {
        double max = double.NegativeInfinity;
        foreach (double z in logits) if (z > max) max = z;
        if (double.IsNegativeInfinity(max)) return;
        Normalize(logits, probabilities, max, default(AllEntries));
    }

    private static void Normalize<TMask>(Span<double> logits, Span<double> probabilities, double max, TMask mask) where TMask : struct, IEntryMask
    {
        int n = logits.Length;
        double sum = 0;
        for (int i = 0; i < n; i++)
            if (mask.Includes(i)) sum += Math.Exp(logits[i] - max);
        double log = max + Math.Log(sum);
        for (int i = 0; i < n; i++)
        {
            if (!mask.Includes(i)) continue;
            logits[i] -= log;
            probabilities[i] = Math.Exp(logits[i]);
        }
    }

    /// <summary>The logits of a probability vector: log x (−∞ where x = 0).</summary>
    public static void Logits(ReadOnlySpan<double> probabilities, Span<double> logits)
    {
        for (int i = 0; i < probabilities.Length; i++) logits[i] = Math.Log(probabilities[i]);
    }
}
