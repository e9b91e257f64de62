using System;
using System.Threading;

namespace RlSpec.Runtime.Solvers.Linear;

/// <summary>
/// The biconjugate gradient stabilized method (van der Vorst 1992) for nonsymmetric systems
/// A·x = b with a matrix-free operator; used for policy evaluation of large models, where
/// A = I − γP_π is applied through the model's transitions.
/// </summary>
public static class BiCgStab
{
    /// <summary>
    /// Solves A·x = b starting from the given <paramref name="x"/> until the true relative
    /// residual ‖b − A·x‖₂/‖b‖₂ ≤ <paramref name="tolerance"/>. Returns the iteration count;
    /// <paramref name="relativeResidual"/> is the final true relative residual. Pass a
    /// <paramref name="workspace"/> of 6n doubles to reuse memory across solves.
    /// </summary>
    public static int Solve<TOperator>(ref TOperator op, ReadOnlySpan<double> b, Span<double> x, double tolerance, int maxIterations,
        CancellationToken cancellation, out double relativeResidual, double[]? workspace = null)
        where TOperator : struct, ILinearOperator
    {
        int n = op.Size;
        double bNorm = Norm(b);
        if (bNorm == 0)
        {
            x.Clear();
            relativeResidual = 0;
            return 0;
        }
        if (workspace is null || workspace.Length < 6 * n) workspace = new double[6 * n];
        Span<double> r = workspace.AsSpan(0, n), rHat = workspace.AsSpan(n, n), p = workspace.AsSpan(2 * n, n);
        Span<double> v = workspace.AsSpan(3 * n, n), s = workspace.AsSpan(4 * n, n), t = workspace.AsSpan(5 * n, n);
        p.Clear();
        v.Clear();
        TrueResidual(ref op, b, x, r);
        relativeResidual = Norm(r) / bNorm;
        if (relativeResidual <= tolerance) return 0;
        r.CopyTo(rHat);
        double rho = 1, alpha = 1, omega = 1;
        int iteration = 0;
        while (iteration < maxIterations)
        {
            iteration++;
            cancellation.ThrowIfCancellationRequested();
            double rhoNew = Dot(rHat, r);
            if (rhoNew == 0 || omega == 0)
            {
                // Breakdown: restart with the current residual as shadow vector.
                r.CopyTo(rHat);
                p.Clear();
                v.Clear();
                rho = alpha = omega = 1;
                rhoNew = Dot(r, r);
            }
            double beta = rhoNew / rho * (alpha / omega);
            for (int i = 0; i < n; i++) p[i] = r[i] + beta * (p[i] - omega * v[i]);
            op.Apply(p, v);
            double denominator = Dot(rHat, v);
            if (denominator == 0) { omega = 0; continue; }
            alpha = rhoNew / denominator;
            for (int i = 0; i < n; i++) s[i] = r[i] - alpha * v[i];
            if (Norm(s) / bNorm <= tolerance)
            {
                for (int i = 0; i < n; i++) x[i] += alpha * p[i];
                if (Converged(ref op, b, x, r, bNorm, tolerance, out relativeResidual)) return iteration;
                r.CopyTo(rHat);
                rho = alpha = omega = 1;
                p.Clear();
                v.Clear();
                continue;
            }
            op.Apply(s, t);
            double tt = Dot(t, t);
            omega = tt == 0 ? 0 : Dot(t, s) / tt;
            for (int i = 0; i < n; i++)
            {
                x[i] += alpha * p[i] + omega * s[i];
                r[i] = s[i] - omega * t[i];
            }
            rho = rhoNew;
            if (Norm(r) / bNorm <= tolerance)
            {
                if (Converged(ref op, b, x, r, bNorm, tolerance, out relativeResidual)) return iteration;
                r.CopyTo(rHat);
                rho = alpha = omega = 1;
                p.Clear();
                v.Clear();
            }
        }
        TrueResidual(ref op, b, x, r);
        relativeResidual = Norm(r) / bNorm;
        return iteration;
    }

    private static bool Converged<TOperator>(ref TOperator op, ReadOnlySpan<double> b, Span<double> x, Span<double> r, double bNorm, double tolerance, out double relative)
        where TOperator : struct, ILinearOperator
    {
        TrueResidual(ref op, b, x, r);
        relative = Norm(r) / bNorm;
        return relative <= tolerance;
    }

    private static void TrueResidual<TOperator>(ref TOperator op, ReadOnlySpan<double> b, ReadOnlySpan<double> x, Span<double> r)
        where TOperator : struct, ILinearOperator
    {
        op.Apply(x, r);
        for (int i = 0; i < r.Length; i++) r[i] = b[i] - r[i];
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static double Norm(ReadOnlySpan<double> a) => Math.Sqrt(Dot(a, a));
}
