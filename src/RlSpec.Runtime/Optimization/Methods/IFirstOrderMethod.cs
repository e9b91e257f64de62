using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Optimization.Methods;

/// <summary>
/// A first-order method over a compiled problem (a struct, so the method specializes on the problem's gradient
/// code). <see cref="Reset"/> allocates the method's buffers and writes the problem's initialization; every
/// <see cref="Step"/> after that allocates nothing.
/// </summary>
public interface IFirstOrderMethod<TProblem> where TProblem : struct, IOptimizationProblem
{
    /// <summary>
    /// Starts a run on <paramref name="problem"/> planned for <paramref name="iterations"/> steps (schedules that
    /// decay to the end need it); x₀ is the problem's initialization drawn from <paramref name="random"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The method cannot run on this problem (e.g. Frank-Wolfe on an unbounded domain).</exception>
    void Reset(TProblem problem, long iterations, ref RandomStream random);

    /// <summary>Iteration <paramref name="k"/> (1-based; the round of an online problem), drawing from <paramref name="random"/> if stochastic.</summary>
    void Step(long k, ref RandomStream random);

    /// <summary>The last iterate x_k.</summary>
    ReadOnlySpan<double> Iterate { get; }

    /// <summary>The uniform average (x₁ + … + x_k)/k of the iterates so far (x₀ before the first step).</summary>
    ReadOnlySpan<double> Average { get; }

    /// <summary>
    /// The objective at the point whose gradient step k used (for an online problem the loss f_k(x_k) incurred in
    /// round k; for a stochastic method the sampled terms' average).
    /// </summary>
    double LastObjective { get; }

    /// <summary>A term the method adds to the problem's objective, for the recorded objective (0 for every built-in method: a regularizer is the problem's, <see cref="ICompositeProblem"/>).</summary>
    double Penalty(ReadOnlySpan<double> x);
}
