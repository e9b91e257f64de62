using System;

namespace RlSpec.Runtime.Games.MatrixGame;

/// <summary>
/// A two-player normal-form game in bimatrix form (A, B): when the row player plays i and the column
/// player j, the row player receives A[i, j] and the column player B[i, j]. A zero-sum game has B = −A.
/// </summary>
/// <remarks>The matrices are copied on construction, so a game never changes after it is built.</remarks>
public sealed class BimatrixGame
{
    private readonly double[,] _a, _b;

    /// <summary>A game with row payoffs <paramref name="rowPayoff"/> (A) and column payoffs <paramref name="columnPayoff"/> (B) of the same shape.</summary>
    public BimatrixGame(double[,] rowPayoff, double[,] columnPayoff)
    {
        ArgumentNullException.ThrowIfNull(rowPayoff);
        ArgumentNullException.ThrowIfNull(columnPayoff);
        int m = rowPayoff.GetLength(0), n = rowPayoff.GetLength(1);
        if (m == 0 || n == 0) throw new ArgumentException("each player needs at least one action", nameof(rowPayoff));
        if (columnPayoff.GetLength(0) != m || columnPayoff.GetLength(1) != n)
            throw new ArgumentException($"the column player's payoffs are {columnPayoff.GetLength(0)}x{columnPayoff.GetLength(1)}, the row player's {m}x{n}", nameof(columnPayoff));
        foreach (double v in rowPayoff) if (!double.IsFinite(v)) throw new ArgumentException("payoffs must be finite", nameof(rowPayoff));
        foreach (double v in columnPayoff) if (!double.IsFinite(v)) throw new ArgumentException("payoffs must be finite", nameof(columnPayoff));
        _a = (double[,])rowPayoff.Clone();
        _b = (double[,])columnPayoff.Clone();
        Rows = m; Columns = n;
        PayoffRange = Math.Max(Range(_a), Range(_b));
    }

    /// <summary>The zero-sum game in which the row player receives A[i, j] and the column player −A[i, j].</summary>
    public static BimatrixGame ZeroSum(double[,] rowPayoff)
    {
        ArgumentNullException.ThrowIfNull(rowPayoff);
        var b = new double[rowPayoff.GetLength(0), rowPayoff.GetLength(1)];
        for (int i = 0; i < b.GetLength(0); i++)
            for (int j = 0; j < b.GetLength(1); j++) b[i, j] = -rowPayoff[i, j];
        return new BimatrixGame(rowPayoff, b);
    }

    /// <summary>Number of row-player actions m.</summary>
    public int Rows { get; }

    /// <summary>Number of column-player actions n.</summary>
    public int Columns { get; }

    /// <summary>The row player's payoff A[i, j].</summary>
    public double RowPayoff(int i, int j) => _a[i, j];

    /// <summary>The column player's payoff B[i, j].</summary>
    public double ColumnPayoff(int i, int j) => _b[i, j];

    /// <summary>A copy of A.</summary>
    public double[,] RowPayoffs => (double[,])_a.Clone();

    /// <summary>A copy of B.</summary>
    public double[,] ColumnPayoffs => (double[,])_b.Clone();

    /// <summary>The larger of max A − min A and max B − min B, or 1 when both are constant: the scale of every tolerance.</summary>
    public double PayoffRange { get; }

    /// <summary>The same game as a two-player <see cref="NPlayer.NormalFormGame"/> (joint index i·n + j, row player first).</summary>
    public NPlayer.NormalFormGame ToNormalForm()
    {
        var a = new double[Rows * Columns];
        var b = new double[Rows * Columns];
        for (int i = 0; i < Rows; i++)
            for (int j = 0; j < Columns; j++) { a[i * Columns + j] = _a[i, j]; b[i * Columns + j] = _b[i, j]; }
        return new NPlayer.NormalFormGame(new[] { Rows, Columns }, new[] { a, b });
    }

    private static double Range(double[,] m)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (double v in m) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
        return hi > lo ? hi - lo : 1;
    }

    /// <summary>The row player's expected payoff vector A·y.</summary>
    public void RowPayoffAgainst(ReadOnlySpan<double> y, Span<double> result)
    {
        for (int i = 0; i < Rows; i++)
        {
            double s = 0;
            for (int j = 0; j < Columns; j++) s += _a[i, j] * y[j];
            result[i] = s;
        }
    }

    /// <summary>The column player's expected payoff vector Bᵀ·x.</summary>
    public void ColumnPayoffAgainst(ReadOnlySpan<double> x, Span<double> result)
    {
        for (int j = 0; j < Columns; j++)
        {
            double s = 0;
            for (int i = 0; i < Rows; i++) s += _b[i, j] * x[i];
            result[j] = s;
        }
    }
}
