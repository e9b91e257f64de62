using System;
using RlSpec.Runtime.Games.Generators;
using RlSpec.Runtime.Games.Markov;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Runtime.Games.NPlayer;
using RlSpec.Runtime.Games.Preference;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.Tests.Runtime.Games;

/// <summary>The game data types (Markov, preference, n-player): layout, validation, and payoffs checked against independent formulas.</summary>
public class GameTypesTests
{
    // Two states: state 0 is matching pennies (2x2), state 1 is a 1x2 game; every joint action of state 0 moves to 1 w.p. 0.5.
    private static MarkovGame TwoStateGame(double p = 0.5, double discount = 0.9) => MarkovGame.Discounted(
        rowActions: new[] { 2, 1 }, columnActions: new[] { 2, 2 },
        payoffs: new double[] { 1, -1, -1, 1, 3, 4 },
        transitionStart: new[] { 0, 2, 4, 6, 8, 9, 10 },
        nextStates: new[] { 0, 1, 0, 1, 0, 1, 0, 1, 0, 1 },
        probabilities: new[] { 1 - p, p, 1 - p, p, 1 - p, p, 1 - p, p, 1, 1 },
        initial: new[] { 1.0, 0 }, discount: discount);

    [Fact]
    public void A_Markov_game_numbers_joint_actions_state_by_state()
    {
        var g = TwoStateGame();
        Assert.Equal(2, g.States);
        Assert.Equal(6, g.JointActions);
        Assert.Equal(4, g.JointOffset(1));
        Assert.Equal(5, g.JointIndex(1, 0, 1));
        Assert.Equal(3, g.Payoff(1, 0, 0));
        Assert.Equal(4, g.Payoff(1, 0, 1));
        Assert.Equal(new double[] { 1, -1, -1, 1 }, g.PayoffMatrix(0).ToArray());
        Assert.Equal(0.5 * 10 + 0.5 * 20, g.ExpectedNext(g.JointIndex(0, 1, 0), new double[] { 10, 20 }), 12);
        Assert.Equal(10, g.ExpectedNext(4, new double[] { 10, 20 }), 12);
        Assert.True(g.IsDiscounted);
        Assert.Equal(2, g.MaxRowActions);
    }

    [Fact]
    public void A_Markov_game_rejects_bad_probabilities_successors_and_discounts()
    {
        Assert.Throws<ArgumentException>(() => TwoStateGame(p: 0.6000001 + 0.4).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoStateGame(discount: 1));
        Assert.Throws<ArgumentException>(() => MarkovGame.Discounted(new[] { 1 }, new[] { 1 }, new double[] { 0 }, new[] { 0, 1 }, new[] { 1 }, new[] { 1.0 }, new[] { 1.0 }, 0.5));
        Assert.Throws<ArgumentException>(() => MarkovGame.Discounted(new[] { 1 }, new[] { 1 }, new double[] { double.NaN }, new[] { 0, 1 }, new[] { 0 }, new[] { 1.0 }, new[] { 1.0 }, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => MarkovGame.FiniteHorizon(new[] { 1 }, new[] { 1 }, new double[] { 0 }, new[] { 0, 1 }, new[] { 0 }, new[] { 1.0 }, new[] { 1.0 }, 0));
        var h = MarkovGame.FiniteHorizon(new[] { 1 }, new[] { 1 }, new double[] { 2 }, new[] { 0, 1 }, new[] { 0 }, new[] { 1.0 }, new[] { 1.0 }, 5);
        Assert.False(h.IsDiscounted);
        Assert.Equal(5, h.Horizon);
    }

    [Fact]
    public void A_preference_game_needs_complementary_probabilities()
    {
        var rps = new double[,] { { 0.5, 0, 1 }, { 1, 0.5, 0 }, { 0, 1, 0.5 } };
        var g = new PreferenceGame(rps, temperature: 0.1);
        Assert.Equal(3, g.Actions);
        Assert.Equal(1.0 / 3, g.Reference[1], 15);
        var z = ZeroSum.Solve(g.ToZeroSum());
        Assert.Equal(0, z.Value, 10);
        foreach (double p in z.Row) Assert.Equal(1.0 / 3, p, 9);
        var bad = (double[,])rps.Clone();
        bad[0, 1] = 0.2;
        Assert.Throws<ArgumentException>(() => new PreferenceGame(bad));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PreferenceGame(rps, temperature: -1));
        Assert.Throws<ArgumentException>(() => new PreferenceGame(new double[,] { { 0.5, 0.5 } }));
    }

    [Fact]
    public void A_two_player_normal_form_game_agrees_with_the_bimatrix_best_response_check()
    {
        var random = RandomStream.Create(11, 0);
        for (int t = 0; t < 20; t++)
        {
            var bm = RandomGames.Gaussian(ref random, 3 + t % 3, 2 + t % 4);
            int m = bm.Rows, n = bm.Columns;
            var a = new double[m * n];
            var b = new double[m * n];
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++) { a[i * n + j] = bm.RowPayoff(i, j); b[i * n + j] = bm.ColumnPayoff(i, j); }
            var g = new NormalFormGame(new[] { m, n }, new[] { a, b });
            var x = Distribution(ref random, m);
            var y = Distribution(ref random, n);
            var profile = new double[m + n];
            x.CopyTo(profile, 0);
            y.CopyTo(profile, m);
            Assert.Equal(BestResponse.RowGain(bm, x, y), g.DeviationGain(0, profile), 12);
            Assert.Equal(BestResponse.ColumnGain(bm, x, y), g.DeviationGain(1, profile), 12);
            double xay = 0;
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++) xay += x[i] * bm.RowPayoff(i, j) * y[j];
            Assert.Equal(xay, g.ExpectedPayoff(0, profile), 12);
        }
    }

    [Fact]
    public void A_three_player_game_checks_every_player()
    {
        // Three players, two actions each; each player gets 1 for matching player (p+1) mod 3, except that player 2
        // gets 1 for differing from player 0 (a cyclic game with no pure equilibrium).
        var actions = new[] { 2, 2, 2 };
        var payoffs = new double[3][];
        for (int p = 0; p < 3; p++) payoffs[p] = new double[8];
        for (int a0 = 0; a0 < 2; a0++)
            for (int a1 = 0; a1 < 2; a1++)
                for (int a2 = 0; a2 < 2; a2++)
                {
                    int k = a0 * 4 + a1 * 2 + a2;
                    payoffs[0][k] = a0 == a1 ? 1 : 0;
                    payoffs[1][k] = a1 == a2 ? 1 : 0;
                    payoffs[2][k] = a2 != a0 ? 1 : 0;
                }
        var g = new NormalFormGame(actions, payoffs);
        Assert.Equal(8, g.JointActions);
        Assert.Equal(5, g.JointIndex(new[] { 1, 0, 1 }));
        Assert.Equal(1, g.ActionOf(2, 5));
        for (int k = 0; k < 8; k++) Assert.False(g.IsPureEquilibrium(k));
        // Uniform play is an equilibrium (every player indifferent).
        var uniform = new double[] { 0.5, 0.5, 0.5, 0.5, 0.5, 0.5 };
        Assert.True(g.IsEquilibrium(uniform));
        Assert.Equal(0, g.NashConv(uniform), 15);
        // Player 0 and 1 are indifferent when player 1 and 2 mix; only player 2 gains here: the check must see it.
        var skewed = new double[] { 0.9, 0.1, 0.5, 0.5, 0.5, 0.5 };
        Assert.Equal(0, g.DeviationGain(0, skewed), 15);
        Assert.Equal(0, g.DeviationGain(1, skewed), 15);
        Assert.Equal(0.9 - 0.5, g.DeviationGain(2, skewed), 12);
        Assert.False(g.IsEquilibrium(skewed));
        Assert.Throws<ArgumentException>(() => new NormalFormGame(actions, new[] { payoffs[0], payoffs[1], new double[7] }));
    }

    private static double[] Distribution(ref RandomStream random, int n)
    {
        var p = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) { p[i] = Sampling.Uniform(ref random, 0.1, 1); s += p[i]; }
        for (int i = 0; i < n; i++) p[i] /= s;
        return p;
    }
}
