using System;
using RlSpec.Runtime.Optimization.Schedules;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Optimization.Methods;

/// <summary>
/// The (projected) sub-gradient method (Shor 1962): x_{k+1} = Π(x_k − η_k g_k), g_k ∈ ∂f(x_k) the problem's documented
/// sub-gradient, optionally normalized (g_k/‖g_k‖; Polyak 1987, §5.3). With a geometrically decaying step it
/// converges linearly on sharp problems such as l1-loss robust matrix recovery (Li, Zhu, So and Vidal 2020,
/// "Nonconvex robust low-rank matrix recovery"; Ma and Fattahi 2023, small initialization).
/// </summary>
public struct SubgradientMethod<TProblem> : IFirstOrderMethod<TProblem> where TProblem : struct, IOptimizationProblem
{
    private readonly StepSchedule _step;
    private readonly bool _normalized;
    private TProblem _problem;
    private IterateBuffers _b;
    private long _iterations;

    /// <summary>The sub-gradient method with the step schedule <paramref name="step"/>; <paramref name="normalized"/> divides g by ‖g‖.</summary>
    public SubgradientMethod(StepSchedule step, bool normalized = false)
    {
        step.Validate();
        _step = step;
        _normalized = normalized;
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
        double eta = _step.At(k, _iterations);
        if (_normalized)
        {
            double norm = Dense.Norm(_b.Gradient);
            if (norm == 0) { _b.Accumulate(k); return; } // 0 ∈ ∂f(x): x is optimal
            eta /= norm;
        }
        Dense.Axpy(-eta, _b.Gradient, _b.X);
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
