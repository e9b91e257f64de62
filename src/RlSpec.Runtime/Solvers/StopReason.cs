namespace RlSpec.Runtime.Solvers;

/// <summary>
/// Why a solver stopped. Only <see cref="Converged"/> means the certified error bound meets the
/// tolerance; every other reason comes with a warning that states the bound actually certified.
/// </summary>
public enum StopReason
{
    /// <summary>The certified error bound is within the tolerance (finite horizon: the recursion ran to t = 0).</summary>
    Converged,
    /// <summary><see cref="SolverOptions.MaxIterations"/> sweeps (or improvement steps) ran before the bound reached the tolerance.</summary>
    IterationLimit,
    /// <summary>
    /// The bound stopped improving above the tolerance: floating-point rounding at this value
    /// scale does not resolve a smaller one (or the final rounding allowance exceeded it).
    /// </summary>
    RoundingFloor,
    /// <summary>Total reward: the values grow without bound (some policy collects reward forever); the bound is +∞.</summary>
    Unbounded,
    /// <summary>Total reward: the greedy policy does not terminate with probability 1 from some state; the bound is +∞.</summary>
    ImproperPolicy,
}
