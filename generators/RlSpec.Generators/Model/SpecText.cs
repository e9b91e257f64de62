namespace RlSpec.Generators
{
    /// <summary>An additional file's path and text, read once per change (no Roslyn objects, value equality).</summary>
    internal sealed record SpecText(string Path, string Text);
}
