using System;
using RlSpec.Runtime.Optimization.Schedules;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Optimization.Methods;

/// <summary>
/// Gradient descent: x_{k+1} = x_k − η_k ∇f(x_k) (Cauchy 1847), unprojected; see <see cref="ProjectedGradient{TProblem}"/>
/// for constrained variables (the same iteration with Π). With η = 1/L on an L-smooth μ-strongly convex f,
/// ‖x_k − x*‖ ≤ (1 − μ/L)^k ‖x₀ − x*‖ (Nesterov 2004, Thm 2.1.15).
/// </summary>
public struct GradientDescent<TProblem> : IFirstOrderMethod<TProblem> where TProblem : struct, IOptimizationProblem
{
    private GradientIteration<TProblem> _it;

    /// <summary>Gradient descent with the step schedule <paramref name="step"/>.</summary>
    public GradientDescent(StepSchedule step) => _it = new GradientIteration<TProblem>(step, projected: false);

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
