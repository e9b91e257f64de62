using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Optimization.Methods;

/// <summary>
/// Proximal gradient for F(x) = f(x) + λ‖x‖₁, f the problem's (smooth) objective: ISTA
/// x_{k+1} = S_{ηλ}(x_k − η ∇f(x_k)) with the soft-threshold S_τ(v) = sign(v) max(|v| − τ, 0) (Daubechies, Defrise
/// and De Mol 2004), or FISTA with Nesterov's momentum t_{k+1} = (1 + √(1 + 4t_k²))/2,
/// y_{k+1} = x_{k+1} + ((t_k − 1)/t_{k+1})(x_{k+1} − x_k) (Beck and Teboulle 2009). η = 1/L. Runs on unconstrained
/// (real) variables only: the l1 prox composed with a projection is not the prox of the sum in general.
/// </summary>
public struct ProximalGradient<TProblem> : IFirstOrderMethod<TProblem> where TProblem : struct, IOptimizationProblem
{
    private readonly double _step, _lambda;
    private readonly bool _accelerated;
    private TProblem _problem;
    private IterateBuffers _b;
    private double[] _previous, _y;
    private double _t;

    /// <summary>ISTA (or FISTA when <paramref name="accelerated"/>) with step η = 1/L and l1 weight λ ≥ 0.</summary>
    public ProximalGradient(double step, double lambda, bool accelerated = false)
    {
        if (!(step > 0) || double.IsInfinity(step)) throw new ArgumentException($"the step size must be positive and finite, not {step}");
        if (!(lambda >= 0) || double.IsInfinity(lambda)) throw new ArgumentException($"the l1 weight must be nonnegative and finite, not {lambda}");
        _step = step;
        _lambda = lambda;
        _accelerated = accelerated;
        _b = new IterateBuffers();
        _previous = _y = [];
        _t = 1;
    }

    /// <inheritdoc/>
    public void Reset(TProblem problem, long iterations, ref RandomStream random)
    {
        foreach (var v in problem.Variables)
            if (v.Domain != VariableDomain.Reals)
                throw new ArgumentException($"proximal gradient (l1) needs unconstrained variables, but '{v.Name}' is on the {v.Domain.ToString().ToLowerInvariant()} domain");
        _problem = problem;
        _b = IterateBuffers.Start(ref _problem, ref random);
        _previous = (double[])_b.X.Clone();
        _y = (double[])_b.X.Clone();
        _t = 1;
    }

    /// <inheritdoc/>
    public void Step(long k, ref RandomStream random)
    {
        var x = _b.X;
        double[] at = _accelerated ? _y : x;
        _b.LastObjective = _problem.Gradient(at, _b.Gradient, k);
        double tau = _step * _lambda;
        for (int i = 0; i < x.Length; i++)
        {
            double v = at[i] - _step * _b.Gradient[i];
            _previous[i] = x[i];
            x[i] = v > tau ? v - tau : v < -tau ? v + tau : 0;
        }
        if (_accelerated)
        {
            double next = (1 + Math.Sqrt(1 + 4 * _t * _t)) / 2, w = (_t - 1) / next;
            for (int i = 0; i < x.Length; i++) _y[i] = x[i] + w * (x[i] - _previous[i]);
            _t = next;
        }
        _b.Accumulate(k);
    }

    /// <inheritdoc/>
    public readonly ReadOnlySpan<double> Iterate => _b.X;
    /// <inheritdoc/>
    public readonly ReadOnlySpan<double> Average => _b.Average;
    /// <inheritdoc/>
    public readonly double LastObjective => _b.LastObjective;

    /// <summary>λ‖x‖₁.</summary>
    public readonly double Penalty(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (double v in x) s += Math.Abs(v);
        return _lambda * s;
    }
}
