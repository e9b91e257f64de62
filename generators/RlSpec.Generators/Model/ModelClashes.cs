using RlSpec.Compiler.Diagnostics;

namespace RlSpec.Generators
{
    /// <summary>
    /// The outcome of the project-wide name check: the declarations that lose a clash (as
    /// <c>path|TypeName</c>, not emitted) and one diagnostic for each. Value equality, so an unchanged
    /// outcome keeps the source outputs cached.
    /// </summary>
    internal sealed record ModelClashes(EquatableArray<string> Skipped, EquatableArray<Diagnostic> Diagnostics)
    {
        public static string Key(string path, string typeName) => path + "|" + typeName;
    }
}
