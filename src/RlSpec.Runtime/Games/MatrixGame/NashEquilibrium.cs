namespace RlSpec.Runtime.Games.MatrixGame;

/// <summary>A mixed-strategy profile (x, y) of a bimatrix game with the players' expected payoffs xᵀAy and xᵀBy.</summary>
public sealed record NashEquilibrium(double[] Row, double[] Column, double RowValue, double ColumnValue)
{
    /// <summary>The profile (x, y) of <paramref name="game"/> with its expected payoffs computed.</summary>
    public static NashEquilibrium Of(BimatrixGame game, double[] row, double[] column)
    {
        double va = 0, vb = 0;
        for (int i = 0; i < game.Rows; i++)
        {
            if (row[i] == 0) continue;
            for (int j = 0; j < game.Columns; j++)
            {
                va += row[i] * game.RowPayoff(i, j) * column[j];
                vb += row[i] * game.ColumnPayoff(i, j) * column[j];
            }
        }
        return new NashEquilibrium(row, column, va, vb);
    }
}
