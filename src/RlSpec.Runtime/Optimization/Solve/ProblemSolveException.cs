using System;

namespace RlSpec.Runtime.Optimization.Solve;

/// <summary>The ids of the errors <see cref="ProblemSolver"/> reports (docs/diagnostics.md).</summary>
public static class ProblemSolveErrorIds
{
    /// <summary>RLS0955: the method did not meet the tolerance within the iteration limit (the result is still reported, with its certificate).</summary>
    public const string NotConverged = "RLS0955";

    /// <summary>RLS0956: the objective or its gradient is NaN or infinite, at the initialization or during the run.</summary>
    public const string NonFinite = "RLS0956";

    /// <summary>RLS0957: the method cannot run on this problem (an unknown method, one that does not fit, or an online problem).</summary>
    public const string MethodDoesNotFit = "RLS0957";

    /// <summary>RLS0958: a solve option with a value that cannot be used (a tolerance that is not positive, no iterations).</summary>
    public const string InvalidOption = "RLS0958";
}

/// <summary>A problem <see cref="ProblemSolver"/> cannot solve: the id, what happened and what to do (<see cref="Exception.Message"/>).</summary>
public sealed class ProblemSolveException(string id, string message) : Exception(message)
{
    /// <summary>One of <see cref="ProblemSolveErrorIds"/>.</summary>
    public string Id { get; } = id;
}
