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
    private readonly double _momentum;
    private GradientIteration<TProblem> _it;
    private double[] _previous;

    /// <summary>Heavy-ball with the step schedule <paramref name="step"/> and momentum β in [0, 1).</summary>
    public HeavyBall(StepSchedule step, double momentum)
    {
        _it = new GradientIteration<TProblem>(step, projected: true);
        if (!(momentum >= 0 && momentum < 1)) throw new ArgumentException($"the momentum must be in [0, 1), not {momentum}");
        _momentum = momentum;
        _previous = [];
    }

    /// <inheritdoc/>
    public void Reset(TProblem problem, long iterations, ref RandomStream random)
    {
        _it.Reset(problem, iterations, ref random);
        _previous = (double[])_it.B.X.Clone();
    }

    /// <inheritdoc/>
    public void Step(long k, ref RandomStream random)
    {
        _it.Gradient(k);
        double eta = _it.Eta(k);
        var x = _it.B.X;
        var g = _it.B.Gradient;
        for (int i = 0; i < x.Length; i++)
        {
            double next = x[i] - eta * g[i] + _momentum * (x[i] - _previous[i]);
            _previous[i] = x[i];
            x[i] = next;
        }
        _it.Finish(k);
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
