using System;
using System.Threading;

namespace RlSpec.Runtime.Solvers;

/// <summary>How <see cref="MdpSolver"/> solves a model.</summary>
public sealed class SolverOptions
{
    /// <summary>Options with every default.</summary>
    public static SolverOptions Default { get; } = new();

    /// <summary>
    /// Algorithm; null picks one per criterion (<see cref="MdpSolver.DefaultMethod"/>): discounted →
    /// <see cref="SolverMethod.PolicyIteration"/> or <see cref="SolverMethod.GaussSeidel"/> by <see cref="MethodCostModel"/>;
    /// finite horizon → <see cref="SolverMethod.BackwardInduction"/>; total reward →
    /// <see cref="SolverMethod.GaussSeidel"/>; average reward → <see cref="SolverMethod.RelativeValueIteration"/>.
    /// </summary>
    public SolverMethod? Method { get; init; }

    /// <summary>
    /// Target for the certified error bound (not the bare residual), read as <see cref="ToleranceKind"/>
    /// says: by default relative, ErrorBound ≤ Tolerance · max(1, max V − min V). Default 1e-10.
    /// </summary>
    public double Tolerance { get; init; } = 1e-10;

    /// <summary>Whether <see cref="Tolerance"/> is relative to the span of the values (default) or absolute.</summary>
    public ToleranceKind ToleranceKind { get; init; } = ToleranceKind.Relative;

    /// <summary>Maximum number of sweeps (or policy-iteration steps). Default 100,000.</summary>
    public int MaxIterations { get; init; } = 100_000;

    /// <summary>Evaluation sweeps per improvement in modified policy iteration. Default 20.</summary>
    public int MpiSweeps { get; init; } = 20;

    /// <summary>
    /// Largest state count for which policy evaluation uses a dense LU factorization; above it,
    /// BiCGSTAB with matrix-free products through the model. Default 2000.
    /// </summary>
    public int DenseSolveLimit { get; init; } = 2000;

    /// <summary>
    /// Skip <see cref="MdpValidator"/> before solving. By default <see cref="MdpSolver.Solve{TModel}"/> and
    /// <see cref="MdpSolver.Evaluate{TModel}"/> validate the model first (one pass over every state-action
    /// pair) and refuse an invalid one with <see cref="SolverErrorIds.InvalidModel"/>; set this only when
    /// the caller has validated the same model already (the CLI does).
    /// </summary>
    public bool SkipValidation { get; init; }

    /// <summary>
    /// The most memory a solve may allocate, in bytes; null (the default) means what the machine has
    /// available now. A solve whose estimated need exceeds it is refused before allocating
    /// (<see cref="SolverErrorIds.InsufficientMemory"/>). Tests use small limits.
    /// </summary>
    public long? MemoryLimitBytes { get; init; }

    /// <summary>
    /// Threads for the sweeps of value iteration, Gauss-Seidel and modified policy iteration. Null (the default): the
    /// serial sweeps for models below 2^18 states, every core above. When set (any value, 1 included), or above that
    /// size, the sweeps run over fixed blocks of states (Jacobi: the serial result exactly; Gauss-Seidel: Gauss-Seidel
    /// inside each block, Jacobi across blocks), so the results are bit-identical for every thread count.
    /// </summary>
    public int? Threads { get; init; }

    /// <summary>Called at most about ten times per second with the iteration and residual.</summary>
    public Action<SolverProgress>? Progress { get; init; }

    /// <summary>Checked once per sweep; cancellation throws <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken CancellationToken { get; init; }
}
