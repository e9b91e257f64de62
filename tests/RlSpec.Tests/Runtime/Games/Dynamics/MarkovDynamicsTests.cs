using System;
using System.Collections.Generic;
using System.Linq;
using RlSpec.Runtime.Games.Dynamics;
using RlSpec.Runtime.Games.Markov;
using RlSpec.Runtime.Games.QuantalResponse;
using RlSpec.Runtime.Randomness;
using RlSpec.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace RlSpec.Tests.Runtime.Games.Dynamics;

/// <summary>
/// Entropy-regularized OMWU on a seeded discounted Markov game converges linearly to the quantal response
/// equilibrium, computed here independently: value iteration on the regularized Shapley operator, each state's
/// matrix game solved by <see cref="LogitQre.ZeroSum"/>, iterated until V changes by less than 1e-13.
/// </summary>
public class MarkovDynamicsTests(ITestOutputHelper output)
{
    internal const double Gamma = 0.8, Tau = 0.1;

    internal static MarkovGame Game()
    {
        var r = RandomStream.Create(33, 0);
        int[] rows = [3, 2, 3, 2], columns = [3, 3, 2, 2];
        var payoffs = new List<double>();
        var starts = new List<int> { 0 };
        var next = new List<int>();
        var probabilities = new List<double>();
        for (int s = 0; s < 4; s++)
            for (int k = 0; k < rows[s] * columns[s]; k++)
            {
                payoffs.Add(Sampling.Uniform(ref r, 0, 1));
                int a = (int)(Sampling.Uniform(ref r, 0, 1) * 4), b = (a + 1 + (int)(Sampling.Uniform(ref r, 0, 1) * 3)) % 4;
                double p = Sampling.Uniform(ref r, 0.1, 0.9);
                next.Add(a); probabilities.Add(p); next.Add(b); probabilities.Add(1 - p);
                starts.Add(next.Count);
            }
        return MarkovGame.Discounted(rows, columns, payoffs.ToArray(), starts.ToArray(), next.ToArray(), probabilities.ToArray(), [0.25, 0.25, 0.25, 0.25], Gamma);
    }

    private static double Entropy(double[] p) => -p.Where(v => v > 0).Sum(v => v * Math.Log(v));

    /// <summary>The regularized Shapley fixed point: V(s) = max_x min_y xᵀQ_s y + τH(x) − τH(y), Q_s = R_s + γ P V.</summary>
    internal static (double[] V, double[][] X, double[][] Y) Qre(MarkovGame g)
    {
        var v = new double[g.States];
        var x = new double[g.States][];
        var y = new double[g.States][];
        for (int iteration = 0; iteration < 1000; iteration++)
        {
            var next = new double[g.States];
            for (int s = 0; s < g.States; s++)
            {
                int m = g.RowActions(s), n = g.ColumnActions(s);
                var q = new double[m, n];
                for (int a = 0; a < m; a++)
                    for (int b = 0; b < n; b++)
                    {
                        int k = g.JointIndex(s, a, b);
                        double e = 0;
                        for (int t = g.TransitionStart(k); t < g.TransitionStart(k + 1); t++) e += g.Probabilities[t] * v[g.NextStates[t]];
                        q[a, b] = g.Payoff(k) + Gamma * e;
                    }
                var qre = LogitQre.ZeroSum(q, Tau);
                x[s] = qre.Row.ToArray(); y[s] = qre.Column.ToArray();
                double f = 0;
                for (int a = 0; a < m; a++) for (int b = 0; b < n; b++) f += x[s][a] * q[a, b] * y[s][b];
                next[s] = f + Tau * Entropy(x[s]) - Tau * Entropy(y[s]);
            }
            double change = next.Zip(v, (p, q) => Math.Abs(p - q)).Max();
            v = next;
            if (change < 1e-13) return (v, x, y);
        }
        throw new InvalidOperationException("the regularized Shapley iteration did not converge");
    }

    private static double PolicyError(EntropyRegularizedMarkovOmwu d, MarkovGame g, double[][] x, double[][] y)
    {
        double e = 0;
        for (int s = 0; s < g.States; s++)
        {
            for (int a = 0; a < g.RowActions(s); a++) e = Math.Max(e, Math.Abs(d.Row[d.RowOffset(s) + a] - x[s][a]));
            for (int b = 0; b < g.ColumnActions(s); b++) e = Math.Max(e, Math.Abs(d.Column[d.ColumnOffset(s) + b] - y[s][b]));
        }
        return e;
    }

    [Fact]
    public void Entropy_regularized_omwu_converges_linearly_to_the_qre()
    {
        var g = Game();
        var (v, x, y) = Qre(g);
        // the step bound of Cen et al. (2023), Theorem 1
        double eta = (1 - Gamma) / (2 * (1 + Tau * (Math.Log(3) + 1 - Gamma)));
        var d = new EntropyRegularizedMarkovOmwu(g, eta, Tau);
        var random = RandomStream.Create(1, 1);
        long[] checkpoints = [2000, 4000, 6000, 8000, 10000];
        var errors = new List<double>();
        foreach (long c in checkpoints)
        {
            while (d.Iteration < c) d.Step(ref random);
            errors.Add(Math.Max(PolicyError(d, g, x, y), d.Values.ToArray().Zip(v, (p, q) => Math.Abs(p - q)).Max()));
        }
        double slope = DynamicsTestGames.Slope(checkpoints.Select(c => (double)c).ToList(), errors.Select(e => Math.Log(e)).ToList());
        output.WriteLine($"eta {eta:F4}, tau {Tau}, gamma {Gamma}: max error (policies and values) {string.Join(", ", errors.Select(e => e.ToString("E3")))}; rate per iteration {Math.Exp(slope):F6}");
        for (int k = 1; k < errors.Count; k++) Assert.True(errors[k] < errors[k - 1] / 2, $"error {errors[k]} after {errors[k - 1]}");
        Assert.True(errors[^1] < 1e-6);
    }

    /// <summary>Shapley's values by value iteration, each state's matrix game solved by LP (<see cref="RlSpec.Runtime.Games.MatrixGame.ZeroSum"/>), to 1e-12.</summary>
    internal static double[] ShapleyValues(MarkovGame g)
    {
        var v = new double[g.States];
        for (int iteration = 0; iteration < 1000; iteration++)
        {
            var next = new double[g.States];
            for (int s = 0; s < g.States; s++)
            {
                int m = g.RowActions(s), n = g.ColumnActions(s);
                var q = new double[m, n];
                for (int a = 0; a < m; a++)
                    for (int b = 0; b < n; b++)
                    {
                        int k = g.JointIndex(s, a, b);
                        double e = 0;
                        for (int t = g.TransitionStart(k); t < g.TransitionStart(k + 1); t++) e += g.Probabilities[t] * v[g.NextStates[t]];
                        q[a, b] = g.Payoff(k) + Gamma * e;
                    }
                next[s] = RlSpec.Runtime.Games.MatrixGame.ZeroSum.Solve(q).Value;
            }
            double change = next.Zip(v, (p, q) => Math.Abs(p - q)).Max();
            v = next;
            if (change < 1e-12) return v;
        }
        throw new InvalidOperationException("Shapley iteration did not converge");
    }

    [Fact]
    public void Minimax_q_reaches_shapleys_values_within_its_statistical_margin()
    {
        var g = Game();
        var star = ShapleyValues(g);
        const int seeds = 4;
        double early = 0, late = 0;
        for (ulong seed = 1; seed <= seeds; seed++)
        {
            var d = new MinimaxQ(g);
            var random = RandomStream.Create(seed, 5);
            while (d.Iteration < 250) d.Step(ref random);
            early += d.Values.ToArray().Zip(star, (p, q) => Math.Abs(p - q)).Max() / seeds;
            while (d.Iteration < 4000) d.Step(ref random);
            double error = d.Values.ToArray().Zip(star, (p, q) => Math.Abs(p - q)).Max();
            late += error / seeds;
            // values are of order 2.5 (payoffs in [0, 1], γ = 0.8); the sampling error after 4000 synchronous updates is ~1e-2
            Assert.True(error < 0.05, $"seed {seed}: max error {error}");
        }
        output.WriteLine($"minimax-Q, mean over {seeds} seeds of max_s |V_T(s) − V*(s)|: T = 250: {early:E3}, T = 4000: {late:E3} (1/sqrt(T) predicts a factor 4)");
        Assert.True(late < early / 2.5);
    }

    [Fact]
    public void Entropy_regularized_omwu_steps_without_allocating()
    {
        var d = new EntropyRegularizedMarkovOmwu(Game(), 0.05, Tau);
        var random = RandomStream.Create(1, 1);
        Assert.Equal(0, Allocations.Least(() => { for (int t = 0; t < 100; t++) d.Step(ref random); }));
        var q = new MinimaxQ(Game());
        Assert.Equal(0, Allocations.Least(() => { for (int t = 0; t < 100; t++) q.Step(ref random); }));
    }
}
