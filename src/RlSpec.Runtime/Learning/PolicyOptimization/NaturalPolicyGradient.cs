using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Learning.PolicyOptimization;

/// <summary>
/// Natural policy gradient with the softmax parameterization (Kakade 2001; exact tabular form in Agarwal, Kakade,
/// Lee and Mahajan 2021, "On the theory of policy gradient methods", Lemma 5.1):
/// π_{k}(a|s) ∝ π_{k−1}(a|s)·exp(η_k·A^{π_{k−1}}(s,a)/(1 − γ)) (equivalently with Q, which differs by a per-state
/// constant). Step sizes η_k = η·growth^{k−1}: growth = 1 is the constant step (sublinear O(1/k) rate), growth &gt; 1
/// the geometrically increasing steps of Xiao 2022 ("On the convergence rates of policy gradient methods",
/// Theorem 10) and Lan 2022, which converge linearly. <c>samples</c> &gt; 0 replaces Q by Monte Carlo estimates.
/// </summary>
public struct NaturalPolicyGradient : IPolicyOptimizer
{
    private readonly double _step, _growth;
    private readonly int _samples;
    private ExactPolicyEvaluation _evaluation;
    private PolicyQ _q;
    private double[] _policy, _logits;
    private double _gamma;

    /// <summary>NPG with step η, growth factor of the steps, and Monte Carlo rollouts per (s, a) (0 = exact Q).</summary>
    public NaturalPolicyGradient(double step, double growth, int samples)
    {
        PolicyQ.CheckStep(step);
        PolicyQ.CheckStep(growth, nameof(growth));
        PolicyQ.CheckSamples(samples);
        _step = step;
        _growth = growth;
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
        _gamma = setup.Discount;
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
        double eta = _step * Math.Pow(_growth, k - 1);
        for (int s = 0; s < _evaluation.StateCount; s++)
            MultiplicativeUpdate.Apply(_evaluation, s, _logits, _q.Q, 1, eta / (1 - _gamma), _policy);
    }

    /// <inheritdoc/>
    public readonly ReadOnlySpan<double> Policy => _policy;

    /// <inheritdoc/>
    public readonly double Regularization => 0;
}
