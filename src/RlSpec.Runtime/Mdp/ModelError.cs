namespace RlSpec.Runtime.Mdp;

/// <summary>
/// A problem found by <see cref="MdpValidator"/> in an enumerated model: an id (RLS03xx), a
/// message that says what to do, the rule's source location when known, and the state and
/// action it concerns.
/// </summary>
public sealed record ModelError(string Id, string Message, SourceLocation? Location, string? State, string? Action)
{
    /// <summary>MSBuild's canonical form: <c>path(line,col): error RLS0300: message</c>.</summary>
    public override string ToString() =>
        Location is { } l && !string.IsNullOrEmpty(l.Path) ? $"{l}: error {Id}: {Message}" : $"error {Id}: {Message}";
}
