using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Learning.PolicyOptimization;

/// <summary>
/// Policy mirror descent with the KL divergence (Xiao 2022, "On the convergence rates of policy gradient methods",
/// Lan 2022): π_k(·|s) = argmax_p { η⟨Q^{π_{k−1}}(s,·), p⟩ − KL(p ‖ π_{k−1}(·|s)) }, in closed form
/// π_k(a|s) ∝ π_{k−1}(a|s)·exp(η·Q^{π_{k−1}}(s,a)). With a constant step, V*(ρ) − V^{π_k}(ρ) ≤
/// (1/(k(1 − γ)))·(E_{s~d*}[KL(π*(·|s) ‖ π₀(·|s))]/η + 1/(1 − γ)) for rewards in [0, 1] (Xiao 2022, the sublinear rate with a constant step):
/// the C/k rate. It is NPG with step η(1 − γ). <c>samples</c> &gt; 0 replaces Q by Monte Carlo estimates.
/// </summary>
public struct PolicyMirrorDescentKl : IPolicyOptimizer
{
    private readonly double _step;
    private readonly int _samples;
    private ExactPolicyEvaluation _evaluation;
    private PolicyQ _q;
    private double[] _policy, _logits;

    /// <summary>PMD-KL with constant step η and Monte Carlo rollouts per (s, a) (0 = exact Q).</summary>
    public PolicyMirrorDescentKl(double step, int samples)
    {
        PolicyQ.CheckStep(step);
        PolicyQ.CheckSamples(samples);
        _step = step;
        _samples = samples;
        _evaluation = null!;
        _q = null!;
        _policy = _logits = [];
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
        _logits = new double[_policy.Length];
        MultiplicativeUpdate.Logits(_evaluation, _policy, _logits);
    }

    /// <inheritdoc/>
    public void Step(long k, ref RandomStream random)
    {
        _q.Compute(_policy, 0, ref random);
        for (int s = 0; s < _evaluation.StateCount; s++)
            MultiplicativeUpdate.Apply(_evaluation, s, _logits, _q.Q, 1, _step, _policy);
    }

    /// <inheritdoc/>
    public readonly ReadOnlySpan<double> Policy => _policy;

    /// <inheritdoc/>
    public readonly double Regularization => 0;
}
