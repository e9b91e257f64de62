using System;
using RlSpec.Runtime.Games.QuantalResponse;

namespace RlSpec.Runtime.Games.Markov;

/// <summary>
/// The quantal response equilibrium (QRE) of the entropy-regularized discounted Markov game: the fixed point of the regularized
/// Shapley operator V(s) ← max_x min_y xᵀQ_s y + τH(x) − τH(y), Q_s = R_s + γ P V, whose per-state saddle point is the logit QRE
/// of Q_s at temperature τ (<see cref="LogitQre.ZeroSum"/>; unique for every τ &gt; 0). The operator is a γ-contraction in the sup
/// norm (the regularized value of a matrix game is 1-Lipschitz in its payoffs), so after a sweep that moved V by δ the error is at
/// most γδ/(1 − γ): the stopping rule. This is the point entropy-regularized OMWU converges to (Cen, Chi, Du and Xiao, ICLR 2023).
/// </summary>
public static class RegularizedShapleyIteration
{
    /// <summary>The QRE of <paramref name="game"/> at temperature <paramref name="temperature"/>, values certified to <paramref name="tolerance"/> (sup norm).</summary>
    /// <remarks>Allocates per sweep (a dense matrix per state for the QRE solver): it runs once per experiment, not per iteration.</remarks>
    public static ShapleySolution Solve(MarkovGame game, double temperature, double tolerance = 1e-11, int maxIterations = 100_000)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (!game.IsDiscounted) throw new ArgumentException("the regularized equilibrium is computed for discounted Markov games", nameof(game));
        if (!(temperature > 0) || double.IsInfinity(temperature)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "the temperature must be positive and finite");
        if (!(tolerance > 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "the tolerance must be positive");
        int states = game.States;
        double gamma = game.Discount;
        var v = new double[states];
        var next = new double[states];
        var q = new double[game.MaxRowActions * game.MaxColumnActions];
        var row = new double[states][];
        var column = new double[states][];
        double bound = double.PositiveInfinity;
        int iterations = 0;
        while (iterations < maxIterations)
        {
            double delta = 0;
            for (int s = 0; s < states; s++)
            {
                int m = game.RowActions(s), n = game.ColumnActions(s);
                game.StageGame(s, v, q);
                var payoff = new double[m, n];
                for (int a = 0; a < m; a++) for (int b = 0; b < n; b++) payoff[a, b] = q[a * n + b];
                var qre = LogitQre.ZeroSum(payoff, temperature);
                row[s] = qre.Row; column[s] = qre.Column;
                double f = 0;
                for (int a = 0; a < m; a++) for (int b = 0; b < n; b++) f += qre.Row[a] * payoff[a, b] * qre.Column[b];
                next[s] = f + temperature * Entropy(qre.Row) - temperature * Entropy(qre.Column);
                delta = Math.Max(delta, Math.Abs(next[s] - v[s]));
            }
            (v, next) = (next, v);
            iterations++;
            bound = gamma == 0 ? 0 : gamma * delta / (1 - gamma);
            if (bound <= tolerance) break;
        }
        return new ShapleySolution(v, row, column, iterations, bound);
    }

    private static double Entropy(ReadOnlySpan<double> p)
    {
        double h = 0;
        foreach (double x in p) if (x > 0) h -= x * Math.Log(x);
        return h;
    }
}
