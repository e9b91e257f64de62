using System;

namespace RlSpec.Runtime.Modeling;

/// <summary>
/// Data a model computes when it is created (generated or computed values the compiler could not see) broke a rule the
/// compiler checks for known values. <see cref="Id"/> is that rule's diagnostic id, so every host reports the same
/// id whether the mistake was seen at compile time or at creation.
/// </summary>
public sealed class ModelDataException : ArgumentException
{
    /// <summary>Creates the exception for diagnostic <paramref name="id"/> (e.g. RLS0922).</summary>
    public ModelDataException(string id, string message) : base(message) { Id = id; }

    /// <summary>The diagnostic id of the broken rule.</summary>
    public string Id { get; }
}
