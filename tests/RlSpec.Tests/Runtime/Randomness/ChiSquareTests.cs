using System;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Runtime.Randomness;

/// <summary>The chi-square helper itself: closed-form p-values, pooling, impossible outcomes.</summary>
public class ChiSquareTests
{
    [Fact]
    public void Two_degrees_of_freedom_give_the_closed_form_p_value()
    {
        // Three cells, expected 100 each: df = 2, and for df = 2 the p-value is exp(−X²/2).
        long[] observed = { 120, 90, 90 };
        var result = ChiSquare.Test(observed, new[] { 1 / 3.0, 1 / 3.0, 1 / 3.0 });
        Assert.Equal(6.0, result.Statistic, 12); // (400 + 100 + 100) / 100
        Assert.Equal(2, result.DegreesOfFreedom);
        Assert.Equal(Math.Exp(-3.0), result.PValue, 12);
    }

    [Fact]
    public void One_degree_of_freedom_matches_the_normal_tail()
    {
        // Two cells of expected 500, off by 31: X² = 2·31²/500 = 3.844, and for df = 1 the p-value is
        // P(|Z| ≥ √X²) = erfc(√(X²/2)), just under the textbook 5% at the critical value 3.841.
        var result = ChiSquare.Test(new long[] { 531, 469 }, new[] { 0.5, 0.5 });
        Assert.Equal(3.844, result.Statistic, 12);
        Assert.Equal(MathNet.Numerics.SpecialFunctions.Erfc(Math.Sqrt(3.844 / 2)), result.PValue, 12);
        Assert.InRange(result.PValue, 0.049, 0.05);
    }

    [Fact]
    public void Cells_with_small_expected_counts_are_pooled()
    {
        // n = 100: the cells of probability 0.01, 0.02 (expected 1 and 2) pool with each other and then
        // into the smallest large cell (expected 7 → 10): 3 cells remain, df = 2.
        long[] observed = { 60, 30, 1, 2, 7 };
        var result = ChiSquare.Test(observed, new[] { 0.6, 0.3, 0.01, 0.02, 0.07 });
        Assert.Equal(2, result.DegreesOfFreedom);
        Assert.Equal(0, result.Statistic, 12);
    }

    [Fact]
    public void An_outcome_of_probability_zero_is_rejected()
    {
        var result = ChiSquare.Test(new long[] { 50, 49, 1 }, new[] { 0.5, 0.5, 0 });
        Assert.Equal(0, result.PValue);
    }

    [Fact]
    public void A_clear_misfit_is_rejected()
    {
        var result = ChiSquare.Test(new long[] { 5100, 4900 }, new[] { 0.45, 0.55 });
        Assert.True(result.PValue < 1e-20, result.ToString());
    }
}
