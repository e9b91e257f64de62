using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Learning.PolicyOptimization;

/// <summary>
/// Entropy-regularized natural policy gradient (Cen, Cheng, Chen, Wei and Chi 2021, "Fast global convergence of
/// natural policy gradient methods with entropy regularization"):
/// π_k(a|s) ∝ π_{k−1}(a|s)^{1 − ητ/(1−γ)}·exp(η·Q^{π_{k−1}}_τ(s,a)/(1 − γ)), where Q_τ is the soft Q-function of the
/// regularized value V^π_τ = E[Σ_t γ^t (r_t − τ log π(a_t|s_t))]. For 0 &lt; η ≤ (1 − γ)/τ it converges linearly to the
/// regularized optimum π*_τ: ‖Q*_τ − Q^{π_k}_τ‖_∞ ≤ C·(1 − ητ)^k (their Theorem 1; η = (1 − γ)/τ is soft policy
/// iteration, rate γ). <c>samples</c> &gt; 0 replaces Q_τ by Monte Carlo estimates.
/// </summary>
public struct EntropyRegularizedNpg : IPolicyOptimizer
{
    private readonly double _step, _tau;
    private readonly int _samples;
    private ExactPolicyEvaluation _evaluation;
    private PolicyQ _q;
    private double[] _policy, _logits;
    private double _gamma;

    /// <summary>Entropy-regularized NPG with step η, entropy weight τ and Monte Carlo rollouts per (s, a) (0 = exact Q_τ).</summary>
    public EntropyRegularizedNpg(double step, double tau, int samples)
    {
        PolicyQ.CheckStep(step);
        PolicyQ.CheckStep(tau, nameof(tau));
        PolicyQ.CheckSamples(samples);
        _step = step;
        _tau = tau;
        _samples = samples;
        _evaluation = null!;
        _q = null!;
        _policy = _logits = [];
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">η·τ/(1 − γ) &gt; 1 (the update needs η ≤ (1 − γ)/τ), or π₀ lacks full support.</exception>
    public void Reset(PolicyOptimizationSetup setup)
    {
        setup.Validate();
        _gamma = setup.Discount;
        if (_step * _tau / (1 - _gamma) > 1 + 1e-12)
            throw new ArgumentException($"entropy_npg needs step ≤ (1 − γ)/τ = {(1 - _gamma) / _tau:G6} (Cen et al. 2021, Theorem 1); step {_step:G6} is larger.");
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
        _q.Compute(_policy, _tau, ref random);
        double keep = Math.Max(0, 1 - _step * _tau / (1 - _gamma)), scale = _step / (1 - _gamma);
        for (int s = 0; s < _evaluation.StateCount; s++)
            MultiplicativeUpdate.Apply(_evaluation, s, _logits, _q.Q, keep, scale, _policy);
    }

    /// <inheritdoc/>
    public readonly ReadOnlySpan<double> Policy => _policy;

    /// <inheritdoc/>
    public readonly double Regularization => _tau;
}
