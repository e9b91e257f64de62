using System;
using RlSpec.Runtime.Optimization.Saddle;
using RlSpec.Runtime.Optimization.Schedules;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Optimization.Methods;

/// <summary>
/// Entropic mirror descent (Nemirovski and Yudin 1983; Beck and Teboulle 2003, the exponentiated gradient of
/// Kivinen and Warmuth 1997): on every variable, a simplex, x_{k+1} ∝ x_k ∘ exp(−η_k ∇f(x_k)) — G2's shared entropy
/// mirror step (<see cref="Dynamics.EntropicGeometry"/>, in log space) per variable. On an online problem with
/// η_k = η/√k this is online mirror descent (OMD with the entropy regularizer, Hedge on linear losses), regret
/// O(√(T log n)).
/// </summary>
public struct MirrorDescent<TProblem> : IFirstOrderMethod<TProblem> where TProblem : struct, IOptimizationProblem
{
    private readonly StepSchedule _step;
    private TProblem _problem;
    private IterateBuffers _b;
    private double[] _mirror;
    private PlayerGeometry<TProblem> _geometry;
    private long _iterations;

    /// <summary>Entropic mirror descent with the step schedule <paramref name="step"/>.</summary>
    public MirrorDescent(StepSchedule step)
    {
        step.Validate();
        _step = step;
        _b = new IterateBuffers();
        _mirror = [];
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A variable is not on the simplex, or a saddle problem's max player exists.</exception>
    public void Reset(TProblem problem, long iterations, ref RandomStream random)
    {
        var all = new PlayerLayout(problem.Variables, maximized: false);
        if (all.Dimension != problem.Dimension) throw new ArgumentException("mirror descent minimizes over every variable; use mirror_prox for a saddle problem");
        _geometry = new PlayerGeometry<TProblem>(problem, all, entropic: true);
        _problem = problem;
        _iterations = iterations;
        _b = IterateBuffers.Start(ref _problem, ref random);
        _mirror = new double[_b.X.Length];
        _geometry.Initialize(_b.X, _mirror);
        _b.X.AsSpan().CopyTo(_b.Average);
    }

    /// <inheritdoc/>
    public void Step(long k, ref RandomStream random)
    {
        _b.LastObjective = _problem.Gradient(_b.X, _b.Gradient, k);
        _geometry.Step(_b.X, _mirror, _b.Gradient, -_step.At(k, _iterations), _b.X, _mirror);
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
