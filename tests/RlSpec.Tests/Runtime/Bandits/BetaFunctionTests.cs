using System;
using System.Linq;
using MathNet.Numerics;
using RlSpec.Runtime.Bandits;
using Xunit;

namespace RlSpec.Tests.Runtime.Bandits;

/// <summary>
/// ln Γ, the regularized incomplete beta function and the Beta quantile of Bayes-UCB against closed
/// forms (the binomial tail for integer shapes, Γ(½) = √π, the uniform and power-law Beta laws) and
/// against MathNet.Numerics, an independent implementation.
/// </summary>
public class BetaFunctionTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(1)]
    [InlineData(3.7)]
    [InlineData(14.99)]
    [InlineData(15)]
    [InlineData(123.25)]
    [InlineData(1e6 + 0.5)]
    public void Log_gamma_matches_MathNet(double x) =>
        Assert.Equal(SpecialFunctions.GammaLn(x), BetaFunction.LogGamma(x), Math.Max(1e-13, 1e-15 * Math.Abs(SpecialFunctions.GammaLn(x))));

    [Fact]
    public void Log_gamma_has_its_closed_forms()
    {
        Assert.Equal(0.5 * Math.Log(Math.PI), BetaFunction.LogGamma(0.5), 14);
        Assert.Equal(Math.Log(120), BetaFunction.LogGamma(6), 14);
    }

    /// <summary>For integer a, b: I_x(a, b) = P(Binomial(a + b − 1, x) ≥ a).</summary>
    private static double BinomialTail(int a, int b, double x)
    {
        int n = a + b - 1;
        return Enumerable.Range(a, n - a + 1).Sum(j => SpecialFunctions.Binomial(n, j) * Math.Pow(x, j) * Math.Pow(1 - x, n - j));
    }

    [Theory]
    [InlineData(1, 1, 0.3)]
    [InlineData(2, 3, 0.2)]
    [InlineData(2, 3, 0.8)]
    [InlineData(7, 2, 0.95)]
    [InlineData(30, 12, 0.5)]
    [InlineData(30, 12, 0.8)]
    public void The_incomplete_beta_is_the_binomial_tail_for_integer_shapes(int a, int b, double x)
    {
        Assert.Equal(BinomialTail(a, b, x), BetaFunction.RegularizedIncomplete(x, a, b), 13);
        Assert.Equal(1 - BinomialTail(a, b, x), BetaFunction.UpperTail(x, a, b), 13);
    }

    [Theory]
    [InlineData(0.5, 0.5, 0.1)]
    [InlineData(2.5, 7.25, 0.3)]
    [InlineData(300.5, 20.5, 0.93)]
    [InlineData(1500, 3, 0.999)]
    public void The_incomplete_beta_matches_MathNet(double a, double b, double x) =>
        Assert.Equal(SpecialFunctions.BetaRegularized(a, b, x), BetaFunction.RegularizedIncomplete(x, a, b), 12);

    [Theory]
    [InlineData(1, 1, 0.37)]
    [InlineData(3, 1, 0.9)]
    [InlineData(1, 4, 0.25)]
    public void The_quantile_has_the_closed_forms(double a, double b, double p)
    {
        // Beta(1,1) is uniform; Beta(a,1) has CDF x^a; Beta(1,b) has CDF 1 − (1−x)^b.
        double expected = a == 1 && b == 1 ? p : b == 1 ? Math.Pow(p, 1 / a) : 1 - Math.Pow(1 - p, 1 / b);
        Assert.Equal(expected, BetaFunction.Quantile(p, a, b), 12);
    }

    [Theory]
    [InlineData(2, 3, 0.5)]
    [InlineData(11, 1, 0.999)]
    [InlineData(1, 11, 1e-6)]
    [InlineData(57, 944, 0.9995)]
    [InlineData(1.5, 2.5, 0.05)]
    public void The_quantile_inverts_the_CDF(double a, double b, double p)
    {
        double q = BetaFunction.Quantile(p, a, b);
        Assert.Equal(p, SpecialFunctions.BetaRegularized(a, b, q), 10);
        double u = BetaFunction.UpperQuantile(1 - p, a, b);
        Assert.Equal(q, u, 10);
    }

    [Fact]
    public void The_upper_quantile_keeps_a_tiny_tail_precise()
    {
        // P(X > q) = 1e-12 for Beta(3, 5): the tail of the answer, by MathNet, must be 1e-12 to 1e-6 relative.
        double q = BetaFunction.UpperQuantile(1e-12, 3, 5);
        double tail = 1 - SpecialFunctions.BetaRegularized(3, 5, q);
        double tailDirect = SpecialFunctions.BetaRegularized(5, 3, 1 - q);
        Assert.Equal(1e-12, tailDirect, 1e-17);
        Assert.True(tail < 1e-11);
    }
}
