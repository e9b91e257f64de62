using System;
using System.Collections.Generic;
using System.Linq;
using RlSpec.Runtime.Games.Congestion;
using RlSpec.Runtime.Games.Markov;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.Tests.Runtime.Games;

/// <summary>Shapley iteration against closed forms and an independent fixed-point check; congestion games' potential descent against exhaustive search.</summary>
public class ShapleyAndCongestionTests
{
    /// <summary>A random Markov game: S states, m×n actions everywhere, Gaussian payoffs, transitions to 1..3 random states.</summary>
    private static MarkovGame RandomGame(ref RandomStream r, int states, int m, int n, double gamma, int horizon = 0)
    {
        int joint = states * m * n;
        var payoffs = new double[joint];
        var start = new List<int> { 0 };
        var next = new List<int>();
        var probs = new List<double>();
        for (int k = 0; k < joint; k++)
        {
            payoffs[k] = Sampling.Normal(ref r, 0, 1);
            int count = 1 + (int)Math.Floor(Sampling.Uniform(ref r, 0, 3));
            var keys = new double[states];
            for (int st = 0; st < states; st++) keys[st] = Sampling.Uniform(ref r, 0, 1);
            var targets = Enumerable.Range(0, states).OrderBy(st => keys[st]).Take(Math.Min(count, states)).OrderBy(x => x).ToList();
            var w = new double[targets.Count];
            for (int e = 0; e < w.Length; e++) w[e] = Sampling.Uniform(ref r, 0.1, 1);
            double sum = w.Sum();
            for (int e = 0; e < w.Length; e++) { next.Add(targets[e]); probs.Add(w[e] / sum); }
            start.Add(next.Count);
        }
        var initial = new double[states];
        initial[0] = 1;
        var rows = Enumerable.Repeat(m, states).ToArray();
        var cols = Enumerable.Repeat(n, states).ToArray();
        return horizon == 0
            ? MarkovGame.Discounted(rows, cols, payoffs, start.ToArray(), next.ToArray(), probs.ToArray(), initial, gamma)
            : MarkovGame.FiniteHorizon(rows, cols, payoffs, start.ToArray(), next.ToArray(), probs.ToArray(), initial, horizon);
    }

    [Fact]
    public void A_one_state_game_is_its_matrix_game_over_one_minus_gamma()
    {
        // One state that returns to itself: V = val(R) + γV, so V = val(R)/(1 − γ). RPS has value 0; shift it by 1.
        var rps = new double[] { 1, 0, 2, 2, 1, 0, 0, 2, 1 };
        var g = MarkovGame.Discounted(new[] { 3 }, new[] { 3 }, rps, Enumerable.Range(0, 10).ToArray(), new int[9], Enumerable.Repeat(1.0, 9).ToArray(), new[] { 1.0 }, 0.8);
        var s = ShapleyIteration.Solve(g);
        Assert.Equal(1 / (1 - 0.8), s.Values[0], 8);
        foreach (var p in s.Row[0]) Assert.Equal(1 / 3.0, p, 8);
    }

    [Fact]
    public void Discounted_values_satisfy_the_shapley_equation_on_random_games()
    {
        var r = RandomStream.Create(21, 0);
        for (int t = 0; t < 10; t++)
        {
            var g = RandomGame(ref r, 5, 3, 2 + t % 3, 0.9);
            var s = ShapleyIteration.Solve(g, 1e-11);
            // Independent check: each state's value is the value of its Q matrix game (solved afresh) to the certified bound.
            for (int st = 0; st < g.States; st++)
            {
                int m = g.RowActions(st), n = g.ColumnActions(st);
                var q = new double[m, n];
                for (int a = 0; a < m; a++)
                    for (int b = 0; b < n; b++) q[a, b] = g.Payoff(st, a, b) + g.Discount * g.ExpectedNext(g.JointIndex(st, a, b), s.Values);
                Assert.Equal(ZeroSum.Solve(q).Value, s.Values[st], 9);
            }
            Assert.True(s.ErrorBound <= 1e-11);
        }
    }

    [Fact]
    public void Finite_horizon_values_match_backward_induction_by_hand()
    {
        var r = RandomStream.Create(22, 0);
        var g = RandomGame(ref r, 4, 2, 3, 1, horizon: 5);
        var v = new double[g.States];
        for (int stage = 0; stage < 5; stage++)
        {
            var next = new double[g.States];
            for (int st = 0; st < g.States; st++)
            {
                var q = new double[2, 3];
                for (int a = 0; a < 2; a++)
                    for (int b = 0; b < 3; b++) q[a, b] = g.Payoff(st, a, b) + g.ExpectedNext(g.JointIndex(st, a, b), v);
                next[st] = ZeroSum.Solve(q).Value;
            }
            v = next;
        }
        var s = ShapleyIteration.Solve(g);
        Assert.Equal(5, s.Iterations);
        for (int st = 0; st < g.States; st++) Assert.Equal(v[st], s.Values[st], 10);
    }

    [Fact]
    public void A_shapley_sweep_allocates_nothing()
    {
        var r = RandomStream.Create(23, 0);
        var g = RandomGame(ref r, 6, 3, 3, 0.9);
        var solver = new ZeroSum(3, 3);
        var v = new double[6];
        var next = new double[6];
        var q = new double[9];
        var row = Enumerable.Range(0, 6).Select(_ => new double[3]).ToArray();
        var col = Enumerable.Range(0, 6).Select(_ => new double[3]).ToArray();
        ShapleyIteration.Sweep(g, solver, v, next, q, row, col);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 20; k++) ShapleyIteration.Sweep(g, solver, next, v, q, row, col);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static CongestionGame RandomCongestion(ref RandomStream r, int players, int facilities)
    {
        // Nondecreasing random costs per facility; each player has 2..3 random nonempty facility subsets.
        var costs = new double[facilities][];
        for (int f = 0; f < facilities; f++)
        {
            costs[f] = new double[players];
            double c = Math.Round(Sampling.Uniform(ref r, 0, 3), 1);
            for (int k = 0; k < players; k++) { c += Math.Round(Sampling.Uniform(ref r, 0, 2), 1); costs[f][k] = c; }
        }
        var strategies = new int[players][][];
        for (int p = 0; p < players; p++)
        {
            int count = 2 + (int)Math.Floor(Sampling.Uniform(ref r, 0, 2));
            strategies[p] = new int[count][];
            for (int s = 0; s < count; s++)
            {
                var chosen = new List<int>();
                for (int f = 0; f < facilities; f++) if (Sampling.Uniform(ref r, 0, 1) < 0.5) chosen.Add(f);
                var set = chosen.ToArray();
                strategies[p][s] = set.Length > 0 ? set : new[] { s % facilities };
            }
        }
        return new CongestionGame(costs, strategies);
    }

    [Fact]
    public void Potential_descent_ends_at_an_equilibrium_that_exhaustive_search_also_finds()
    {
        var r = RandomStream.Create(24, 0);
        for (int t = 0; t < 40; t++)
        {
            var g = RandomCongestion(ref r, 2 + t % 4, 3 + t % 3);
            var d = PotentialDescent.Run(g);
            Assert.True(g.BestDeviationGain(d.Profile) <= 1e-12);
            var all = PotentialDescent.Exhaustive(g);
            Assert.Contains(all, p => p.SequenceEqual(d.Profile));
            // Independently: a profile is an equilibrium iff no player's unilateral switch lowers its cost (via the normal form).
            var nf = g.ToNormalForm();
            for (int k = 0; k < nf.JointActions; k++)
            {
                var profile = Enumerable.Range(0, g.Players).Select(p => nf.ActionOf(p, k)).ToArray();
                Assert.Equal(nf.IsPureEquilibrium(k, 1e-12), all.Any(p => p.SequenceEqual(profile)));
            }
            Assert.Equal(g.Potential(d.Profile), d.Potential, 12);
        }
    }

    [Fact]
    public void Rosenthal_potential_changes_by_the_movers_cost_change()
    {
        var r = RandomStream.Create(25, 0);
        var g = RandomCongestion(ref r, 4, 4);
        var profile = new int[4];
        for (int p = 0; p < 4; p++)
            for (int s = 0; s < g.Strategies(p); s++)
            {
                var moved = (int[])profile.Clone();
                moved[p] = s;
                Assert.Equal(g.Cost(p, moved) - g.Cost(p, profile), g.Potential(moved) - g.Potential(profile), 10);
            }
    }
}
