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
    private readonly bool _normalized;
    private GradientIteration<TProblem> _it;

    /// <summary>The sub-gradient method with the step schedule <paramref name="step"/>; <paramref name="normalized"/> divides g by ‖g‖.</summary>
    public SubgradientMethod(StepSchedule step, bool normalized = false)
    {
        _it = new GradientIteration<TProblem>(step, projected: true);
        _normalized = normalized;
    }

    /// <inheritdoc/>
    public void Reset(TProblem problem, long iterations, ref RandomStream random) => _it.Reset(problem, iterations, ref random);

    /// <inheritdoc/>
    public void Step(long k, ref RandomStream random)
    {
        _it.Gradient(k);
        double eta = _it.Eta(k);
        if (_normalized)
        {
            double norm = Dense.Norm(_it.B.Gradient);
            if (norm == 0) { _it.B.Accumulate(k); return; } // 0 ∈ ∂f(x): x is optimal (and already projected)
            eta /= norm;
        }
        _it.Descend(k, eta);
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
