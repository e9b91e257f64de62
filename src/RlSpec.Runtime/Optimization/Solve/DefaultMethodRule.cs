using System.Linq;

namespace RlSpec.Runtime.Optimization.Solve;

/// <summary>
/// The rule <c>rlspec solve</c> uses to pick a method from a problem's structure (docs/optimization.md, "Solving a
/// problem"), in this order:
/// <list type="number">
/// <item>a loss per round (online): no single problem to solve (an error; regret is an experiment's measure);</item>
/// <item><c>min x max y</c>: extragradient;</item>
/// <item><c>regularize l1</c>: FISTA (proximal gradient with momentum);</item>
/// <item>a non-smooth operation in the objective (abs, relu, norm1, norm2/frobenius): the sub-gradient method;</item>
/// <item>otherwise (smooth, on any domain): Nesterov's accelerated (projected) gradient with the strong-convexity
/// momentum when the Hessian at x₀ is positive definite (μ̂ &gt; 0), else projected gradient descent (which also
/// reaches stationary points of non-convex objectives such as matrix sensing).</item>
/// </list>
/// A finite sum is solved with full gradients (the emitted gradient reads every term once per call).
/// </summary>
public static class DefaultMethodRule
{
    /// <summary>The method for <paramref name="problem"/> and why, or null with the reason when solve cannot run (online).</summary>
    public static (SolveMethod? Method, string Reason) Choose(IOptimizationProblem problem, ProblemStructure structure, SmoothnessEstimate? curvature = null)
    {
        if (problem.IsOnline)
            return (null, "the loss changes every round (it reads t), so there is no single objective to solve; measure online gradient descent's regret " +
                          "in an experiment: `compare ogd(step = 1, schedule = inverse_sqrt)`, `record online_regret`");
        if (problem.Variables.Any(v => v.Maximized)) return (SolveMethod.Extragradient, "a saddle problem (min x max y): extragradient");
        if (structure.HasL1Regularizer) return (SolveMethod.ProximalGradient, "an l1 regularizer: FISTA (accelerated proximal gradient)");
        if (!structure.IsSmooth)
            return (SolveMethod.Subgradient, $"a non-smooth objective ({string.Join(", ", structure.NonsmoothOperations.Distinct())}): the sub-gradient method");
        if (curvature is { } c && c.Smallest > 1e-9 * c.Largest)
            return (SolveMethod.Nesterov, "a smooth objective, strongly convex at the start (μ̂ > 0): Nesterov's accelerated gradient");
        return (SolveMethod.GradientDescent, "a smooth objective, not strongly convex at the start: gradient descent");
    }
}
