using System;
using System.Linq;
using Google.OrTools.LinearSolver;
using RlSpec.Runtime.Games.Correlated;
using RlSpec.Runtime.Games.NPlayer;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.OrTools.Tests;

/// <summary>
/// The welfare-maximizing correlated and coarse correlated equilibria of seeded n-player games: our dense simplex
/// (<see cref="CorrelatedEquilibria"/>) against the same program written here for GLOP (unscaled constraints, action
/// tuples walked directly). The incentive tests elsewhere prove feasibility; this proves optimality: the optimal welfare agrees.
/// </summary>
public class GlopCorrelatedCrossCheckTests
{
    [Theory]
    [InlineData(new[] { 2, 2, 2 }, 20)]
    [InlineData(new[] { 3, 3, 2 }, 20)]
    [InlineData(new[] { 2, 2, 3, 2 }, 10)]
    public void Our_optimal_welfare_equals_glops(int[] actions, int games)
    {
        for (ulong seed = 0; seed < (ulong)games; seed++)
        {
            var r = RandomStream.Create(5150 + (ulong)actions.Length, seed);
            int joint = actions.Aggregate(1, (x, y) => x * y);
            var u = new double[actions.Length][];
            for (int p = 0; p < actions.Length; p++)
            {
                u[p] = new double[joint];
                for (int k = 0; k < joint; k++) u[p][k] = seed % 2 == 0 ? 4 * r.NextDouble() - 1 : r.NextInt(3);
            }
            var game = new NormalFormGame(actions, u);
            foreach (bool coarse in new[] { false, true })
            {
                var ours = coarse ? CorrelatedEquilibria.CoarseCorrelated(game) : CorrelatedEquilibria.Correlated(game);
                double glop = GlopWelfare(game, coarse);
                Assert.True(Math.Abs(ours.Objective - glop) <= 1e-7 * game.PayoffRange * actions.Length,
                    $"seed {seed}, coarse {coarse}: ours {ours.Objective:R}, GLOP {glop:R}");
            }
        }
    }

    private static double GlopWelfare(NormalFormGame game, bool coarse)
    {
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools has no GLOP solver here");
        int n = game.Players, joint = game.JointActions;
        var p = Enumerable.Range(0, joint).Select(k => solver.MakeNumVar(0, double.PositiveInfinity, "p" + k)).ToArray();
        var sum = solver.MakeConstraint(1, 1, "sum");
        foreach (var v in p) sum.SetCoefficient(v, 1);
        for (int i = 0; i < n; i++)
            for (int a = 0; a < game.Actions(i); a++)
                for (int d = 0; d < game.Actions(i); d++)
                {
                    if ((coarse && a > 0) || (!coarse && a == d)) continue;
                    var c = solver.MakeConstraint(double.NegativeInfinity, 0, $"ic{i}_{a}_{d}");
                    var s = new int[n];
                    do
                    {
                        if (!coarse && s[i] != a) continue;
                        var t = (int[])s.Clone();
                        t[i] = d;
                        int k = game.JointIndex(s);
                        c.SetCoefficient(p[k], c.GetCoefficient(p[k]) + game.Payoff(i, game.JointIndex(t)) - game.Payoff(i, k));
                    }
                    while (Next(s, game));
                }
        var objective = solver.Objective();
        for (int k = 0; k < joint; k++) objective.SetCoefficient(p[k], Enumerable.Range(0, n).Sum(i => game.Payoff(i, k)));
        objective.SetMaximization();
        var status = solver.Solve();
        if (status != Solver.ResultStatus.OPTIMAL) throw new InvalidOperationException($"GLOP ended {status}");
        return objective.Value();
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
