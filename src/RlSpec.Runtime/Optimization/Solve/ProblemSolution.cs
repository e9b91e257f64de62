using System.Collections.Generic;

namespace RlSpec.Runtime.Optimization.Solve;

/// <summary>What <see cref="ProblemSolver"/> is asked: the method (null: <see cref="DefaultMethodRule"/>), the tolerance on the certificate and the iteration limit.</summary>
public sealed record SolveOptions
{
    /// <summary>The method to run; null picks one by <see cref="DefaultMethodRule"/>.</summary>
    public SolveMethod? Method { get; init; }

    /// <summary>The run stops when the certificate is at most this (default 1e-6).</summary>
    public double Tolerance { get; init; } = 1e-6;

    /// <summary>The most iterations (default 100,000).</summary>
    public long MaxIterations { get; init; } = 100_000;
}

/// <summary>
/// The result of <see cref="ProblemSolver.Solve{TProblem}"/>: the method and why it was chosen, the step and the curvature
/// estimates it came from, the iterations, the certificate the run stopped on (<see cref="CertificateName"/>: 
/// <c>gradient_mapping_norm</c>, <c>prox_gradient_mapping_norm</c>, <c>saddle_residual</c>, <c>restricted_duality_gap</c> or,
/// for a non-smooth objective, <c>best_objective_progress</c>), whether it met the tolerance, and the solution.
/// </summary>
public sealed record ProblemSolution(
    SolveMethod Method, string Reason, double Step, double Lipschitz, double StrongConvexity, int StepReductions,
    long Iterations, bool Converged, string CertificateName, double Certificate, double Tolerance,
    double Objective, double[] X, IReadOnlyList<VariableBlock> Variables, double? Distance, double? DualityGap, double? GapRadius)
{
    /// <summary>The problem's tracked metrics (<c>track ...</c>) at the solution, in the order of <see cref="MetricNames"/>.</summary>
    public IReadOnlyList<double> Metrics { get; init; } = [];

    /// <summary>The names of <see cref="Metrics"/>.</summary>
    public IReadOnlyList<string> MetricNames { get; init; } = [];
}
