using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Optimization.Methods;

/// <summary>
/// Proximal gradient for a composite problem F(x) = f(x) + λ‖x_v‖₁ (the declaration's <c>regularize l1(x, λ)</c>,
/// <see cref="ICompositeProblem"/>): ISTA x_{k+1} = prox_{ηλ‖·‖₁}(x_k − η ∇f(x_k)), the prox the soft-threshold
/// S_τ(v) = sign(v) max(|v| − τ, 0) (Daubechies, Defrise and De Mol 2004), or FISTA with Nesterov's momentum
/// t_{k+1} = (1 + √(1 + 4t_k²))/2, y_{k+1} = x_{k+1} + ((t_k − 1)/t_{k+1})(x_{k+1} − x_k) (Beck and Teboulle 2009).
/// η = 1/L of the smooth part. Runs on unconstrained (real) variables only: the l1 prox composed with a projection
/// is not the prox of the sum in general.
/// </summary>
public struct ProximalGradient<TProblem> : IFirstOrderMethod<TProblem> where TProblem : struct, ICompositeProblem
{
    private readonly double _step;
    private readonly bool _accelerated;
    private TProblem _problem;
    private IterateBuffers _b;
    private double[] _previous, _y;
    private double _t;

    /// <summary>ISTA (or FISTA when <paramref name="accelerated"/>) with step η = 1/L.</summary>
    public ProximalGradient(double step, bool accelerated = false)
    {
        if (!(step > 0) || double.IsInfinity(step)) throw new ArgumentException($"the step size must be positive and finite, not {step}");
        _step = step;
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
        _b.LastObjective = _problem.SmoothGradient(at, _b.Gradient, k) + _problem.Regularizer(at);
        for (int i = 0; i < x.Length; i++)
        {
            _previous[i] = x[i];
            x[i] = at[i] - _step * _b.Gradient[i];
        }
        _problem.Proximal(x, _step);
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
    /// <inheritdoc/>
    public readonly double Penalty(ReadOnlySpan<double> x) => 0; // the problem's objective includes its regularizer
}
