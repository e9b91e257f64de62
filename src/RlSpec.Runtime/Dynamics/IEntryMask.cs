namespace RlSpec.Runtime.Dynamics;

/// <summary>
/// Which entries of a vector take part in an update (the enabled actions of an MDP state); the others are
/// left out of the normalization and projection and receive 0. A struct, so the update specializes on it.
/// </summary>
public interface IEntryMask
{
    /// <summary>Whether entry <paramref name="index"/> (0-based within the vector) takes part.</summary>
    bool Includes(int index);
}

/// <summary>The mask that includes every entry.</summary>
public readonly struct AllEntries : IEntryMask
{
    /// <inheritdoc/>
    public bool Includes(int index) => true;
}
