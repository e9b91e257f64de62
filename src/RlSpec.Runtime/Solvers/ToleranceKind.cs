namespace RlSpec.Runtime.Solvers;

/// <summary>How <see cref="SolverOptions.Tolerance"/> is read.</summary>
public enum ToleranceKind
{
    /// <summary>
    /// The solver stops when ErrorBound ≤ Tolerance · max(1, span), where span = max V − min V of
    /// the returned values (average reward: the larger of the bias span and |gain|). Values of
    /// scale 1 or below get the absolute tolerance; larger ones keep the same number of correct
    /// digits relative to their spread, which is what decides the policy.
    /// </summary>
    Relative,
    /// <summary>The solver stops when ErrorBound ≤ Tolerance.</summary>
    Absolute,
}
