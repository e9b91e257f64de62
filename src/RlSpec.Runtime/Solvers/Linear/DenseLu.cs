using System;
using System.Numerics;

namespace RlSpec.Runtime.Solvers.Linear;

/// <summary>
/// Gaussian elimination with partial pivoting (LU factorization, Golub and Van Loan, Alg. 3.4.1)
/// on a dense row-major matrix, for exact policy evaluation of small models.
/// </summary>
public static class DenseLu
{
    /// <summary>
    /// Solves A·x = b in place: <paramref name="a"/> (n×n, row-major) is overwritten by its
    /// factors and <paramref name="b"/> by the solution.
    /// </summary>
    /// <exception cref="MdpSolverException">A is singular to working precision.</exception>
    public static void Solve(Span<double> a, int n, Span<double> b)
    {
        if (!TrySolve(a, n, b, 0))
            throw new MdpSolverException("the policy-evaluation system is singular: some states never stop collecting reward (no discount and no reachable terminal state).");
    }

    /// <summary>
    /// Solves A·x = b in place like <see cref="Solve"/>, but returns false instead of throwing when a pivot's
    /// absolute value is at most <paramref name="pivotTolerance"/> (A singular to that tolerance; a and b are then garbage).
    /// </summary>
    public static bool TrySolve(Span<double> a, int n, Span<double> b, double pivotTolerance)
    {
        if (a.Length < n * n || b.Length < n) throw new ArgumentException("matrix or right-hand side too small");
        for (int k = 0; k < n; k++)
        {
            int pivotRow = k;
            double max = Math.Abs(a[k * n + k]);
            for (int i = k + 1; i < n; i++)
            {
                double x = Math.Abs(a[i * n + k]);
                if (x > max) { max = x; pivotRow = i; }
            }
            if (max <= pivotTolerance || !double.IsFinite(max)) return false;
            if (pivotRow != k)
            {
                Span<double> rowA = a.Slice(k * n, n), rowB = a.Slice(pivotRow * n, n);
                for (int j = 0; j < n; j++) (rowA[j], rowB[j]) = (rowB[j], rowA[j]);
                (b[k], b[pivotRow]) = (b[pivotRow], b[k]);
            }
            double pivot = a[k * n + k];
            int width = n - k - 1;
            ReadOnlySpan<double> rowK = a.Slice(k * n + k + 1, width);
            for (int i = k + 1; i < n; i++)
            {
                double l = a[i * n + k];
                if (l == 0) continue; // I − γP is sparse: most multipliers vanish early on
                l /= pivot;
                a[i * n + k] = l;
                SubtractScaled(a.Slice(i * n + k + 1, width), rowK, l);
                b[i] -= l * b[k];
            }
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double sum = b[i];
            for (int j = i + 1; j < n; j++) sum -= a[i * n + j] * b[j];
            b[i] = sum / a[i * n + i];
        }
        return true;
    }

    /// <summary>y −= l·x, vectorized.</summary>
    private static void SubtractScaled(Span<double> y, ReadOnlySpan<double> x, double l)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vl = new Vector<double>(l);
            int width = Vector<double>.Count;
            for (; i <= y.Length - width; i += width)
                (new Vector<double>(y.Slice(i)) - vl * new Vector<double>(x.Slice(i))).CopyTo(y.Slice(i));
        }
        for (; i < y.Length; i++) y[i] -= l * x[i];
    }
}
