using System;
using System.Linq;
using RlSpec.Runtime.Games.Correlated;
using RlSpec.Runtime.Games.Generators;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Runtime.Games.NPlayer;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.Tests.Runtime.Games;

/// <summary>
/// Correlated and coarse correlated equilibria of n-player games by LP: every incentive constraint recomputed in the test
/// from the definition (nested loops over actions, not the solver's joint-index arithmetic), a three-player game whose
/// welfare-maximizing correlated equilibrium is known in closed form, and the orderings Nash ⊆ CE ⊆ CCE.
/// </summary>
public class NPlayerCorrelatedEquilibriumTests
{
    // Chicken between players 0 and 1 (dare = 0, chicken = 1): (D,D) 0,0  (D,C) 7,2  (C,D) 2,7  (C,C) 6,6.
    private static readonly double[,] ChickenRow = { { 0, 7 }, { 2, 6 } };

    /// <summary>Chicken for players 0 and 1, and a third player whose action 0 earns 1 and action 1 earns 0 whatever the others do.</summary>
    private static NormalFormGame ChickenWithADominantThirdPlayer()
    {
        var u = new double[3][];
        for (int p = 0; p < 3; p++) u[p] = new double[8];
        for (int a = 0; a < 2; a++)
            for (int b = 0; b < 2; b++)
                for (int c = 0; c < 2; c++)
                {
                    int k = a * 4 + b * 2 + c;
                    u[0][k] = ChickenRow[a, b];
                    u[1][k] = ChickenRow[b, a];
                    u[2][k] = c == 0 ? 1 : 0;
                }
        return new NormalFormGame([2, 2, 2], u);
    }

    [Fact]
    public void A_dominant_third_player_adds_its_payoff_to_chickens_known_optimum()
    {
        // The third player's strictly dominant action takes all the mass (a recommendation of action 1 is always
        // disobeyed), so the welfare-maximizing CE is Aumann's traffic light of chicken (1/4 (D,C), 1/4 (C,D), 1/2 (C,C),
        // welfare 10.5; Nisan et al., AGT, §1.3.4) with the third player at action 0: welfare 11.5.
        var game = ChickenWithADominantThirdPlayer();
        var ce = CorrelatedEquilibria.Correlated(game);
        AssertIncentives(game, ce.Distribution, coarse: false);
        Assert.Equal(11.5, ce.Objective, 9);
        var expected = new double[8];
        expected[0 * 4 + 1 * 2 + 0] = 0.25;
        expected[1 * 4 + 0 * 2 + 0] = 0.25;
        expected[1 * 4 + 1 * 2 + 0] = 0.5;
        for (int k = 0; k < 8; k++) Assert.Equal(expected[k], ce.Distribution[k], 9);
        Assert.Equal(new[] { 5.25, 5.25, 1.0 }, ce.Payoffs.Select(v => Math.Round(v, 9)).ToArray());
        var cce = CorrelatedEquilibria.CoarseCorrelated(game);
        AssertIncentives(game, cce.Distribution, coarse: true);
        Assert.True(cce.Objective >= ce.Objective - 1e-9);
    }

    [Fact]
    public void The_bimatrix_form_and_the_two_player_normal_form_give_the_same_equilibrium()
    {
        var r = RandomStream.Create(31, 0);
        var bimatrix = RandomGames.Gaussian(ref r, 4, 3);
        var a = CorrelatedEquilibria.Correlated(bimatrix);
        var b = CorrelatedEquilibria.Correlated(bimatrix.ToNormalForm());
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 3; j++) Assert.Equal(a.Distribution[i, j], b.Distribution[i * 3 + j]);
        Assert.Equal(a.RowValue, b.Payoffs[0]);
        Assert.Equal(a.ColumnValue, b.Payoffs[1]);
    }

    [Theory]
    [InlineData(new[] { 2, 2, 2 }, 20)]
    [InlineData(new[] { 3, 2, 4 }, 20)]
    [InlineData(new[] { 2, 3, 2, 2 }, 10)]
    [InlineData(new[] { 3, 3, 3, 3, 2 }, 3)]
    public void Seeded_random_n_player_games_satisfy_every_incentive_constraint(int[] actions, int games)
    {
        for (ulong seed = 0; seed < (ulong)games; seed++)
        {
            var r = RandomStream.Create(4242 + (ulong)actions.Length, seed);
            int joint = actions.Aggregate(1, (x, y) => x * y);
            var u = new double[actions.Length][];
            for (int p = 0; p < actions.Length; p++)
            {
                u[p] = new double[joint];
                // Small integers half of the time: many ties, a degenerate program.
                for (int k = 0; k < joint; k++) u[p][k] = seed % 2 == 0 ? 4 * r.NextDouble() - 1 : r.NextInt(3);
            }
            var game = new NormalFormGame(actions, u);
            var ce = CorrelatedEquilibria.Correlated(game);
            var cce = CorrelatedEquilibria.CoarseCorrelated(game);
            AssertIncentives(game, ce.Distribution, coarse: false);
            AssertIncentives(game, cce.Distribution, coarse: true);
            double tol = 1e-9 * game.PayoffRange;
            // CE ⊆ CCE, and every pure Nash equilibrium (a point mass) is a CE: the welfare optima are ordered.
            Assert.True(cce.Objective >= ce.Objective - tol, $"seed {seed}");
            for (int k = 0; k < joint; k++)
                if (game.IsPureEquilibrium(k))
                    Assert.True(ce.Objective >= Enumerable.Range(0, actions.Length).Sum(p => u[p][k]) - tol, $"seed {seed}");
            // The reported payoffs are the expectations under the distribution.
            for (int p = 0; p < actions.Length; p++)
                Assert.Equal(Enumerable.Range(0, joint).Sum(k => ce.Distribution[k] * u[p][k]), ce.Payoffs[p], 9);
        }
    }

    [Fact]
    public void The_test_check_rejects_a_distribution_that_is_not_an_equilibrium()
    {
        // The check below can fail: in chicken-with-a-dummy, all mass on (C, C, 0) lets player 0 gain 1 by daring.
        var game = ChickenWithADominantThirdPlayer();
        var p = new double[8];
        p[1 * 4 + 1 * 2 + 0] = 1;
        Assert.Equal(1, WorstGain(game, p, coarse: false), 12);
        Assert.Equal(1, WorstGain(game, p, coarse: true), 12);
    }

    [Fact]
    public void A_wrong_sized_objective_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CorrelatedEquilibria.Correlated(ChickenWithADominantThirdPlayer(), new double[7]));
    }

    private static void AssertIncentives(NormalFormGame game, double[] p, bool coarse)
    {
        double total = 0;
        foreach (double v in p) { Assert.True(v >= 0); total += v; }
        Assert.Equal(1, total, 12);
        double gain = WorstGain(game, p, coarse);
        Assert.True(gain <= 1e-9 * game.PayoffRange, $"an incentive constraint is violated by {gain:G6}");
    }

    /// <summary>
    /// The largest expected gain any player gets by a deviation: for a CE, playing d whenever a is recommended
    /// (Σ over profiles with s_i = a of p(s)(u_i(d, s_−i) − u_i(s))); for a CCE, playing d always. Profiles are walked as
    /// action tuples (an odometer) and indexed with <see cref="NormalFormGame.JointIndex"/>.
    /// </summary>
    private static double WorstGain(NormalFormGame game, double[] p, bool coarse)
    {
        int n = game.Players;
        double worst = double.NegativeInfinity;
        for (int i = 0; i < n; i++)
            for (int a = 0; a < game.Actions(i); a++)
                for (int d = 0; d < game.Actions(i); d++)
                {
                    if (coarse && a > 0) continue;
                    double gain = 0;
                    var s = new int[n];
                    do
                    {
                        if (!coarse && s[i] != a) continue;
                        var deviated = (int[])s.Clone();
                        deviated[i] = d;
                        gain += p[game.JointIndex(s)] * (game.Payoff(i, game.JointIndex(deviated)) - game.Payoff(i, game.JointIndex(s)));
                    }
                    while (Next(s, game));
                    worst = Math.Max(worst, gain);
                }
        return worst;
    }

    private static bool Next(int[] s, NormalFormGame game)
    {
        for (int q = s.Length - 1; q >= 0; q--)
        {
            if (++s[q] < game.Actions(q)) return true;
            s[q] = 0;
        }
        return false;
    }
}
