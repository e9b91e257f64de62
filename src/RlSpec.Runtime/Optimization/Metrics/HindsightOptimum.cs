using System;

namespace RlSpec.Runtime.Optimization.Metrics;

/// <summary>
/// The best fixed point in hindsight of an online problem: min_{x ∈ X} Σ_{s ≤ t} f_s(x), for the regret
/// Σ_{s ≤ t} f_s(x_s) − min_x Σ_{s ≤ t} f_s(x) (Zinkevich 2003). Solved offline by <see cref="ConstrainedMinimizer"/>
/// on the average loss (1/t) Σ f_s to a gradient-mapping norm of 1e-10, so the summed value is accurate to far
/// better than 1e-8 on the problems of the examples.
/// </summary>
public static class HindsightOptimum
{
    /// <summary>min_x Σ_{s=1..t} f_s(x) over the problem's domains, starting from <paramref name="start"/> (the problem's x₀ if null).</summary>
    public static double Value<TProblem>(TProblem problem, long rounds, double[]? start = null) where TProblem : struct, IOptimizationProblem
    {
        if (rounds < 1) throw new ArgumentException($"the number of rounds must be positive, not {rounds}");
        int n = problem.Dimension;
        var z = start is null ? new double[n] : (double[])start.Clone();
        var f = new RoundSum<TProblem>(problem, rounds, n);
        double average = ConstrainedMinimizer.Minimize(ref f, z, new double[n], new double[n], new double[n], new double[n], 1e-10, 100000);
        return average * rounds;
    }

    private struct RoundSum<TProblem>(TProblem problem, long rounds, int n) : ISmoothFunction where TProblem : struct, IOptimizationProblem
    {
        private TProblem _problem = problem;
        private readonly double[] _term = new double[n];

        public double Value(ReadOnlySpan<double> z)
        {
            double s = 0;
            for (long t = 1; t <= rounds; t++) s += _problem.Objective(z, t);
            return s / rounds;
        }

        public double Gradient(ReadOnlySpan<double> z, Span<double> gradient)
        {
            gradient.Clear();
            double s = 0;
            for (long t = 1; t <= rounds; t++)
            {
                s += _problem.Gradient(z, _term, t);
                for (int i = 0; i < gradient.Length; i++) gradient[i] += _term[i];
            }
            for (int i = 0; i < gradient.Length; i++) gradient[i] /= rounds;
            return s / rounds;
        }

        public void Project(Span<double> z) => _problem.Project(z);
    }
}
