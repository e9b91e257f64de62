using System;
using RlSpec.Runtime.Optimization.Schedules;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Optimization.Methods;

/// <summary>
/// Gradient descent: x_{k+1} = x_k − η_k ∇f(x_k) (Cauchy 1847), unprojected; see <see cref="ProjectedGradient{TProblem}"/>
/// for constrained variables. With η = 1/L on an L-smooth μ-strongly convex f, ‖x_k − x*‖ ≤ (1 − μ/L)^k ‖x₀ − x*‖
/// (Nesterov 2004, Thm 2.1.15).
/// </summary>
public struct GradientDescent<TProblem> : IFirstOrderMethod<TProblem> where TProblem : struct, IOptimizationProblem
{
    private readonly StepSchedule _step;
    private TProblem _problem;
    private IterateBuffers _b;
    private long _iterations;

    /// <summary>Gradient descent with the step schedule <paramref name="step"/>.</summary>
    public GradientDescent(StepSchedule step)
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
    }

    /// <inheritdoc/>
    public void Step(long k, ref RandomStream random)
    {
        _b.LastObjective = _problem.Gradient(_b.X, _b.Gradient, k);
        Dense.Axpy(-_step.At(k, _iterations), _b.Gradient, _b.X);
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
