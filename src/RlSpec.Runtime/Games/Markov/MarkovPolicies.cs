using System;

namespace RlSpec.Runtime.Games.Markov;

/// <summary>
/// A stationary policy pair of a <see cref="MarkovGame"/> and its running uniform average, stored flat in the game's layout
/// (state s's row strategy at <see cref="MarkovGame.RowPolicyOffset"/>(s), m_s entries; likewise for the column player).
/// The part every Markov-game dynamic shares: the per-state slices it updates and the average iterate the experiment engine
/// measures. Allocates only in the constructor.
/// </summary>
public sealed class MarkovPolicies
{
    private readonly MarkovGame _game;
    private readonly double[] _row, _column, _averageRow, _averageColumn;

    /// <summary>Policies for <paramref name="game"/>, uniform in every state.</summary>
    public MarkovPolicies(MarkovGame game)
    {
        _game = game ?? throw new ArgumentNullException(nameof(game));
        _row = new double[game.RowPolicyLength];
        _column = new double[game.ColumnPolicyLength];
        _averageRow = new double[_row.Length];
        _averageColumn = new double[_column.Length];
        SetUniform();
        Restart();
    }

    /// <summary>The row policy x, every state's strategy in turn.</summary>
    public double[] Row => _row;

    /// <summary>The column policy y.</summary>
    public double[] Column => _column;

    /// <summary>The uniform average of the policies passed to <see cref="Accumulate"/> (the first being the one at <see cref="Restart"/>).</summary>
    public ReadOnlySpan<double> AverageRow => _averageRow;

    /// <summary>The uniform average of the column policies.</summary>
    public ReadOnlySpan<double> AverageColumn => _averageColumn;

    /// <summary>State s's row strategy x(·|s).</summary>
    public Span<double> RowAt(int state) => _row.AsSpan(_game.RowPolicyOffset(state), _game.RowActions(state));

    /// <summary>State s's column strategy y(·|s).</summary>
    public Span<double> ColumnAt(int state) => _column.AsSpan(_game.ColumnPolicyOffset(state), _game.ColumnActions(state));

    /// <summary>Every state's strategies uniform.</summary>
    public void SetUniform()
    {
        for (int s = 0; s < _game.States; s++)
        {
            RowAt(s).Fill(1.0 / _game.RowActions(s));
            ColumnAt(s).Fill(1.0 / _game.ColumnActions(s));
        }
    }

    /// <summary>Starts the average over again at the current policies.</summary>
    public void Restart()
    {
        _row.CopyTo(_averageRow, 0);
        _column.CopyTo(_averageColumn, 0);
    }

    /// <summary>Folds the current policies into the average as the policies of iteration t ≥ 1 (the average of iterates 1..t).</summary>
    public void Accumulate(long iteration)
    {
        double w = 1.0 / iteration;
        for (int i = 0; i < _row.Length; i++) _averageRow[i] += w * (_row[i] - _averageRow[i]);
        for (int j = 0; j < _column.Length; j++) _averageColumn[j] += w * (_column[j] - _averageColumn[j]);
    }
}
