using System;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Games.Dynamics;

/// <summary>
/// Regret matching in self-play with expected (full-information) payoffs (Hart and Mas-Colell, "A simple
/// adaptive procedure leading to correlated equilibrium", Econometrica 68, 2000): each player keeps its
/// cumulative regrets R_i += u_i − x·u (u = A·y for the row player, Bᵀ·x for the column player) and plays
/// x ∝ [R]₊ (uniform when no regret is positive). Both players update at once; the average iterate's
/// duality gap on a zero-sum game is O(1/√T). With <c>plus</c> the regrets are clipped at every step,
/// R ← [R + u − x·u]₊ (regret matching+, <see cref="RegretMatchingPlus"/>). Two matrix-vector products per
/// step. Compiler name <c>regret_matching</c>.
/// </summary>
public class RegretMatching : IGameDynamics
{
    private readonly double[] _a, _b;
    private readonly int _rows, _columns;
    private readonly bool _plus;
    private readonly double[] _rowRegret, _columnRegret, _rowPayoffs, _columnPayoffs;
    private readonly double[] _row, _column, _averageRow, _averageColumn;

    /// <summary>Regret matching on <paramref name="game"/>.</summary>
    public RegretMatching(BimatrixGame game) : this(game, false) { }

    /// <summary>Regret matching, or regret matching+ when <paramref name="plus"/>.</summary>
    protected RegretMatching(BimatrixGame game, bool plus)
    {
        ArgumentNullException.ThrowIfNull(game);
        _plus = plus;
        _rows = game.Rows; _columns = game.Columns;
        _a = new double[_rows * _columns]; _b = new double[_rows * _columns];
        for (int i = 0; i < _rows; i++)
            for (int j = 0; j < _columns; j++) { _a[i * _columns + j] = game.RowPayoff(i, j); _b[i * _columns + j] = game.ColumnPayoff(i, j); }
        _rowRegret = new double[_rows]; _columnRegret = new double[_columns];
        _rowPayoffs = new double[_rows]; _columnPayoffs = new double[_columns];
        _row = new double[_rows]; _column = new double[_columns];
        _averageRow = new double[_rows]; _averageColumn = new double[_columns];
        Reset();
    }

    /// <inheritdoc/>
    public long Iteration { get; private set; }

    /// <inheritdoc/>
    public ReadOnlySpan<double> Row => _row;

    /// <inheritdoc/>
    public ReadOnlySpan<double> Column => _column;

    /// <summary>The uniform average of the strategies played x_1 .. x_T.</summary>
    public ReadOnlySpan<double> AverageRow => _averageRow;

    /// <inheritdoc/>
    public ReadOnlySpan<double> AverageColumn => _averageColumn;

    /// <inheritdoc/>
    public void Reset()
    {
        Array.Clear(_rowRegret); Array.Clear(_columnRegret);
        Match(_rowRegret, _row); Match(_columnRegret, _column);
        _row.CopyTo(_averageRow, 0); _column.CopyTo(_averageColumn, 0);
        Iteration = 0;
    }

    /// <inheritdoc/>
    public void Step(ref RandomStream random)
    {
        Iteration++;
        double w = 1.0 / Iteration;
        for (int k = 0; k < _rows; k++) _averageRow[k] += w * (_row[k] - _averageRow[k]);
        for (int k = 0; k < _columns; k++) _averageColumn[k] += w * (_column[k] - _averageColumn[k]);
        MatrixProducts.Multiply(_a, _rows, _columns, _column, _rowPayoffs);
        MatrixProducts.MultiplyTransposed(_b, _rows, _columns, _row, _columnPayoffs);
        Accumulate(_rowRegret, _rowPayoffs, _row);
        Accumulate(_columnRegret, _columnPayoffs, _column);
        Match(_rowRegret, _row); Match(_columnRegret, _column);
    }

    private void Accumulate(Span<double> regret, ReadOnlySpan<double> payoffs, ReadOnlySpan<double> strategy)
    {
        double value = MatrixProducts.Dot(payoffs, strategy);
        for (int k = 0; k < regret.Length; k++)
        {
            double r = regret[k] + payoffs[k] - value;
            regret[k] = _plus ? Math.Max(r, 0) : r;
        }
    }

    /// <summary>strategy ∝ [regret]₊, uniform when no regret is positive.</summary>
    private static void Match(ReadOnlySpan<double> regret, Span<double> strategy)
    {
        double total = 0;
        foreach (double r in regret) if (r > 0) total += r;
        if (total > 0) for (int k = 0; k < regret.Length; k++) strategy[k] = regret[k] > 0 ? regret[k] / total : 0;
        else strategy.Fill(1.0 / strategy.Length);
    }
}
