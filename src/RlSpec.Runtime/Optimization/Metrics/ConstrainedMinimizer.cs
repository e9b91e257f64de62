using System;

namespace RlSpec.Runtime.Optimization.Metrics;

/// <summary>A smooth function of the flat vector z, for <see cref="ConstrainedMinimizer"/>.</summary>
internal interface ISmoothFunction
{
    /// <summary>φ(z).</summary>
    double Value(ReadOnlySpan<double> z);

    /// <summary>Writes ∇φ(z) (zero outside the free coordinates) and returns φ(z).</summary>
    double Gradient(ReadOnlySpan<double> z, Span<double> gradient);

    /// <summary>Projects z onto the feasible set (the free coordinates only).</summary>
    void Project(Span<double> z);
}

/// <summary>
/// Accelerated projected gradient with backtracking on the smoothness constant and adaptive restart (FISTA, Beck and
/// Teboulle 2009, §4; restart when φ increases, O'Donoghue and Candès 2015): the offline solver behind the metrics
/// that need an inner optimum (the restricted duality gap, the best fixed point in hindsight). Not one of the
/// compared methods: it runs to a tolerance, outside the timed loop, into buffers owned by the caller.
/// </summary>
internal static class ConstrainedMinimizer
{
    /// <summary>
    /// Minimizes φ from z (overwritten with the minimizer) until the gradient mapping L‖z⁺ − y‖ ≤ <paramref name="tolerance"/>
    /// or <paramref name="maxIterations"/>; returns φ at the result. <paramref name="y"/>, <paramref name="g"/>,
    /// <paramref name="trial"/> and <paramref name="previous"/> are scratch buffers of z's length.
    /// </summary>
    public static double Minimize<TFunction>(ref TFunction f, Span<double> z, Span<double> y, Span<double> g, Span<double> trial,
        Span<double> previous, double tolerance, int maxIterations) where TFunction : struct, ISmoothFunction
    {
        f.Project(z);
        z.CopyTo(y);
        double lipschitz = 1, t = 1, value = f.Value(z);
        for (int k = 0; k < maxIterations; k++)
        {
            double fy = f.Gradient(y, g);
            double step;
            while (true)
            {
                for (int i = 0; i < z.Length; i++) trial[i] = y[i] - g[i] / lipschitz;
                f.Project(trial);
                double ft = f.Value(trial), linear = 0, square = 0;
                for (int i = 0; i < z.Length; i++) { double d = trial[i] - y[i]; linear += g[i] * d; square += d * d; }
                step = Math.Sqrt(square) * lipschitz;
                if (ft <= fy + linear + 0.5 * lipschitz * square + 1e-12 * Math.Abs(fy) || lipschitz > 1e300) break;
                lipschitz *= 2;
            }
            z.CopyTo(previous);
            trial.CopyTo(z);
            double next = f.Value(z);
            if (step <= tolerance) return next;
            if (next > value)
            {
                // Adaptive restart: momentum made φ go up; start again from the better point without momentum.
                previous.CopyTo(z);
                z.CopyTo(y);
                t = 1;
                lipschitz *= 2;
                continue;
            }
            value = next;
            double tNext = (1 + Math.Sqrt(1 + 4 * t * t)) / 2, w = (t - 1) / tNext;
            for (int i = 0; i < z.Length; i++) y[i] = z[i] + w * (z[i] - previous[i]);
            t = tNext;
            lipschitz = Math.Max(lipschitz / 2, 1e-12);
        }
        return f.Value(z);
    }
}
