using System;

namespace RlSpec.Runtime.Randomness;

/// <summary>
/// Exact samplers for the distributions of the RlSpec language, drawing from a caller's
/// <see cref="RandomStream"/>. Nothing allocates; an invalid parameter throws
/// <see cref="ArgumentOutOfRangeException"/>. "Exact" means the method draws from the distribution
/// itself (inversion or rejection with the true density), not from an approximation, up to
/// floating-point rounding.
/// </summary>
public static class Sampling
{
    /// <summary>True with probability <paramref name="p"/>: one uniform draw, <c>U &lt; p</c>.</summary>
    public static bool Bernoulli(ref RandomStream r, double p)
    {
        CheckProbability(p, nameof(p));
        return r.NextDouble() < p;
    }

    /// <summary>
    /// Binomial(<paramref name="n"/>, <paramref name="p"/>), exact. With p̃ = min(p, 1−p) (the count is
    /// mirrored as n − X when p &gt; ½): sequential inversion of the CDF (Kachitvichyanukul and Schmeiser's
    /// BINV, 1988) when n·p̃ &lt; 10; otherwise Hörmann's transformed rejection with squeeze BTRS
    /// ("The generation of binomial random variates", J. Stat. Comput. Simul. 46, 1993).
    /// </summary>
    public static long Binomial(ref RandomStream r, long n, double p)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, "binomial: n must be at least 0");
        CheckProbability(p, nameof(p));
        if (n == 0 || p == 0) return 0;
        if (p == 1) return n;
        bool mirrored = p > 0.5;
        double q0 = mirrored ? 1 - p : p;
        long x = n * q0 < 10 ? BinomialInversion(ref r, n, q0) : BinomialBtrs(ref r, n, q0);
        return mirrored ? n - x : x;
    }

    private static long BinomialInversion(ref RandomStream r, long n, double p)
    {
        double q = 1 - p, s = p / q, a = (n + 1) * s;
        double r0 = Math.Exp(n * Log1P(-p)); // P(X = 0) = qⁿ; n·p < 10 keeps it above e^-20
        while (true)
        {
            double u = r.NextDouble(), pk = r0;
            long x = 0;
            // Walk the CDF: P(X = x+1) = P(X = x)·((n+1)s/(x+1) − s).
            while (u >= pk)
            {
                u -= pk;
                x++;
                if (x > n) break;
                pk *= a / x - s;
                if (pk <= 0) break;
            }
            // Reaching past n (or an underflowed term) happens only when rounding left u above the
            // summed mass: draw again rather than return a value outside the support.
            if (x <= n && u < pk) return x;
        }
    }

    private static long BinomialBtrs(ref RandomStream r, long n, double p)
    {
        double q = 1 - p, np = n * p;
        double spq = Math.Sqrt(np * q);
        double b = 1.15 + 2.53 * spq;
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double c = np + 0.5;
        double vr = 0.92 - 4.2 / b;
        double alpha = (2.83 + 5.1 / b) * spq;
        double lpq = Math.Log(p / q);
        double m = Math.Floor((n + 1) * p);
        double h = LogFactorial.Of(m) + LogFactorial.Of(n - m);
        while (true)
        {
            double u = r.NextDouble() - 0.5, v = r.NextDouble();
            double us = 0.5 - Math.Abs(u);
            double k = Math.Floor((2 * a / us + b) * u + c);
            if (k < 0 || k > n) continue;
            if (us >= 0.07 && v <= vr) return (long)k;
            v = Math.Log(v * alpha / (a / (us * us) + b));
            if (v <= h - LogFactorial.Of(k) - LogFactorial.Of(n - k) + (k - m) * lpq) return (long)k;
        }
    }

    /// <summary>
    /// Poisson(<paramref name="lambda"/>), exact for every λ: sequential inversion of the CDF when
    /// λ &lt; 10; otherwise Hörmann's transformed rejection PTRS ("The transformed rejection method for
    /// generating Poisson random variables", Insurance: Mathematics and Economics 12, 1993).
    /// </summary>
    public static long Poisson(ref RandomStream r, double lambda)
    {
        if (!(lambda >= 0) || double.IsPositiveInfinity(lambda)) throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "poisson: the rate must be finite and not negative");
        if (lambda == 0) return 0;
        return lambda < 10 ? PoissonInversion(ref r, lambda) : PoissonPtrs(ref r, lambda);
    }

    private static long PoissonInversion(ref RandomStream r, double lambda)
    {
        double p0 = Math.Exp(-lambda);
        while (true)
        {
            double u = r.NextDouble(), pk = p0;
            long x = 0;
            // P(X = x+1) = P(X = x)·λ/(x+1); stop when u falls inside the mass of x.
            while (u >= pk && pk > 0)
            {
                u -= pk;
                x++;
                pk *= lambda / x;
            }
            // An underflowed term means rounding left u above the summed mass: draw again.
            if (pk > 0) return x;
        }
    }

    private static long PoissonPtrs(ref RandomStream r, double lambda)
    {
        double slam = Math.Sqrt(lambda), loglam = Math.Log(lambda);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true)
        {
            double u = r.NextDouble() - 0.5, v = r.NextDouble();
            double us = 0.5 - Math.Abs(u);
            double k = Math.Floor((2 * a / us + b) * u + lambda + 0.43);
            if (k < 0) continue;
            if (us >= 0.07 && v <= vr) return (long)k;
            if (us < 0.013 && v > us) continue;
            if (Math.Log(v * invAlpha / (a / (us * us) + b)) <= -lambda + k * loglam - LogFactorial.Of(k)) return (long)k;
        }
    }

    /// <summary>
    /// Geometric(<paramref name="p"/>): the number of failures before the first success (support 0, 1, …,
    /// as <c>FiniteDistribution.Geometric</c>), by inversion: ⌊ln U / ln(1−p)⌋ with U uniform in (0,1),
    /// since P(X ≥ k) = (1−p)^k. Saturates at <see cref="long.MaxValue"/> (only for p below about 4e-18).
    /// </summary>
    public static long Geometric(ref RandomStream r, double p)
    {
        if (!(p > 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "geometric: p must be in (0, 1]");
        if (p == 1) return 0;
        double x = Math.Floor(Math.Log(r.NextOpenDouble()) / Log1P(-p));
        return x >= long.MaxValue ? long.MaxValue : (long)x;
    }

    /// <summary>
    /// An index 0..k−1 drawn with the given <paramref name="probabilities"/> (k of them, summing to 1 up to
    /// rounding): one uniform draw scaled by their sum, then a linear search of the cumulative sums;
    /// an index of probability 0 is never drawn. For long lists draw from a <c>FiniteDistribution</c> instead.
    /// </summary>
    public static int Categorical(ref RandomStream r, ReadOnlySpan<double> probabilities)
    {
        double total = 0;
        int last = -1;
        for (int k = 0; k < probabilities.Length; k++)
        {
            double p = probabilities[k];
            if (!(p >= 0)) throw new ArgumentOutOfRangeException(nameof(probabilities), p, "categorical: probabilities must not be negative");
            total += p;
            if (p > 0) last = k;
        }
        if (last < 0) throw new ArgumentOutOfRangeException(nameof(probabilities), "categorical: no probability is positive");
        double u = r.NextDouble() * total, cumulative = 0;
        for (int k = 0; k < last; k++)
        {
            cumulative += probabilities[k];
            if (u < cumulative && probabilities[k] > 0) return k;
        }
        return last; // also where rounding leaves u at or above the sum of the others
    }

    /// <summary>A uniform integer in <paramref name="lo"/>..<paramref name="hi"/> (inclusive), unbiased (Lemire's method, <see cref="RandomStream.NextLong"/>).</summary>
    public static long UniformInt(ref RandomStream r, long lo, long hi) => r.NextLong(lo, hi);

    /// <summary>A uniform real in [<paramref name="lo"/>, <paramref name="hi"/>): lo + (hi − lo)·U with U in [0,1).</summary>
    public static double Uniform(ref RandomStream r, double lo, double hi)
    {
        if (!(hi >= lo) || double.IsInfinity(hi - lo)) throw new ArgumentOutOfRangeException(nameof(hi), hi, $"uniform: the range [{lo}, {hi}) must be finite and not empty");
        return lo + (hi - lo) * r.NextDouble();
    }

    /// <summary>
    /// Normal(<paramref name="mean"/>, <paramref name="sd"/>) by the Box–Muller transform
    /// √(−2 ln U₁)·cos(2π U₂), U₁ in (0,1): always two draws per value (the sine partner is not kept,
    /// since a stream carries no cache).
    /// </summary>
    public static double Normal(ref RandomStream r, double mean, double sd)
    {
        if (!(sd >= 0) || double.IsPositiveInfinity(sd)) throw new ArgumentOutOfRangeException(nameof(sd), sd, "normal: the standard deviation must be finite and not negative");
        return mean + sd * StandardNormal(ref r);
    }

    private static double StandardNormal(ref RandomStream r)
    {
        double radius = Math.Sqrt(-2 * Math.Log(r.NextOpenDouble()));
        return radius * Math.Cos(2 * Math.PI * r.NextDouble());
    }

    /// <summary>Exponential with the given <paramref name="rate"/> (mean 1/rate) by inversion: −ln U / rate, U in (0,1).</summary>
    public static double Exponential(ref RandomStream r, double rate)
    {
        if (!(rate > 0) || double.IsPositiveInfinity(rate)) throw new ArgumentOutOfRangeException(nameof(rate), rate, "exponential: the rate must be positive and finite");
        return -Math.Log(r.NextOpenDouble()) / rate;
    }

    /// <summary>
    /// Gamma with <paramref name="shape"/> k and <paramref name="scale"/> θ (mean kθ): Marsaglia and Tsang's
    /// squeeze-and-reject method ("A simple method for generating gamma variables", ACM TOMS 26, 2000);
    /// for k &lt; 1 their boost Gamma(k) = Gamma(k+1)·U^(1/k).
    /// </summary>
    public static double Gamma(ref RandomStream r, double shape, double scale)
    {
        if (!(shape > 0) || double.IsPositiveInfinity(shape)) throw new ArgumentOutOfRangeException(nameof(shape), shape, "gamma: the shape must be positive and finite");
        if (!(scale > 0) || double.IsPositiveInfinity(scale)) throw new ArgumentOutOfRangeException(nameof(scale), scale, "gamma: the scale must be positive and finite");
        return Math.Exp(LogStandardGamma(ref r, shape)) * scale;
    }

    /// <summary>
    /// Beta(<paramref name="a"/>, <paramref name="b"/>) as X/(X+Y) with X ~ Gamma(a), Y ~ Gamma(b), computed
    /// from ln X and ln Y as 1/(1 + e^(ln Y − ln X)) so that small shapes (where X and Y underflow) stay exact.
    /// </summary>
    public static double Beta(ref RandomStream r, double a, double b)
    {
        if (!(a > 0) || double.IsPositiveInfinity(a)) throw new ArgumentOutOfRangeException(nameof(a), a, "beta: a must be positive and finite");
        if (!(b > 0) || double.IsPositiveInfinity(b)) throw new ArgumentOutOfRangeException(nameof(b), b, "beta: b must be positive and finite");
        double logX = LogStandardGamma(ref r, a), logY = LogStandardGamma(ref r, b);
        return 1 / (1 + Math.Exp(logY - logX));
    }

    /// <summary>
    /// Dirichlet(<paramref name="alpha"/>) into <paramref name="result"/>: X_i/Σ_j X_j with independent
    /// X_i ~ Gamma(α_i, 1), computed from ln X_i (the largest subtracted before exponentiating) so that small
    /// concentrations, whose Gamma variates underflow, still give an exact point of the simplex. Draws the
    /// components in index order; allocates nothing.
    /// </summary>
    public static void Dirichlet(ref RandomStream r, ReadOnlySpan<double> alpha, Span<double> result)
    {
        if (alpha.Length == 0) throw new ArgumentException("dirichlet: at least one concentration is needed", nameof(alpha));
        if (result.Length < alpha.Length) throw new ArgumentException("dirichlet: the result must hold one value per concentration", nameof(result));
        double largest = double.NegativeInfinity;
        for (int i = 0; i < alpha.Length; i++)
        {
            double a = alpha[i];
            if (!(a > 0) || double.IsPositiveInfinity(a)) throw new ArgumentOutOfRangeException(nameof(alpha), a, "dirichlet: every concentration must be positive and finite");
            result[i] = LogStandardGamma(ref r, a);
            largest = Math.Max(largest, result[i]);
        }
        double total = 0;
        for (int i = 0; i < alpha.Length; i++) total += result[i] = Math.Exp(result[i] - largest);
        for (int i = 0; i < alpha.Length; i++) result[i] /= total;
    }

    /// <summary>ln of a Gamma(shape, 1) variate (Marsaglia–Tsang; the boost for shape &lt; 1 is applied in logs).</summary>
    private static double LogStandardGamma(ref RandomStream r, double shape)
    {
        if (shape < 1) return LogStandardGamma(ref r, shape + 1) + Math.Log(r.NextOpenDouble()) / shape;
        double d = shape - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x = StandardNormal(ref r);
            double v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = r.NextOpenDouble(), x2 = x * x;
            if (u < 1 - 0.0331 * x2 * x2 || Math.Log(u) < 0.5 * x2 + d * (1 - v + Math.Log(v)))
                return Math.Log(d * v);
        }
    }

    /// <summary>ln(1 + x), accurate for small x (Goldberg's trick: the rounding of 1 + x is divided out).</summary>
    internal static double Log1P(double x)
    {
        double u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    private static void CheckProbability(double p, string name)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(name, p, "p must be in [0, 1]");
    }
}
