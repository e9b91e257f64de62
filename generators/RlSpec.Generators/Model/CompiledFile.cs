using RlSpec.Compiler;
using RlSpec.Compiler.Diagnostics;

namespace RlSpec.Generators
{
    /// <summary>
    /// What one file compiles to, compared by value: the emitted sources and the diagnostics (plain
    /// records from the compiler, in <see cref="EquatableArray{T}"/>s). An equal result lets Roslyn skip
    /// the output steps. The diagnostics' spans carry the path the compiler saw (project-relative);
    /// <see cref="Path"/> is the full path, where the build shows them.
    /// </summary>
    internal sealed record CompiledFile(
        string Path,
        string HintPrefix,
        EquatableArray<GeneratedModel> Models,
        EquatableArray<Diagnostic> Diagnostics,
        EquatableArray<ModelDeclaration> Declarations);
}
