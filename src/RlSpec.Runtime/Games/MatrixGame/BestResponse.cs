using System;

namespace RlSpec.Runtime.Games.MatrixGame;

/// <summary>
/// The best-response check of a profile (x, y): each player's gain from the best unilateral deviation,
/// max_i (A·y)_i − xᵀAy and max_j (Bᵀ·x)_j − xᵀBy. Their sum is NashConv (Lanctot et al., "A unified
/// game-theoretic approach to multiagent reinforcement learning", NeurIPS 2017); both are zero exactly at a Nash equilibrium.
/// </summary>
public static class BestResponse
{
    /// <summary>The row player's gain from deviating to a best response against y.</summary>
    public static double RowGain(BimatrixGame game, ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double best = double.NegativeInfinity, current = 0;
        for (int i = 0; i < game.Rows; i++)
        {
            double s = 0;
            for (int j = 0; j < game.Columns; j++) s += game.RowPayoff(i, j) * y[j];
            best = Math.Max(best, s);
            current += x[i] * s;
        }
        return best - current;
    }

    /// <summary>The column player's gain from deviating to a best response against x.</summary>
    public static double ColumnGain(BimatrixGame game, ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double best = double.NegativeInfinity, current = 0;
        for (int j = 0; j < game.Columns; j++)
        {
            double s = 0;
            for (int i = 0; i < game.Rows; i++) s += game.ColumnPayoff(i, j) * x[i];
            best = Math.Max(best, s);
            current += y[j] * s;
        }
        return best - current;
    }

    /// <summary>NashConv: the sum of both players' best-response gains.</summary>
    public static double NashConv(BimatrixGame game, ReadOnlySpan<double> x, ReadOnlySpan<double> y) =>
        RowGain(game, x, y) + ColumnGain(game, x, y);

    /// <summary>
    /// True when x and y are probability vectors (entries ≥ −tol, sums 1 ± tol) and neither player gains more
    /// than tol = <paramref name="relativeTolerance"/>·<see cref="BimatrixGame.PayoffRange"/> by deviating.
    /// </summary>
    public static bool IsEquilibrium(BimatrixGame game, ReadOnlySpan<double> x, ReadOnlySpan<double> y, double relativeTolerance = 1e-9)
    {
        double tol = relativeTolerance * game.PayoffRange;
        if (x.Length != game.Rows || y.Length != game.Columns) return false;
        if (!IsDistribution(x, relativeTolerance) || !IsDistribution(y, relativeTolerance)) return false;
        return RowGain(game, x, y) <= tol && ColumnGain(game, x, y) <= tol;
    }

    private static bool IsDistribution(ReadOnlySpan<double> p, double tol)
    {
        double sum = 0;
        foreach (double v in p)
        {
            if (!(v >= -tol)) return false;
            sum += v;
        }
        return Math.Abs(sum - 1) <= tol;
    }
}
