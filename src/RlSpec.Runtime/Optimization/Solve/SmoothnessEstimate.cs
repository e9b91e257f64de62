using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Optimization.Solve;

/// <summary>
/// The curvature of a problem's objective at a point, for the step size of <c>rlspec solve</c>: power iteration on the
/// Hessian-vector product H v ≈ (∇f(x + h v) − ∇f(x)) / h, a finite difference of the compiled gradient (no second
/// derivative is compiled). <see cref="Largest"/> is |λ|max(H) (the gradient's Lipschitz constant L near x; for a saddle
/// problem, the Lipschitz constant of the operator (∇x f, −∇y f), whose Jacobian is H up to signs of rows);
/// <see cref="Smallest"/> is λmin(H) from power iteration on L I − H (the strong convexity μ near x when positive).
/// Exact for a quadratic up to rounding; for other objectives a local estimate, which the solver guards by halving the
/// step when the objective stops being finite.
/// </summary>
public readonly record struct SmoothnessEstimate(double Largest, double Smallest)
{
    /// <summary>Power-iteration rounds per eigenvalue.</summary>
    public const int Rounds = 40;

    /// <summary>Estimates |λ|max and λmin of the Hessian of f (its smooth part when <paramref name="smoothPart"/>) at <paramref name="x"/>.</summary>
    public static SmoothnessEstimate At<TProblem>(ref TProblem problem, ReadOnlySpan<double> x, bool smoothPart) where TProblem : struct, ICompositeProblem
    {
        int n = x.Length;
        var g0 = new double[n];
        var shifted = new double[n];
        var gh = new double[n];
        var v = new double[n];
        var hv = new double[n];
        Gradient(ref problem, x, g0, smoothPart);
        double scale = 0;
        for (int i = 0; i < n; i++) scale = Math.Max(scale, Math.Abs(x[i]));
        double h = 1e-6 * Math.Max(1, scale);

        double largest = Power(ref problem, x, g0, shifted, gh, v, hv, h, smoothPart, shift: 0);
        if (!double.IsFinite(largest)) return new SmoothnessEstimate(double.NaN, double.NaN);
        // λmax(L I − H) = L − λmin(H).
        double top = Power(ref problem, x, g0, shifted, gh, v, hv, h, smoothPart, shift: largest);
        return new SmoothnessEstimate(largest, largest - top);
    }

    private static double Power<TProblem>(ref TProblem problem, ReadOnlySpan<double> x, double[] g0, double[] shifted, double[] gh, double[] v, double[] hv,
        double h, bool smoothPart, double shift) where TProblem : struct, ICompositeProblem
    {
        int n = x.Length;
        var random = RandomStream.Create(20261130UL, shift == 0 ? 1UL : 2UL);
        for (int i = 0; i < n; i++) v[i] = Sampling.Normal(ref random, 0, 1);
        Normalize(v);
        double estimate = 0;
        for (int round = 0; round < Rounds; round++)
        {
            for (int i = 0; i < n; i++) shifted[i] = x[i] + h * v[i];
            Gradient(ref problem, shifted, gh, smoothPart);
            for (int i = 0; i < n; i++) hv[i] = shift * v[i] - (gh[i] - g0[i]) / h * (shift == 0 ? -1 : 1);
            double norm = Normalize(hv);
            if (!double.IsFinite(norm)) return double.NaN;
            if (norm == 0) return 0;
            estimate = norm;
            Array.Copy(hv, v, n);
        }
        return estimate;
    }

    private static void Gradient<TProblem>(ref TProblem problem, ReadOnlySpan<double> x, Span<double> g, bool smoothPart) where TProblem : struct, ICompositeProblem
    {
        if (smoothPart) problem.SmoothGradient(x, g, 1);
        else problem.Gradient(x, g, 1);
    }

    private static double Normalize(Span<double> v)
    {
        double s = 0;
        for (int i = 0; i < v.Length; i++) s += v[i] * v[i];
        s = Math.Sqrt(s);
        if (s > 0 && double.IsFinite(s)) for (int i = 0; i < v.Length; i++) v[i] /= s;
        return s;
    }
}
