using System;
using RlSpec.Runtime.Optimization.Schedules;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Optimization.Methods;

/// <summary>
/// Adam (Kingma and Ba 2015, Algorithm 1): m_k = β₁ m_{k−1} + (1 − β₁) g_k, v_k = β₂ v_{k−1} + (1 − β₂) g_k²,
/// x_{k+1} = Π(x_k − η_k m̂_k / (√v̂_k + ε)) with the bias corrections m̂ = m/(1 − β₁^k), v̂ = v/(1 − β₂^k).
/// </summary>
public struct Adam<TProblem> : IFirstOrderMethod<TProblem> where TProblem : struct, IOptimizationProblem
{
    private readonly StepSchedule _step;
    private readonly double _beta1, _beta2, _epsilon;
    private TProblem _problem;
    private IterateBuffers _b;
    private double[] _m, _v;
    private long _iterations;

    /// <summary>Adam with the step schedule <paramref name="step"/>, β₁, β₂ in [0, 1) and ε &gt; 0 (the paper's defaults).</summary>
    public Adam(StepSchedule step, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        step.Validate();
        if (!(beta1 >= 0 && beta1 < 1)) throw new ArgumentException($"beta1 must be in [0, 1), not {beta1}");
        if (!(beta2 >= 0 && beta2 < 1)) throw new ArgumentException($"beta2 must be in [0, 1), not {beta2}");
        if (!(epsilon > 0)) throw new ArgumentException($"epsilon must be positive, not {epsilon}");
        _step = step;
        _beta1 = beta1;
        _beta2 = beta2;
        _epsilon = epsilon;
        _b = new IterateBuffers();
        _m = _v = [];
    }

    /// <inheritdoc/>
    public void Reset(TProblem problem, long iterations, ref RandomStream random)
    {
        _problem = problem;
        _iterations = iterations;
        _b = IterateBuffers.Start(ref _problem, ref random);
        _problem.Project(_b.X);
        _b.X.AsSpan().CopyTo(_b.Average);
        _m = new double[_b.X.Length];
        _v = new double[_b.X.Length];
    }

    /// <inheritdoc/>
    public void Step(long k, ref RandomStream random)
    {
        _b.LastObjective = _problem.Gradient(_b.X, _b.Gradient, k);
        double eta = _step.At(k, _iterations);
        double c1 = 1 - Math.Pow(_beta1, k), c2 = 1 - Math.Pow(_beta2, k);
        var x = _b.X;
        var g = _b.Gradient;
        for (int i = 0; i < x.Length; i++)
        {
            _m[i] = _beta1 * _m[i] + (1 - _beta1) * g[i];
            _v[i] = _beta2 * _v[i] + (1 - _beta2) * g[i] * g[i];
            x[i] -= eta * (_m[i] / c1) / (Math.Sqrt(_v[i] / c2) + _epsilon);
        }
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
