using System;
using RlSpec.Runtime.Dynamics;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Learning.PolicyOptimization;

/// <summary>
/// Projected gradient ascent with the direct parameterization θ_{s,a} = π(a|s) (Agarwal, Kakade, Lee and Mahajan
/// 2021, "On the theory of policy gradient methods", direct parameterization):
/// π ← Proj_{Δ^S}(π + η·∇_π V^π(ρ)) with ∂V^π(ρ)/∂π(a|s) = d^π_ρ(s)·Q^π(s,a)/(1 − γ), projected onto the simplex
/// of every state. Exact only (the gradient needs d^π).
/// </summary>
public struct ProjectedPolicyGradient : IPolicyOptimizer
{
    private readonly double _step;
    private ExactPolicyEvaluation _evaluation;
    private double[] _policy, _values, _q, _visitation, _start, _scratch;
    private double _gamma;

    /// <summary>Projected PG with step η.</summary>
    public ProjectedPolicyGradient(double step)
    {
        PolicyQ.CheckStep(step);
        _step = step;
        _evaluation = null!;
        _policy = _values = _q = _visitation = _start = _scratch = [];
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
        _values = new double[n];
        _q = new double[_policy.Length];
        _visitation = new double[n];
        _scratch = new double[_evaluation.ActionCount];
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
            for (int a = 0; a < actions; a++) _policy[s * actions + a] += weight * _q[s * actions + a];
            EuclideanProjection.Simplex(_policy.AsSpan(s * _evaluation.ActionCount, _evaluation.ActionCount), _scratch, new EnabledActions(_evaluation, s));
        }
    }

    /// <inheritdoc/>
    public readonly ReadOnlySpan<double> Policy => _policy;

    /// <inheritdoc/>
    public readonly double Regularization => 0;
}
