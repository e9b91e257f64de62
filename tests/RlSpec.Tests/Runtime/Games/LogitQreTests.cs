using System;
using RlSpec.Runtime.Games.Generators;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Runtime.Games.QuantalResponse;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.Tests.Runtime.Games;

/// <summary>The logit QRE of zero-sum games: the fixed-point residual, the regularized duality gap, and the limits in τ.</summary>
public class LogitQreTests
{
    [Fact]
    public void Rock_paper_scissors_has_the_uniform_qre_at_every_temperature()
    {
        var a = new double[,] { { 0, -1, 1 }, { 1, 0, -1 }, { -1, 1, 0 } };
        foreach (double tau in new[] { 10, 1, 0.1, 0.01 })
        {
            var q = LogitQre.ZeroSum(a, tau);
            foreach (double p in q.Row) Assert.Equal(1 / 3.0, p, 12);
            foreach (double p in q.Column) Assert.Equal(1 / 3.0, p, 12);
        }
    }

    [Fact]
    public void A_2x2_game_matches_the_fixed_point_solved_independently_by_bisection()
    {
        // In a 2x2 game x₁ = logistic(((Ay)₁ − (Ay)₂)/τ) is monotone in y₁, and y₁ = logistic(((Aᵀx)₂ − (Aᵀx)₁)/τ) in x₁:
        // one scalar equation x₁ = X1(Y1(x₁)) with a decreasing right side, solved here by bisection, no Newton step.
        double[,] a = { { 3, -1 }, { -2, 4 } };
        const double tau = 0.7;
        double Y1(double x1) => Logistic((-(a[0, 0] * x1 + a[1, 0] * (1 - x1)) + (a[0, 1] * x1 + a[1, 1] * (1 - x1))) / tau);
        double X1(double y1) => Logistic(((a[0, 0] - a[1, 0]) * y1 + (a[0, 1] - a[1, 1]) * (1 - y1)) / tau);
        double lo = 0, hi = 1;
        for (int k = 0; k < 200; k++)
        {
            double mid = (lo + hi) / 2;
            if (X1(Y1(mid)) > mid) lo = mid; else hi = mid;
        }
        var q = LogitQre.ZeroSum(a, tau);
        Assert.Equal(lo, q.Row[0], 12);
        Assert.Equal(Y1(lo), q.Column[0], 12);
    }

    [Theory]
    [InlineData(3, 3, 1.0)]
    [InlineData(10, 10, 0.1)]
    [InlineData(8, 12, 0.02)]
    [InlineData(30, 30, 0.05)]
    public void Seeded_random_games_reach_a_residual_below_1e_10_and_a_zero_regularized_gap(int m, int n, double tau)
    {
        for (ulong seed = 0; seed < 10; seed++)
        {
            var r = RandomStream.Create(15, seed);
            var a = RandomGames.GaussianMatrix(ref r, m, n);
            var q = LogitQre.ZeroSum(a, tau);
            double residual = LogitQre.Residual(BimatrixGame.ZeroSum(a), q.Row, q.Column, tau);
            Assert.True(residual < 1e-10, $"seed {seed}: residual {residual}");
            Assert.True(q.Residual < 1e-10);
            // The QRE is the saddle point of xᵀAy + τH(x) − τH(y); its duality gap, written out here, is zero.
            Assert.True(RegularizedGap(a, q.Row, q.Column, tau) < 1e-9, $"seed {seed}: gap {RegularizedGap(a, q.Row, q.Column, tau)}");
        }
    }

    [Fact]
    public void A_small_temperature_approaches_the_nash_value()
    {
        var r = RandomStream.Create(16, 0);
        var a = RandomGames.GaussianMatrix(ref r, 6, 6);
        double value = ZeroSum.Solve(a).Value;
        var q = LogitQre.ZeroSum(a, 1e-3);
        double xay = 0;
        for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) xay += q.Row[i] * a[i, j] * q.Column[j];
        // The regularized value is within τ·(log m + log n) of the game's value.
        Assert.InRange(xay, value - 2e-3 * Math.Log(36), value + 2e-3 * Math.Log(36));
    }

    [Fact]
    public void A_temperature_that_is_not_positive_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LogitQre.ZeroSum(new double[,] { { 1 } }, 0));

    private static double Logistic(double t) => 1 / (1 + Math.Exp(-t));

    /// <summary>τ·LSE(Ay/τ) + τ·LSE(−Aᵀx/τ) − τH(x) − τH(y) ≥ 0, zero exactly at the regularized saddle point.</summary>
    private static double RegularizedGap(double[,] a, double[] x, double[] y, double tau)
    {
        int m = a.GetLength(0), n = a.GetLength(1);
        var ay = new double[m];
        var ax = new double[n];
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) { ay[i] += a[i, j] * y[j]; ax[j] -= a[i, j] * x[i]; }
        return tau * LogSumExp(ay, tau) + tau * LogSumExp(ax, tau) - tau * Entropy(x) - tau * Entropy(y);
    }

    private static double LogSumExp(double[] u, double tau)
    {
        double max = double.NegativeInfinity;
        foreach (double v in u) max = Math.Max(max, v / tau);
        double s = 0;
        foreach (double v in u) s += Math.Exp(v / tau - max);
        return max + Math.Log(s);
    }

    private static double Entropy(double[] p)
    {
        double h = 0;
        foreach (double v in p) if (v > 0) h -= v * Math.Log(v);
        return h;
    }
}

/// <summary>The principal branch of bimatrix games by pseudo-arclength continuation.</summary>
public class LogitQrePrincipalBranchTests
{
    [Fact]
    public void On_zero_sum_games_the_principal_branch_is_the_unique_qre()
    {
        for (ulong seed = 0; seed < 5; seed++)
        {
            var r = RandomStream.Create(17, seed);
            var a = RandomGames.GaussianMatrix(ref r, 5, 7);
            var unique = LogitQre.ZeroSum(a, 0.1);
            var traced = LogitQre.PrincipalBranch(BimatrixGame.ZeroSum(a), 0.1);
            for (int i = 0; i < 5; i++) Assert.Equal(unique.Row[i], traced.Row[i], 9);
            for (int j = 0; j < 7; j++) Assert.Equal(unique.Column[j], traced.Column[j], 9);
        }
    }

    [Theory]
    [InlineData(3, 3, 0.5)]
    [InlineData(5, 5, 0.05)]
    [InlineData(10, 10, 0.05)]
    [InlineData(20, 15, 0.02)]
    public void Seeded_bimatrix_games_reach_a_residual_below_1e_10_and_an_approximate_equilibrium(int m, int n, double tau)
    {
        // Seed 1 of the 20x15 games has a fold: traced with a debugging copy, the branch's λ-component of the tangent
        // fell from 1 to 0.45 near λ·range ≈ 28 and turned negative; a continuation in λ alone stalls there.
        for (ulong seed = 0; seed < 10; seed++)
        {
            var r = RandomStream.Create(18, seed);
            var game = RandomGames.Gaussian(ref r, m, n);
            var q = LogitQre.PrincipalBranch(game, tau);
            double residual = LogitQre.Residual(game, q.Row, q.Column, tau);
            Assert.True(residual < 1e-10, $"seed {seed}: residual {residual}");
            // A logit response to payoffs u gains at most τ·H(x) ≤ τ·log m over x·u (x·u + τH(x) = τ·LSE(u/τ) ≥ max u),
            // so every QRE is a (τ·log m, τ·log n)-equilibrium: checked with the written-out best-response gains.
            Assert.True(BestResponse.RowGain(game, q.Row, q.Column) <= tau * Math.Log(m) + 1e-9);
            Assert.True(BestResponse.ColumnGain(game, q.Row, q.Column) <= tau * Math.Log(n) + 1e-9);
        }
    }

    [Fact]
    public void Battle_of_the_sexes_traces_to_a_point_near_an_equilibrium()
    {
        var game = new BimatrixGame(new double[,] { { 2, 0 }, { 0, 1 } }, new double[,] { { 1, 0 }, { 0, 2 } });
        var q = LogitQre.PrincipalBranch(game, 0.01);
        Assert.True(LogitQre.Residual(game, q.Row, q.Column, 0.01) < 1e-10);
        Assert.True(BestResponse.NashConv(game, q.Row, q.Column) <= 0.01 * 2 * Math.Log(2) + 1e-9);
    }
}
