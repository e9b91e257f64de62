using System;
using RlSpec.Runtime.Dynamics;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Learning.PolicyOptimization;

/// <summary>
/// Policy mirror descent with the squared Euclidean distance (Xiao 2022, "On the convergence rates of policy
/// gradient methods", Section 4, the projected Q-ascent): π_k(·|s) = Proj_Δ(π_{k−1}(·|s) + η·Q^{π_{k−1}}(s,·)), the
/// Euclidean projection onto the simplex of the enabled actions in every state (unweighted by the visitation,
/// unlike <see cref="ProjectedPolicyGradient"/>). <c>samples</c> &gt; 0 replaces Q by Monte Carlo estimates.
/// </summary>
public struct PolicyMirrorDescentEuclidean : IPolicyOptimizer
{
    private readonly double _step;
    private readonly int _samples;
    private ExactPolicyEvaluation _evaluation;
    private PolicyQ _q;
    private double[] _policy, _scratch;

    /// <summary>PMD-Euclidean with constant step η and Monte Carlo rollouts per (s, a) (0 = exact Q).</summary>
    public PolicyMirrorDescentEuclidean(double step, int samples)
    {
        PolicyQ.CheckStep(step);
        PolicyQ.CheckSamples(samples);
        _step = step;
        _samples = samples;
        _evaluation = null!;
        _q = null!;
        _policy = _scratch = [];
    }

    /// <inheritdoc/>
    public void Reset(PolicyOptimizationSetup setup)
    {
        setup.Validate();
        _evaluation = new ExactPolicyEvaluation(setup);
        _q = new PolicyQ(_evaluation, _samples);
        _policy = new double[_evaluation.StateCount * _evaluation.ActionCount];
        if (setup.InitialPolicy is { } initial) initial.AsSpan().CopyTo(_policy);
        else _evaluation.Uniform(_policy);
        _scratch = new double[_evaluation.ActionCount];
    }

    /// <inheritdoc/>
    public void Step(long k, ref RandomStream random)
    {
        _q.Compute(_policy, 0, ref random);
        var q = _q.Q;
        for (int i = 0; i < _policy.Length; i++) _policy[i] += _step * q[i];
        for (int s = 0; s < _evaluation.StateCount; s++) EuclideanProjection.Simplex(_policy.AsSpan(s * _evaluation.ActionCount, _evaluation.ActionCount), _scratch, new EnabledActions(_evaluation, s));
    }

    /// <inheritdoc/>
    public readonly ReadOnlySpan<double> Policy => _policy;

    /// <inheritdoc/>
    public readonly double Regularization => 0;
}
