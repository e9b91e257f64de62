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
    private readonly double _epsilon;
    private GradientIteration<TProblem> _it;
    private double[] _squares;

    /// <summary>AdaGrad with the step schedule <paramref name="step"/> and ε &gt; 0.</summary>
    public AdaGrad(StepSchedule step, double epsilon = 1e-8)
    {
        _it = new GradientIteration<TProblem>(step, projected: true);
        if (!(epsilon > 0)) throw new ArgumentException($"epsilon must be positive, not {epsilon}");
        _epsilon = epsilon;
        _squares = [];
    }

    /// <inheritdoc/>
    public void Reset(TProblem problem, long iterations, ref RandomStream random)
    {
        _it.Reset(problem, iterations, ref random);
        _squares = new double[_it.B.X.Length];
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
            _squares[i] += g[i] * g[i];
            x[i] -= eta * g[i] / (Math.Sqrt(_squares[i]) + _epsilon);
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
