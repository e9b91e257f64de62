using System;
using RlSpec.Runtime.Games.MatrixGame;

namespace RlSpec.Runtime.Games.Dynamics;

/// <summary>
/// The convergence measures of a dynamic on a bimatrix game, computed from a profile (x, y):
/// NashConv (the sum of both players' best-response gains; Lanctot et al. 2017), which on a zero-sum game is
/// the duality gap max_i (A·y)_i − min_j (Aᵀ·x)_j, and the Euclidean distance ‖(x, y) − (x*, y*)‖₂ to an
/// equilibrium known to be unique (<see cref="UniqueZeroSumEquilibrium"/>). Allocates nothing.
/// </summary>
public static class GameMetrics
{
    /// <summary>NashConv of (x, y) on <paramref name="game"/>; the duality gap on a zero-sum game.</summary>
    public static double NashConv(BimatrixGame game, ReadOnlySpan<double> x, ReadOnlySpan<double> y) => BestResponse.NashConv(game, x, y);

    /// <summary>‖(x, y) − (x*, y*)‖₂.</summary>
    public static double Distance(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> xStar, ReadOnlySpan<double> yStar)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++) s += (x[i] - xStar[i]) * (x[i] - xStar[i]);
        for (int j = 0; j < y.Length; j++) s += (y[j] - yStar[j]) * (y[j] - yStar[j]);
        return Math.Sqrt(s);
    }
}

/// <summary>
/// The equilibrium of a zero-sum game when it can be shown unique: the LP equilibrium (x*, y*) (<see cref="ZeroSum"/>)
/// is unique when both strategies have full support, the game is square, and the bordered matrix [A 1; 1ᵀ 0]
/// is nonsingular. Why: when x* is fully mixed, every optimal y satisfies A·y = v·1 (complementary slackness
/// holds between any two optimal strategies), and with Σ y = 1 that system has one solution; likewise for x
/// (Bohnenblust, Karlin and Shapley, "Solutions of discrete two-person games", 1950). Other games get no
/// answer (their equilibrium may still be unique; this test is only sufficient).
/// </summary>
public static class UniqueZeroSumEquilibrium
{
    /// <summary>Support threshold: an entry below this is treated as outside the support.</summary>
    public const double SupportTolerance = 1e-9;

    /// <summary>The unique equilibrium of a zero-sum <paramref name="game"/> (B = −A), or null when uniqueness is not shown.</summary>
    public static NashEquilibrium? TryFind(BimatrixGame game)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (game.Rows != game.Columns) return null;
        var a = game.RowPayoffs;
        int n = game.Rows;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (game.ColumnPayoff(i, j) != -a[i, j]) return null;
        var solution = ZeroSum.Solve(a);
        foreach (double p in solution.Row) if (p < SupportTolerance) return null;
        foreach (double p in solution.Column) if (p < SupportTolerance) return null;
        if (!BorderedNonsingular(a, n, transpose: false) || !BorderedNonsingular(a, n, transpose: true)) return null;
        return NashEquilibrium.Of(game, solution.Row, solution.Column);
    }

    /// <summary>Whether [M 1; 1ᵀ 0] (M = A or Aᵀ) is nonsingular, by Gaussian elimination with partial pivoting, relative to the entries' scale.</summary>
    private static bool BorderedNonsingular(double[,] a, int n, bool transpose)
    {
        int k = n + 1;
        var m = new double[k, k];
        double scale = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++) { m[i, j] = transpose ? a[j, i] : a[i, j]; scale = Math.Max(scale, Math.Abs(m[i, j])); }
            m[i, n] = 1; m[n, i] = 1;
        }
        double tolerance = 1e-10 * Math.Max(scale, 1) * k;
        for (int c = 0; c < k; c++)
        {
            int p = c;
            for (int r = c + 1; r < k; r++) if (Math.Abs(m[r, c]) > Math.Abs(m[p, c])) p = r;
            if (Math.Abs(m[p, c]) <= tolerance) return false;
            for (int j = 0; j < k; j++) (m[c, j], m[p, j]) = (m[p, j], m[c, j]);
            for (int r = c + 1; r < k; r++)
            {
                double f = m[r, c] / m[c, c];
                for (int j = c; j < k; j++) m[r, j] -= f * m[c, j];
            }
        }
        return true;
    }
}
