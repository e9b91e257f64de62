using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Optimization.Methods;

/// <summary>
/// Nesterov's accelerated gradient method (Nesterov 1983; 2004, §2.2), projected onto the domains:
/// y_k = x_k + β_k (x_k − x_{k−1}), x_{k+1} = Π(y_k − η ∇f(y_k)), with η = 1/L and
/// β = (1 − √(μη))/(1 + √(μη)) for a μ-strongly convex f (rate (1 − √(μ/L))^k), or β_k = (k − 1)/(k + 2) when μ = 0
/// (f(x_k) − f* = O(L‖x₀ − x*‖²/k²)).
/// </summary>
public struct Nesterov<TProblem> : IFirstOrderMethod<TProblem> where TProblem : struct, IOptimizationProblem
{
    private readonly double _step, _strongConvexity;
    private TProblem _problem;
    private IterateBuffers _b;
    private double[] _previous, _y;

    /// <summary>Nesterov's method with step η = 1/L and strong-convexity modulus μ ≥ 0 (0: the convex variant).</summary>
    public Nesterov(double step, double strongConvexity = 0)
    {
        if (!(step > 0) || double.IsInfinity(step)) throw new ArgumentException($"the step size must be positive and finite, not {step}");
        if (!(strongConvexity >= 0) || strongConvexity * step > 1) throw new ArgumentException($"the strong convexity μ must be in [0, 1/step], not {strongConvexity}");
        _step = step;
        _strongConvexity = strongConvexity;
        _b = new IterateBuffers();
        _previous = _y = [];
    }

    /// <inheritdoc/>
    public void Reset(TProblem problem, long iterations, ref RandomStream random)
    {
        _problem = problem;
        _b = IterateBuffers.Start(ref _problem, ref random);
        _problem.Project(_b.X);
        _b.X.AsSpan().CopyTo(_b.Average);
        _previous = (double[])_b.X.Clone();
        _y = new double[_b.X.Length];
    }

    /// <inheritdoc/>
    public void Step(long k, ref RandomStream random)
    {
        double beta;
        if (_strongConvexity > 0)
        {
            double q = Math.Sqrt(_strongConvexity * _step);
            beta = (1 - q) / (1 + q);
        }
        else beta = (k - 1.0) / (k + 2.0);
        var x = _b.X;
        for (int i = 0; i < x.Length; i++)
        {
            _y[i] = x[i] + beta * (x[i] - _previous[i]);
            _previous[i] = x[i];
        }
        _b.LastObjective = _problem.Gradient(_y, _b.Gradient, k);
        for (int i = 0; i < x.Length; i++) x[i] = _y[i] - _step * _b.Gradient[i];
        _problem.Project(x);
        _b.Accumulate(k);
    }

    /// <inheritdoc/>
    public readonly ReadOnlySpan<double> Iterate => _b.X;
    /// <inheritdoc/>
    public readonly ReadOnlySpan<double> Average => _b.Average;
    /// <inheritdoc/>
    public readonly double LastObjective => _b.LastObjective;
    /// <inheritdoc/>
    public readonly double Penalty(ReadOnlySpan<double> x) => 0;
}
