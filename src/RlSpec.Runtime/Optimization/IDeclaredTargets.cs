namespace RlSpec.Runtime.Optimization;

/// <summary>
/// What a problem declares about its solution (<c>optimum x = ...</c>, <c>gap radius = R</c> in a <c>problem</c>,
/// docs/optimization.md): every emitted problem implements it, with null when nothing is declared. Experiments record
/// <c>distance</c> and <c>duality_gap</c> from it (<see cref="Experiments.OptimizationTargets.Of{TProblem}"/>) and
/// <c>rlspec solve</c> reports the distance of its answer.
/// </summary>
public interface IDeclaredTargets
{
    /// <summary>A new copy of the declared optimum (the saddle point of a saddle problem) in the flat layout of x, or null.</summary>
    double[]? DeclaredOptimum();

    /// <summary>The declared radius of the ball the restricted duality gap is taken over, or null.</summary>
    double? GapRadius { get; }
}
