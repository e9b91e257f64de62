namespace RlSpec.Runtime.Games.LinearProgramming;

/// <summary>How a linear program ended.</summary>
public enum LpStatus
{
    /// <summary>An optimal basic solution was found; the primal values, the objective and the duals are set.</summary>
    Optimal,
    /// <summary>No point satisfies every constraint (phase 1 ended with a positive sum of artificials).</summary>
    Infeasible,
    /// <summary>The objective grows without bound along a ray of the feasible set.</summary>
    Unbounded,
    /// <summary>The pivot limit was reached first (never expected: the anti-cycling rule guarantees termination).</summary>
    IterationLimit,
}
