using RlSpec.Compiler.Diagnostics;

namespace RlSpec.Generators
{
    /// <summary>
    /// A model a file declares: its name, its C# type name and where the name is written (1-based, in the
    /// file's full path), for the project-wide check that no two files declare the same model. Value equality.
    /// </summary>
    internal sealed record ModelDeclaration(string Name, string TypeName, SourceSpan NameSpan);
}
