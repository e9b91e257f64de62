using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace RlSpec.Generators
{
    /// <summary>
    /// The incremental pipeline only, stage by stage:
    /// <list type="number">
    /// <item>.rlspec AdditionalFiles -> (path, text) (<see cref="FilesStep"/>);</item>
    /// <item>duplicates dropped, a unique hint name and a project-relative source path per file
    ///   (<see cref="UniqueFilesStep"/>, RlSpecGenerator.HintNames.cs);</item>
    /// <item>each file compiled by the RlSpec compiler into a value-equal result (<see cref="CompiledStep"/>,
    ///   RlSpecGenerator.Compiler.cs), with the project's .csv AdditionalFiles as its data files (<see cref="DataFilesStep"/>,
    ///   AdditionalDataFiles.cs);</item>
    /// <item>model names checked across the project (<see cref="ClashesStep"/>, RlSpecGenerator.ModelNames.cs);</item>
    /// <item>one source per model, and the diagnostics in their own output (RlSpecGenerator.Emitter.cs);
    ///   nothing is emitted when the project does not reference the runtime library (RLS0502).</item>
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
        public const string ClashesStep = "RlSpecClashes";
        public const string DataFilesStep = "RlSpecDataFiles";

        /// <summary>The assembly the emitted code needs (the package RlSpec carries it).</summary>
        internal const string RuntimeAssembly = "RlSpec.Runtime";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var files = context.AdditionalTextsProvider
                .Where(static f => f.Path.EndsWith(".rlspec", StringComparison.OrdinalIgnoreCase))
                .Select(static (f, ct) => new SpecText(f.Path, f.GetText(ct)?.ToString() ?? ""))
                .WithTrackingName(FilesStep);

            // MSBuild's ProjectDir (visible to analyzers by default), to record project-relative paths.
            var projectDirectory = context.AnalyzerConfigOptionsProvider
                .Select(static (o, _) => o.GlobalOptions.TryGetValue("build_property.ProjectDir", out var dir) ? dir : "");

            // Hint names must be unique across files, so this one step sees all of them; its outputs
            // are compared one by one, so an unchanged file stays cached downstream.
            var uniqueFiles = files
                .Collect()
                .Combine(projectDirectory)
                .SelectMany(static (all, _) => AssignHintNames(all.Left, all.Right))
                .WithTrackingName(UniqueFilesStep);

            // Data files (csv("data/a.csv") in a problem): every .csv AdditionalFile, by content. A changed data file
            // compiles every .rlspec file again (which one reads it is known only by compiling); an output that comes
            // out equal stays cached downstream.
            var dataFiles = context.AdditionalTextsProvider
                .Where(static f => f.Path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                .Select(static (f, ct) => new SpecText(f.Path, f.GetText(ct)?.ToString() ?? ""))
                .Collect()
                .Select(static (all, _) => new EquatableArray<SpecText>(all.OrderBy(f => f.Path, StringComparer.Ordinal)))
                .WithTrackingName(DataFilesStep);

            var compiled = uniqueFiles
                .Combine(dataFiles)
                .Select(static (f, ct) => Compile(f.Left, f.Right, ct))
                .WithTrackingName(CompiledStep);

            var clashes = compiled
                .Collect()
                .Select(static (all, _) => FindClashes(all))
                .WithTrackingName(ClashesStep);

            var hasRuntime = context.CompilationProvider
                .Select(static (c, _) => c.ReferencedAssemblyNames.Any(a => a.Name == RuntimeAssembly) || c.AssemblyName == RuntimeAssembly);

            context.RegisterSourceOutput(compiled.Combine(clashes).Combine(hasRuntime),
                static (spc, input) => AddSources(spc, input.Left.Left, input.Left.Right, input.Right));
            context.RegisterSourceOutput(compiled, static (spc, file) => ReportDiagnostics(spc, file));
            context.RegisterSourceOutput(clashes, static (spc, c) => ReportClashes(spc, c));
            context.RegisterSourceOutput(files.Collect().Combine(hasRuntime),
                static (spc, input) => ReportProjectProblems(spc, input.Left, input.Right));
        }
    }
}
