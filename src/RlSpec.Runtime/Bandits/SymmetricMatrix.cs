using System;

namespace RlSpec.Runtime.Bandits;

/// <summary>
/// The small dense linear algebra of the linear bandits (d up to about 50): d×d matrices stored
/// row-major in flat arrays the algorithm allocates in Reset. Nothing here allocates.
/// </summary>
public static class SymmetricMatrix
{
    /// <summary>Sets <paramref name="matrix"/> (d×d) to s·I.</summary>
    public static void SetScaledIdentity(Span<double> matrix, int d, double s)
    {
        matrix[..(d * d)].Clear();
        for (int i = 0; i < d; i++) matrix[i * d + i] = s;
    }

    /// <summary>y = M x for a d×d matrix M.</summary>
    public static void Multiply(ReadOnlySpan<double> matrix, ReadOnlySpan<double> x, Span<double> y, int d)
    {
        for (int i = 0; i < d; i++)
        {
            ReadOnlySpan<double> row = matrix.Slice(i * d, d);
            double s = 0;
            for (int j = 0; j < d; j++) s += row[j] * x[j];
            y[i] = s;
        }
    }

    /// <summary>⟨x, y⟩ over the first <paramref name="d"/> entries.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int d)
    {
        double s = 0;
        for (int j = 0; j < d; j++) s += x[j] * y[j];
        return s;
    }

    /// <summary>xᵀ M x for a symmetric d×d matrix M.</summary>
    public static double QuadraticForm(ReadOnlySpan<double> matrix, ReadOnlySpan<double> x, int d)
    {
        double s = 0;
        for (int i = 0; i < d; i++)
        {
            ReadOnlySpan<double> row = matrix.Slice(i * d, d);
            double r = 0;
            for (int j = 0; j < d; j++) r += row[j] * x[j];
            s += x[i] * r;
        }
        return s;
    }

    /// <summary>
    /// Sherman-Morrison: replaces the symmetric inverse W = V⁻¹ by (V + x xᵀ)⁻¹ = W − (W x)(W x)ᵀ / (1 + xᵀ W x),
    /// using <paramref name="scratch"/> (length d) for W x, and returns xᵀ W x (before the update), so that
    /// ln det(V + x xᵀ) = ln det V + ln(1 + xᵀ W x) (the matrix determinant lemma) costs nothing more.
    /// </summary>
    public static double ShermanMorrisonUpdate(Span<double> inverse, ReadOnlySpan<double> x, Span<double> scratch, int d)
    {
        Multiply(inverse, x, scratch, d);
        double quadratic = Dot(x, scratch, d);
        double scale = 1 / (1 + quadratic);
        for (int i = 0; i < d; i++)
        {
            double wi = scratch[i] * scale;
            Span<double> row = inverse.Slice(i * d, d);
            for (int j = 0; j < d; j++) row[j] -= wi * scratch[j];
        }
        return quadratic;
    }

    /// <summary>
    /// Rank-one update of a lower-triangular Cholesky factor: replaces L (with V = L Lᵀ) by the factor of
    /// V + x xᵀ, in O(d²) by a sequence of Givens-like rotations (the classic "cholupdate"; Golub and Van
    /// Loan, Matrix Computations, §6.5.4). <paramref name="work"/> (length d) is overwritten.
    /// </summary>
    public static void CholeskyRankOneUpdate(Span<double> lower, ReadOnlySpan<double> x, Span<double> work, int d)
    {
        x[..d].CopyTo(work);
        for (int k = 0; k < d; k++)
        {
            double lkk = lower[k * d + k];
            double r = Math.Sqrt(lkk * lkk + work[k] * work[k]);
            double c = r / lkk, s = work[k] / lkk;
            lower[k * d + k] = r;
            for (int i = k + 1; i < d; i++)
            {
                double lik = (lower[i * d + k] + s * work[i]) / c;
                work[i] = c * work[i] - s * lik;
                lower[i * d + k] = lik;
            }
        }
    }

    /// <summary>Solves Lᵀ z = y for a lower-triangular L (back substitution), writing z into <paramref name="z"/>.</summary>
    public static void SolveTransposedLower(ReadOnlySpan<double> lower, ReadOnlySpan<double> y, Span<double> z, int d)
    {
        for (int i = d - 1; i >= 0; i--)
        {
            double s = y[i];
            for (int j = i + 1; j < d; j++) s -= lower[j * d + i] * z[j];
            z[i] = s / lower[i * d + i];
        }
    }
}
