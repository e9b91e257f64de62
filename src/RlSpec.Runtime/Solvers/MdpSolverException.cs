using System;
using System.Collections.Generic;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Solvers;

/// <summary>
/// A solve the solver refuses or cannot finish (wrong method for the criterion, invalid policy,
/// non-finite values, no policy reaches the `until` target, not enough memory, an invalid model);
/// <see cref="Id"/> is one of <see cref="SolverErrorIds"/> and the message is meant for the user.
/// </summary>
public sealed class MdpSolverException : Exception
{
    /// <summary>An invalid request: <see cref="SolverErrorIds.InvalidRequest"/>.</summary>
    public MdpSolverException(string message) : this(SolverErrorIds.InvalidRequest, message) { }

    /// <summary>A failure with its diagnostic id.</summary>
    public MdpSolverException(string id, string message, IReadOnlyList<ModelError>? modelErrors = null) : base(message)
    {
        Id = id;
        ModelErrors = modelErrors ?? [];
    }

    /// <summary>The diagnostic id (RLS03xx), documented in docs/diagnostics.md.</summary>
    public string Id { get; }

    /// <summary>For <see cref="SolverErrorIds.InvalidModel"/>: the validator's findings; empty otherwise.</summary>
    public IReadOnlyList<ModelError> ModelErrors { get; }
}

/// <summary>Ids of <see cref="MdpSolverException"/>; docs/diagnostics.md explains each.</summary>
public static class SolverErrorIds
{
    /// <summary>The method does not fit the criterion, an option is out of range, or a policy to evaluate is invalid.</summary>
    public const string InvalidRequest = "RLS0310";
    /// <summary>Values or residuals became NaN or infinite during the solve.</summary>
    public const string NonFiniteValues = "RLS0311";
    /// <summary>Total reward: from some states no policy reaches the `until` target with probability 1.</summary>
    public const string TargetUnreachable = "RLS0312";
    /// <summary>The solve needs more memory than the machine has available.</summary>
    public const string InsufficientMemory = "RLS0313";
    /// <summary>The model failed validation (<see cref="MdpSolverException.ModelErrors"/> lists the problems).</summary>
    public const string InvalidModel = "RLS0314";
}
