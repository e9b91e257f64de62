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
    private readonly int _batch;
    private GradientIteration<TProblem> _it;
    private double[] _term;

    /// <summary>SGD with the step schedule <paramref name="step"/> and minibatch size <paramref name="batch"/> ≥ 1.</summary>
    public StochasticGradient(StepSchedule step, int batch = 1)
    {
        _it = new GradientIteration<TProblem>(step, projected: true);
        if (batch < 1) throw new ArgumentException($"the batch size must be at least 1, not {batch}");
        _batch = batch;
        _term = [];
    }

    /// <inheritdoc/>
    public void Reset(TProblem problem, long iterations, ref RandomStream random)
    {
        _it.Reset(problem, iterations, ref random);
        _term = new double[_it.B.X.Length];
    }

    /// <inheritdoc/>
    public void Step(long k, ref RandomStream random)
    {
        // The minibatch sum of term gradients into the gradient buffer (the sum, scaled by 1/B in the step).
        var g = _it.B.Gradient;
        Array.Clear(g);
        double objective = 0;
        int terms = _it.Problem.Terms;
        for (int j = 0; j < _batch; j++)
        {
            int i = terms <= 1 ? 0 : random.NextInt(terms);
            objective += _it.Problem.TermGradient(_it.B.X, i, _term, k);
            Dense.Axpy(1.0, _term, g);
        }
        double w = 1.0 / _batch;
        _it.B.LastObjective = objective * w;
        _it.Descend(k, _it.Eta(k) * w);
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
