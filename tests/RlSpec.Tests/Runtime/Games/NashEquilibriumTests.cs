using System;
using System.Diagnostics;
using System.Linq;
using RlSpec.Runtime.Games.Generators;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Runtime.Games.Nash;
using RlSpec.Runtime.Randomness;
using Xunit;
using Xunit.Abstractions;

namespace RlSpec.Tests.Runtime.Games;

/// <summary>Pure equilibria, support enumeration and Lemke-Howson on textbook games and seeded random games, every result verified by a best-response check.</summary>
public class NashEquilibriumTests(ITestOutputHelper output)
{
    private static readonly BimatrixGame BattleOfTheSexes = new(new double[,] { { 2, 0 }, { 0, 1 } }, new double[,] { { 1, 0 }, { 0, 2 } });

    // Prisoner's dilemma (cooperate, defect), years in prison as negative payoffs.
    private static readonly BimatrixGame PrisonersDilemma = new(new double[,] { { -1, -3 }, { 0, -2 } }, new double[,] { { -1, 0 }, { -3, -2 } });

    [Fact]
    public void Battle_of_the_sexes_has_exactly_three_equilibria()
    {
        Assert.Equal(new[] { (0, 0), (1, 1) }, PureEquilibria.Find(BattleOfTheSexes));
        var result = SupportEnumeration.Solve(BattleOfTheSexes);
        Assert.False(result.IsDegenerate, result.Degeneracy);
        Assert.Equal(3, result.Equilibria.Count);
        AssertProfile(result.Equilibria[0], new[] { 1.0, 0 }, new[] { 1.0, 0 });
        AssertProfile(result.Equilibria[1], new[] { 0.0, 1 }, new[] { 0.0, 1 });
        // The mixed one: the row player mixes (2/3, 1/3) to make the column player indifferent (1·x₁ = 2·x₂), and vice versa.
        AssertProfile(result.Equilibria[2], new[] { 2 / 3.0, 1 / 3.0 }, new[] { 1 / 3.0, 2 / 3.0 });
        Assert.Equal(2 / 3.0, result.Equilibria[2].RowValue, 12);
        Assert.Equal(2 / 3.0, result.Equilibria[2].ColumnValue, 12);
    }

    [Fact]
    public void The_prisoners_dilemma_has_one_pure_equilibrium()
    {
        Assert.Equal(new[] { (1, 1) }, PureEquilibria.Find(PrisonersDilemma));
        var result = SupportEnumeration.Solve(PrisonersDilemma);
        Assert.Single(result.Equilibria);
        AssertProfile(result.Equilibria[0], new[] { 0.0, 1 }, new[] { 0.0, 1 });
        for (int label = 1; label <= 4; label++)
            AssertProfile(LemkeHowson.Solve(PrisonersDilemma, label).Equilibrium, new[] { 0.0, 1 }, new[] { 0.0, 1 });
    }

    [Fact]
    public void A_degenerate_game_is_detected_and_said_so()
    {
        // Von Stengel (2007, Fig. 3.4 style): the column player's payoffs tie in the first row, so the pure strategy
        // "row 0" has two best responses; the game has a segment of equilibria that support enumeration cannot list.
        var game = new BimatrixGame(new double[,] { { 1, 1 }, { 0, 2 } }, new double[,] { { 1, 1 }, { 0, 2 } });
        var result = SupportEnumeration.Solve(game);
        Assert.True(result.IsDegenerate);
        Assert.Contains("pure best responses", result.Degeneracy);
        // Lemke-Howson's lexicographic rule still ends at an equilibrium from every label.
        for (int label = 1; label <= 4; label++)
        {
            var e = LemkeHowson.Solve(game, label).Equilibrium;
            Assert.True(BestResponse.IsEquilibrium(game, e.Row, e.Column), $"label {label}");
        }
    }

    [Fact]
    public void A_mixed_strategy_with_too_many_best_responses_is_detected()
    {
        // Every pure strategy has a unique best response, but x = (1/2, 1/2) makes all three columns tie for the
        // column player: a support of size 2 with 3 best responses.
        var game = new BimatrixGame(
            new double[,] { { 3, 0, 1 }, { 0, 3, 2 } },
            new double[,] { { 2, 0, 1.5 }, { 0, 2, 0.5 } });
        var result = SupportEnumeration.Solve(game);
        Assert.True(result.IsDegenerate);
        Assert.Contains("3 pure best responses", result.Degeneracy);
    }

    [Fact]
    public void Support_enumeration_on_random_games_finds_verified_equilibria_including_lemke_howsons()
    {
        for (ulong seed = 0; seed < 40; seed++)
        {
            var r = RandomStream.Create(11, seed);
            int m = 2 + (int)(seed % 4), n = 2 + (int)(seed / 4 % 4);
            var game = seed % 2 == 0 ? RandomGames.Gaussian(ref r, m, n) : RandomGames.Uniform(ref r, m, n);
            var result = SupportEnumeration.Solve(game);
            Assert.False(result.IsDegenerate, result.Degeneracy);
            // A nondegenerate game has an odd number of equilibria (Shapley 1974).
            Assert.True(result.Equilibria.Count % 2 == 1, $"seed {seed}: {result.Equilibria.Count} equilibria");
            foreach (var e in result.Equilibria) AssertEquilibrium(game, e);
            int pure = PureEquilibria.Find(game).Count;
            Assert.Equal(pure, result.Equilibria.Count(e => e.Row.Count(p => p > 0) == 1));
            // Every Lemke-Howson end is one of the enumerated equilibria.
            for (int label = 1; label <= m + n; label++)
            {
                var lh = LemkeHowson.Solve(game, label).Equilibrium;
                Assert.Contains(result.Equilibria, e => Close(e.Row, lh.Row) && Close(e.Column, lh.Column));
            }
        }
    }

    [Fact]
    public void Lemke_howson_finds_a_verified_equilibrium_of_100_gaussian_30x30_games_from_every_label()
    {
        var clock = Stopwatch.StartNew();
        long pivots = 0;
        for (ulong seed = 0; seed < 100; seed++)
        {
            var r = RandomStream.Create(30, seed);
            var game = RandomGames.Gaussian(ref r, 30, 30);
            for (int label = 1; label <= 60; label++)
            {
                var result = LemkeHowson.Solve(game, label);
                pivots += result.Pivots;
                AssertEquilibrium(game, result.Equilibrium, $"seed {seed}, label {label}");
            }
        }
        output.WriteLine($"6,000 Lemke-Howson paths on 30x30: {clock.Elapsed.TotalSeconds:F2} s, {pivots / 6000.0:F1} pivots per path");
    }

    [Fact]
    public void Lemke_howson_finds_a_verified_equilibrium_of_gaussian_100x100_games()
    {
        // 100 games took 38 s in Debug on the loaded machine (some paths need thousands of pivots), above the
        // 30 s budget: 10 run normally, all 100 with RLSPEC_GAMES=full (docs/games.md).
        int games = Environment.GetEnvironmentVariable("RLSPEC_GAMES") == "full" ? 100 : 10;
        var clock = Stopwatch.StartNew();
        long pivots = 0;
        for (ulong seed = 0; seed < (ulong)games; seed++)
        {
            var r = RandomStream.Create(100, seed);
            var game = RandomGames.Gaussian(ref r, 100, 100);
            var result = LemkeHowson.Solve(game, 1 + (int)(seed % 200));
            pivots += result.Pivots;
            AssertEquilibrium(game, result.Equilibrium, $"seed {seed}");
        }
        output.WriteLine($"{games} Lemke-Howson paths on 100x100: {clock.Elapsed.TotalSeconds:F2} s, {pivots / (double)games:F1} pivots per path");
    }

    [Fact]
    public void Zero_sum_games_give_lemke_howson_the_lp_value()
    {
        for (ulong seed = 0; seed < 20; seed++)
        {
            var r = RandomStream.Create(12, seed);
            var game = RandomGames.GaussianZeroSum(ref r, 6, 8);
            var lp = ZeroSum.Solve(game);
            var lh = LemkeHowson.Solve(game, 1 + (int)(seed % 14)).Equilibrium;
            AssertEquilibrium(game, lh);
            Assert.Equal(lp.Value, lh.RowValue, 9);
        }
    }

    [Fact]
    public void Labels_outside_1_to_m_plus_n_are_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LemkeHowson.Solve(BattleOfTheSexes, 5));

    /// <summary>The best-response check written out: both gains at most 1e-9 of the payoff range, and x, y distributions.</summary>
    internal static void AssertEquilibrium(BimatrixGame game, NashEquilibrium e, string context = "")
    {
        ZeroSumTests.AssertDistribution(e.Row);
        ZeroSumTests.AssertDistribution(e.Column);
        int m = game.Rows, n = game.Columns;
        double tol = 1e-9 * game.PayoffRange, xay = 0, xby = 0, bestRow = double.NegativeInfinity, bestColumn = double.NegativeInfinity;
        for (int i = 0; i < m; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++) { s += game.RowPayoff(i, j) * e.Column[j]; xby += e.Row[i] * game.ColumnPayoff(i, j) * e.Column[j]; }
            xay += e.Row[i] * s;
            bestRow = Math.Max(bestRow, s);
        }
        for (int j = 0; j < n; j++)
        {
            double s = 0;
            for (int i = 0; i < m; i++) s += e.Row[i] * game.ColumnPayoff(i, j);
            bestColumn = Math.Max(bestColumn, s);
        }
        Assert.True(bestRow - xay <= tol, $"{context}: the row player gains {bestRow - xay} by deviating");
        Assert.True(bestColumn - xby <= tol, $"{context}: the column player gains {bestColumn - xby} by deviating");
        Assert.True(BestResponse.IsEquilibrium(game, e.Row, e.Column), context);
    }

    private static void AssertProfile(NashEquilibrium e, double[] x, double[] y)
    {
        for (int i = 0; i < x.Length; i++) Assert.Equal(x[i], e.Row[i], 12);
        for (int j = 0; j < y.Length; j++) Assert.Equal(y[j], e.Column[j], 12);
    }

    private static bool Close(double[] a, double[] b)
    {
        for (int k = 0; k < a.Length; k++) if (Math.Abs(a[k] - b[k]) > 1e-9) return false;
        return true;
    }
}
