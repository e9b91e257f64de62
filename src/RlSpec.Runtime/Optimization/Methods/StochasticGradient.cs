using System;
using RlSpec.Runtime.Optimization.Schedules;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Optimization.Methods;

/// <summary>
/// Minibatch stochastic gradient descent (Robbins and Monro 1951): draw B term indices i₁..i_B uniformly with
/// replacement from the run's stream, g_k = (1/B) Σ_b ∇f_{i_b}(x_k) (an unbiased estimate of ∇f, since the problem
/// scales its term gradients so), x_{k+1} = Π(x_k − η_k g_k).
/// </summary>
public struct StochasticGradient<TProblem> : IFirstOrderMethod<TProblem> where TProblem : struct, IOptimizationProblem
{
    private readonly StepSchedule _step;
    private readonly int _batch;
    private TProblem _problem;
    private IterateBuffers _b;
    private double[] _term;
    private long _iterations;

    /// <summary>SGD with the step schedule <paramref name="step"/> and minibatch size <paramref name="batch"/> ≥ 1.</summary>
    public StochasticGradient(StepSchedule step, int batch = 1)
    {
        step.Validate();
        if (batch < 1) throw new ArgumentException($"the batch size must be at least 1, not {batch}");
        _step = step;
        _batch = batch;
        _b = new IterateBuffers();
        _term = [];
    }

    /// <inheritdoc/>
    public void Reset(TProblem problem, long iterations, ref RandomStream random)
    {
        _problem = problem;
        _iterations = iterations;
        _b = IterateBuffers.Start(ref _problem, ref random);
        _problem.Project(_b.X);
        _b.X.AsSpan().CopyTo(_b.Average);
        _term = new double[_b.X.Length];
    }

    /// <inheritdoc/>
    public void Step(long k, ref RandomStream random)
    {
        var g = _b.Gradient;
        Array.Clear(g);
        double objective = 0;
        int terms = _problem.Terms;
        for (int j = 0; j < _batch; j++)
        {
            int i = terms <= 1 ? 0 : random.NextInt(terms);
            objective += _problem.TermGradient(_b.X, i, _term, k);
            Dense.Axpy(1.0, _term, g);
        }
        double w = 1.0 / _batch;
        _b.LastObjective = objective * w;
        Dense.Axpy(-_step.At(k, _iterations) * w, g, _b.X);
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
