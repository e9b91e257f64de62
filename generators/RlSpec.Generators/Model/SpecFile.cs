namespace RlSpec.Generators
{
    /// <summary>
    /// The cache boundary of the pipeline: a file's path, its unique hint prefix and its text, compared
    /// by value and holding no Roslyn symbols or syntax, so an unchanged file is not compiled again.
    /// </summary>
    internal sealed record SpecFile(string Path, string HintPrefix, string Text);
}
