using System;
using System.Collections.Generic;
using RlSpec.Runtime.Optimization;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Tests.Runtime.Optimization;

/// <summary>f(x) = ½ xᵀ A x − bᵀ x for a dense symmetric positive definite A (hand-written, as O1's compiler would emit).</summary>
internal readonly struct Quadratic : IOptimizationProblem
{
    private readonly double[] _a, _b, _start;
    private readonly int _n;
    private readonly VariableBlock[] _variables;

    public Quadratic(double[] a, double[] b, double[] start, VariableDomain domain = VariableDomain.Reals, double lower = 0, double upper = 0)
    {
        _a = a; _b = b; _start = start; _n = b.Length;
        _variables = [new VariableBlock("x", 0, _n, 1, domain, lower, upper, false)];
    }

    /// <summary>A diagonal quadratic with the given eigenvalues, b = A·1 (x* = 1) and x₀ = 0 (… shifted by <paramref name="shift"/>).</summary>
    public static Quadratic Diagonal(double[] eigenvalues, double shift = 0)
    {
        int n = eigenvalues.Length;
        var a = new double[n * n];
        var b = new double[n];
        for (int i = 0; i < n; i++) { a[i * n + i] = eigenvalues[i]; b[i] = eigenvalues[i] * (1 + shift * i); }
        return new Quadratic(a, b, new double[n]);
    }

    public double[] Matrix => _a;
    public double[] Linear => _b;
    public IReadOnlyList<VariableBlock> Variables => _variables;
    public int Dimension => _n;
    public int Terms => 1;
    public bool IsOnline => false;
    public void Initialize(Span<double> x, ref RandomStream random) => _start.CopyTo(x);

    public double Objective(ReadOnlySpan<double> x, long round)
    {
        double f = 0;
        for (int i = 0; i < _n; i++)
        {
            double ax = 0;
            for (int j = 0; j < _n; j++) ax += _a[i * _n + j] * x[j];
            f += 0.5 * x[i] * ax - _b[i] * x[i];
        }
        return f;
    }

    public double Gradient(ReadOnlySpan<double> x, Span<double> gradient, long round)
    {
        double f = 0;
        for (int i = 0; i < _n; i++)
        {
            double ax = 0;
            for (int j = 0; j < _n; j++) ax += _a[i * _n + j] * x[j];
            gradient[i] = ax - _b[i];
            f += 0.5 * x[i] * ax - _b[i] * x[i];
        }
        return f;
    }

    public double TermGradient(ReadOnlySpan<double> x, int term, Span<double> gradient, long round) => Gradient(x, gradient, round);

    public void Project(Span<double> x)
    {
        var v = _variables[0];
        switch (v.Domain)
        {
            case VariableDomain.Box: for (int i = 0; i < x.Length; i++) x[i] = Math.Clamp(x[i], v.Lower, v.Upper); break;
            case VariableDomain.Nonnegative: for (int i = 0; i < x.Length; i++) x[i] = Math.Max(x[i], 0); break;
            case VariableDomain.Ball:
                double norm = 0;
                foreach (double e in x) norm += e * e;
                norm = Math.Sqrt(norm);
                if (norm > v.Upper) for (int i = 0; i < x.Length; i++) x[i] *= v.Upper / norm;
                break;
            case VariableDomain.Simplex: SimplexProject(x); break;
        }
    }

    /// <summary>Sort-free simplex projection by bisection on the threshold (test-local, independent of the runtime's).</summary>
    internal static void SimplexProject(Span<double> x)
    {
        double lo = -1e300, hi = 1e300;
        foreach (double e in x) { lo = Math.Max(lo, e - 1); }
        hi = lo + 1;
        for (int it = 0; it < 200; it++)
        {
            double mid = 0.5 * (lo + hi), s = 0;
            foreach (double e in x) s += Math.Max(e - mid, 0);
            if (s > 1) lo = mid; else hi = mid;
        }
        double tau = 0.5 * (lo + hi);
        for (int i = 0; i < x.Length; i++) x[i] = Math.Max(x[i] - tau, 0);
    }

    public IReadOnlyList<string> MetricNames => ["x0"];
    public void Metrics(ReadOnlySpan<double> x, Span<double> values) => values[0] = x[0];
}

/// <summary>
/// f(x) = (1/2m) ‖Dx − y‖² + λ‖x‖₁ as a finite sum of m terms ½ (d_iᵀx − y_i)² (term gradients scaled by 1, their
/// average is ∇f) plus the regularizer (as O1's emitted composite problems do).
/// </summary>
internal readonly struct LeastSquares : ICompositeProblem
{
    private readonly double[] _d, _y;
    private readonly int _m, _n;
    private readonly double _lambda;
    private readonly VariableBlock[] _variables;

    public LeastSquares(double[] d, double[] y, int m, int n, double lambda = 0)
    {
        _d = d; _y = y; _m = m; _n = n; _lambda = lambda;
        _variables = [new VariableBlock("x", 0, n, 1, VariableDomain.Reals, 0, 0, false)];
    }

    /// <summary>A seeded Gaussian design D (m × n, entries N(0, 1)) and y = D x_true + noise.</summary>
    public static LeastSquares Random(int m, int n, ulong seed, double noise, out double[] truth)
    {
        var r = RandomStream.Create(seed, 1);
        var d = new double[m * n];
        for (int i = 0; i < d.Length; i++) d[i] = Sampling.Normal(ref r, 0, 1);
        truth = new double[n];
        for (int j = 0; j < n; j++) truth[j] = j % 3 == 0 ? Sampling.Normal(ref r, 0, 1) : 0;
        var y = new double[m];
        for (int i = 0; i < m; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++) s += d[i * n + j] * truth[j];
            y[i] = s + noise * Sampling.Normal(ref r, 0, 1);
        }
        return new LeastSquares(d, y, m, n);
    }

    public LeastSquares WithL1(double lambda) => new(_d, _y, _m, _n, lambda);

    public double Regularizer(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (double v in x) s += Math.Abs(v);
        return _lambda * s;
    }

    public void Proximal(Span<double> x, double step)
    {
        double tau = step * _lambda;
        for (int i = 0; i < x.Length; i++) x[i] = x[i] > tau ? x[i] - tau : x[i] < -tau ? x[i] + tau : 0;
    }

    public double SmoothGradient(ReadOnlySpan<double> x, Span<double> gradient, long round)
    {
        gradient.Clear();
        double f = 0;
        for (int i = 0; i < _m; i++)
        {
            double r = Residual(x, i);
            f += 0.5 * r * r;
            for (int j = 0; j < _n; j++) gradient[j] += r * _d[i * _n + j] / _m;
        }
        return f / _m;
    }

    public double[] Design => _d;
    public double[] Targets => _y;
    public IReadOnlyList<VariableBlock> Variables => _variables;
    public int Dimension => _n;
    public int Terms => _m;
    public bool IsOnline => false;
    public void Initialize(Span<double> x, ref RandomStream random) => x.Clear();

    public double Objective(ReadOnlySpan<double> x, long round)
    {
        double f = 0;
        for (int i = 0; i < _m; i++)
        {
            double r = Residual(x, i);
            f += 0.5 * r * r;
        }
        return f / _m + Regularizer(x);
    }

    private double Residual(ReadOnlySpan<double> x, int i)
    {
        double s = -_y[i];
        for (int j = 0; j < _n; j++) s += _d[i * _n + j] * x[j];
        return s;
    }

    public double Gradient(ReadOnlySpan<double> x, Span<double> gradient, long round)
    {
        double f = SmoothGradient(x, gradient, round);
        for (int j = 0; j < _n; j++) gradient[j] += _lambda * Math.Sign(x[j]);
        return f + Regularizer(x);
    }

    public double TermGradient(ReadOnlySpan<double> x, int term, Span<double> gradient, long round)
    {
        double r = Residual(x, term);
        for (int j = 0; j < _n; j++) gradient[j] = r * _d[term * _n + j] + _lambda * Math.Sign(x[j]);
        return 0.5 * r * r + Regularizer(x);
    }

    public void Project(Span<double> x) { }
    public IReadOnlyList<string> MetricNames => [];
    public void Metrics(ReadOnlySpan<double> x, Span<double> values) { }
}

/// <summary>Online linear losses f_t(x) = c_t x on the box [−1, 1], c_t = ±1 drawn once from a seed (the Ω(√T) lower-bound sequence).</summary>
internal readonly struct RandomSignLosses : IOptimizationProblem
{
    private readonly double[] _c;
    private readonly VariableBlock[] _variables;

    public RandomSignLosses(int rounds, ulong seed)
    {
        var r = RandomStream.Create(seed, 7);
        _c = new double[rounds];
        for (int t = 0; t < rounds; t++) _c[t] = r.NextDouble() < 0.5 ? -1 : 1;
        _variables = [new VariableBlock("x", 0, 1, 1, VariableDomain.Box, -1, 1, false)];
    }

    public double Sign(long round) => _c[round - 1];
    public IReadOnlyList<VariableBlock> Variables => _variables;
    public int Dimension => 1;
    public int Terms => 1;
    public bool IsOnline => true;
    public void Initialize(Span<double> x, ref RandomStream random) => x[0] = 0;
    public double Objective(ReadOnlySpan<double> x, long round) => _c[round - 1] * x[0];
    public double Gradient(ReadOnlySpan<double> x, Span<double> gradient, long round) { gradient[0] = _c[round - 1]; return _c[round - 1] * x[0]; }
    public double TermGradient(ReadOnlySpan<double> x, int term, Span<double> gradient, long round) => Gradient(x, gradient, round);
    public void Project(Span<double> x) => x[0] = Math.Clamp(x[0], -1, 1);
    public IReadOnlyList<string> MetricNames => [];
    public void Metrics(ReadOnlySpan<double> x, Span<double> values) { }
}

/// <summary>f(x, y) = xᵀ A y, x ∈ X, y ∈ Y (reals, or simplices for a matrix game); the max player is y.</summary>
internal readonly struct Bilinear : IOptimizationProblem
{
    private readonly double[] _a, _start;
    private readonly int _n, _m;
    private readonly VariableBlock[] _variables;

    public Bilinear(double[] a, int n, int m, double[] start, VariableDomain domain = VariableDomain.Reals)
    {
        _a = a; _n = n; _m = m; _start = start;
        _variables = [new VariableBlock("x", 0, n, 1, domain, 0, 0, false), new VariableBlock("y", n, m, 1, domain, 0, 0, true)];
    }

    public double[] Matrix => _a;
    public double[] Start => _start;
    public IReadOnlyList<VariableBlock> Variables => _variables;
    public int Dimension => _n + _m;
    public int Terms => 1;
    public bool IsOnline => false;
    public void Initialize(Span<double> x, ref RandomStream random) => _start.CopyTo(x);

    public double Objective(ReadOnlySpan<double> z, long round)
    {
        double f = 0;
        for (int i = 0; i < _n; i++) for (int j = 0; j < _m; j++) f += z[i] * _a[i * _m + j] * z[_n + j];
        return f;
    }

    public double Gradient(ReadOnlySpan<double> z, Span<double> g, long round)
    {
        g.Clear();
        for (int i = 0; i < _n; i++)
            for (int j = 0; j < _m; j++)
            {
                g[i] += _a[i * _m + j] * z[_n + j];
                g[_n + j] += z[i] * _a[i * _m + j];
            }
        return Objective(z, round);
    }

    public double TermGradient(ReadOnlySpan<double> x, int term, Span<double> gradient, long round) => Gradient(x, gradient, round);

    public void Project(Span<double> z)
    {
        if (_variables[0].Domain != VariableDomain.Simplex) return;
        Quadratic.SimplexProject(z[.._n]);
        Quadratic.SimplexProject(z[_n..]);
    }

    public IReadOnlyList<string> MetricNames => [];
    public void Metrics(ReadOnlySpan<double> x, Span<double> values) { }
}
