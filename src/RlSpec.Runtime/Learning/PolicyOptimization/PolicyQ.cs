using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Learning.PolicyOptimization;

/// <summary>
/// Q^π_τ of the current policy for the methods that take a <c>samples</c> parameter: exact (samples = 0: V by
/// <see cref="ExactPolicyEvaluation.Values"/>, then one backup) or the mean of <c>samples</c> Monte Carlo rollouts per
/// (s, a) (<see cref="MonteCarloQ"/>). Buffers are allocated once in the constructor.
/// </summary>
internal sealed class PolicyQ
{
    private readonly ExactPolicyEvaluation _evaluation;
    private readonly MonteCarloQ? _sampler;
    private readonly int _samples;

    public PolicyQ(ExactPolicyEvaluation evaluation, int samples)
    {
        _evaluation = evaluation;
        _samples = samples;
        if (samples > 0) _sampler = new MonteCarloQ(evaluation);
        Values = new double[evaluation.StateCount];
        Q = new double[evaluation.StateCount * evaluation.ActionCount];
    }

    /// <summary>V^π_τ of the last exact evaluation (not filled by the sampled variant).</summary>
    public double[] Values { get; }

    /// <summary>Q^π_τ (exact or estimated) of the last <see cref="Compute"/>.</summary>
    public double[] Q { get; }

    public void Compute(ReadOnlySpan<double> policy, double tau, ref RandomStream random)
    {
        if (_sampler is { } sampler) sampler.Estimate(policy, tau, _samples, ref random, Q);
        else
        {
            _evaluation.Values(policy, Values, tau);
            _evaluation.QValues(Values, Q);
        }
    }

    public static void CheckSamples(int samples)
    {
        if (samples < 0) throw new ArgumentOutOfRangeException(nameof(samples), samples, "the number of Monte Carlo rollouts per (s, a) must be ≥ 0 (0 = exact Q).");
    }

    public static void CheckStep(double step, string name = "step")
    {
        if (!(step > 0) || !double.IsFinite(step)) throw new ArgumentOutOfRangeException(name, step, $"the {name} must be positive and finite.");
    }
}
