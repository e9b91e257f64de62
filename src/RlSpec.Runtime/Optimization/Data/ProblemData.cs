using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Optimization.Data;

/// <summary>
/// The seeded data generators of <c>problem</c> declarations (<c>let A ~ gaussian(m, n, seed = 2)</c>):
/// called once by an emitted problem's <c>Create</c>, each returns a fresh row-major array. A generator's
/// draws come from stream 0 of its seed, so the same seed gives the same data in every program.
/// A family of <c>count</c> matrices is stored back to back; a symmetric family stores each matrix's upper
/// triangle once, row by row (n(n+1)/2 numbers), which halves the bytes a gradient reads.
/// </summary>
public static class ProblemData
{
    private static RandomStream Stream(ulong seed) => RandomStream.Create(seed, 0);

    /// <summary><paramref name="length"/> independent N(0, scale²) numbers.</summary>
    public static double[] Gaussian(int length, double scale, ulong seed)
    {
        var r = Stream(seed);
        var a = new double[length];
        for (int k = 0; k < length; k++) a[k] = Sampling.Normal(ref r, 0, scale);
        return a;
    }

    /// <summary><paramref name="length"/> independent Uniform[lo, hi) numbers.</summary>
    public static double[] Uniform(int length, double lo, double hi, ulong seed)
    {
        var r = Stream(seed);
        var a = new double[length];
        for (int k = 0; k < length; k++) a[k] = lo + (hi - lo) * r.NextDouble();
        return a;
    }

    /// <summary><paramref name="length"/> independent Bernoulli(p) numbers (0 or 1).</summary>
    public static double[] Bernoulli(int length, double p, ulong seed)
    {
        var r = Stream(seed);
        var a = new double[length];
        for (int k = 0; k < length; k++) a[k] = r.NextDouble() < p ? 1 : 0;
        return a;
    }

    /// <summary>
    /// <paramref name="count"/> symmetric n×n matrices (A + Aᵀ)/√2 with A standard Gaussian times scale
    /// (so off-diagonal entries are N(0, scale²) and diagonal ones N(0, 2 scale²), the GOE convention),
    /// each stored as its upper triangle row by row.
    /// </summary>
    public static double[] SymmetricGaussianPacked(int count, int n, double scale, ulong seed)
    {
        var r = Stream(seed);
        int packed = n * (n + 1) / 2;
        var a = new double[count * packed];
        for (int m = 0; m < count; m++)
        {
            int k = m * packed;
            for (int i = 0; i < n; i++)
                for (int j = i; j < n; j++)
                    a[k++] = i == j ? Sampling.Normal(ref r, 0, scale * Math.Sqrt(2)) : Sampling.Normal(ref r, 0, scale);
        }
        return a;
    }

    /// <summary>The full n×n matrices of a family stored by <see cref="SymmetricGaussianPacked"/> (for a single symmetric matrix).</summary>
    public static double[] Unpack(double[] packed, int count, int n)
    {
        var full = new double[count * n * n];
        int p = n * (n + 1) / 2;
        for (int m = 0; m < count; m++)
        {
            int k = m * p;
            for (int i = 0; i < n; i++)
                for (int j = i; j < n; j++, k++)
                {
                    full[m * n * n + i * n + j] = packed[k];
                    full[m * n * n + j * n + i] = packed[k];
                }
        }
        return full;
    }

    /// <summary>
    /// An n×r matrix with orthonormal columns: a standard Gaussian matrix orthonormalized column by column
    /// (modified Gram–Schmidt, twice for accuracy), which is Haar-distributed on the Stiefel manifold.
    /// </summary>
    public static double[] Orthonormal(int n, int r, ulong seed)
    {
        if (r > n) throw new ArgumentOutOfRangeException(nameof(r), r, "orthonormal(n, r): r must be at most n");
        var a = Gaussian(n * r, 1, seed);
        for (int j = 0; j < r; j++)
        {
            for (int pass = 0; pass < 2; pass++)
                for (int q = 0; q < j; q++)
                {
                    double dot = 0;
                    for (int i = 0; i < n; i++) dot += a[i * r + q] * a[i * r + j];
                    for (int i = 0; i < n; i++) a[i * r + j] -= dot * a[i * r + q];
                }
            double norm = 0;
            for (int i = 0; i < n; i++) norm += a[i * r + j] * a[i * r + j];
            norm = Math.Sqrt(norm);
            for (int i = 0; i < n; i++) a[i * r + j] /= norm;
        }
        return a;
    }

    /// <summary>A rank-r n×m matrix G Hᵀ / √r with G (n×r) and H (m×r) standard Gaussian times scale.</summary>
    public static double[] LowRank(int n, int m, int r, double scale, ulong seed)
    {
        var g = Gaussian(n * r, scale, seed);
        var h = Gaussian(m * r, 1, seed + 0x9E3779B97F4A7C15UL);
        var a = new double[n * m];
        double norm = 1 / Math.Sqrt(r);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
            {
                double s = 0;
                for (int q = 0; q < r; q++) s += g[i * r + q] * h[j * r + q];
                a[i * m + j] = s * norm;
            }
        return a;
    }

    /// <summary>Throws when data holds a NaN or an infinity (a generator or a let gave a number that is not finite).</summary>
    public static void CheckFinite(double[] data, string name)
    {
        for (int k = 0; k < data.Length; k++)
            if (!double.IsFinite(data[k]))
                throw new ArgumentException($"data '{name}' has a value that is not finite ({data[k]}) at entry {k}");
    }
}
