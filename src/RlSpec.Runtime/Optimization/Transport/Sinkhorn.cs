using System;

namespace RlSpec.Runtime.Optimization.Transport;

/// <summary>
/// Sinkhorn's algorithm for entropic optimal transport (Cuturi 2013): min_P ⟨C, P⟩ − ε H(P) over couplings P with
/// row sums a and column sums b, by alternating the dual potentials in the log domain (stabilized: no exp(−C/ε)
/// kernel that underflows for small ε; Peyré and Cuturi 2019, "Computational Optimal Transport", §4.4):
/// f_i = ε log a_i − ε log Σ_j exp((g_j − C_ij)/ε), g_j = ε log b_j − ε log Σ_i exp((f_i − C_ij)/ε),
/// P_ij = exp((f_i + g_j − C_ij)/ε). After each step the column sums are exact and the row-marginal error
/// ‖P1 − a‖₁ falls geometrically (Franklin and Lorenz 1989). Every step allocates nothing.
/// </summary>
public sealed class Sinkhorn
{
    private readonly double[] _cost, _logA, _logB, _f, _g;
    private readonly int _rows, _columns;
    private readonly double _epsilon;

    /// <summary>
    /// A solver for the dense <paramref name="rows"/> × <paramref name="columns"/> cost matrix <paramref name="cost"/>
    /// (row-major), the marginals <paramref name="a"/> and <paramref name="b"/> (positive, equal sums) and ε &gt; 0.
    /// </summary>
    public Sinkhorn(double[] cost, int rows, int columns, double[] a, double[] b, double epsilon)
    {
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (rows < 1 || columns < 1 || cost.Length != (long)rows * columns) throw new ArgumentException($"the cost matrix must have {rows}×{columns} entries, not {cost.Length}");
        if (a.Length != rows || b.Length != columns) throw new ArgumentException($"the marginals must have lengths {rows} and {columns}, not {a.Length} and {b.Length}");
        if (!(epsilon > 0) || double.IsInfinity(epsilon)) throw new ArgumentException($"the regularization ε must be positive and finite, not {epsilon}");
        foreach (double c in cost) if (!double.IsFinite(c)) throw new ArgumentException("the cost matrix must be finite");
        double sa = 0, sb = 0;
        foreach (double v in a) { if (!(v > 0)) throw new ArgumentException($"marginal entries must be positive, not {v}"); sa += v; }
        foreach (double v in b) { if (!(v > 0)) throw new ArgumentException($"marginal entries must be positive, not {v}"); sb += v; }
        if (Math.Abs(sa - sb) > TransportData.MassTolerance * Math.Max(sa, sb)) throw new ArgumentException($"the marginals must have equal sums, not {sa} and {sb}");
        _cost = cost;
        _rows = rows;
        _columns = columns;
        _epsilon = epsilon;
        _logA = Array.ConvertAll(a, Math.Log);
        _logB = Array.ConvertAll(b, Math.Log);
        _f = new double[rows];
        _g = new double[columns];
    }

    /// <summary>A solver for a declared transport problem (its data copied).</summary>
    public static Sinkhorn For(ITransportProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new Sinkhorn(problem.Cost.ToArray(), problem.Rows, problem.Columns, problem.Source.ToArray(), problem.Target.ToArray(), problem.Epsilon);
    }

    /// <summary>The row potential f.</summary>
    public ReadOnlySpan<double> RowPotential => _f;

    /// <summary>The column potential g.</summary>
    public ReadOnlySpan<double> ColumnPotential => _g;

    /// <summary>One Sinkhorn iteration: the row update, then the column update.</summary>
    public void Step()
    {
        double eps = _epsilon;
        for (int i = 0; i < _rows; i++)
        {
            var c = _cost.AsSpan(i * _columns, _columns);
            double max = double.NegativeInfinity;
            for (int j = 0; j < _columns; j++) max = Math.Max(max, (_g[j] - c[j]) / eps);
            double s = 0;
            for (int j = 0; j < _columns; j++) s += Math.Exp((_g[j] - c[j]) / eps - max);
            _f[i] = eps * (_logA[i] - max - Math.Log(s));
        }
        for (int j = 0; j < _columns; j++)
        {
            double max = double.NegativeInfinity;
            for (int i = 0; i < _rows; i++) max = Math.Max(max, (_f[i] - _cost[i * _columns + j]) / eps);
            double s = 0;
            for (int i = 0; i < _rows; i++) s += Math.Exp((_f[i] - _cost[i * _columns + j]) / eps - max);
            _g[j] = eps * (_logB[j] - max - Math.Log(s));
        }
    }

    /// <summary>The plan entry P_ij.</summary>
    public double Plan(int i, int j) => Math.Exp((_f[i] + _g[j] - _cost[i * _columns + j]) / _epsilon);

    /// <summary>The row-marginal error ‖P1 − a‖₁ (the column sums are exact after a step).</summary>
    public double MarginalError()
    {
        double error = 0;
        for (int i = 0; i < _rows; i++)
        {
            double s = 0;
            for (int j = 0; j < _columns; j++) s += Plan(i, j);
            error += Math.Abs(s - Math.Exp(_logA[i]));
        }
        return error;
    }

    /// <summary>The transport cost ⟨C, P⟩ of the current plan.</summary>
    public double TransportCost()
    {
        double total = 0;
        for (int i = 0; i < _rows; i++)
            for (int j = 0; j < _columns; j++) total += _cost[i * _columns + j] * Plan(i, j);
        return total;
    }
}
