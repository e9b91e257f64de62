using System;

namespace RlSpec.Runtime.Solvers;

/// <summary>A request the solver cannot honour (wrong method for the criterion, invalid policy, ...); the message is meant for the user.</summary>
public sealed class MdpSolverException(string message) : Exception(message);
