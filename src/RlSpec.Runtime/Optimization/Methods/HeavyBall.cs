using System;
using RlSpec.Runtime.Optimization.Schedules;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Optimization.Methods;

/// <summary>
/// Polyak's heavy-ball method (Polyak 1964): x_{k+1} = Π(x_k − η_k ∇f(x_k) + β (x_k − x_{k−1})). On a quadratic with
/// η = 4/(√L + √μ)² and β = ((√L − √μ)/(√L + √μ))² it converges at rate (√κ − 1)/(√κ + 1).
/// </summary>
public struct HeavyBall<TProblem> : IFirstOrderMethod<TProblem> where TProblem : struct, IOptimizationProblem
{
    private readonly StepSchedule _step;
    private readonly double _momentum;
    private TProblem _problem;
    private IterateBuffers _b;
    private double[] _previous;
    private long _iterations;

    /// <summary>Heavy-ball with the step schedule <paramref name="step"/> and momentum β in [0, 1).</summary>
    public HeavyBall(StepSchedule step, double momentum)
    {
        step.Validate();
        if (!(momentum >= 0 && momentum < 1)) throw new ArgumentException($"the momentum must be in [0, 1), not {momentum}");
        _step = step;
        _momentum = momentum;
        _b = new IterateBuffers();
        _previous = [];
    }

    /// <inheritdoc/>
    public void Reset(TProblem problem, long iterations, ref RandomStream random)
    {
        _problem = problem;
        _iterations = iterations;
        _b = IterateBuffers.Start(ref _problem, ref random);
        _problem.Project(_b.X);
        _b.X.AsSpan().CopyTo(_b.Average);
        _previous = (double[])_b.X.Clone();
    }

    /// <inheritdoc/>
    public void Step(long k, ref RandomStream random)
    {
        _b.LastObjective = _problem.Gradient(_b.X, _b.Gradient, k);
        double eta = _step.At(k, _iterations);
        var x = _b.X;
        for (int i = 0; i < x.Length; i++)
        {
            double next = x[i] - eta * _b.Gradient[i] + _momentum * (x[i] - _previous[i]);
            _previous[i] = x[i];
            x[i] = next;
        }
        _problem.Project(x);
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
