using System;
using System.Collections.Generic;
using System.Linq;

namespace RlSpec.Runtime.Optimization.Solve;

/// <summary>
/// What the default-method rule (<see cref="DefaultMethodRule"/>) needs to know about a problem beyond its interface:
/// the non-smooth operations of its objective (from the compiler, <c>ProblemKind.NonsmoothOperations</c>, without the
/// l1 regularizer) and whether it has <c>regularize l1</c>. The rest (domains, players, rounds, terms) is read from
/// <see cref="IOptimizationProblem"/>.
/// </summary>
public sealed record ProblemStructure(IReadOnlyList<string> NonsmoothOperations, bool HasL1Regularizer)
{
    /// <summary>A smooth objective without a regularizer.</summary>
    public static ProblemStructure Smooth { get; } = new(Array.Empty<string>(), false);

    /// <summary>True when the objective (the regularizer aside) has no operation with a kink.</summary>
    public bool IsSmooth => NonsmoothOperations.Count == 0;
}

/// <summary>The methods <c>rlspec solve</c> runs on a problem; <see cref="DefaultMethodRule"/> picks one.</summary>
public enum SolveMethod
{
    /// <summary>Gradient descent, projected onto the domains (Goldstein 1964), constant step 1/L.</summary>
    GradientDescent,
    /// <summary>Nesterov's accelerated gradient, projected, with the strong-convexity momentum for μ &gt; 0 (Nesterov 2004, §2.2).</summary>
    Nesterov,
    /// <summary>FISTA for <c>regularize l1</c> (Beck and Teboulle 2009), step 1/L of the smooth part.</summary>
    ProximalGradient,
    /// <summary>Frank-Wolfe with γ_k = 2/(k + 1) on bounded domains (Jaggi 2013).</summary>
    FrankWolfe,
    /// <summary>The normalized sub-gradient method with steps η/√k, for a non-smooth objective (Shor 1962).</summary>
    Subgradient,
    /// <summary>Extragradient for a saddle problem (Korpelevich 1976), constant step 1/(2L).</summary>
    Extragradient,
    /// <summary>Optimistic gradient descent-ascent for a saddle problem (Popov 1980), constant step 1/(2L).</summary>
    OptimisticGda,
}

/// <summary>The names of <see cref="SolveMethod"/> on the command line (<c>--method</c>), the same as in an experiment's <c>compare</c>.</summary>
public static class SolveMethodNames
{
    /// <summary>Every method with its name.</summary>
    public static IReadOnlyList<(string Name, SolveMethod Method)> All { get; } =
    [
        ("gd", SolveMethod.GradientDescent), ("nesterov", SolveMethod.Nesterov), ("proximal_gradient", SolveMethod.ProximalGradient),
        ("frank_wolfe", SolveMethod.FrankWolfe), ("subgradient", SolveMethod.Subgradient), ("extragradient", SolveMethod.Extragradient),
        ("optimistic_gda", SolveMethod.OptimisticGda),
    ];

    /// <summary>The method's name (<c>gd</c>, <c>nesterov</c>, ...).</summary>
    public static string Name(this SolveMethod method) => All.First(m => m.Method == method).Name;

    /// <summary>The method named <paramref name="name"/>, or null.</summary>
    public static SolveMethod? Find(string name) => All.Where(m => m.Name == name).Select(m => (SolveMethod?)m.Method).FirstOrDefault();
}
