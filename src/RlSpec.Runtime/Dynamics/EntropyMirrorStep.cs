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
    /// probabilities are left unchanged. <paramref name="probabilities"/> and <paramref name="logits"/> must not overlap.
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
        if (typeof(TMask) == typeof(AllEntries) && System.Numerics.Vector.IsHardwareAccelerated && logits.Length >= System.Numerics.Vector<double>.Count)
        {
            NormalizeAll(logits, probabilities, max);
            return;
        }
        // one exponential per entry: p = exp(z − max)/Σ, and the logits shift by log Σ exp(z) = max + log Σ
        int n = logits.Length;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            if (!mask.Includes(i)) continue;
            double w = Math.Exp(logits[i] - max);
            probabilities[i] = w;
            sum += w;
        }
        double log = max + Math.Log(sum), inverse = 1 / sum;
        for (int i = 0; i < n; i++)
        {
            if (!mask.Includes(i)) continue;
            logits[i] -= log;
            probabilities[i] *= inverse;
        }
    }

    /// <summary>The unmasked case with SIMD exponentials (System.Numerics.Vector.Exp), the cost of every game dynamic's step.</summary>
    private static void NormalizeAll(Span<double> logits, Span<double> probabilities, double max) =>
        NormalizeAll(logits, probabilities, max, default, 0);

    /// <summary>As above; also shifts <paramref name="secondary"/> (empty, or the length of the logits) by −<paramref name="secondaryShift"/> in the last pass.</summary>
    private static void NormalizeAll(Span<double> logits, Span<double> probabilities, double max, Span<double> secondary, double secondaryShift)
    {
        int n = logits.Length, width = System.Numerics.Vector<double>.Count, k = 0;
        var shift = new System.Numerics.Vector<double>(max);
        var total = System.Numerics.Vector<double>.Zero;
        for (; k + width <= n; k += width)
        {
            var w = System.Numerics.Vector.Exp(new System.Numerics.Vector<double>(logits.Slice(k, width)) - shift);
            w.CopyTo(probabilities.Slice(k, width));
            total += w;
        }
        double sum = System.Numerics.Vector.Sum(total);
        for (; k < n; k++)
        {
            double w = Math.Exp(logits[k] - max);
            probabilities[k] = w;
            sum += w;
        }
        double log = max + Math.Log(sum), inverse = 1 / sum;
        // Element-wise subtraction and multiplication round the same in SIMD lanes as in scalar code.
        k = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            var logV = new System.Numerics.Vector<double>(log);
            var inverseV = new System.Numerics.Vector<double>(inverse);
            var shiftV = new System.Numerics.Vector<double>(secondaryShift);
            for (; k + width <= n; k += width)
            {
                (new System.Numerics.Vector<double>(logits.Slice(k, width)) - logV).CopyTo(logits.Slice(k, width));
                (new System.Numerics.Vector<double>(probabilities.Slice(k, width)) * inverseV).CopyTo(probabilities.Slice(k, width));
                if (!secondary.IsEmpty) (new System.Numerics.Vector<double>(secondary.Slice(k, width)) - shiftV).CopyTo(secondary.Slice(k, width));
            }
        }
        for (; k < n; k++)
        {
            logits[k] -= log;
            probabilities[k] *= inverse;
            if (!secondary.IsEmpty) secondary[k] -= secondaryShift;
        }
    }

    /// <summary>
    /// The optimistic pair of plain steps (keep = 1) along one direction g, fused into one pass (two-sequence
    /// optimistic multiplicative weights, Wei, Lee, Zhang and Luo 2021): the secondary logits advance,
    /// ẑ ← ẑ + hatScale·g, and the point is one more step from there, z = ẑ + scale·g, normalized, with
    /// probabilities = exp(z). Equal to <see cref="Step(Span{double}, ReadOnlySpan{double}, double, double, Span{double})"/>
    /// on ẑ with hatScale followed by a step from the result with scale, except that the secondary logits are shifted
    /// by their largest entry instead of their log-sum-exp (the entropic step does not depend on a shift of its
    /// logits) and their probabilities are never formed: one set of exponentials instead of two, three passes instead
    /// of eight. A −∞ logit stays −∞ (a probability that is 0 stays 0); when every logit is −∞ nothing changes.
    /// <paramref name="secondaryLogits"/>, <paramref name="logits"/> and <paramref name="probabilities"/> have the length
    /// of <paramref name="direction"/> and must not overlap. Allocates nothing.
    /// </summary>
    public static void OptimisticStep(Span<double> secondaryLogits, ReadOnlySpan<double> direction, double hatScale, double scale,
        Span<double> logits, Span<double> probabilities)
    {
        int n = secondaryLogits.Length;
        if (direction.Length != n || logits.Length != n || probabilities.Length != n)
            throw new ArgumentException("the secondary logits, direction, logits and probabilities must have one length");
        int k = 0;
        double hatMax = double.NegativeInfinity, max = double.NegativeInfinity;
        if (System.Numerics.Vector.IsHardwareAccelerated && n >= System.Numerics.Vector<double>.Count)
        {
            int width = System.Numerics.Vector<double>.Count;
            var hs = new System.Numerics.Vector<double>(hatScale);
            var s = new System.Numerics.Vector<double>(scale);
            var hatMaxV = new System.Numerics.Vector<double>(double.NegativeInfinity);
            var maxV = hatMaxV;
            for (; k + width <= n; k += width)
            {
                var g = new System.Numerics.Vector<double>(direction.Slice(k, width));
                var h = new System.Numerics.Vector<double>(secondaryLogits.Slice(k, width)) + hs * g;
                var z = h + s * g;
                h.CopyTo(secondaryLogits.Slice(k, width));
                z.CopyTo(logits.Slice(k, width));
                hatMaxV = System.Numerics.Vector.Max(hatMaxV, h);
                maxV = System.Numerics.Vector.Max(maxV, z);
            }
            for (int j = 0; j < width; j++) { hatMax = Math.Max(hatMax, hatMaxV[j]); max = Math.Max(max, maxV[j]); }
        }
        for (; k < n; k++)
        {
            double h = secondaryLogits[k] + hatScale * direction[k], z = h + scale * direction[k];
            secondaryLogits[k] = h;
            logits[k] = z;
            if (h > hatMax) hatMax = h;
            if (z > max) max = z;
        }
        // Both maxima are −∞ together (z − h is finite); the logits are then all −∞ and stay so.
        if (double.IsNegativeInfinity(max) || double.IsNegativeInfinity(hatMax)) return;
        NormalizeAll(logits, probabilities, max, secondaryLogits, hatMax);
    }

    /// <summary>The logits of a probability vector: log x (−∞ where x = 0).</summary>
    public static void Logits(ReadOnlySpan<double> probabilities, Span<double> logits)
    {
        for (int i = 0; i < probabilities.Length; i++) logits[i] = Math.Log(probabilities[i]);
    }
}
