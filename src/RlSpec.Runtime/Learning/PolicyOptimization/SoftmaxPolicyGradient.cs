using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Learning.PolicyOptimization;

/// <summary>
/// Policy gradient ascent with the softmax parameterization π_θ(a|s) ∝ exp(θ_{s,a}) and exact gradients
/// (Agarwal, Kakade, Lee and Mahajan 2021, "On the theory of policy gradient methods", the policy gradient theorem for softmax):
/// θ ← θ + η·∂V^{π_θ}(ρ)/∂θ with ∂V^{π_θ}(ρ)/∂θ_{s,a} = d^{π_θ}_ρ(s)·π_θ(a|s)·A^{π_θ}(s,a)/(1 − γ). Its O(1/k) rate
/// has constants that can be exponential in the state count (Mei, Xiao, Szepesvári and Schuurmans 2020; Li, Wei,
/// Chi, Gu and Chen 2021): states the policy rarely visits get vanishing gradients (the plateau). θ₀ = log π₀.
/// Exact only (the gradient needs d^π and A^π).
/// </summary>
public struct SoftmaxPolicyGradient : IPolicyOptimizer
{
    private readonly double _step;
    private ExactPolicyEvaluation _evaluation;
    private double[] _policy, _theta, _values, _q, _visitation, _start;
    private double _gamma;

    /// <summary>Softmax PG with step η.</summary>
    public SoftmaxPolicyGradient(double step)
    {
        PolicyQ.CheckStep(step);
        _step = step;
        _evaluation = null!;
        _policy = _theta = _values = _q = _visitation = _start = [];
    }

    /// <inheritdoc/>
    public void Reset(PolicyOptimizationSetup setup)
    {
        setup.Validate();
        _evaluation = new ExactPolicyEvaluation(setup);
        _gamma = setup.Discount;
        _start = setup.Start;
        int n = _evaluation.StateCount;
        _policy = new double[n * _evaluation.ActionCount];
        if (setup.InitialPolicy is { } initial) initial.AsSpan().CopyTo(_policy);
        else _evaluation.Uniform(_policy);
        _theta = new double[_policy.Length];
        MultiplicativeUpdate.Logits(_evaluation, _policy, _theta);
        _values = new double[n];
        _q = new double[_policy.Length];
        _visitation = new double[n];
    }

    /// <inheritdoc/>
    public void Step(long k, ref RandomStream random)
    {
        _evaluation.Values(_policy, _values);
        _evaluation.QValues(_values, _q);
        _evaluation.Visitation(_policy, _start, _visitation);
        int actions = _evaluation.ActionCount;
        for (int s = 0; s < _evaluation.StateCount; s++)
        {
            double weight = _step * _visitation[s] / (1 - _gamma);
            for (int a = 0; a < actions; a++)
            {
                int i = s * actions + a;
                if (_evaluation.Row(s, a) < 0 || _policy[i] == 0) continue;
                _theta[i] += weight * _policy[i] * (_q[i] - _values[s]);
            }
            // π_θ = softmax(θ): the shared normalizer with a zero step
            MultiplicativeUpdate.Apply(_evaluation, s, _theta, _q, 1, 0, _policy);
        }
    }

    /// <inheritdoc/>
    public readonly ReadOnlySpan<double> Policy => _policy;

    /// <inheritdoc/>
    public readonly double Regularization => 0;
}
