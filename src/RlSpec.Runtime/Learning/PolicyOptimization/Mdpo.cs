using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Learning.PolicyOptimization;

/// <summary>
/// On-policy mirror descent policy optimization (Tomar, Shani, Efroni and Ghavamzadeh 2020, "Mirror descent policy
/// optimization", on-policy MDPO): π_k = argmax_π E_{s~d^{π_{k−1}}_ρ}[ E_{a~π}[A^{π_{k−1}}(s,a)] − (1/t)·KL(π(·|s) ‖ π_{k−1}(·|s)) ].
/// In the tabular case the objective separates over states and its exact maximizer is
/// π_k(a|s) ∝ π_{k−1}(a|s)·exp(t·A^{π_{k−1}}(s,a)) at every state the current policy visits (d^{π_{k−1}}_ρ(s) &gt; 0, decided by a graph search);
/// states it never visits carry no weight in the objective and keep their policy. (The paper approximates this
/// maximizer by several SGD steps on a parameterized policy; here it is solved exactly, so MDPO equals
/// <see cref="PolicyMirrorDescentKl"/> with η = t on the visited states.) <c>samples</c> &gt; 0 replaces Q by Monte
/// Carlo estimates (the advantage's baseline V cancels in the normalization).
/// </summary>
public struct Mdpo : IPolicyOptimizer
{
    private readonly double _step;
    private readonly int _samples;
    private ExactPolicyEvaluation _evaluation;
    private PolicyQ _q;
    private double[] _policy, _logits, _start;
    private bool[] _visited;

    /// <summary>MDPO with step t (the KL weight is 1/t) and Monte Carlo rollouts per (s, a) (0 = exact Q).</summary>
    public Mdpo(double step, int samples)
    {
        PolicyQ.CheckStep(step);
        PolicyQ.CheckSamples(samples);
        _step = step;
        _samples = samples;
        _evaluation = null!;
        _q = null!;
        _policy = _logits = _start = [];
        _visited = [];
    }

    /// <inheritdoc/>
    public void Reset(PolicyOptimizationSetup setup)
    {
        setup.Validate();
        _evaluation = new ExactPolicyEvaluation(setup);
        _q = new PolicyQ(_evaluation, _samples);
        _start = setup.Start;
        _policy = new double[_evaluation.StateCount * _evaluation.ActionCount];
        if (setup.InitialPolicy is { } initial) initial.AsSpan().CopyTo(_policy);
        else _evaluation.Uniform(_policy);
        _logits = new double[_policy.Length];
        MultiplicativeUpdate.Logits(_evaluation, _policy, _logits);
        _visited = new bool[_evaluation.StateCount];
    }

    /// <inheritdoc/>
    public void Step(long k, ref RandomStream random)
    {
        _evaluation.Reachable(_policy, _start, _visited);
        _q.Compute(_policy, 0, ref random);
        for (int s = 0; s < _evaluation.StateCount; s++)
            if (_visited[s]) MultiplicativeUpdate.Apply(_evaluation, s, _logits, _q.Q, 1, _step, _policy);
    }

    /// <inheritdoc/>
    public readonly ReadOnlySpan<double> Policy => _policy;

    /// <inheritdoc/>
    public readonly double Regularization => 0;
}
