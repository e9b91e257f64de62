namespace RlSpec.Runtime.Solvers;

/// <summary>Planning algorithms of <see cref="MdpSolver"/>; each fits certain criteria.</summary>
public enum SolverMethod
{
    /// <summary>Jacobi value iteration V ← TV (discounted, total reward).</summary>
    ValueIteration,
    /// <summary>Gauss-Seidel value iteration: in-place backups in state order (discounted, total reward).</summary>
    GaussSeidel,
    /// <summary>Howard's policy iteration with exact evaluation by a linear solve (discounted).</summary>
    PolicyIteration,
    /// <summary>Modified policy iteration: greedy improvement then <see cref="SolverOptions.MpiSweeps"/> evaluation sweeps (discounted).</summary>
    ModifiedPolicyIteration,
    /// <summary>Backward induction from V_H = 0 (finite horizon).</summary>
    BackwardInduction,
    /// <summary>Relative value iteration with the aperiodicity transform (average reward).</summary>
    RelativeValueIteration,
}
