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
    private GradientIteration<TProblem> _it;

    /// <summary>Projected gradient with the step schedule <paramref name="step"/>.</summary>
    public ProjectedGradient(StepSchedule step) => _it = new GradientIteration<TProblem>(step, projected: true);

    /// <inheritdoc/>
    public void Reset(TProblem problem, long iterations, ref RandomStream random) => _it.Reset(problem, iterations, ref random);

    /// <inheritdoc/>
    public void Step(long k, ref RandomStream random)
    {
        _it.Gradient(k);
        _it.Descend(k, _it.Eta(k));
    }

    /// <inheritdoc/>
    public readonly ReadOnlySpan<double> Iterate => _it.B.X;
    /// <inheritdoc/>
    public readonly ReadOnlySpan<double> Average => _it.B.Average;
    /// <inheritdoc/>
    public readonly double LastObjective => _it.B.LastObjective;
    /// <inheritdoc/>
    public readonly double Penalty(ReadOnlySpan<double> x) => 0;
}
