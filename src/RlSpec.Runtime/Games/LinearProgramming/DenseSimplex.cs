using System;
using System.Numerics;

namespace RlSpec.Runtime.Games.LinearProgramming;

/// <summary>
/// A dense two-phase tableau simplex method for small linear programs
/// <c>maximize c·x subject to aᵢ·x (≤ | = | ≥) bᵢ, x ≥ 0</c>, and the workspace that makes repeated
/// solves of the same size allocate nothing (the many small LPs inside Shapley iteration and minimax-Q).
/// </summary>
/// <remarks>
/// <para>
/// Method: the standard-form tableau simplex with a phase 1 on artificial variables (Dantzig, "Linear
/// Programming and Extensions", 1963, ch. 5; Chvátal, "Linear Programming", 1983, ch. 8). Rows with a
/// negative right-hand side are negated first, so every basic variable starts at bᵢ ≥ 0; a ≤ row starts
/// with its slack basic, a ≥ or = row with an artificial. Phase 1 maximizes minus the sum of the
/// artificials; a positive remainder means the program is infeasible. Artificials left basic at zero are
/// pivoted out on any nonzero entry of their row, or, when the row has none, the row is redundant and stays.
/// </para>
/// <para>
/// Pivoting: Dantzig's largest-coefficient rule, which is fast but can cycle on degenerate programs
/// (Beale 1955), switching to Bland's smallest-subscript rule ("New finite pivoting rules for the simplex
/// method", Math. Oper. Res. 2(2), 1977) after <see cref="DegeneratePivotsBeforeBland"/> degenerate pivots
/// in a row, and back after the first pivot that improves the objective. Bland's rule cannot cycle, so every
/// run of degenerate pivots ends, the objective rises strictly between runs, and no basis repeats:
/// the method terminates on every program.
/// </para>
/// <para>
/// Duals: the tableau keeps the column of every artificial (the identity column of its row), whose
/// phase-2 reduced cost is c_B·B⁻¹ restricted to that row, the row's optimal dual value (sign restored for
/// rows that were negated). Tolerances are absolute (<see cref="Tolerance"/>): scale the data to entries
/// of order 1, as <see cref="MatrixGame.ZeroSum"/> does.
/// </para>
/// </remarks>
public sealed class DenseSimplex
{
    private readonly double[] _tableau;
    private readonly int[] _basis;
    private readonly sbyte[] _rowSign;
    private readonly bool[] _canEnter;
    private int _rows, _columns, _stride, _width;

    /// <summary>A workspace for programs of up to <paramref name="maxConstraints"/> rows and <paramref name="maxVariables"/> variables.</summary>
    public DenseSimplex(int maxConstraints, int maxVariables)
    {
        if (maxConstraints < 0) throw new ArgumentOutOfRangeException(nameof(maxConstraints), maxConstraints, "the number of constraints must not be negative");
        if (maxVariables < 1) throw new ArgumentOutOfRangeException(nameof(maxVariables), maxVariables, "a program needs at least one variable");
        MaxConstraints = maxConstraints;
        MaxVariables = maxVariables;
        int maxWidth = maxVariables + 2 * maxConstraints;
        _tableau = new double[checked((maxConstraints + 1) * (maxWidth + 1))];
        _basis = new int[maxConstraints];
        _rowSign = new sbyte[maxConstraints];
        _canEnter = new bool[maxWidth];
    }

    /// <summary>The largest number of constraints this workspace accepts.</summary>
    public int MaxConstraints { get; }

    /// <summary>The largest number of variables this workspace accepts.</summary>
    public int MaxVariables { get; }

    /// <summary>Entries and reduced costs smaller than this in absolute value count as zero (default 1e-9).</summary>
    public double Tolerance { get; set; } = 1e-9;

    /// <summary>Consecutive degenerate pivots after which Bland's rule takes over until the objective improves (default 10).</summary>
    public int DegeneratePivotsBeforeBland { get; set; } = 10;

    /// <summary>Pivot limit per solve; 0 (the default) means 100·(rows + variables) + 1000.</summary>
    public int MaxPivots { get; set; }

    /// <summary>Pivots made by the last solve, both phases together.</summary>
    public int Pivots { get; private set; }

    /// <summary>Pivots of the last solve made under Bland's rule (nonzero only on degenerate programs).</summary>
    public int BlandPivots { get; private set; }

    /// <summary>
    /// Maximizes c·x subject to aᵢ·x (sense) bᵢ and x ≥ 0.
    /// </summary>
    /// <param name="rows">Number of constraints m.</param>
    /// <param name="columns">Number of variables n.</param>
    /// <param name="a">The constraint matrix, m×n row-major.</param>
    /// <param name="senses">The relation of each row.</param>
    /// <param name="b">The right-hand sides (any sign).</param>
    /// <param name="c">The objective coefficients.</param>
    /// <param name="x">Receives the optimal values of the n variables (when <see cref="LpStatus.Optimal"/>).</param>
    /// <param name="duals">Receives the m optimal dual values, or pass an empty span: yᵢ ≥ 0 for ≤ rows, ≤ 0 for ≥ rows, free for = rows, with y·b = c·x.</param>
    /// <param name="objective">The optimal value c·x.</param>
    public LpStatus Maximize(int rows, int columns, ReadOnlySpan<double> a, ReadOnlySpan<ConstraintSense> senses,
        ReadOnlySpan<double> b, ReadOnlySpan<double> c, Span<double> x, Span<double> duals, out double objective)
    {
        if (rows < 0 || rows > MaxConstraints) throw new ArgumentOutOfRangeException(nameof(rows), rows, $"the workspace holds 0..{MaxConstraints} constraints");
        if (columns < 1 || columns > MaxVariables) throw new ArgumentOutOfRangeException(nameof(columns), columns, $"the workspace holds 1..{MaxVariables} variables");
        if (a.Length < rows * columns || senses.Length < rows || b.Length < rows || c.Length < columns || x.Length < columns)
            throw new ArgumentException("a span is shorter than the sizes given");
        if (!duals.IsEmpty && duals.Length < rows) throw new ArgumentException("the dual span is shorter than the number of constraints", nameof(duals));

        _rows = rows; _columns = columns;
        _width = columns + 2 * rows;     // variables, then one slack and one artificial per row
        _stride = _width + 1;            // the right-hand side is the last column
        Span<double> t = _tableau.AsSpan(0, (rows + 1) * _stride);
        t.Clear();
        Pivots = 0; BlandPivots = 0;
        int limit = MaxPivots > 0 ? MaxPivots : 100 * (rows + columns) + 1000;
        objective = double.NaN;

        bool anyArtificial = false;
        for (int i = 0; i < rows; i++)
        {
            // Negate rows with b < 0 so that the starting basic variable has a value bᵢ ≥ 0.
            sbyte sign = b[i] < 0 ? (sbyte)-1 : (sbyte)1;
            _rowSign[i] = sign;
            Span<double> row = t.Slice(i * _stride, _stride);
            ReadOnlySpan<double> ai = a.Slice(i * columns, columns);
            for (int j = 0; j < columns; j++) row[j] = sign * ai[j];
            double slack = senses[i] switch { ConstraintSense.LessOrEqual => 1, ConstraintSense.GreaterOrEqual => -1, _ => 0 };
            row[columns + i] = sign * slack;
            row[columns + rows + i] = 1;
            row[_width] = sign * b[i];
            if (sign * slack > 0) _basis[i] = columns + i;
            else { _basis[i] = columns + rows + i; anyArtificial = true; }
        }
        for (int j = 0; j < _width; j++) _canEnter[j] = j < columns || (j < columns + rows && senses[j - columns] != ConstraintSense.Equal);

        Span<double> z = t.Slice(rows * _stride, _stride);
        if (anyArtificial)
        {
            // Phase 1: maximize −Σ artificials. Reduced costs d_j = c_B·B⁻¹a_j − c_j with c = −1 on artificials.
            for (int i = 0; i < rows; i++)
            {
                if (_basis[i] < columns + rows) continue;
                ReadOnlySpan<double> row = t.Slice(i * _stride, _stride);
                for (int j = 0; j <= _width; j++) z[j] -= row[j];
            }
            for (int i = 0; i < rows; i++) z[columns + rows + i] += 1; // − c_j for every artificial
            for (int i = 0; i < rows; i++) if (_basis[i] >= columns + rows) z[_basis[i]] = 0;
            var phase1 = Iterate(t, limit);
            if (phase1 == LpStatus.IterationLimit) return phase1;
            double scale = 1;
            for (int i = 0; i < rows; i++) scale = Math.Max(scale, Math.Abs(b[i]));
            if (z[_width] < -Tolerance * scale) return LpStatus.Infeasible;
            DriveOutArtificials(t);
        }

        // Phase 2: the true objective; artificials never enter again, their columns are kept for the duals.
        z.Clear();
        for (int j = 0; j < columns; j++) z[j] = -c[j];
        for (int i = 0; i < rows; i++)
        {
            int basic = _basis[i];
            double cb = basic < columns ? c[basic] : 0;
            if (cb == 0) continue;
            ReadOnlySpan<double> row = t.Slice(i * _stride, _stride);
            for (int j = 0; j <= _width; j++) z[j] += cb * row[j];
        }
        for (int i = 0; i < rows; i++) z[_basis[i]] = 0;
        var status = Iterate(t, limit);
        if (status != LpStatus.Optimal) return status;

        x.Slice(0, columns).Clear();
        for (int i = 0; i < rows; i++)
            if (_basis[i] < columns) x[_basis[i]] = Math.Max(0, t[i * _stride + _width]);
        if (!duals.IsEmpty)
            for (int i = 0; i < rows; i++) duals[i] = _rowSign[i] * z[columns + rows + i];
        objective = z[_width];
        return LpStatus.Optimal;
    }

    /// <summary>The simplex iterations of one phase on the objective row kept in the last tableau row.</summary>
    private LpStatus Iterate(Span<double> t, int limit)
    {
        int rows = _rows, stride = _stride, width = _width;
        Span<double> z = t.Slice(rows * stride, stride);
        double tol = Tolerance;
        int degenerateRun = 0;
        while (true)
        {
            bool bland = degenerateRun >= DegeneratePivotsBeforeBland;
            int entering = -1;
            double best = -tol;
            for (int j = 0; j < width; j++)
            {
                if (!_canEnter[j] || z[j] >= best) continue;
                entering = j;
                if (bland) break;           // Bland: the smallest subscript with a negative reduced cost
                best = z[j];                // Dantzig: the most negative reduced cost
            }
            if (entering < 0) return LpStatus.Optimal;

            int leaving = -1;
            double minRatio = double.PositiveInfinity;
            for (int i = 0; i < rows; i++)
            {
                double aie = t[i * stride + entering];
                if (aie <= tol) continue;
                double ratio = Math.Max(0, t[i * stride + width]) / aie;
                // Ties go to the smallest basic subscript (Bland's leaving rule; harmless under Dantzig).
                double slackTie = tol * Math.Max(1, minRatio);
                if (leaving < 0 || ratio < minRatio - slackTie) { leaving = i; minRatio = ratio; }
                else if (ratio <= minRatio + slackTie && _basis[i] < _basis[leaving]) { leaving = i; minRatio = Math.Min(minRatio, ratio); }
            }
            if (leaving < 0) return LpStatus.Unbounded;
            if (Pivots >= limit) return LpStatus.IterationLimit;

            if (minRatio <= tol) degenerateRun++; else degenerateRun = 0;
            if (bland) BlandPivots++;
            Pivot(t, leaving, entering);
            Pivots++;
        }
    }

    /// <summary>Pivots basic artificials at zero out of the basis after phase 1; a row with no other nonzero entry is redundant and keeps its artificial.</summary>
    private void DriveOutArtificials(Span<double> t)
    {
        int firstArtificial = _columns + _rows;
        for (int i = 0; i < _rows; i++)
        {
            if (_basis[i] < firstArtificial) continue;
            int best = -1;
            double bestAbs = Tolerance;
            for (int j = 0; j < firstArtificial; j++)
            {
                double v = Math.Abs(t[i * _stride + j]);
                if (_canEnter[j] && v > bestAbs) { bestAbs = v; best = j; }
            }
            if (best >= 0) { Pivot(t, i, best); Pivots++; }
        }
    }

    /// <summary>Gauss-Jordan pivot on (r, e): row r divided by its pivot, every other row (the objective row too) cleared in column e.</summary>
    private void Pivot(Span<double> t, int r, int e)
    {
        int stride = _stride;
        Span<double> pivotRow = t.Slice(r * stride, stride);
        double inv = 1 / pivotRow[e];
        for (int j = 0; j < stride; j++) pivotRow[j] *= inv;
        pivotRow[e] = 1;
        for (int i = 0; i <= _rows; i++)
        {
            if (i == r) continue;
            Span<double> row = t.Slice(i * stride, stride);
            double f = row[e];
            if (f == 0) continue;
            SubtractScaled(row, pivotRow, f);
            row[e] = 0;
        }
        _basis[r] = e;
    }

    /// <summary>y −= f·x, vectorized.</summary>
    private static void SubtractScaled(Span<double> y, ReadOnlySpan<double> x, double f)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vf = new Vector<double>(f);
            int w = Vector<double>.Count;
            for (; i <= y.Length - w; i += w)
                (new Vector<double>(y.Slice(i)) - vf * new Vector<double>(x.Slice(i))).CopyTo(y.Slice(i));
        }
        for (; i < y.Length; i++) y[i] -= f * x[i];
    }
}
