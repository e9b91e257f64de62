using System;
using System.Collections.Generic;
using System.Linq;
using RlSpec.Runtime.Games.Dynamics;
using RlSpec.Runtime.Games.Generators;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Tests.Runtime.Games.Dynamics;

/// <summary>The games the dynamics tests run on, and helpers to record a dynamic's curves.</summary>
internal static class DynamicsTestGames
{
    /// <summary>
    /// The seeded random 10x10 zero-sum game of the tests: A = I + 0.2·G (G standard Gaussian, seed 7), scaled so
    /// max |A| = 1 (the normalization of Wei et al. 2021). Its equilibrium has full support and is unique
    /// (checked in <c>MatrixDynamicsTests</c> by <see cref="UniqueZeroSumEquilibrium"/>); seeds 1 to 6 give supports of 8 or 9.
    /// </summary>
    public static BimatrixGame FullSupport10()
    {
        var r = RandomStream.Create(7, 0);
        var a = RandomGames.GaussianMatrix(ref r, 10, 10, 0, 0.2);
        for (int i = 0; i < 10; i++) a[i, i] += 1;
        double max = 0;
        foreach (double v in a) max = Math.Max(max, Math.Abs(v));
        for (int i = 0; i < 10; i++) for (int j = 0; j < 10; j++) a[i, j] /= max;
        return BimatrixGame.ZeroSum(a);
    }

    /// <summary>The duality gap (by an independent double loop) of (x, y) on a zero-sum game.</summary>
    public static double Gap(BimatrixGame g, ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double best = double.NegativeInfinity, worst = double.PositiveInfinity;
        for (int i = 0; i < g.Rows; i++)
        {
            double s = 0;
            for (int j = 0; j < g.Columns; j++) s += g.RowPayoff(i, j) * y[j];
            best = Math.Max(best, s);
        }
        for (int j = 0; j < g.Columns; j++)
        {
            double s = 0;
            for (int i = 0; i < g.Rows; i++) s += g.RowPayoff(i, j) * x[i];
            worst = Math.Min(worst, s);
        }
        return best - worst;
    }

    /// <summary>Runs <paramref name="d"/> and returns (t, last-iterate gap, average gap) at each checkpoint.</summary>
    public static List<(long T, double Last, double Average)> Curve(IGameDynamics d, BimatrixGame g, IEnumerable<long> checkpoints)
    {
        var random = RandomStream.Create(1, 1);
        var result = new List<(long, double, double)>();
        d.Reset();
        foreach (long c in checkpoints.OrderBy(c => c))
        {
            while (d.Iteration < c) d.Step(ref random);
            result.Add((c, Gap(g, d.Row, d.Column), Gap(g, d.AverageRow, d.AverageColumn)));
        }
        return result;
    }

    /// <summary>Least-squares slope of ys against xs.</summary>
    public static double Slope(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        double mx = xs.Average(), my = ys.Average(), sxy = 0, sxx = 0;
        for (int k = 0; k < xs.Count; k++) { sxy += (xs[k] - mx) * (ys[k] - my); sxx += (xs[k] - mx) * (xs[k] - mx); }
        return sxy / sxx;
    }
}
