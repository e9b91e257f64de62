using System;
using RlSpec.Runtime.Games.MatrixGame;

namespace RlSpec.Runtime.Games.Markov;

/// <summary>The values of a Markov game per state and an optimal (stationary, or first-stage) strategy of each player per state.</summary>
public sealed record ShapleySolution(double[] Values, double[][] Row, double[][] Column, int Iterations, double ErrorBound);

/// <summary>
/// Shapley value iteration for two-player zero-sum Markov games (Shapley, "Stochastic games", PNAS 1953): in every state
/// solve the matrix game Q_s[a, b] = R_s[a, b] + γ Σ_{s′} P(s′ | s, a, b) V(s′) and set V(s) to its value. The operator is a
/// γ-contraction in the sup norm, so after an update that moved V by δ the error is at most γδ/(1 − γ), which is the
/// stopping rule. A finite-horizon game is solved by H backward stages instead (exact up to the LP's round-off).
/// </summary>
/// <remarks>One <see cref="ZeroSum"/> solver of the largest state's size serves every state, and the buffers are allocated
/// once per solve, so the sweeps allocate nothing.</remarks>
public static class ShapleyIteration
{
    /// <summary>Solves <paramref name="game"/> to a certified sup-norm error ≤ <paramref name="tolerance"/> (discounted) or exactly (finite horizon).</summary>
    public static ShapleySolution Solve(MarkovGame game, double tolerance = 1e-10, int maxIterations = 1_000_000)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (!(tolerance > 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "the tolerance must be positive");
        int S = game.States;
        var solver = new ZeroSum(game.MaxRowActions, game.MaxColumnActions);
        var v = new double[S];
        var next = new double[S];
        var q = new double[game.MaxRowActions * game.MaxColumnActions];
        var row = new double[S][];
        var column = new double[S][];
        for (int s = 0; s < S; s++) { row[s] = new double[game.RowActions(s)]; column[s] = new double[game.ColumnActions(s)]; }
        double gamma = game.Discount;
        int stages = game.IsDiscounted ? maxIterations : game.Horizon;
        int iterations = 0;
        double bound = double.PositiveInfinity;
        while (iterations < stages)
        {
            double delta = Sweep(game, solver, v, next, q, row, column);
            (v, next) = (next, v);
            iterations++;
            if (game.IsDiscounted)
            {
                bound = gamma == 0 ? 0 : gamma * delta / (1 - gamma);
                if (bound <= tolerance) break;
            }
        }
        if (!game.IsDiscounted) bound = 0;
        return new ShapleySolution(v, row, column, iterations, bound);
    }

    /// <summary>One Shapley update of every state from <paramref name="v"/> into <paramref name="next"/> (the game's discount); returns the sup-norm change. Allocates nothing.</summary>
    public static double Sweep(MarkovGame game, ZeroSum solver, ReadOnlySpan<double> v, Span<double> next, Span<double> q, double[][] row, double[][] column)
    {
        double delta = 0;
        for (int s = 0; s < game.States; s++)
        {
            int m = game.RowActions(s), n = game.ColumnActions(s);
            game.StageGame(s, v, q);
            next[s] = solver.Solve(q.Slice(0, m * n), m, n, row[s], column[s]);
            delta = Math.Max(delta, Math.Abs(next[s] - v[s]));
        }
        return delta;
    }
}
