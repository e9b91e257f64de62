using System;

namespace RlSpec.Runtime.Experiments.Statistics;

/// <summary>Sample quantiles.</summary>
public static class Quantiles
{
    /// <summary>
    /// Hyndman and Fan's definition 7 (R's default, NumPy's "linear"): with h = (n − 1)·p on the sorted sample
    /// x_0 ≤ ... ≤ x_{n−1}, Q(p) = x_⌊h⌋ + (h − ⌊h⌋)·(x_{⌊h⌋+1} − x_⌊h⌋). Hyndman and Fan, "Sample quantiles in
    /// statistical packages", The American Statistician 50(4), 1996.
    /// </summary>
    public static double Type7(ReadOnlySpan<double> sorted, double p)
    {
        int n = sorted.Length;
        if (n == 0) return double.NaN;
        double h = (n - 1) * p;
        int lo = (int)Math.Floor(h);
        if (lo >= n - 1) return sorted[n - 1];
        double frac = h - lo;
        return frac == 0 ? sorted[lo] : sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
    }
}
