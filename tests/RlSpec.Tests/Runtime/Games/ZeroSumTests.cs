using System;
using RlSpec.Runtime.Games.Generators;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.Tests.Runtime.Games;

/// <summary>Zero-sum values and optimal strategies by LP, checked by closed forms and by each strategy's guarantee.</summary>
public class ZeroSumTests
{
    [Fact]
    public void Rock_paper_scissors_has_value_zero_and_uniform_strategies()
    {
        var s = ZeroSum.Solve(new double[,] { { 0, -1, 1 }, { 1, 0, -1 }, { -1, 1, 0 } });
        Assert.Equal(0, s.Value, 12);
        foreach (double p in s.Row) Assert.Equal(1 / 3.0, p, 12);
        foreach (double p in s.Column) Assert.Equal(1 / 3.0, p, 12);
    }

    [Fact]
    public void Matching_pennies_has_value_zero_and_uniform_strategies()
    {
        var s = ZeroSum.Solve(new double[,] { { 1, -1 }, { -1, 1 } });
        Assert.Equal(0, s.Value, 12);
        foreach (double p in s.Row) Assert.Equal(0.5, p, 12);
        foreach (double p in s.Column) Assert.Equal(0.5, p, 12);
    }

    [Fact]
    public void A_2x2_game_without_a_saddle_point_matches_the_closed_form()
    {
        // Without a saddle point, v = (ad − bc)/(a + d − b − c), x₁ = (d − c)/(a + d − b − c), y₁ = (d − b)/(a + d − b − c)
        // (e.g. Ferguson, "Game Theory", Part II §2.4).
        double a = 3, b = -1, c = -2, d = 4;
        double den = a + d - b - c;
        var s = ZeroSum.Solve(new double[,] { { a, b }, { c, d } });
        Assert.Equal((a * d - b * c) / den, s.Value, 12);
        Assert.Equal((d - c) / den, s.Row[0], 12);
        Assert.Equal((d - b) / den, s.Column[0], 12);
    }

    [Fact]
    public void A_game_with_a_saddle_point_has_pure_optimal_strategies()
    {
        // Row 1 dominates; column 0 is the column player's best reply to it: the saddle point is (1, 0), value 2.
        var s = ZeroSum.Solve(new double[,] { { 1, 5 }, { 2, 3 } });
        Assert.Equal(2, s.Value, 12);
        Assert.Equal(1, s.Row[1], 12);
        Assert.Equal(1, s.Column[0], 12);
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(5, 9)]
    [InlineData(12, 7)]
    [InlineData(40, 40)]
    public void Seeded_random_games_have_strategies_that_guarantee_the_value(int m, int n)
    {
        for (ulong seed = 0; seed < 50; seed++)
        {
            var r = RandomStream.Create(9, seed * 1000 + (ulong)(m * 100 + n));
            var a = seed % 2 == 0 ? RandomGames.GaussianMatrix(ref r, m, n) : RandomGames.UniformMatrix(ref r, m, n, -3, 5);
            var s = ZeroSum.Solve(a);
            AssertGuarantees(a, s.Value, s.Row, s.Column);
        }
    }

    [Fact]
    public void Repeated_solves_allocate_nothing()
    {
        var r = RandomStream.Create(3, 0);
        const int m = 8, n = 10;
        var a = new double[m * n];
        for (int k = 0; k < a.Length; k++) a[k] = Sampling.Normal(ref r, 0, 1);
        var x = new double[m];
        var y = new double[n];
        var solver = new ZeroSum(m, n);
        double value = double.NaN;
        Assert.Equal(0, Allocations.Least(() => { for (int k = 0; k < 100; k++) value = solver.Solve(a, m, n, x, y); }));
        var matrix = new double[m, n];
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) matrix[i, j] = a[i * n + j];
        AssertGuarantees(matrix, value, x, y);
    }

    /// <summary>min_j (xᵀA)_j ≥ v and max_i (Ay)_i ≤ v, to 1e-9 of the payoff range, with x and y distributions.</summary>
    internal static void AssertGuarantees(double[,] a, double value, double[] x, double[] y)
    {
        int m = a.GetLength(0), n = a.GetLength(1);
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (double v in a) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
        double tol = 1e-9 * Math.Max(hi - lo, 1);
        AssertDistribution(x);
        AssertDistribution(y);
        for (int j = 0; j < n; j++)
        {
            double s = 0;
            for (int i = 0; i < m; i++) s += x[i] * a[i, j];
            Assert.True(s >= value - tol, $"the row strategy earns {s} against column {j}, below the value {value}");
        }
        for (int i = 0; i < m; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++) s += a[i, j] * y[j];
            Assert.True(s <= value + tol, $"row {i} earns {s} against the column strategy, above the value {value}");
        }
    }

    internal static void AssertDistribution(double[] p)
    {
        double sum = 0;
        foreach (double v in p) { Assert.True(v >= 0, $"negative probability {v}"); sum += v; }
        Assert.Equal(1, sum, 12);
    }
}
