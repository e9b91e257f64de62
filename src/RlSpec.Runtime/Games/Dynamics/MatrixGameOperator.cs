using System;
using RlSpec.Runtime.Dynamics;
using RlSpec.Runtime.Games.MatrixGame;

namespace RlSpec.Runtime.Games.Dynamics;

/// <summary>
/// A bimatrix game (A, B) as the operator of the shared saddle-point methods: the row player x maximizes
/// xᵀAy, i.e. minimizes f = −xᵀAy (∇x f = −A·y), and the column player y maximizes g = xᵀBy (∇y g = Bᵀ·x).
/// For a zero-sum game (B = −A) this is min_x max_y −xᵀAy, the saddle problem of the game. Two matrix-vector
/// products per evaluation (<see cref="MatrixProducts"/>).
/// </summary>
public readonly struct MatrixGameOperator : ISaddleOperator
{
    private readonly double[] _negativeA, _b;
    private readonly int _rows, _columns;

    /// <summary>The operator of <paramref name="game"/>; its matrices are copied row-major once.</summary>
    public MatrixGameOperator(BimatrixGame game)
    {
        ArgumentNullException.ThrowIfNull(game);
        _rows = game.Rows; _columns = game.Columns;
        _negativeA = new double[_rows * _columns];
        _b = new double[_rows * _columns];
        for (int i = 0; i < _rows; i++)
            for (int j = 0; j < _columns; j++)
            {
                _negativeA[i * _columns + j] = -game.RowPayoff(i, j);
                _b[i * _columns + j] = game.ColumnPayoff(i, j);
            }
    }

    /// <inheritdoc/>
    public int XDimension => _rows;

    /// <inheritdoc/>
    public int YDimension => _columns;

    /// <inheritdoc/>
    public void Gradients(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> gradientX, Span<double> gradientY)
    {
        MatrixProducts.Multiply(_negativeA, _rows, _columns, y, gradientX);
        MatrixProducts.MultiplyTransposed(_b, _rows, _columns, x, gradientY);
    }
}
