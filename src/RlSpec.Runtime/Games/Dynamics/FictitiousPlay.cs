using System;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Games.Dynamics;

/// <summary>
/// Simultaneous fictitious play (Brown, "Iterative solution of games by fictitious play", 1951): at step t
/// each player plays a pure best response to the other's empirical frequency of play so far,
/// i_t = argmax_i (A·ȳ_{t−1})_i, j_t = argmax_j (Bᵀ·x̄_{t−1})_j (ties to the lowest index; the first step
/// answers the uniform strategy). On a zero-sum game the empirical frequencies converge to the equilibrium
/// set (Robinson, "An iterative method of solving a game", Ann. Math. 54, 1951). The cumulative payoff
/// vectors are updated with one column of A and one row of B per step, so a step costs O(m + n), not a
/// matrix-vector product. <see cref="IGameDynamics.Row"/> is the pure action played (one-hot),
/// <see cref="IGameDynamics.AverageRow"/> the empirical frequency. Compiler name <c>fictitious_play</c>.
/// </summary>
public sealed class FictitiousPlay : IGameDynamics
{
    private readonly double[] _a, _b; // row-major A and B
    private readonly int _rows, _columns;
    private readonly double[] _rowPayoffs, _columnPayoffs; // A·(Σ played y), Bᵀ·(Σ played x), plus the uniform start
    private readonly double[] _row, _column, _rowFrequency, _columnFrequency;

    /// <summary>Fictitious play on <paramref name="game"/>.</summary>
    public FictitiousPlay(BimatrixGame game)
    {
        ArgumentNullException.ThrowIfNull(game);
        _rows = game.Rows; _columns = game.Columns;
        _a = new double[_rows * _columns]; _b = new double[_rows * _columns];
        for (int i = 0; i < _rows; i++)
            for (int j = 0; j < _columns; j++) { _a[i * _columns + j] = game.RowPayoff(i, j); _b[i * _columns + j] = game.ColumnPayoff(i, j); }
        _rowPayoffs = new double[_rows]; _columnPayoffs = new double[_columns];
        _row = new double[_rows]; _column = new double[_columns];
        _rowFrequency = new double[_rows]; _columnFrequency = new double[_columns];
        Reset();
    }

    /// <inheritdoc/>
    public long Iteration { get; private set; }

    /// <inheritdoc/>
    public ReadOnlySpan<double> Row => _row;

    /// <inheritdoc/>
    public ReadOnlySpan<double> Column => _column;

    /// <inheritdoc/>
    public ReadOnlySpan<double> AverageRow => _rowFrequency;

    /// <inheritdoc/>
    public ReadOnlySpan<double> AverageColumn => _columnFrequency;

    /// <inheritdoc/>
    public void Reset()
    {
        // the belief before any play is the uniform strategy: payoffs A·u and Bᵀ·u, weight 1 (dropped from the frequencies)
        for (int i = 0; i < _rows; i++)
        {
            double s = 0;
            for (int j = 0; j < _columns; j++) s += _a[i * _columns + j];
            _rowPayoffs[i] = s / _columns;
        }
        for (int j = 0; j < _columns; j++)
        {
            double s = 0;
            for (int i = 0; i < _rows; i++) s += _b[i * _columns + j];
            _columnPayoffs[j] = s / _rows;
        }
        SetUniform(_row); SetUniform(_column); SetUniform(_rowFrequency); SetUniform(_columnFrequency);
        Iteration = 0;
    }

    private static void SetUniform(Span<double> p) => p.Fill(1.0 / p.Length);

    /// <inheritdoc/>
    public void Step(ref RandomStream random)
    {
        int i = ArgMax(_rowPayoffs), j = ArgMax(_columnPayoffs);
        Iteration++;
        _row.AsSpan().Clear(); _row[i] = 1;
        _column.AsSpan().Clear(); _column[j] = 1;
        double w = 1.0 / Iteration;
        for (int k = 0; k < _rows; k++) _rowFrequency[k] += w * (_row[k] - _rowFrequency[k]);
        for (int k = 0; k < _columns; k++) _columnFrequency[k] += w * (_column[k] - _columnFrequency[k]);
        // beliefs: add column j of A to the row player's payoffs and row i of B to the column player's
        for (int k = 0; k < _rows; k++) _rowPayoffs[k] += _a[k * _columns + j];
        var bi = _b.AsSpan(i * _columns, _columns);
        for (int k = 0; k < _columns; k++) _columnPayoffs[k] += bi[k];
    }

    private static int ArgMax(ReadOnlySpan<double> v)
    {
        int best = 0;
        for (int k = 1; k < v.Length; k++) if (v[k] > v[best]) best = k;
        return best;
    }
}
