using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Learning.PolicyOptimization;

/// <summary>
/// An iterative policy-optimization method on a tabular discounted model: every built-in one is a public
/// struct, so the runner's loop is specialized per method. <see cref="Step"/> allocates nothing.
/// </summary>
public interface IPolicyOptimizer
{
    /// <summary>Once per run: allocate arrays, take the initial policy π₀.</summary>
    void Reset(PolicyOptimizationSetup setup);

    /// <summary>Iteration k (1-based): π_{k−1} → π_k. <paramref name="random"/> is used only by sampled-Q variants.</summary>
    void Step(long k, ref RandomStream random);

    /// <summary>The current policy π(a|s) at [s·A + a]; 0 on unavailable actions (and everywhere at terminal states).</summary>
    ReadOnlySpan<double> Policy { get; }

    /// <summary>The entropy weight τ of an entropy-regularized method (its regularized gap is measured with it), else 0.</summary>
    double Regularization => 0;
}
