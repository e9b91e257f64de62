using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Optimization.Methods;

/// <summary>
/// Frank-Wolfe / conditional gradient (Frank and Wolfe 1956; Jaggi 2013): s_k = argmin_{s ∈ X} ⟨∇f(x_k), s⟩ over
/// the product of the variables' domains, x_{k+1} = x_k + γ_k (s_k − x_k) with γ_k = 2/(k + 1) (γ₁ = 1), so
/// f(x_k) − f* ≤ 2 L diam(X)²/(k + 1). The linear minimization oracle per domain: simplex — the vertex of the
/// smallest gradient entry; ball of radius r — −r g/‖g‖; box — the lower bound where g &gt; 0, else the upper.
/// Unbounded domains (reals, nonnegative) have no oracle.
/// </summary>
public struct FrankWolfe<TProblem> : IFirstOrderMethod<TProblem> where TProblem : struct, IOptimizationProblem
{
    private TProblem _problem;
    private IterateBuffers _b;
    private double[] _vertex;
    private VariableBlock[] _blocks;

    /// <summary>Frank-Wolfe with the step 2/(k + 1).</summary>
    public FrankWolfe()
    {
        _b = new IterateBuffers();
        _vertex = [];
        _blocks = [];
    }

    /// <inheritdoc/>
    public void Reset(TProblem problem, long iterations, ref RandomStream random)
    {
        foreach (var v in problem.Variables)
            if (v.Domain is VariableDomain.Reals or VariableDomain.Nonnegative)
                throw new ArgumentException($"Frank-Wolfe needs bounded domains (simplex, ball or box), but '{v.Name}' is on the {v.Domain.ToString().ToLowerInvariant()} domain");
        _problem = problem;
        _blocks = [.. problem.Variables];
        _b = IterateBuffers.Start(ref _problem, ref random);
        _problem.Project(_b.X);
        _b.X.AsSpan().CopyTo(_b.Average);
        _vertex = new double[_b.X.Length];
    }

    /// <inheritdoc/>
    public void Step(long k, ref RandomStream random)
    {
        var g = _b.Gradient;
        _b.LastObjective = _problem.Gradient(_b.X, g, k);
        foreach (var block in _blocks)
        {
            var gb = g.AsSpan(block.Offset, block.Length);
            var s = _vertex.AsSpan(block.Offset, block.Length);
            switch (block.Domain)
            {
                case VariableDomain.Simplex:
                    int best = 0;
                    for (int i = 1; i < gb.Length; i++) if (gb[i] < gb[best]) best = i;
                    s.Clear();
                    s[best] = 1;
                    break;
                case VariableDomain.Ball:
                    double norm = Dense.Norm(gb);
                    if (norm == 0) { s.Clear(); break; }
                    for (int i = 0; i < s.Length; i++) s[i] = -block.Upper * gb[i] / norm;
                    break;
                default: // box
                    for (int i = 0; i < s.Length; i++) s[i] = gb[i] > 0 ? block.Lower : block.Upper;
                    break;
            }
        }
        double gamma = 2.0 / (k + 1);
        var x = _b.X;
        for (int i = 0; i < x.Length; i++) x[i] += gamma * (_vertex[i] - x[i]);
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
