using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Learning.PolicyOptimization;

/// <summary>
/// Policy iteration (Howard 1960) as the reference curve: every iteration evaluates π_{k−1} exactly and takes the
/// greedy policy π_k(s) = argmax_a Q^{π_{k−1}}(s,a) (lowest action on ties; a state keeps its action unless another
/// beats it by more than 1e-12·(1 + |Q|), so it stops). It is NPG with an infinite step, and it reaches π* in finitely
/// many iterations. Exact only; takes no parameters.
/// </summary>
public struct PolicyIterationReference : IPolicyOptimizer
{
    private ExactPolicyEvaluation _evaluation;
    private double[] _policy, _values, _q;

    /// <summary>Policy iteration from the setup's initial policy.</summary>
    public PolicyIterationReference()
    {
        _evaluation = null!;
        _policy = _values = _q = [];
    }

    /// <inheritdoc/>
    public void Reset(PolicyOptimizationSetup setup)
    {
        setup.Validate();
        _evaluation = new ExactPolicyEvaluation(setup);
        _policy = new double[_evaluation.StateCount * _evaluation.ActionCount];
        if (setup.InitialPolicy is { } initial) initial.AsSpan().CopyTo(_policy);
        else _evaluation.Uniform(_policy);
        _values = new double[_evaluation.StateCount];
        _q = new double[_policy.Length];
    }

    /// <inheritdoc/>
    public void Step(long k, ref RandomStream random)
    {
        _evaluation.Values(_policy, _values);
        _evaluation.QValues(_values, _q);
        OptimalPolicy.Improve(_evaluation, _q, _policy);
    }

    /// <inheritdoc/>
    public readonly ReadOnlySpan<double> Policy => _policy;

    /// <inheritdoc/>
    public readonly double Regularization => 0;
}
