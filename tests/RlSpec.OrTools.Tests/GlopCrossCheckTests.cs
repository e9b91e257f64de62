using System;
using RlSpec.OrTools;
using RlSpec.Runtime.Games.Generators;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.OrTools.Tests;

/// <summary>Our dense simplex (ZeroSum) against Google OR-Tools' GLOP on seeded random zero-sum games: the same value, and each
/// solver's strategies guarantee it (a best-response check), to 1e-9 of the payoff range.</summary>
public class GlopCrossCheckTests
{
    [Fact]
    public void Rock_paper_scissors_has_value_zero_in_glop()
    {
        var s = GlopZeroSum.Solve(new double[,] { { 0, -1, 1 }, { 1, 0, -1 }, { -1, 1, 0 } });
        Assert.Equal(0, s.Value, 9);
        foreach (var p in s.Row) Assert.Equal(1 / 3.0, p, 9);
    }

    [Theory]
    [InlineData(5, 5, 100)]
    [InlineData(10, 7, 100)]
    [InlineData(30, 30, 40)]
    [InlineData(100, 60, 10)]
    public void Our_simplex_and_glop_agree_on_random_games(int m, int n, int games)
    {
        for (int seed = 0; seed < games; seed++)
        {
            var r = RandomStream.Create(900 + (ulong)m, (ulong)seed);
            var a = RandomGames.GaussianMatrix(ref r, m, n);
            var game = BimatrixGame.ZeroSum(a);
            var ours = ZeroSum.Solve(a);
            var glop = GlopZeroSum.Solve(a);
            double tol = 1e-9 * game.PayoffRange;
            Assert.True(Math.Abs(ours.Value - glop.Value) <= tol, $"seed {seed}: ours {ours.Value:R}, GLOP {glop.Value:R}");
            Assert.True(BestResponse.IsEquilibrium(game, ours.Row, ours.Column), $"seed {seed}: our strategies fail the check");
            // GLOP's default tolerances are looser than 1e-9; its strategies must still guarantee its value to 1e-7.
            Assert.True(BestResponse.IsEquilibrium(game, glop.Row, glop.Column, 1e-7), $"seed {seed}: GLOP's strategies fail the check");
        }
    }
}
