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
    private readonly double _beta1, _beta2, _epsilon;
    private GradientIteration<TProblem> _it;
    private double[] _m, _v;

    /// <summary>Adam with the step schedule <paramref name="step"/>, β₁, β₂ in [0, 1) and ε &gt; 0 (the paper's defaults).</summary>
    public Adam(StepSchedule step, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        _it = new GradientIteration<TProblem>(step, projected: true);
        if (!(beta1 >= 0 && beta1 < 1)) throw new ArgumentException($"beta1 must be in [0, 1), not {beta1}");
        if (!(beta2 >= 0 && beta2 < 1)) throw new ArgumentException($"beta2 must be in [0, 1), not {beta2}");
        if (!(epsilon > 0)) throw new ArgumentException($"epsilon must be positive, not {epsilon}");
        _beta1 = beta1;
        _beta2 = beta2;
        _epsilon = epsilon;
        _m = _v = [];
    }

    /// <inheritdoc/>
    public void Reset(TProblem problem, long iterations, ref RandomStream random)
    {
        _it.Reset(problem, iterations, ref random);
        _m = new double[_it.B.X.Length];
        _v = new double[_it.B.X.Length];
    }

    /// <inheritdoc/>
    public void Step(long k, ref RandomStream random)
    {
        _it.Gradient(k);
        double eta = _it.Eta(k);
        double c1 = 1 - Math.Pow(_beta1, k), c2 = 1 - Math.Pow(_beta2, k);
        var x = _it.B.X;
        var g = _it.B.Gradient;
        for (int i = 0; i < x.Length; i++)
        {
            _m[i] = _beta1 * _m[i] + (1 - _beta1) * g[i];
            _v[i] = _beta2 * _v[i] + (1 - _beta2) * g[i] * g[i];
            x[i] -= eta * (_m[i] / c1) / (Math.Sqrt(_v[i] / c2) + _epsilon);
        }
        _it.Finish(k);
    }

    /// <inheritdoc/>
    public readonly ReadOnlySpan<double> Iterate => _it.B.X;
    /// <inheritdoc/>
    public readonly ReadOnlySpan<double> Average => _it.B.Average;
    /// <inheritdoc/>
    public readonly double LastObjective => _it.B.LastObjective;
    /// <inheritdoc/>
    public readonly double Penalty(ReadOnlySpan<double> x) => 0;
}
