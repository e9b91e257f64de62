using System;

namespace RlSpec.Runtime.Bandits;

/// <summary>
/// The Beta distribution's CDF (the regularized incomplete beta function I_x(a, b)) and quantile, for
/// Bayes-UCB (Kaufmann, Cappé and Garivier, "On Bayesian upper confidence bounds for bandit
/// problems", AISTATS 2012), whose index is a quantile of a Beta posterior. Nothing allocates.
/// </summary>
public static class BetaFunction
{
    /// <summary>ln Γ(x) for x &gt; 0: the recurrence Γ(x) = Γ(x + k)/(x(x+1)…(x+k−1)) up to x ≥ 15, then Stirling's series to the x⁻¹¹ term (error below 1e-16 relative).</summary>
    public static double LogGamma(double x)
    {
        if (!(x > 0)) throw new ArgumentOutOfRangeException(nameof(x), x, "ln Γ needs a positive argument");
        double shift = 0;
        if (x < 15)
        {
            double product = 1;
            while (x < 15) { product *= x; x += 1; }
            shift = Math.Log(product);
        }
        double inv = 1 / x, inv2 = inv * inv;
        // Stirling: ln Γ(x) = (x − ½) ln x − x + ½ ln 2π + Σ B₂ₖ / (2k(2k−1) x^(2k−1)).
        double series = inv * (1.0 / 12 + inv2 * (-1.0 / 360 + inv2 * (1.0 / 1260 + inv2 * (-1.0 / 1680 + inv2 * (1.0 / 1188 + inv2 * (-691.0 / 360360))))));
        return (x - 0.5) * Math.Log(x) - x + 0.91893853320467274178 + series - shift;
    }

    /// <summary>ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).</summary>
    public static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    /// <summary>
    /// I_x(a, b) = P(X ≤ x) for X ~ Beta(a, b): the continued fraction of DLMF 8.17.22, evaluated by the
    /// modified Lentz method to a relative 1e-15, on the side where it converges fast
    /// (x &lt; (a+1)/(a+b+2)); otherwise by the symmetry I_x(a, b) = 1 − I_{1−x}(b, a).
    /// </summary>
    public static double RegularizedIncomplete(double x, double a, double b)
    {
        if (!(a > 0) || !(b > 0)) throw new ArgumentOutOfRangeException(nameof(a), "Beta shapes must be positive");
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        if (x < (a + 1) / (a + b + 2)) return FractionSide(x, a, b);
        return 1 - FractionSide(1 - x, b, a);
    }

    /// <summary>The upper tail 1 − I_x(a, b) = I_{1−x}(b, a), without the cancellation of the subtraction.</summary>
    public static double UpperTail(double x, double a, double b) => RegularizedIncomplete(1 - x, b, a);

    /// <summary>x^a (1−x)^b / (a B(a,b)) times the continued fraction 1/(1 + d₁/(1 + d₂/(1 + …))).</summary>
    private static double FractionSide(double x, double a, double b)
    {
        double front = Math.Exp(a * Math.Log(x) + b * Math.Log(1 - x) - LogBeta(a, b)) / a;
        const double Tiny = 1e-300;
        // Modified Lentz for 1 + d₁/(1 + d₂/(1 + …)), with d₂ₘ₊₁ = −(a+m)(a+b+m)x/((a+2m)(a+2m+1)),
        // d₂ₘ = m(b−m)x/((a+2m−1)(a+2m)).
        double f = 1, c = 1, dd = 0;
        for (int i = 1; i <= 2000; i++)
        {
            int m = i / 2;
            double coefficient = (i & 1) == 1
                ? -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
                : m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
            dd = 1 + coefficient * dd;
            if (Math.Abs(dd) < Tiny) dd = Tiny;
            c = 1 + coefficient / c;
            if (Math.Abs(c) < Tiny) c = Tiny;
            dd = 1 / dd;
            double delta = c * dd;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-15) break;
        }
        return front / f;
    }

    /// <summary>The density of Beta(a, b) at x.</summary>
    public static double Density(double x, double a, double b)
    {
        if (x <= 0 || x >= 1) return 0;
        return Math.Exp((a - 1) * Math.Log(x) + (b - 1) * Math.Log(1 - x) - LogBeta(a, b));
    }

    /// <summary>
    /// The q with I_q(a, b) = <paramref name="p"/>: Newton's method on the CDF kept inside a bisection
    /// bracket, stopped when the bracket or the step is below 1e-13.
    /// </summary>
    public static double Quantile(double p, double a, double b)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "a probability is in [0, 1]");
        if (p == 0) return 0;
        if (p == 1) return 1;
        // Solving in the tail where the CDF is small keeps the residual precise: for p > ½ find the
        // lower p' = 1 − p quantile y of Beta(b, a) and return 1 − y.
        if (p > 0.5) return 1 - LowerQuantile(1 - p, b, a);
        return LowerQuantile(p, a, b);
    }

    /// <summary>
    /// The level-(1 − <paramref name="tail"/>) quantile of Beta(a, b), solved in the upper tail so that a
    /// tail like 1e-9 keeps its precision: 1 − (the <paramref name="tail"/> quantile of Beta(b, a)).
    /// </summary>
    public static double UpperQuantile(double tail, double a, double b)
    {
        if (!(tail >= 0 && tail <= 1)) throw new ArgumentOutOfRangeException(nameof(tail), tail, "a probability is in [0, 1]");
        if (tail == 0) return 1;
        if (tail == 1) return 0;
        return tail <= 0.5 ? 1 - LowerQuantile(tail, b, a) : LowerQuantile(1 - tail, a, b);
    }

    private static double LowerQuantile(double p, double a, double b)
    {
        double lo = 0, hi = 1;
        double x = a / (a + b); // the mean, a start inside (0, 1)
        double logBeta = LogBeta(a, b);
        for (int iteration = 0; iteration < 200; iteration++)
        {
            double cdf = RegularizedIncomplete(x, a, b);
            double residual = cdf - p;
            if (residual == 0) return x;
            if (residual < 0) lo = x; else hi = x;
            if (hi - lo <= 1e-13 * Math.Max(1e-300, hi)) break;
            double density = Math.Exp((a - 1) * Math.Log(x) + (b - 1) * Math.Log(1 - x) - logBeta);
            double next = density > 0 ? x - residual / density : double.NaN;
            if (!(next > lo && next < hi)) next = 0.5 * (lo + hi); // Newton left the bracket: bisect
            if (Math.Abs(next - x) <= 1e-13 * Math.Max(1e-300, x)) { x = next; break; }
            x = next;
        }
        return x;
    }
}
