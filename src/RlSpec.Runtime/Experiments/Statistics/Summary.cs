using System;

namespace RlSpec.Runtime.Experiments.Statistics;

/// <summary>
/// Descriptive statistics of one series point over runs: count, mean, sample standard deviation (n − 1),
/// the 95% confidence interval of the mean by Student's t (mean ± t_{0.975, n−1}·sd/√n), and the quantiles
/// 1, 5, 10, 25, 50, 75, 90, 95, 99 % by Hyndman and Fan's definition 7 (<see cref="Quantiles"/>).
/// Sums run in the order given (run order), so the numbers are reproducible bit for bit.
/// With no values everything is NaN; with one value sd and the interval are NaN; a constant sample has exactly
/// its value as mean, sd 0 and the interval [value, value].
/// </summary>
public sealed record Summary(int Count, double Mean, double Sd, double CiLow, double CiHigh, double Min, double Max, double[] Quantiles)
{
    /// <summary>The quantile levels, in order: 0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99.</summary>
    public static readonly double[] Levels = [0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99];

    /// <summary>The column names of <see cref="Levels"/>: q01, q05, ..., q99.</summary>
    public static readonly string[] LevelNames = ["q01", "q05", "q10", "q25", "q50", "q75", "q90", "q95", "q99"];

    /// <summary>The summary of <paramref name="values"/> (not modified).</summary>
    public static Summary Of(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        var q = new double[Levels.Length];
        if (n == 0)
        {
            Array.Fill(q, double.NaN);
            return new Summary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, q);
        }
        var (mean, sd, low, high) = MeanInterval(values);
        var sorted = values.ToArray();
        Array.Sort(sorted);
        for (int i = 0; i < Levels.Length; i++) q[i] = Statistics.Quantiles.Type7(sorted, Levels[i]);
        return new Summary(n, mean, sd, low, high, sorted[0], sorted[^1], q);
    }

    /// <summary>Mean, sample sd and the 95% Student-t interval of the mean.</summary>
    internal static (double Mean, double Sd, double Low, double High) MeanInterval(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        if (n == 0) return (double.NaN, double.NaN, double.NaN, double.NaN);
        double sum = 0, first = values[0];
        bool constant = true;
        foreach (double x in values) { sum += x; constant &= x == first; }
        if (n == 1) return (first, double.NaN, double.NaN, double.NaN);
        // A sample of one value (a statistic that does not vary over runs) has that value as its mean, sd 0 and a
        // zero-width interval; summing then dividing would be off in the last bit (0.7·3/3 ≠ 0.7) and give an
        // interval of half-width 1e-16 around a slightly wrong mean.
        if (constant) return (first, 0, first, first);
        double mean = sum / n;
        double squares = 0;
        foreach (double x in values) { double d = x - mean; squares += d * d; }
        double sd = Math.Sqrt(squares / (n - 1));
        double half = StudentT.Quantile975(n - 1) * sd / Math.Sqrt(n);
        return (mean, sd, mean - half, mean + half);
    }
}

/// <summary>
/// The paired difference of an algorithm to the first one over the same runs: per-run differences
/// d_r = x_r − x_r(first), their mean and 95% Student-t interval. Valid as a paired interval because run r of
/// every algorithm sees the same random numbers (<see cref="StreamKeys"/>).
/// </summary>
public sealed record PairedDifference(int Count, double Mean, double Sd, double CiLow, double CiHigh)
{
    /// <summary>The paired summary of per-run differences.</summary>
    public static PairedDifference Of(ReadOnlySpan<double> differences)
    {
        var (mean, sd, low, high) = Summary.MeanInterval(differences);
        return new PairedDifference(differences.Length, mean, sd, low, high);
    }
}
