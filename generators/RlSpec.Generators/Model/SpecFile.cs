namespace RlSpec.Generators
{
    /// <summary>
    /// The cache boundary of the pipeline: a file's full path, its unique hint prefix, its text, and the
    /// path the compiler is given (<see cref="SourcePath"/>: relative to the project, or the file name),
    /// compared by value and holding no Roslyn symbols or syntax, so an unchanged file is not compiled again.
    /// The emitted code records <see cref="SourcePath"/>, so it does not depend on the machine that built it.
    /// </summary>
    internal sealed record SpecFile(string Path, string HintPrefix, string Text, string SourcePath);
}
