using System;

namespace RlSpec.Runtime.Experiments.Statistics;

/// <summary>
/// A histogram of the values at the last checkpoint: <see cref="DefaultBins"/> equal bins over [min, max];
/// bin i holds min + i·w ≤ x &lt; min + (i+1)·w with w = (max − min)/bins, the last bin also holds max.
/// When every value is equal, all are in bin 0.
/// </summary>
public sealed record Histogram(double Min, double Max, long[] Counts)
{
    /// <summary>The number of bins the outputs use: 20.</summary>
    public const int DefaultBins = 20;

    /// <summary>The histogram of <paramref name="values"/> with <paramref name="bins"/> bins.</summary>
    public static Histogram Of(ReadOnlySpan<double> values, int bins)
    {
        var counts = new long[bins];
        if (values.Length == 0) return new Histogram(double.NaN, double.NaN, counts);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double x in values) { min = Math.Min(min, x); max = Math.Max(max, x); }
        double width = max - min;
        foreach (double x in values)
        {
            int i = width > 0 ? (int)((x - min) / width * bins) : 0;
            counts[Math.Clamp(i, 0, bins - 1)]++;
        }
        return new Histogram(min, max, counts);
    }
}
