namespace RlSpec.Runtime.Solvers;

/// <summary>A progress report from a running solver.</summary>
/// <param name="Method">Algorithm name.</param>
/// <param name="Iteration">Sweeps (or policy-iteration steps) done so far.</param>
/// <param name="Residual">The latest residual (sup norm of the change, or gain-bracket width).</param>
/// <param name="Seconds">Time since the solve started.</param>
public readonly record struct SolverProgress(string Method, int Iteration, double Residual, double Seconds);
