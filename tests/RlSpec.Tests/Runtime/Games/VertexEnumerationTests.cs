using System;
using System.Linq;
using RlSpec.Runtime.Games.Generators;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Runtime.Games.Nash;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.Tests.Runtime.Games;

/// <summary>Vertex enumeration: the extreme equilibria of degenerate games, and agreement with support enumeration on nondegenerate ones.</summary>
public class VertexEnumerationTests
{
    [Fact]
    public void A_degenerate_game_gets_the_ends_of_its_segment_of_equilibria()
    {
        // A = B = [[1, 1], [0, 2]]. Against row 0 the column player is indifferent, so (row 0, y) is an equilibrium
        // whenever row 0 stays a best reply: y₀ + y₁ ≥ 2y₁, i.e. y₁ ≤ 1/2. With (row 1, column 1) the extreme
        // equilibria are (e₀, e₀), (e₀, (½, ½)) and (e₁, e₁) (worked out by hand: a mixed x needs y₁ = ½, and then
        // the column player's indifference x₀ = x₀ + 2x₁ forces x = e₀).
        var game = new BimatrixGame(new double[,] { { 1, 1 }, { 0, 2 } }, new double[,] { { 1, 1 }, { 0, 2 } });
        var all = VertexEnumeration.Solve(game);
        Assert.Equal(3, all.Count);
        Assert.Contains(all, e => Is(e, new[] { 1.0, 0 }, new[] { 1.0, 0 }));
        Assert.Contains(all, e => Is(e, new[] { 1.0, 0 }, new[] { 0.5, 0.5 }));
        Assert.Contains(all, e => Is(e, new[] { 0.0, 1 }, new[] { 0.0, 1 }));
        foreach (var e in all) NashEquilibriumTests.AssertEquilibrium(game, e);
    }

    [Fact]
    public void Battle_of_the_sexes_has_the_same_three_equilibria_as_support_enumeration()
    {
        var game = new BimatrixGame(new double[,] { { 2, 0 }, { 0, 1 } }, new double[,] { { 1, 0 }, { 0, 2 } });
        var all = VertexEnumeration.Solve(game);
        Assert.Equal(3, all.Count);
        Assert.Contains(all, e => Is(e, new[] { 2 / 3.0, 1 / 3.0 }, new[] { 1 / 3.0, 2 / 3.0 }));
    }

    [Fact]
    public void On_random_nondegenerate_games_it_agrees_with_support_enumeration()
    {
        for (ulong seed = 0; seed < 30; seed++)
        {
            var r = RandomStream.Create(19, seed);
            int m = 2 + (int)(seed % 4), n = 2 + (int)(seed / 4 % 4);
            var game = RandomGames.Gaussian(ref r, m, n);
            var vertices = VertexEnumeration.Solve(game);
            var supports = SupportEnumeration.Solve(game).Equilibria;
            Assert.Equal(supports.Count, vertices.Count);
            foreach (var e in vertices)
            {
                NashEquilibriumTests.AssertEquilibrium(game, e, $"seed {seed}");
                Assert.Contains(supports, s => Is(s, e.Row, e.Column));
            }
        }
    }

    [Fact]
    public void A_game_with_ties_everywhere_gets_only_verified_equilibria()
    {
        // Small integer payoffs make many ties (degenerate games); every extreme equilibrium must still pass the check,
        // and the pure equilibria are among them.
        for (ulong seed = 0; seed < 30; seed++)
        {
            var r = RandomStream.Create(20, seed);
            var a = new double[3, 3];
            var b = new double[3, 3];
            for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) { a[i, j] = r.NextInt(3); b[i, j] = r.NextInt(3); }
            var game = new BimatrixGame(a, b);
            var all = VertexEnumeration.Solve(game);
            Assert.NotEmpty(all);
            foreach (var e in all) NashEquilibriumTests.AssertEquilibrium(game, e, $"seed {seed}");
            foreach (var (i, j) in PureEquilibria.Find(game))
                Assert.Contains(all, e => e.Row[i] == 1 && e.Column[j] == 1);
        }
    }

    private static bool Is(NashEquilibrium e, double[] x, double[] y) =>
        x.Select((v, i) => Math.Abs(v - e.Row[i]) <= 1e-9).All(ok => ok) && y.Select((v, j) => Math.Abs(v - e.Column[j]) <= 1e-9).All(ok => ok);
}
