using System.Collections.Generic;
using RlSpec.Runtime.Games.MatrixGame;

namespace RlSpec.Runtime.Games.Nash;

/// <summary>
/// All pure-strategy Nash equilibria of a bimatrix game: the cells (i, j) where A[i, j] is a maximum of
/// column j of A and B[i, j] a maximum of row i of B (mutual best responses; ties count, so weak equilibria are included).
/// </summary>
public static class PureEquilibria
{
    /// <summary>Every pure equilibrium (row action, column action), in row-major order. Exact comparisons, O(mn).</summary>
    public static IReadOnlyList<(int Row, int Column)> Find(BimatrixGame game)
    {
        int m = game.Rows, n = game.Columns;
        var columnMax = new double[n];
        for (int j = 0; j < n; j++)
        {
            columnMax[j] = game.RowPayoff(0, j);
            for (int i = 1; i < m; i++) if (game.RowPayoff(i, j) > columnMax[j]) columnMax[j] = game.RowPayoff(i, j);
        }
        var result = new List<(int, int)>();
        for (int i = 0; i < m; i++)
        {
            double rowMax = game.ColumnPayoff(i, 0);
            for (int j = 1; j < n; j++) if (game.ColumnPayoff(i, j) > rowMax) rowMax = game.ColumnPayoff(i, j);
            for (int j = 0; j < n; j++)
                if (game.RowPayoff(i, j) == columnMax[j] && game.ColumnPayoff(i, j) == rowMax) result.Add((i, j));
        }
        return result;
    }
}
