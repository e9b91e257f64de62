using System;
using System.Collections.Generic;
using MathNet.Numerics;
using Xunit;

namespace RlSpec.Tests.Infrastructure;

/// <summary>
/// Pearson's chi-square goodness-of-fit test of observed counts against exact probabilities, for the
/// statistical tests of samplers. Cells whose expected count is below 5 are pooled into one cell (and
/// that cell into the smallest other one while it is still below 5), so the chi-square approximation
/// holds; the p-value is the regularized upper incomplete gamma function Q(df/2, X²/2) (MathNet).
/// A count in a cell of probability 0 is an impossible outcome: p-value 0.
/// </summary>
internal static class ChiSquare
{
    /// <summary>Minimum expected count per cell after pooling.</summary>
    public const double MinimumExpected = 5;

    public readonly record struct Result(double Statistic, int DegreesOfFreedom, double PValue, long Samples)
    {
        public override string ToString() => $"X² = {Statistic:G6}, df = {DegreesOfFreedom}, p = {PValue:G4}, n = {Samples}";
    }

    /// <summary>
    /// The test of <paramref name="observed"/> counts against <paramref name="probabilities"/> (same
    /// length; probabilities should sum to 1 and are rescaled by their sum).
    /// </summary>
    public static Result Test(ReadOnlySpan<long> observed, ReadOnlySpan<double> probabilities)
    {
        if (observed.Length != probabilities.Length) throw new ArgumentException("one probability per cell");
        long n = 0;
        double total = 0;
        for (int i = 0; i < observed.Length; i++) { n += observed[i]; total += probabilities[i]; }
        var cells = new List<(double Expected, long Observed)>();
        double pooledExpected = 0;
        long pooledObserved = 0;
        for (int i = 0; i < observed.Length; i++)
        {
            if (probabilities[i] <= 0)
            {
                if (observed[i] > 0) return new Result(double.PositiveInfinity, Math.Max(0, observed.Length - 1), 0, n);
                continue;
            }
            double expected = n * probabilities[i] / total;
            if (expected < MinimumExpected) { pooledExpected += expected; pooledObserved += observed[i]; }
            else cells.Add((expected, observed[i]));
        }
        if (pooledExpected > 0 || pooledObserved > 0)
        {
            if (pooledExpected >= MinimumExpected || cells.Count == 0) cells.Add((pooledExpected, pooledObserved));
            else
            {
                int smallest = 0;
                for (int i = 1; i < cells.Count; i++) if (cells[i].Expected < cells[smallest].Expected) smallest = i;
                cells[smallest] = (cells[smallest].Expected + pooledExpected, cells[smallest].Observed + pooledObserved);
            }
        }
        double statistic = 0;
        foreach (var (expected, count) in cells)
        {
            double d = count - expected;
            statistic += d * d / expected;
        }
        int df = cells.Count - 1;
        double p = df <= 0 ? 1 : SpecialFunctions.GammaUpperRegularized(df / 2.0, statistic / 2);
        return new Result(statistic, df, p, n);
    }

    /// <summary>The per-test level that keeps the chance of any false alarm among <paramref name="tests"/> tests below <paramref name="familyLevel"/>.</summary>
    public static double Bonferroni(double familyLevel, int tests) => familyLevel / tests;

    /// <summary>Fails unless the counts fit the probabilities at level <paramref name="level"/>.</summary>
    public static Result AssertFits(ReadOnlySpan<long> observed, ReadOnlySpan<double> probabilities, double level, string what)
    {
        var result = Test(observed, probabilities);
        Assert.True(result.PValue >= level, $"{what}: the sampled frequencies do not fit the exact probabilities ({result}, level {level:G3})");
        return result;
    }
}
