using System;
using RlSpec.Runtime.Games.MatrixGame;

namespace RlSpec.Runtime.Games.Nash;

/// <summary>An equilibrium found by Lemke-Howson, the label dropped to start the path, and the path's length in pivots.</summary>
public sealed record LemkeHowsonResult(NashEquilibrium Equilibrium, int MissingLabel, int Pivots);

/// <summary>
/// One Nash equilibrium of a bimatrix game by the Lemke-Howson algorithm (Lemke and Howson, "Equilibrium
/// points of bimatrix games", SIAM J. Appl. Math. 12, 1964) with complementary pivoting on two tableaux and a
/// lexicographic minimum-ratio test, so that it also runs on degenerate games (von Stengel, "Computing
/// equilibria for two-person games", Handbook of Game Theory vol. 3, 2002, §2.6 and §3.5 for the lexicographic rule).
/// </summary>
/// <remarks>
/// <para>
/// The payoffs are mapped onto A' = 1 + (A − min A)/range(A) and B' likewise (positive, same equilibria). The
/// polytopes P = {x ≥ 0 : B'ᵀx ≤ 1} and Q = {y ≥ 0 : A'y ≤ 1} are kept as two tableaux with slacks
/// s = 1 − B'ᵀx and r = 1 − A'y. Labels are 1..m for the row actions (x_i = 0 in P, r_i = 0 in Q) and
/// m+1..m+n for the column actions (s_j = 0 in P, y_j = 0 in Q). From the artificial equilibrium (0, 0) the
/// variable with the missing label k enters its tableau; the variable that leaves has the duplicate label,
/// whose partner then enters the other tableau; the path ends when the variable with label k leaves. Each
/// end of the path is an equilibrium after normalizing x and y.
/// </para>
/// <para>
/// The leaving row is chosen by the lexicographic minimum of the rows of [q | B⁻¹] divided by the entering
/// column (q the right-hand side, B⁻¹ read from the columns of the starting slack basis). These rows are
/// linearly independent, so there is never a tie and no basis repeats, even when the minimum ratio of q alone
/// is tied (degenerate games). Floating-point entries are compared with a relative tolerance of 1e-11.
/// </para>
/// </remarks>
public static class LemkeHowson
{
    /// <summary>
    /// Follows the path that drops label <paramref name="missingLabel"/> (1..m+n: row action k for k ≤ m, column action k − m above)
    /// and returns the equilibrium at its end.
    /// </summary>
    /// <exception cref="InvalidOperationException">The path exceeded its pivot limit (not expected: paths are finite).</exception>
    public static LemkeHowsonResult Solve(BimatrixGame game, int missingLabel = 1, int maxPivots = 1_000_000)
    {
        ArgumentNullException.ThrowIfNull(game);
        int m = game.Rows, n = game.Columns;
        if (missingLabel < 1 || missingLabel > m + n)
            throw new ArgumentOutOfRangeException(nameof(missingLabel), missingLabel, $"labels of a {m}x{n} game are 1..{m + n}");

        // Labels are 0-based inside: 0..m−1 rows, m..m+n−1 columns.
        var p = new Tableau(n, m + n, m);  // rows s_j: s_j + Σ_i B'_ij x_i = 1
        var q = new Tableau(m, m + n, 0);  // rows r_i: r_i + Σ_j A'_ij y_j = 1
        Scaled(game, (i, j) => game.ColumnPayoff(i, j), out double loB, out double rangeB);
        Scaled(game, (i, j) => game.RowPayoff(i, j), out double loA, out double rangeA);
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < m; i++) p.Set(j, i, 1 + (game.ColumnPayoff(i, j) - loB) / rangeB);
            p.Set(j, m + j, 1);
            p.SetRhs(j, 1);
        }
        for (int i = 0; i < m; i++)
        {
            q.Set(i, i, 1);
            for (int j = 0; j < n; j++) q.Set(i, m + j, 1 + (game.RowPayoff(i, j) - loA) / rangeA);
            q.SetRhs(i, 1);
        }

        int k = missingLabel - 1;
        Tableau current = k < m ? p : q;
        int entering = k, pivots = 0;
        while (true)
        {
            if (pivots >= maxPivots) throw new InvalidOperationException($"Lemke-Howson exceeded {maxPivots} pivots");
            int row = current.LexicographicMinimumRatio(entering);
            if (row < 0) throw new InvalidOperationException("Lemke-Howson found an unbounded edge, which positive payoffs rule out");
            int leaving = current.Basis(row);
            current.Pivot(row, entering);
            pivots++;
            if (leaving == k) break;
            current = ReferenceEquals(current, p) ? q : p;
            entering = leaving;
        }

        var x = new double[m];
        var y = new double[n];
        p.Read(x, 0);
        q.Read(y, m);
        Normalize(x);
        Normalize(y);
        return new LemkeHowsonResult(NashEquilibrium.Of(game, x, y), missingLabel, pivots);
    }

    private static void Scaled(BimatrixGame game, Func<int, int, double> payoff, out double lo, out double range)
    {
        lo = double.PositiveInfinity;
        double hi = double.NegativeInfinity;
        for (int i = 0; i < game.Rows; i++)
            for (int j = 0; j < game.Columns; j++) { double v = payoff(i, j); lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
        range = hi > lo ? hi - lo : 1;
    }

    private static void Normalize(double[] v)
    {
        double sum = 0;
        for (int i = 0; i < v.Length; i++) { v[i] = Math.Max(0, v[i]); sum += v[i]; }
        if (!(sum > 0)) throw new InvalidOperationException("Lemke-Howson ended at the artificial equilibrium");
        for (int i = 0; i < v.Length; i++) v[i] /= sum;
    }

    /// <summary>One tableau: rows "basic + Σ coefficient·nonbasic = rhs", columns indexed by label, the right-hand side last.</summary>
    private sealed class Tableau
    {
        private const double Relative = 1e-11;
        private readonly int _rows, _labels, _stride, _firstSlack;
        private readonly double[] _t;
        private readonly int[] _basis;

        /// <summary>The starting basis is the slacks with labels firstSlack..firstSlack+rows−1 (also the columns of B⁻¹).</summary>
        public Tableau(int rows, int labels, int firstSlack)
        {
            _rows = rows; _labels = labels; _stride = labels + 1; _firstSlack = firstSlack;
            _t = new double[rows * _stride];
            _basis = new int[rows];
            for (int r = 0; r < rows; r++) _basis[r] = firstSlack + r;
        }

        public void Set(int row, int label, double value) => _t[row * _stride + label] = value;
        public void SetRhs(int row, double value) => _t[row * _stride + _labels] = value;
        public int Basis(int row) => _basis[row];

        /// <summary>Values of the basic variables with labels first..first+v.Length−1 (zero for nonbasic ones).</summary>
        public void Read(double[] v, int first)
        {
            Array.Clear(v);
            for (int r = 0; r < _rows; r++)
            {
                int label = _basis[r] - first;
                if (label >= 0 && label < v.Length) v[label] = _t[r * _stride + _labels];
            }
        }

        /// <summary>The row with the lexicographically smallest (rhs, B⁻¹ row)/entry over rows with a positive entry in the entering column; −1 if none.</summary>
        public int LexicographicMinimumRatio(int entering)
        {
            int best = -1;
            double bestPivot = 0;
            for (int r = 0; r < _rows; r++)
            {
                double e = _t[r * _stride + entering];
                if (e <= 1e-12) continue;
                if (best < 0 || LexicographicallyLess(r, e, best, bestPivot)) { best = r; bestPivot = e; }
            }
            return best;
        }

        private bool LexicographicallyLess(int r, double er, int s, double es)
        {
            // First the ratio of right-hand sides, then the columns of the starting basis in order.
            for (int c = -1; c < _rows; c++)
            {
                int column = c < 0 ? _labels : _firstSlack + c;
                double a = _t[r * _stride + column] / er, b = _t[s * _stride + column] / es;
                double scale = Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));
                if (a < b - Relative * scale) return true;
                if (a > b + Relative * scale) return false;
            }
            return false;
        }

        public void Pivot(int r, int e)
        {
            int stride = _stride;
            Span<double> pivotRow = _t.AsSpan(r * stride, stride);
            double inv = 1 / pivotRow[e];
            for (int j = 0; j < stride; j++) pivotRow[j] *= inv;
            pivotRow[e] = 1;
            for (int i = 0; i < _rows; i++)
            {
                if (i == r) continue;
                Span<double> row = _t.AsSpan(i * stride, stride);
                double f = row[e];
                if (f == 0) continue;
                for (int j = 0; j < stride; j++) row[j] -= f * pivotRow[j];
                row[e] = 0;
            }
            _basis[r] = e;
        }
    }
}
