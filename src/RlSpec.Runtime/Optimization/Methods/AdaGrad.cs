using System;
using RlSpec.Runtime.Optimization.Schedules;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Optimization.Methods;

/// <summary>
/// Diagonal AdaGrad (Duchi, Hazan and Singer 2011; McMahan and Streeter 2010): G_k = G_{k−1} + g_k ∘ g_k,
/// x_{k+1} = Π(x_k − η_k g_k / (√G_k + ε)), elementwise. (The projection is Euclidean, not in the G-norm.)
/// </summary>
public struct AdaGrad<TProblem> : IFirstOrderMethod<TProblem> where TProblem : struct, IOptimizationProblem
{
    private readonly StepSchedule _step;
    private readonly double _epsilon;
    private TProblem _problem;
    private IterateBuffers _b;
    private double[] _squares;
    private long _iterations;

    /// <summary>AdaGrad with the step schedule <paramref name="step"/> and ε &gt; 0.</summary>
    public AdaGrad(StepSchedule step, double epsilon = 1e-8)
    {
        step.Validate();
        if (!(epsilon > 0)) throw new ArgumentException($"epsilon must be positive, not {epsilon}");
        _step = step;
        _epsilon = epsilon;
        _b = new IterateBuffers();
        _squares = [];
    }

    /// <inheritdoc/>
    public void Reset(TProblem problem, long iterations, ref RandomStream random)
    {
        _problem = problem;
        _iterations = iterations;
        _b = IterateBuffers.Start(ref _problem, ref random);
        _problem.Project(_b.X);
        _b.X.AsSpan().CopyTo(_b.Average);
        _squares = new double[_b.X.Length];
    }

    /// <inheritdoc/>
    public void Step(long k, ref RandomStream random)
    {
        _b.LastObjective = _problem.Gradient(_b.X, _b.Gradient, k);
        double eta = _step.At(k, _iterations);
        var x = _b.X;
        var g = _b.Gradient;
        for (int i = 0; i < x.Length; i++)
        {
            _squares[i] += g[i] * g[i];
            x[i] -= eta * g[i] / (Math.Sqrt(_squares[i]) + _epsilon);
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
