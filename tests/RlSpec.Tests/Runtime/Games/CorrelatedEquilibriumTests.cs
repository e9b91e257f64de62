using System;
using RlSpec.Runtime.Games.Correlated;
using RlSpec.Runtime.Games.Generators;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Runtime.Games.Nash;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.Tests.Runtime.Games;

/// <summary>Correlated and coarse correlated equilibria: every incentive constraint checked in the test, and known optima.</summary>
public class CorrelatedEquilibriumTests
{
    [Fact]
    public void Chicken_has_the_welfare_maximizing_correlated_equilibrium_of_the_literature()
    {
        // Chicken with payoffs (dare, chicken): (0,0) (7,2) / (2,7) (6,6). Aumann's traffic-light example
        // (e.g. Nisan et al., AGT, §1.3.4): the welfare-maximizing CE puts 1/4 on each of (D,C), (C,D) and 1/2 on (C,C),
        // total welfare 1/4·9 + 1/4·9 + 1/2·12 = 10.5, above the best Nash welfare of 9.
        var game = new BimatrixGame(new double[,] { { 0, 7 }, { 2, 6 } }, new double[,] { { 0, 2 }, { 7, 6 } });
        var ce = CorrelatedEquilibria.Correlated(game);
        AssertIncentives(game, ce.Distribution, coarse: false);
        Assert.Equal(10.5, ce.Objective, 9);
        Assert.Equal(0.25, ce.Distribution[0, 1], 9);
        Assert.Equal(0.25, ce.Distribution[1, 0], 9);
        Assert.Equal(0.5, ce.Distribution[1, 1], 9);
    }

    [Fact]
    public void Any_objective_can_be_optimized()
    {
        // Minimizing welfare in chicken: the worst CE is a Nash equilibrium's product distribution or a mix with lower welfare;
        // whatever it is, it satisfies the constraints and its welfare is at most every Nash equilibrium's.
        var game = new BimatrixGame(new double[,] { { 0, 7 }, { 2, 6 } }, new double[,] { { 0, 2 }, { 7, 6 } });
        var negatedWelfare = new double[,] { { 0, -9 }, { -9, -12 } };
        var worst = CorrelatedEquilibria.Correlated(game, negatedWelfare);
        AssertIncentives(game, worst.Distribution, coarse: false);
        foreach (var e in SupportEnumeration.Solve(game).Equilibria)
            Assert.True(-worst.Objective <= e.RowValue + e.ColumnValue + 1e-9);
    }

    [Fact]
    public void Seeded_random_games_give_correlated_and_coarse_correlated_equilibria_satisfying_every_constraint()
    {
        for (ulong seed = 0; seed < 30; seed++)
        {
            var r = RandomStream.Create(13, seed);
            int m = 2 + (int)(seed % 5), n = 2 + (int)(seed / 5 % 5);
            var game = seed % 2 == 0 ? RandomGames.Gaussian(ref r, m, n) : RandomGames.Uniform(ref r, m, n, -2, 3);
            var ce = CorrelatedEquilibria.Correlated(game);
            var cce = CorrelatedEquilibria.CoarseCorrelated(game);
            AssertIncentives(game, ce.Distribution, coarse: false);
            AssertIncentives(game, cce.Distribution, coarse: true);
            // CE ⊆ CCE, and every Nash equilibrium is a CE: the welfare optima are ordered.
            Assert.True(cce.Objective >= ce.Objective - 1e-9 * game.PayoffRange);
            if (m * n <= 12)
                foreach (var e in SupportEnumeration.Solve(game).Equilibria)
                    Assert.True(ce.Objective >= e.RowValue + e.ColumnValue - 1e-9 * game.PayoffRange);
        }
    }

    [Fact]
    public void In_a_zero_sum_game_every_coarse_correlated_equilibrium_gives_the_value()
    {
        // A classical fact (e.g. Moulin and Vial 1978): in a two-player zero-sum game the marginals of a CCE are
        // optimal strategies and the row player's expected payoff is the value.
        var r = RandomStream.Create(14, 0);
        var a = RandomGames.GaussianMatrix(ref r, 5, 6);
        var game = BimatrixGame.ZeroSum(a);
        var cce = CorrelatedEquilibria.CoarseCorrelated(game, new double[5, 6]);
        AssertIncentives(game, cce.Distribution, coarse: true);
        Assert.Equal(ZeroSum.Solve(a).Value, cce.RowValue, 9);
    }

    /// <summary>Every incentive constraint of the distribution, computed here from its definition, at most 1e-9 of the payoff range.</summary>
    private static void AssertIncentives(BimatrixGame game, double[,] p, bool coarse)
    {
        int m = game.Rows, n = game.Columns;
        double tol = 1e-9 * game.PayoffRange, total = 0;
        foreach (double v in p) { Assert.True(v >= 0); total += v; }
        Assert.Equal(1, total, 12);
        for (int dev = 0; dev < m; dev++)
        {
            double coarseGain = 0;
            for (int i = 0; i < m; i++)
            {
                double gain = 0;
                for (int j = 0; j < n; j++) gain += p[i, j] * (game.RowPayoff(dev, j) - game.RowPayoff(i, j));
                coarseGain += gain;
                if (!coarse) Assert.True(gain <= tol, $"row recommendation {i} → {dev} gains {gain}");
            }
            Assert.True(coarseGain <= tol, $"row deviation to {dev} gains {coarseGain}");
        }
        for (int dev = 0; dev < n; dev++)
        {
            double coarseGain = 0;
            for (int j = 0; j < n; j++)
            {
                double gain = 0;
                for (int i = 0; i < m; i++) gain += p[i, j] * (game.ColumnPayoff(i, dev) - game.ColumnPayoff(i, j));
                coarseGain += gain;
                if (!coarse) Assert.True(gain <= tol, $"column recommendation {j} → {dev} gains {gain}");
            }
            Assert.True(coarseGain <= tol, $"column deviation to {dev} gains {coarseGain}");
        }
    }
}
