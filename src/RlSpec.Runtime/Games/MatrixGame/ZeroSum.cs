using System;
using RlSpec.Runtime.Games.LinearProgramming;

namespace RlSpec.Runtime.Games.MatrixGame;

/// <summary>The value of a two-player zero-sum matrix game and an optimal (maximin / minimax) strategy of each player.</summary>
public sealed record ZeroSumSolution(double Value, double[] Row, double[] Column);

/// <summary>
/// Solves two-player zero-sum matrix games by linear programming (von Neumann's minimax theorem;
/// the LP of Dantzig, "A proof of the equivalence of the programming problem and the game problem", 1951).
/// </summary>
/// <remarks>
/// <para>
/// The row player maximizes and the column player minimizes xᵀAy. The payoffs are first mapped affinely onto
/// A' = 1 + (A − min A)/(max A − min A), entries in [1, 2], which keeps the optimal strategies, makes the value
/// positive and scales the LP to the solver's absolute tolerances. The column player's program
/// <c>maximize Σw subject to A'w ≤ 1, w ≥ 0</c> is feasible at w = 0 (no phase 1) and bounded; at its optimum
/// S = Σw the value of A' is 1/S, the column player's strategy is y = w/S, and the duals u of the rows give the
/// row player's x = u/S (LP duality is the minimax theorem).
/// </para>
/// <para>One solver owns its simplex workspace, so repeated solves up to its size allocate nothing (Shapley iteration, minimax-Q).</para>
/// </remarks>
public sealed class ZeroSum
{
    private readonly DenseSimplex _lp;
    private readonly double[] _scaled, _ones, _w, _u;
    private readonly ConstraintSense[] _senses;

    /// <summary>A solver for games of up to <paramref name="maxRows"/>×<paramref name="maxColumns"/> actions.</summary>
    public ZeroSum(int maxRows, int maxColumns)
    {
        if (maxRows < 1) throw new ArgumentOutOfRangeException(nameof(maxRows), maxRows, "a game needs at least one row action");
        if (maxColumns < 1) throw new ArgumentOutOfRangeException(nameof(maxColumns), maxColumns, "a game needs at least one column action");
        _lp = new DenseSimplex(maxRows, maxColumns);
        _scaled = new double[maxRows * maxColumns];
        _ones = new double[Math.Max(maxRows, maxColumns)];
        _ones.AsSpan().Fill(1);
        _w = new double[maxColumns];
        _u = new double[maxRows];
        _senses = new ConstraintSense[maxRows]; // all LessOrEqual (the default value)
    }

    /// <summary>Simplex pivots of the last solve.</summary>
    public int Pivots => _lp.Pivots;

    /// <summary>
    /// The value of the game with row-major m×n payoffs <paramref name="payoff"/> to the maximizing row player;
    /// writes optimal strategies into <paramref name="row"/> (length m) and <paramref name="column"/> (length n). Allocates nothing.
    /// </summary>
    public double Solve(ReadOnlySpan<double> payoff, int rows, int columns, Span<double> row, Span<double> column)
    {
        if (rows < 1 || rows > _u.Length) throw new ArgumentOutOfRangeException(nameof(rows), rows, $"this solver holds 1..{_u.Length} rows");
        if (columns < 1 || columns > _w.Length) throw new ArgumentOutOfRangeException(nameof(columns), columns, $"this solver holds 1..{_w.Length} columns");
        if (payoff.Length < rows * columns || row.Length < rows || column.Length < columns) throw new ArgumentException("a span is shorter than the sizes given");
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (int k = 0; k < rows * columns; k++)
        {
            double v = payoff[k];
            if (!double.IsFinite(v)) throw new ArgumentException("payoffs must be finite", nameof(payoff));
            lo = Math.Min(lo, v); hi = Math.Max(hi, v);
        }
        if (hi == lo)
        {
            // A constant game: every strategy is optimal; report the uniform ones.
            row.Slice(0, rows).Fill(1.0 / rows);
            column.Slice(0, columns).Fill(1.0 / columns);
            return lo;
        }
        double range = hi - lo;
        Span<double> scaled = _scaled.AsSpan(0, rows * columns);
        for (int k = 0; k < scaled.Length; k++) scaled[k] = 1 + (payoff[k] - lo) / range;

        var status = _lp.Maximize(rows, columns, scaled, _senses.AsSpan(0, rows), _ones.AsSpan(0, rows), _ones.AsSpan(0, columns),
            _w.AsSpan(0, columns), _u.AsSpan(0, rows), out double sum);
        if (status != LpStatus.Optimal || !(sum > 0))
            throw new InvalidOperationException($"the zero-sum LP ended {status} (sum {sum}), which its construction rules out");
        Normalize(_w.AsSpan(0, columns), column.Slice(0, columns));
        Normalize(_u.AsSpan(0, rows), row.Slice(0, rows));
        return lo + (1 / sum - 1) * range;
    }

    /// <summary>Solves the game with payoff matrix A (row player maximizes xᵀAy) with a solver of its size.</summary>
    public static ZeroSumSolution Solve(double[,] payoff)
    {
        ArgumentNullException.ThrowIfNull(payoff);
        int m = payoff.GetLength(0), n = payoff.GetLength(1);
        var flat = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) flat[i * n + j] = payoff[i, j];
        var x = new double[m];
        var y = new double[n];
        double value = new ZeroSum(m, n).Solve(flat, m, n, x, y);
        return new ZeroSumSolution(value, x, y);
    }

    /// <summary>Solves the zero-sum game (A, −A) given as a bimatrix game, using A.</summary>
    public static ZeroSumSolution Solve(BimatrixGame game) => Solve(game.RowPayoffs);

    /// <summary>p/Σp with round-off negatives clipped to zero.</summary>
    private static void Normalize(ReadOnlySpan<double> source, Span<double> target)
    {
        double sum = 0;
        for (int k = 0; k < source.Length; k++) sum += Math.Max(0, source[k]);
        for (int k = 0; k < source.Length; k++) target[k] = Math.Max(0, source[k]) / sum;
    }
}
