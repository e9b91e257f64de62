using System;
using RlSpec.Runtime.Games.LinearProgramming;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Runtime.Games.NPlayer;

namespace RlSpec.Runtime.Games.Correlated;

/// <summary>A distribution p over joint actions (p[i, j] for row action i and column action j) and the objective it attains.</summary>
public sealed record CorrelatedEquilibrium(double[,] Distribution, double Objective, double RowValue, double ColumnValue);

/// <summary>
/// A distribution over the joint actions of an n-player game (indexed by <see cref="NormalFormGame.JointIndex"/>), the
/// objective it attains and each player's expected payoff under it.
/// </summary>
public sealed record JointDistributionEquilibrium(double[] Distribution, double Objective, double[] Payoffs);

/// <summary>
/// Correlated equilibria (Aumann, "Subjectivity and correlation in randomized strategies", J. Math. Econ. 1, 1974)
/// and coarse correlated equilibria (Moulin and Vial, "Strategically zero-sum games", Int. J. Game Theory 7, 1978)
/// of a finite game with any number of players, as optimal points of a linear program over joint distributions
/// p ≥ 0, Σp = 1.
/// </summary>
/// <remarks>
/// <para>
/// Correlated: for each player i and each pair of own actions (a, a'), obeying the recommendation a is at least as good
/// as playing a' instead: Σ_{s : s_i = a} p(s)(u_i(a', s_−i) − u_i(s)) ≤ 0 (Σ_i k_i(k_i − 1) constraints). Coarse
/// correlated: deviations are decided before the recommendation: Σ_s p(s)(u_i(a', s_−i) − u_i(s)) ≤ 0 for every player i
/// and action a' (Σ_i k_i constraints). For two players these are Σ_j p(i, j)(A[i', j] − A[i, j]) ≤ 0 and so on.
/// </para>
/// <para>
/// The objective is maximized (by default the sum of all payoffs, the welfare-maximizing equilibrium). The
/// constraints are divided by each player's payoff range, and the objective by its largest entry, so the simplex
/// works on entries of order 1; the program is always feasible (every Nash equilibrium is in the set, Nash 1951).
/// The program has Π k_i variables; <see cref="TableauEntries"/> says how much memory its dense tableau takes.
/// </para>
/// </remarks>
public static class CorrelatedEquilibria
{
    /// <summary>A correlated equilibrium maximizing Σ p(i, j)·objective[i, j] (default A + B).</summary>
    public static CorrelatedEquilibrium Correlated(BimatrixGame game, double[,]? objective = null) => Solve(game, objective, coarse: false);

    /// <summary>A coarse correlated equilibrium maximizing Σ p(i, j)·objective[i, j] (default A + B).</summary>
    public static CorrelatedEquilibrium CoarseCorrelated(BimatrixGame game, double[,]? objective = null) => Solve(game, objective, coarse: true);

    /// <summary>A correlated equilibrium of an n-player game maximizing Σ_s p(s)·objective[s] (default: the sum of the players' payoffs).</summary>
    public static JointDistributionEquilibrium Correlated(NormalFormGame game, double[]? objective = null) => Solve(game, objective, coarse: false);

    /// <summary>A coarse correlated equilibrium of an n-player game maximizing Σ_s p(s)·objective[s] (default: the sum of the players' payoffs).</summary>
    public static JointDistributionEquilibrium CoarseCorrelated(NormalFormGame game, double[]? objective = null) => Solve(game, objective, coarse: true);

    /// <summary>The number of incentive constraints: Σ_i k_i(k_i − 1) (correlated) or Σ_i k_i (coarse).</summary>
    public static long IncentiveConstraints(NormalFormGame game, bool coarse)
    {
        ArgumentNullException.ThrowIfNull(game);
        long count = 0;
        for (int p = 0; p < game.Players; p++) count += coarse ? game.Actions(p) : (long)game.Actions(p) * (game.Actions(p) - 1);
        return count;
    }

    /// <summary>The entries of the dense simplex tableau of the program ((constraints + 1)·(variables + 2·constraints + 1) doubles).</summary>
    public static long TableauEntries(NormalFormGame game, bool coarse)
    {
        long rows = IncentiveConstraints(game, coarse) + 1;
        return (rows + 1) * (game.JointActions + 2 * rows + 1);
    }

    private static CorrelatedEquilibrium Solve(BimatrixGame game, double[,]? objective, bool coarse)
    {
        ArgumentNullException.ThrowIfNull(game);
        int m = game.Rows, n = game.Columns;
        if (objective is not null && (objective.GetLength(0) != m || objective.GetLength(1) != n))
            throw new ArgumentException($"the objective is {objective.GetLength(0)}x{objective.GetLength(1)}, the game {m}x{n}", nameof(objective));
        double[]? flat = null;
        if (objective is not null)
        {
            flat = new double[m * n];
            for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) flat[i * n + j] = objective[i, j];
        }
        // The bimatrix game is the two-player normal form with joint index i·n + j: the same program, the same pivots.
        var e = Solve(game.ToNormalForm(), flat, coarse);
        var distribution = new double[m, n];
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) distribution[i, j] = e.Distribution[i * n + j];
        return new CorrelatedEquilibrium(distribution, e.Objective, e.Payoffs[0], e.Payoffs[1]);
    }

    private static JointDistributionEquilibrium Solve(NormalFormGame game, double[]? objective, bool coarse)
    {
        ArgumentNullException.ThrowIfNull(game);
        int players = game.Players, vars = game.JointActions;
        if (objective is not null && objective.Length != vars)
            throw new ArgumentException($"the objective has {objective.Length} entries, the game {vars} joint actions", nameof(objective));
        long incentive = IncentiveConstraints(game, coarse);
        if (incentive + 1 > int.MaxValue || TableauEntries(game, coarse) > Array.MaxLength)
            throw new ArgumentException($"the {(coarse ? "coarse " : "")}correlated-equilibrium program of a game with {vars} joint actions is too large for the dense simplex", nameof(game));
        int rows = (int)incentive + 1;
        var a = new double[checked(rows * vars)];
        var b = new double[rows];
        var senses = new ConstraintSense[rows];
        int k = 0;
        for (int p = 0; p < players; p++)
        {
            var u = game.Payoffs(p);
            double range = Range(u);
            int kp = game.Actions(p), stride = game.Stride(p);
            if (coarse)
            {
                // Σ_s p(s)(u_p(dev, s_−p) − u_p(s)) ≤ 0
                for (int dev = 0; dev < kp; dev++, k++)
                    for (int s = 0; s < vars; s++)
                        a[k * vars + s] = (u[s + (dev - game.ActionOf(p, s)) * stride] - u[s]) / range;
            }
            else
            {
                // Σ_{s : s_p = own} p(s)(u_p(dev, s_−p) − u_p(s)) ≤ 0 for each recommendation own and deviation dev ≠ own
                for (int own = 0; own < kp; own++)
                    for (int dev = 0; dev < kp; dev++)
                    {
                        if (dev == own) continue;
                        for (int s = 0; s < vars; s++)
                            if (game.ActionOf(p, s) == own) a[k * vars + s] = (u[s + (dev - own) * stride] - u[s]) / range;
                        k++;
                    }
            }
        }
        for (int v = 0; v < vars; v++) a[k * vars + v] = 1;
        b[k] = 1;
        senses[k] = ConstraintSense.Equal;

        var c = new double[vars];
        for (int s = 0; s < vars; s++) c[s] = objective?[s] ?? Welfare(game, s);
        double cScale = 0;
        foreach (double v in c) cScale = Math.Max(cScale, Math.Abs(v));
        if (cScale > 0) for (int v = 0; v < vars; v++) c[v] /= cScale;

        var lp = new DenseSimplex(rows, vars);
        var x = new double[vars];
        var status = lp.Maximize(rows, vars, a, senses, b, c, x, default, out _);
        if (status != LpStatus.Optimal)
            throw new InvalidOperationException($"the correlated-equilibrium LP ended {status}, which its construction rules out (Nash equilibria are feasible)");

        double sum = 0;
        foreach (double v in x) sum += Math.Max(0, v);
        var distribution = new double[vars];
        var payoffs = new double[players];
        double value = 0;
        for (int s = 0; s < vars; s++)
        {
            double q = Math.Max(0, x[s]) / sum;
            distribution[s] = q;
            value += q * (objective?[s] ?? Welfare(game, s));
            for (int p = 0; p < players; p++) payoffs[p] += q * game.Payoff(p, s);
        }
        return new JointDistributionEquilibrium(distribution, value, payoffs);
    }

    private static double Welfare(NormalFormGame game, int joint)
    {
        double w = game.Payoff(0, joint);
        for (int p = 1; p < game.Players; p++) w += game.Payoff(p, joint);
        return w;
    }

    private static double Range(ReadOnlySpan<double> u)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (double v in u) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
        return hi > lo ? hi - lo : 1;
    }
}
