using System;
using System.Collections.Concurrent;

namespace RlSpec.Runtime.Experiments.Statistics;

/// <summary>
/// Quantiles of Student's t distribution for confidence intervals, from its CDF through the regularized
/// incomplete beta function: for t &gt; 0, P(T ≤ t) = 1 − ½·I_{ν/(ν+t²)}(ν/2, ½) (Abramowitz and Stegun
/// 26.7.1 with 26.5.27). The quantile is found by bisection on x = ν/(ν+t²) to full double precision.
/// </summary>
public static class StudentT
{
    private static readonly ConcurrentDictionary<int, double> Cache975 = new();

    /// <summary>t_{0.975, ν}: the two-sided 95% critical value (12.706 for ν = 1, 1.96 as ν → ∞).</summary>
    public static double Quantile975(int degreesOfFreedom) => Cache975.GetOrAdd(degreesOfFreedom, nu => UpperQuantile(nu, 0.025));

    /// <summary>The t with P(T &gt; t) = <paramref name="tail"/> for ν degrees of freedom (0 &lt; tail ≤ ½).</summary>
    public static double UpperQuantile(double nu, double tail)
    {
        if (!(nu > 0)) throw new ArgumentOutOfRangeException(nameof(nu), nu, "degrees of freedom must be positive");
        if (!(tail > 0 && tail <= 0.5)) throw new ArgumentOutOfRangeException(nameof(tail), tail, "the tail must be in (0, 1/2]");
        // P(T > t) = ½·I_x(ν/2, ½) with x = ν/(ν+t²), increasing in x; find x with I_x = 2·tail.
        double target = 2 * tail, lo = 0, hi = 1;
        for (int i = 0; i < 200 && hi - lo > 0; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) break;
            if (IncompleteBeta.Regularized(nu / 2, 0.5, mid) < target) lo = mid; else hi = mid;
        }
        double x = 0.5 * (lo + hi);
        return Math.Sqrt(nu * (1 - x) / x);
    }

    /// <summary>P(T ≤ t) for ν degrees of freedom.</summary>
    public static double Cdf(double nu, double t)
    {
        double tail = 0.5 * IncompleteBeta.Regularized(nu / 2, 0.5, nu / (nu + t * t));
        return t >= 0 ? 1 - tail : tail;
    }
}

/// <summary>
/// The regularized incomplete beta function I_x(a, b), by its continued fraction (Abramowitz and Stegun 26.5.8)
/// evaluated with the modified Lentz method, using the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) where the fraction
/// converges slowly (x &gt; (a+1)/(a+b+2)).
/// </summary>
internal static class IncompleteBeta
{
    public static double Regularized(double a, double b, double x)
    {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        if (x > (a + 1) / (a + b + 2)) return 1 - Regularized(b, a, 1 - x);
        double logFront = a * Math.Log(x) + b * Math.Log(1 - x) - LogBeta(a, b) - Math.Log(a);
        return Math.Exp(logFront) * ContinuedFraction(a, b, x);
    }

    /// <summary>1/(1+ d1/(1+ d2/(1+ ...))) with d_{2m+1} = −(a+m)(a+b+m)x/((a+2m)(a+2m+1)), d_{2m} = m(b−m)x/((a+2m−1)(a+2m)).</summary>
    private static double ContinuedFraction(double a, double b, double x)
    {
        const double Tiny = 1e-300, Epsilon = 1e-16;
        double f = Tiny, c = Tiny, d = 0; // Lentz's start for a fraction with b0 = 0
        for (int i = 0; i <= 1000; i++)
        {
            double numerator;
            if (i == 0) numerator = 1;
            else
            {
                int m = i / 2;
                numerator = i % 2 == 0
                    ? m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
                    : -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
            }
            d = 1 + numerator * d;
            if (Math.Abs(d) < Tiny) d = Tiny;
            d = 1 / d;
            c = 1 + numerator / c;
            if (Math.Abs(c) < Tiny) c = Tiny;
            double delta = c * d;
            f *= delta;
            if (Math.Abs(1 - delta) < Epsilon) break;
        }
        return f;
    }

    private static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    /// <summary>ln Γ(x) for x &gt; 0 by the Lanczos approximation (g = 7, nine coefficients; Godfrey's published values), with reflection below ½.</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5) return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        x -= 1;
        double sum = Coefficients[0];
        for (int i = 1; i < Coefficients.Length; i++) sum += Coefficients[i] / (x + i);
        double t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    private static readonly double[] Coefficients =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];
}
