using System;
using System.IO;
using Microsoft.CodeAnalysis;
using RlSpec.Compiler;

namespace RlSpec.Generators
{
    /// <summary>
    /// The incremental pipeline only: .rlspec AdditionalFiles -> (path, text) -> compiled result ->
    /// one source per model, and diagnostics in their own output. Parsing, checking and emitting are the
    /// compiler's (src/RlSpec.Compiler); the CLI calls the very same <see cref="RlSpecCompiler"/>.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class RlSpecGenerator : IIncrementalGenerator
    {
        public const string FilesStep = "RlSpecFiles";
        public const string CompiledStep = "RlSpecCompiled";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var files = context.AdditionalTextsProvider
                .Where(static f => f.Path.EndsWith(".rlspec", StringComparison.OrdinalIgnoreCase))
                .Select(static (f, ct) => new SpecFile(f.Path, f.GetText(ct)?.ToString() ?? ""))
                .WithTrackingName(FilesStep);

            var compiled = files
                .Select(static (f, ct) => Compile(f, ct))
                .WithTrackingName(CompiledStep);

            context.RegisterSourceOutput(compiled, static (spc, result) =>
            {
                foreach (var model in result.Models)
                    spc.AddSource(result.HintPrefix + "." + model.HintName, model.Source);
            });

            context.RegisterSourceOutput(compiled, static (spc, result) =>
            {
                foreach (var diagnostic in result.Diagnostics)
                    spc.ReportDiagnostic(DiagnosticMapping.ToRoslyn(diagnostic));
            });
        }

        /// <summary>Compiles one file; never throws (an internal error becomes diagnostic RLS9999).</summary>
        internal static CompiledFile Compile(SpecFile file, System.Threading.CancellationToken cancellationToken)
        {
            var prefix = Path.GetFileNameWithoutExtension(file.Path);
            try
            {
                var result = RlSpecCompiler.Compile(file.Path, file.Text, null, cancellationToken);
                return new CompiledFile(prefix, new EquatableArray<GeneratedModel>(result.Models),
                    new EquatableArray<RlSpec.Compiler.Diagnostics.Diagnostic>(result.Diagnostics));
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                var d = new RlSpec.Compiler.Diagnostics.Diagnostic(RlSpec.Compiler.Diagnostics.DiagnosticIds.InternalError,
                    RlSpec.Compiler.Diagnostics.Severity.Error,
                    $"internal compiler error ({ex.GetType().Name}: {ex.Message}); please report it with this file",
                    RlSpec.Compiler.Diagnostics.SourceSpan.FileStart(file.Path));
                return new CompiledFile(prefix, new EquatableArray<GeneratedModel>(Array.Empty<GeneratedModel>()),
                    new EquatableArray<RlSpec.Compiler.Diagnostics.Diagnostic>(new[] { d }));
            }
        }
    }

    /// <summary>
    /// The cache boundary of the pipeline: a file's path and text, compared by value (no Roslyn objects),
    /// so an unchanged file is not compiled again.
    /// </summary>
    internal sealed record SpecFile(string Path, string Text);

    /// <summary>
    /// What one file compiles to, compared by value: the emitted sources and the diagnostics (plain
    /// records from the compiler). Equal results let Roslyn skip the output steps.
    /// </summary>
    internal sealed record CompiledFile(string HintPrefix, EquatableArray<GeneratedModel> Models, EquatableArray<RlSpec.Compiler.Diagnostics.Diagnostic> Diagnostics);
}
