using System;
using System.Collections.Generic;
using System.Linq;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Games.Dynamics;
using RlSpec.Runtime.Games.Markov;
using RlSpec.Runtime.Randomness;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Runtime.Games.Dynamics;

/// <summary>
/// <see cref="MarkovGameMeasure"/> and <see cref="MarkovBestResponse"/> against slow independent computations: the duality gap by
/// enumerating every deterministic stationary policy of the responder (a best response to a stationary opponent can be taken
/// deterministic and stationary; Puterman 1994, Thm 6.2.10) and evaluating each by a dense Gaussian elimination written here;
/// Shapley's values and the QRE by the value iterations of <see cref="MarkovDynamicsTests"/>. And the engine on Markov games:
/// minimax-Q's samples come from per-run streams, identical for any thread count.
/// </summary>
public class MarkovMeasureTests
{
    private static readonly MarkovGame Game = MarkovDynamicsTests.Game();

    /// <summary>V = (I − γP)⁻¹ r by Gaussian elimination with partial pivoting.</summary>
    private static double[] SolveLinear(double[,] a, double[] b)
    {
        int n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (int c = 0; c < n; c++)
        {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.Abs(m[r, c]) > Math.Abs(m[p, c])) p = r;
            for (int j = 0; j < n; j++) (m[c, j], m[p, j]) = (m[p, j], m[c, j]);
            (x[c], x[p]) = (x[p], x[c]);
            for (int r = c + 1; r < n; r++)
            {
                double f = m[r, c] / m[c, c];
                for (int j = c; j < n; j++) m[r, j] -= f * m[c, j];
                x[r] -= f * x[c];
            }
        }
        for (int r = n - 1; r >= 0; r--)
        {
            double s = x[r];
            for (int j = r + 1; j < n; j++) s -= m[r, j] * x[j];
            x[r] = s / m[r, r];
        }
        return x;
    }

    /// <summary>V^{x,y}(ρ) of a stationary pair, by the dense linear solve.</summary>
    private static double Value(MarkovGame g, double[] x, double[] y)
    {
        int n = g.States;
        var a = new double[n, n];
        var r = new double[n];
        for (int s = 0; s < n; s++)
        {
            a[s, s] += 1;
            for (int i = 0; i < g.RowActions(s); i++)
                for (int j = 0; j < g.ColumnActions(s); j++)
                {
                    double p = x[g.RowPolicyOffset(s) + i] * y[g.ColumnPolicyOffset(s) + j];
                    int k = g.JointIndex(s, i, j);
                    r[s] += p * g.Payoff(k);
                    for (int e = g.TransitionStart(k); e < g.TransitionStart(k + 1); e++) a[s, g.NextStates[e]] -= g.Discount * p * g.Probabilities[e];
                }
        }
        var v = SolveLinear(a, r);
        double total = 0;
        for (int s = 0; s < n; s++) total += g.Initial[s] * v[s];
        return total;
    }

    /// <summary>Every deterministic stationary policy of a player (one action per state), as flat probability vectors.</summary>
    private static IEnumerable<double[]> DeterministicPolicies(MarkovGame g, bool row)
    {
        int states = g.States;
        var choice = new int[states];
        while (true)
        {
            var p = new double[row ? g.RowPolicyLength : g.ColumnPolicyLength];
            for (int s = 0; s < states; s++) p[(row ? g.RowPolicyOffset(s) : g.ColumnPolicyOffset(s)) + choice[s]] = 1;
            yield return p;
            int t = 0;
            while (t < states && ++choice[t] == (row ? g.RowActions(t) : g.ColumnActions(t))) { choice[t] = 0; t++; }
            if (t == states) yield break;
        }
    }

    private static double[] RandomPolicy(MarkovGame g, bool row, ulong seed)
    {
        var r = RandomStream.Create(seed, 3);
        var p = new double[row ? g.RowPolicyLength : g.ColumnPolicyLength];
        for (int s = 0; s < g.States; s++)
        {
            int offset = row ? g.RowPolicyOffset(s) : g.ColumnPolicyOffset(s), count = row ? g.RowActions(s) : g.ColumnActions(s);
            double total = 0;
            for (int i = 0; i < count; i++) total += p[offset + i] = Sampling.Uniform(ref r, 0.05, 1);
            for (int i = 0; i < count; i++) p[offset + i] /= total;
        }
        return p;
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void The_duality_gap_is_that_of_the_best_deterministic_responses(ulong seed)
    {
        var x = RandomPolicy(Game, true, seed);
        var y = RandomPolicy(Game, false, seed + 100);
        double rowBest = DeterministicPolicies(Game, true).Max(p => Value(Game, p, y));
        double columnBest = DeterministicPolicies(Game, false).Min(p => Value(Game, x, p));
        Assert.Equal(rowBest, MarkovBestResponse.RowValue(Game, y), 1e-10);
        Assert.Equal(columnBest, MarkovBestResponse.ColumnValue(Game, x), 1e-10);
        double gap = MarkovBestResponse.DualityGap(Game, x, y);
        Assert.Equal(rowBest - columnBest, gap, 1e-10);
        // The pair's own value lies between the two best responses, and the gap of a non-equilibrium is clearly positive.
        double v = Value(Game, x, y);
        Assert.True(columnBest <= v + 1e-12 && v <= rowBest + 1e-12);
        Assert.True(gap > 1e-3);
    }

    [Fact]
    public void Shapleys_strategies_have_no_duality_gap()
    {
        var solution = ShapleyIteration.Solve(Game, 1e-13);
        var x = solution.Row.SelectMany(p => p).ToArray();
        var y = solution.Column.SelectMany(p => p).ToArray();
        Assert.InRange(MarkovBestResponse.DualityGap(Game, x, y), -1e-9, 1e-9);
        var star = MarkovDynamicsTests.ShapleyValues(Game);
        var measure = new MarkovGameMeasure(Game);
        for (int s = 0; s < Game.States; s++) Assert.Equal(star[s], measure.Shapley.Values[s], 1e-10);
    }

    [Fact]
    public void The_qre_is_the_regularized_shapley_fixed_point()
    {
        var (v, x, y) = MarkovDynamicsTests.Qre(Game);
        var (row, column, values) = new MarkovGameMeasure(Game).Qre(MarkovDynamicsTests.Tau);
        for (int s = 0; s < Game.States; s++)
        {
            Assert.Equal(v[s], values[s], 1e-9);
            for (int a = 0; a < Game.RowActions(s); a++) Assert.Equal(x[s][a], row[Game.RowPolicyOffset(s) + a], 1e-9);
            for (int b = 0; b < Game.ColumnActions(s); b++) Assert.Equal(y[s][b], column[Game.ColumnPolicyOffset(s) + b], 1e-9);
        }
    }

    private static ExperimentSpec Spec(params Statistic[] record) => new()
    {
        Name = "markov", Model = "random_markov", Horizon = 300, Runs = 3, Seed = 11, Unit = "iterations",
        Checkpoints = Checkpoints.Linear(100),
        Record = record,
    };

    private static GameDynamicsEntry[] Entries() =>
    [
        new("entropy_omwu", "entropy_omwu", [new("eta", "0.05"), new("tau", "0.1")], () => new EntropyRegularizedMarkovOmwu(Game, 0.05, MarkovDynamicsTests.Tau)),
        new("minimax_q", "minimax_q", null, () => new MinimaxQ(Game)),
    ];

    [Fact]
    public void The_engine_records_what_the_dynamics_reach()
    {
        var measure = new MarkovGameMeasure(Game);
        var result = GameDynamicsExperiment.Run(Spec(Statistic.DualityGap, Statistic.AverageNashConv, Statistic.ValueError), Entries(), measure, new RunOptions { Threads = 1 });
        var layout = result.Layouts[0];
        var star = MarkovDynamicsTests.ShapleyValues(Game);
        // Minimax-Q of run 1 replayed from the engine's stream for (seed, run): the recorded value error is this one's.
        var q = new MinimaxQ(Game);
        var random = StreamKeys.Stream(11, 1, StreamPurpose.Algorithm);
        for (int c = 0; c < 3; c++)
        {
            while (q.Iteration < 100 * (c + 1)) q.Step(ref random);
            double error = q.Values.ToArray().Zip(star, (p, r) => Math.Abs(p - r)).Max();
            Assert.Equal(error, result.Value(0, 1, 1, layout.Find(Statistic.ValueError)!, c), 1e-9);
            Assert.Equal(MarkovBestResponse.DualityGap(Game, q.Row, q.Column), result.Value(0, 1, 1, layout.Find(Statistic.DualityGap)!, c), 1e-12);
            Assert.Equal(MarkovBestResponse.DualityGap(Game, q.AverageRow, q.AverageColumn), result.Value(0, 1, 1, layout.Find(Statistic.AverageNashConv)!, c), 1e-12);
        }
        // Sampled runs differ; the deterministic dynamic gives one curve in every run.
        Assert.NotEqual(result.Value(0, 0, 1, layout.Find(Statistic.ValueError)!, 2), result.Value(0, 1, 1, layout.Find(Statistic.ValueError)!, 2));
        Assert.Equal(result.Value(0, 0, 0, layout.Find(Statistic.ValueError)!, 2), result.Value(0, 2, 0, layout.Find(Statistic.ValueError)!, 2));
    }

    [Fact]
    public void Minimax_q_runs_do_not_depend_on_the_thread_count()
    {
        var measure = new MarkovGameMeasure(Game);
        var spec = Spec(Statistic.DualityGap, Statistic.ValueError);
        var one = GameDynamicsExperiment.Run(spec, Entries(), measure, new RunOptions { Threads = 1 });
        var two = GameDynamicsExperiment.Run(spec, Entries(), measure, new RunOptions { Threads = 2 });
        for (int position = 0; position < 3; position++)
            for (int a = 0; a < 2; a++)
                Assert.Equal(one.Block(0, position, a).ToArray(), two.Block(0, position, a).ToArray());
    }

    [Fact]
    public void Refuses_what_a_markov_game_or_a_dynamic_cannot_give()
    {
        var e = Assert.Throws<ExperimentException>(() => GameDynamicsExperiment.Run(Spec(Statistic.QreDistance), Entries(), new MarkovGameMeasure(Game)));
        Assert.Contains("minimax_q: 'qre_distance' needs a regularized dynamic", e.Message);
        // One state whose matrix game has a pure saddle point: the equilibrium is not shown unique.
        var saddle = MarkovGame.Discounted([2], [2], [1, 2, 0, 3], [0, 1, 2, 3, 4], [0, 0, 0, 0], [1, 1, 1, 1], [1], 0.5);
        e = Assert.Throws<ExperimentException>(() => GameDynamicsExperiment.Run(Spec(Statistic.EquilibriumDistance),
            [new GameDynamicsEntry("minimax_q", "minimax_q", null, () => new MinimaxQ(saddle))], new MarkovGameMeasure(saddle)));
        Assert.Contains("shown unique", e.Message);
        Assert.Throws<ArgumentException>(() => new MarkovGameMeasure(MarkovGame.FiniteHorizon([1], [1], [1], [0, 1], [0], [1], [1], 3)));
    }

    [Fact]
    public void Qre_distance_and_value_error_are_measured_without_allocating_after_the_first_call()
    {
        var measure = new MarkovGameMeasure(Game);
        var d = new EntropyRegularizedMarkovOmwu(Game, 0.05, MarkovDynamicsTests.Tau);
        var random = RandomStream.Create(1, 1);
        for (int t = 0; t < 10; t++) d.Step(ref random);
        measure.Measure(Statistic.QreDistance, d);
        Assert.Equal(0, Allocations.Least(() =>
        {
            measure.Measure(Statistic.QreDistance, d);
            measure.Measure(Statistic.ValueError, d);
        }));
    }
}
