using System;

namespace RlSpec.Runtime.Optimization.Data;

/// <summary>
/// Eigenvalues of a small symmetric matrix by the cyclic Jacobi method (Golub and Van Loan, Matrix
/// Computations, 4th ed., §8.5): rotations annihilate off-diagonal entries until their Frobenius norm is
/// below 1e-14 of the matrix's. Used by emitted problems for tracked spectra (e.g. of X Xᵀ). Allocation-free:
/// it works in the caller's buffer, which it destroys.
/// </summary>
public static class SymmetricEigenvalues
{
    /// <summary>Writes the n eigenvalues of the symmetric n×n row-major <paramref name="a"/> into <paramref name="values"/>, largest first.</summary>
    public static void Compute(Span<double> a, int n, Span<double> values)
    {
        double total = 0;
        for (int k = 0; k < n * n; k++) total += a[k] * a[k];
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0;
            for (int p = 0; p < n; p++)
                for (int q = p + 1; q < n; q++) off += 2 * a[p * n + q] * a[p * n + q];
            if (off <= 1e-28 * total || off == 0) break;
            for (int p = 0; p < n; p++)
                for (int q = p + 1; q < n; q++)
                {
                    double apq = a[p * n + q];
                    if (apq == 0) continue;
                    double theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
                    double t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < n; k++)
                    {
                        double akp = a[k * n + p], akq = a[k * n + q];
                        a[k * n + p] = c * akp - s * akq;
                        a[k * n + q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double apk = a[p * n + k], aqk = a[q * n + k];
                        a[p * n + k] = c * apk - s * aqk;
                        a[q * n + k] = s * apk + c * aqk;
                    }
                }
        }
        // The diagonal into row 0 (rows below are not read again), sorted largest first (n is small).
        for (int k = 0; k < n; k++) a[k] = a[k * n + k];
        for (int i = 1; i < n; i++)
        {
            double v = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] < v) { a[j + 1] = a[j]; j--; }
            a[j + 1] = v;
        }
        for (int k = 0; k < values.Length; k++) values[k] = k < n ? a[k] : 0;
    }
}
