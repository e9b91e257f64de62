using System;

namespace RlSpec.Runtime.Bandits;

/// <summary>
/// Kullback-Leibler divergences of the reward models of KL-UCB (Garivier and Cappé, "The KL-UCB
/// algorithm for bounded stochastic bandits and beyond", COLT 2011), and the inversion that gives
/// KL-UCB its index: sup { q ∈ [x, 1] : kl(x, q) ≤ d }.
/// </summary>
public static class KullbackLeibler
{
    /// <summary>
    /// The width of the bracket [lower, upper] around the true root that
    /// <see cref="BernoulliUpperBound"/> certifies before it returns the upper end: |q − q*| ≤ 1e-10.
    /// </summary>
    public const double Tolerance = 1e-10;

    /// <summary>
    /// kl(p, q) = p ln(p/q) + (1−p) ln((1−p)/(1−q)) between Bernoulli(p) and Bernoulli(q), with the
    /// conventions 0·ln 0 = 0 and 0·ln(0/0) = 0 (so kl(0, q) = −ln(1−q), kl(1, q) = −ln q), and +∞ when q
    /// is 0 or 1 but p is not.
    /// </summary>
    public static double Bernoulli(double p, double q)
    {
        double kl = 0;
        if (p > 0) kl += p * Math.Log(p / q);
        if (p < 1) kl += (1 - p) * Math.Log((1 - p) / (1 - q));
        return kl > 0 ? kl : 0; // rounding can leave −1e-17 when q ≈ p
    }

    /// <summary>kl between N(μ₁, σ²) and N(μ₂, σ²): (μ₁ − μ₂)² / (2σ²).</summary>
    public static double Gaussian(double mean1, double mean2, double sigma)
    {
        double gap = mean1 - mean2;
        return gap * gap / (2 * sigma * sigma);
    }

    /// <summary>
    /// The KL-UCB index sup { q ∈ [x, 1] : kl(x, q) ≤ d } for Bernoulli rewards, within
    /// <see cref="Tolerance"/> (1e-10) of the exact value, and never below it by more than the rounding
    /// of kl itself (about 1e-16 / (∂kl/∂q), below 1e-12 for d ≥ 1e-8).
    /// </summary>
    /// <remarks>
    /// g(q) = kl(x, q) − d is convex and increasing on [x, 1), so Newton's method started above the root
    /// stays above it, and the secant through (x, −d) and the current iterate crosses zero below it:
    /// together they bracket the root at no extra cost. The start is an upper bound of the root (see
    /// <see cref="StartAbove"/>). The loop returns the Newton iterate once the secant bound is within the
    /// tolerance, or once the step is tiny and g(q − tolerance) ≤ 0 confirms it (where the secant bound
    /// converges slowly, next to 1). x = 0 has the closed form 1 − e^(−d).
    /// </remarks>
    public static double BernoulliUpperBound(double x, double d)
    {
        if (!(d > 0)) return Math.Clamp(x, 0, 1);
        if (x >= 1) return 1;
        if (x <= 0) return 1 - Math.Exp(-d);
        double hi = StartAbove(x, d);
        if (hi >= 1) return 1; // the index is within rounding of 1
        double kl = Bernoulli(x, hi);
        for (int iteration = 0; iteration < 100; iteration++)
        {
            if (kl <= d) return hi; // at the root up to rounding
            double lower = x + d * (hi - x) / kl;
            if (hi - lower <= Tolerance) return hi;
            double slope = (hi - x) / (hi * (1 - hi)); // ∂kl/∂q
            double next = hi - (kl - d) / slope;
            if (next < lower) next = lower; // only by rounding
            if (hi - next <= 0.1 * Tolerance)
            {
                double below = next - Tolerance;
                if (below <= x || Bernoulli(x, below) <= d) return next;
            }
            hi = next;
            kl = Bernoulli(x, hi);
        }
        return hi; // still an upper bound of the index
    }

    /// <summary>
    /// An upper bound of the root of kl(x, q) = d, for 0 &lt; x &lt; 1, d &gt; 0, from
    /// kl(x, q) = ∫ₓ^q (s − x)/(s(1 − s)) ds ≥ (q − x)²/(2m) with m ≥ s(1 − s) on [x, q]:
    /// for x ≥ ½, m = x(1 − x) gives x + √(2x(1−x)d); for x &lt; ½, m = q(1 − q) gives the larger root Q of
    /// (1+2d)q² − 2(x+d)q + x² = 0 when Q ≤ ½ (else m = ¼, Pinsker's x + √(d/2)); and near 1,
    /// x ln(x/q) ≥ x ln x gives 1 − (1−x)·exp(−(d − x ln x)/(1−x)), which stays below 1.
    /// The first two are tight to O(d) for small d, so Newton needs two or three steps.
    /// </summary>
    internal static double StartAbove(double x, double d)
    {
        double hi;
        if (x >= 0.5)
        {
            hi = x + Math.Sqrt(2 * x * (1 - x) * d);
        }
        else
        {
            // The discriminant (x+d)² − (1+2d)x² written as 2x(1−x)d + d², without the cancellation.
            double root = (x + d + Math.Sqrt(2 * x * (1 - x) * d + d * d)) / (1 + 2 * d);
            hi = root <= 0.5 ? root : x + Math.Sqrt(0.5 * d);
        }
        if (hi > 0.9)
        {
            double nearOne = 1 - (1 - x) * Math.Exp(-(d - x * Math.Log(x)) / (1 - x));
            if (nearOne < hi) hi = nearOne;
        }
        return hi;
    }
}
