using System;
using RlSpec.Runtime.Optimization.Schedules;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Optimization.Methods;

/// <summary>
/// Projected gradient: x_{k+1} = Π_X(x_k − η_k ∇f(x_k)), Π_X the Euclidean projection onto the variables' domains
/// (Goldstein 1964; Levitin and Polyak 1966). On an online problem with η_k = η/√k this is online gradient descent
/// (Zinkevich 2003), whose regret against the best fixed point is O(√T): the loss of round k is f_k.
/// </summary>
public struct ProjectedGradient<TProblem> : IFirstOrderMethod<TProblem> where TProblem : struct, IOptimizationProblem
{
    private readonly StepSchedule _step;
    private TProblem _problem;
    private IterateBuffers _b;
    private long _iterations;

    /// <summary>Projected gradient with the step schedule <paramref name="step"/>.</summary>
    public ProjectedGradient(StepSchedule step)
    {
        step.Validate();
        _step = step;
        _b = new IterateBuffers();
    }

    /// <inheritdoc/>
    public void Reset(TProblem problem, long iterations, ref RandomStream random)
    {
        _problem = problem;
        _iterations = iterations;
        _b = IterateBuffers.Start(ref _problem, ref random);
        _problem.Project(_b.X);
        _b.X.AsSpan().CopyTo(_b.Average);
    }

    /// <inheritdoc/>
    public void Step(long k, ref RandomStream random)
    {
        _b.LastObjective = _problem.Gradient(_b.X, _b.Gradient, k);
        Dense.Axpy(-_step.At(k, _iterations), _b.Gradient, _b.X);
        _problem.Project(_b.X);
        _b.Accumulate(k);
    }

    /// <inheritdoc/>
    public readonly ReadOnlySpan<double> Iterate => _b.X;
    /// <inheritdoc/>
    public readonly ReadOnlySpan<double> Average => _b.Average;
    /// <inheritdoc/>
    public readonly double LastObjective => _b.LastObjective;
    /// <inheritdoc/>
    public readonly double Penalty(ReadOnlySpan<double> x) => 0;
}
