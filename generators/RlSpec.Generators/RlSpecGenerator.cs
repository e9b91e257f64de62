using System;
using Microsoft.CodeAnalysis;

namespace RlSpec.Generators
{
    /// <summary>
    /// The incremental pipeline only, stage by stage:
    /// <list type="number">
    /// <item>.rlspec AdditionalFiles -> (path, text) (<see cref="FilesStep"/>);</item>
    /// <item>duplicates dropped and a unique hint name per file (<see cref="UniqueFilesStep"/>,
    ///   RlSpecGenerator.HintNames.cs);</item>
    /// <item>each file compiled by the RlSpec compiler into a value-equal result (<see cref="CompiledStep"/>,
    ///   RlSpecGenerator.Compiler.cs);</item>
    /// <item>one source per model, and the diagnostics in their own output (RlSpecGenerator.Emitter.cs).</item>
    /// </list>
    /// Parsing, checking and emitting C# are the compiler's (src/RlSpec.Compiler); the CLI calls the
    /// very same <see cref="RlSpec.Compiler.RlSpecCompiler"/>, so both hosts see the same code.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed partial class RlSpecGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking names of the pipeline steps (for tests of the cache).</summary>
        public const string FilesStep = "RlSpecFiles";
        public const string UniqueFilesStep = "RlSpecUniqueFiles";
        public const string CompiledStep = "RlSpecCompiled";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var files = context.AdditionalTextsProvider
                .Where(static f => f.Path.EndsWith(".rlspec", StringComparison.OrdinalIgnoreCase))
                .Select(static (f, ct) => new SpecText(f.Path, f.GetText(ct)?.ToString() ?? ""))
                .WithTrackingName(FilesStep);

            // Hint names must be unique across files, so this one step sees all of them; its outputs
            // are compared one by one, so an unchanged file stays cached downstream.
            var uniqueFiles = files
                .Collect()
                .SelectMany(static (all, _) => AssignHintNames(all))
                .WithTrackingName(UniqueFilesStep);

            var compiled = uniqueFiles
                .Select(static (f, ct) => Compile(f, ct))
                .WithTrackingName(CompiledStep);

            context.RegisterSourceOutput(compiled, static (spc, file) => AddSources(spc, file));
            context.RegisterSourceOutput(compiled, static (spc, file) => ReportDiagnostics(spc, file));
        }
    }
}
