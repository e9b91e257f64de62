using System;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Games.Generators;

/// <summary>
/// Seeded random games: payoff entries drawn independently from a Gaussian or a uniform distribution with
/// the caller's <see cref="RandomStream"/>, row by row (A before B), so a seed fixes the game.
/// </summary>
/// <remarks>Games with continuous random payoffs are nondegenerate with probability 1 (von Stengel,
/// "Computing equilibria for two-person games", Handbook of Game Theory vol. 3, 2002, §2.6).</remarks>
public static class RandomGames
{
    /// <summary>An m×n matrix of independent Normal(mean, sd) entries.</summary>
    public static double[,] GaussianMatrix(ref RandomStream random, int rows, int columns, double mean = 0, double sd = 1)
    {
        CheckShape(rows, columns);
        var m = new double[rows, columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++) m[i, j] = Sampling.Normal(ref random, mean, sd);
        return m;
    }

    /// <summary>An m×n matrix of independent Uniform[lo, hi) entries.</summary>
    public static double[,] UniformMatrix(ref RandomStream random, int rows, int columns, double lo = 0, double hi = 1)
    {
        CheckShape(rows, columns);
        var m = new double[rows, columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++) m[i, j] = Sampling.Uniform(ref random, lo, hi);
        return m;
    }

    /// <summary>A bimatrix game whose A and B have independent Normal(mean, sd) entries.</summary>
    public static BimatrixGame Gaussian(ref RandomStream random, int rows, int columns, double mean = 0, double sd = 1)
    {
        var a = GaussianMatrix(ref random, rows, columns, mean, sd);
        return new BimatrixGame(a, GaussianMatrix(ref random, rows, columns, mean, sd));
    }

    /// <summary>A bimatrix game whose A and B have independent Uniform[lo, hi) entries.</summary>
    public static BimatrixGame Uniform(ref RandomStream random, int rows, int columns, double lo = 0, double hi = 1)
    {
        var a = UniformMatrix(ref random, rows, columns, lo, hi);
        return new BimatrixGame(a, UniformMatrix(ref random, rows, columns, lo, hi));
    }

    /// <summary>A zero-sum game (A, −A) with independent Normal(mean, sd) entries of A.</summary>
    public static BimatrixGame GaussianZeroSum(ref RandomStream random, int rows, int columns, double mean = 0, double sd = 1) =>
        BimatrixGame.ZeroSum(GaussianMatrix(ref random, rows, columns, mean, sd));

    private static void CheckShape(int rows, int columns)
    {
        if (rows < 1) throw new ArgumentOutOfRangeException(nameof(rows), rows, "a game needs at least one row action");
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "a game needs at least one column action");
    }
}
