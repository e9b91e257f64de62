using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace RlSpec.Runtime.Games.Dynamics;

/// <summary>
/// The two matrix-vector products every matrix-game dynamic pays for, A·y and Aᵀ·x, on a row-major m×n
/// matrix. Both walk A row by row (contiguously; Aᵀ·x as a sum of scaled rows) with SIMD vectors, so each
/// reads A once. These are the cost a dynamic's iteration is measured against (docs/performance.md).
/// </summary>
public static class MatrixProducts
{
    /// <summary>result = A·y (length m).</summary>
    public static void Multiply(ReadOnlySpan<double> a, int rows, int columns, ReadOnlySpan<double> y, Span<double> result)
    {
        for (int i = 0; i < rows; i++) result[i] = Dot(a.Slice(i * columns, columns), y);
    }

    /// <summary>result = Aᵀ·x (length n).</summary>
    public static void MultiplyTransposed(ReadOnlySpan<double> a, int rows, int columns, ReadOnlySpan<double> x, Span<double> result)
    {
        result[..columns].Clear();
        for (int i = 0; i < rows; i++)
        {
            double w = x[i];
            if (w != 0) AddScaled(result[..columns], a.Slice(i * columns, columns), w);
        }
    }

    /// <summary>The inner product u·v.</summary>
    public static double Dot(ReadOnlySpan<double> u, ReadOnlySpan<double> v)
    {
        int n = u.Length, k = 0;
        double s = 0;
        if (Vector.IsHardwareAccelerated && n >= 2 * Vector<double>.Count)
        {
            var uu = MemoryMarshal.Cast<double, Vector<double>>(u);
            var vv = MemoryMarshal.Cast<double, Vector<double>>(v[..n]);
            var acc = Vector<double>.Zero;
            for (int j = 0; j < uu.Length; j++) acc += uu[j] * vv[j];
            s = Vector.Sum(acc);
            k = uu.Length * Vector<double>.Count;
        }
        for (; k < n; k++) s += u[k] * v[k];
        return s;
    }

    /// <summary>target += w·source.</summary>
    public static void AddScaled(Span<double> target, ReadOnlySpan<double> source, double w)
    {
        int n = target.Length, k = 0;
        if (Vector.IsHardwareAccelerated && n >= 2 * Vector<double>.Count)
        {
            var tt = MemoryMarshal.Cast<double, Vector<double>>(target);
            var ss = MemoryMarshal.Cast<double, Vector<double>>(source[..n]);
            var ww = new Vector<double>(w);
            for (int j = 0; j < tt.Length; j++) tt[j] += ww * ss[j];
            k = tt.Length * Vector<double>.Count;
        }
        for (; k < n; k++) target[k] += w * source[k];
    }
}
