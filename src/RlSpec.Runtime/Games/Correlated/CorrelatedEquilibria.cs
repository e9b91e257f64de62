using System;
using RlSpec.Runtime.Games.LinearProgramming;
using RlSpec.Runtime.Games.MatrixGame;

namespace RlSpec.Runtime.Games.Correlated;

/// <summary>A distribution p over joint actions (p[i, j] for row action i and column action j) and the objective it attains.</summary>
public sealed record CorrelatedEquilibrium(double[,] Distribution, double Objective, double RowValue, double ColumnValue);

/// <summary>
/// Correlated equilibria (Aumann, "Subjectivity and correlation in randomized strategies", J. Math. Econ. 1, 1974)
/// and coarse correlated equilibria (Moulin and Vial, "Strategically zero-sum games", Int. J. Game Theory 7, 1978)
/// of a bimatrix game, as optimal points of a linear program over joint distributions p ≥ 0, Σp = 1.
/// </summary>
/// <remarks>
/// <para>
/// Correlated: for each player and each pair of actions (a, a'), obeying the recommendation a is at least as good
/// as playing a' instead: Σ_j p(i, j)(A[i', j] − A[i, j]) ≤ 0 for all i ≠ i', and Σ_i p(i, j)(B[i, j'] − B[i, j]) ≤ 0
/// for all j ≠ j' (m(m−1) + n(n−1) constraints). Coarse correlated: deviations are decided before the recommendation:
/// Σ_{i,j} p(i, j)(A[i', j] − A[i, j]) ≤ 0 for every i', and likewise for every j' (m + n constraints).
/// </para>
/// <para>
/// The objective is maximized (by default the sum of both payoffs, the welfare-maximizing equilibrium). The
/// constraints are divided by each player's payoff range, and the objective by its largest entry, so the simplex
/// works on entries of order 1; the program is always feasible (every Nash equilibrium is in the set).
/// </para>
/// </remarks>
public static class CorrelatedEquilibria
{
    /// <summary>A correlated equilibrium maximizing Σ p(i, j)·objective[i, j] (default A + B).</summary>
    public static CorrelatedEquilibrium Correlated(BimatrixGame game, double[,]? objective = null) => Solve(game, objective, coarse: false);

    /// <summary>A coarse correlated equilibrium maximizing Σ p(i, j)·objective[i, j] (default A + B).</summary>
    public static CorrelatedEquilibrium CoarseCorrelated(BimatrixGame game, double[,]? objective = null) => Solve(game, objective, coarse: true);

    private static CorrelatedEquilibrium Solve(BimatrixGame game, double[,]? objective, bool coarse)
    {
        ArgumentNullException.ThrowIfNull(game);
        int m = game.Rows, n = game.Columns, vars = m * n;
        if (objective is not null && (objective.GetLength(0) != m || objective.GetLength(1) != n))
            throw new ArgumentException($"the objective is {objective.GetLength(0)}x{objective.GetLength(1)}, the game {m}x{n}", nameof(objective));
        int incentive = coarse ? m + n : m * (m - 1) + n * (n - 1);
        int rows = incentive + 1;
        var a = new double[rows * vars];
        var b = new double[rows];
        var senses = new ConstraintSense[rows];
        double rangeA = Range(game, row: true), rangeB = Range(game, row: false);
        int k = 0;
        if (coarse)
        {
            for (int dev = 0; dev < m; dev++, k++)
                for (int i = 0; i < m; i++)
                    for (int j = 0; j < n; j++) a[k * vars + i * n + j] = (game.RowPayoff(dev, j) - game.RowPayoff(i, j)) / rangeA;
            for (int dev = 0; dev < n; dev++, k++)
                for (int i = 0; i < m; i++)
                    for (int j = 0; j < n; j++) a[k * vars + i * n + j] = (game.ColumnPayoff(i, dev) - game.ColumnPayoff(i, j)) / rangeB;
        }
        else
        {
            for (int i = 0; i < m; i++)
                for (int dev = 0; dev < m; dev++)
                {
                    if (dev == i) continue;
                    for (int j = 0; j < n; j++) a[k * vars + i * n + j] = (game.RowPayoff(dev, j) - game.RowPayoff(i, j)) / rangeA;
                    k++;
                }
            for (int j = 0; j < n; j++)
                for (int dev = 0; dev < n; dev++)
                {
                    if (dev == j) continue;
                    for (int i = 0; i < m; i++) a[k * vars + i * n + j] = (game.ColumnPayoff(i, dev) - game.ColumnPayoff(i, j)) / rangeB;
                    k++;
                }
        }
        for (int v = 0; v < vars; v++) a[k * vars + v] = 1;
        b[k] = 1;
        senses[k] = ConstraintSense.Equal;

        var c = new double[vars];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) c[i * n + j] = objective?[i, j] ?? game.RowPayoff(i, j) + game.ColumnPayoff(i, j);
        double cScale = 0;
        foreach (double v in c) cScale = Math.Max(cScale, Math.Abs(v));
        if (cScale > 0) for (int v = 0; v < vars; v++) c[v] /= cScale;

        var lp = new DenseSimplex(rows, vars);
        var p = new double[vars];
        var status = lp.Maximize(rows, vars, a, senses, b, c, p, default, out _);
        if (status != LpStatus.Optimal)
            throw new InvalidOperationException($"the correlated-equilibrium LP ended {status}, which its construction rules out (Nash equilibria are feasible)");

        double sum = 0;
        foreach (double v in p) sum += Math.Max(0, v);
        var distribution = new double[m, n];
        double value = 0, va = 0, vb = 0;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double q = Math.Max(0, p[i * n + j]) / sum;
                distribution[i, j] = q;
                value += q * (objective?[i, j] ?? game.RowPayoff(i, j) + game.ColumnPayoff(i, j));
                va += q * game.RowPayoff(i, j);
                vb += q * game.ColumnPayoff(i, j);
            }
        return new CorrelatedEquilibrium(distribution, value, va, vb);
    }

    private static double Range(BimatrixGame game, bool row)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (int i = 0; i < game.Rows; i++)
            for (int j = 0; j < game.Columns; j++)
            {
                double v = row ? game.RowPayoff(i, j) : game.ColumnPayoff(i, j);
                lo = Math.Min(lo, v); hi = Math.Max(hi, v);
            }
        return hi > lo ? hi - lo : 1;
    }
}
