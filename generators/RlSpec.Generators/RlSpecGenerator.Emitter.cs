using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RlSpec.Generators
{
    public sealed partial class RlSpecGenerator
    {
        /// <summary>
        /// Adds one source per model, named <c>file.Model.g.cs</c>. The C# text is the compiler's. Nothing is
        /// added for a model that loses a name clash, or when the runtime is missing (RLS0502 says so instead
        /// of CS0234 errors inside generated code).
        /// </summary>
        private static void AddSources(SourceProductionContext context, CompiledFile file, ModelClashes clashes, bool hasRuntime)
        {
            if (!hasRuntime) return;
            foreach (var model in file.Models)
            {
                if (clashes.Skipped.Contains(ModelClashes.Key(file.Path, model.TypeName))) continue;
                try
                {
                    context.AddSource(HintName(file.HintPrefix, model.HintName), model.Source);
                }
                catch (ArgumentException ex)
                {
                    // A hint name Roslyn refuses; report it instead of failing the generator (CS8785).
                    context.ReportDiagnostic(DiagnosticDescriptors.InternalError(file.Path, ex));
                }
            }
        }

        /// <summary>Reports the compiler's diagnostics, located in the .rlspec file (at its full path, which the build shows).</summary>
        private static void ReportDiagnostics(SourceProductionContext context, CompiledFile file)
        {
            foreach (var diagnostic in file.Diagnostics)
            {
                Diagnostic mapped;
                try
                {
                    mapped = DiagnosticDescriptors.ToRoslyn(diagnostic, file.Path);
                }
                catch (ArgumentException ex)
                {
                    mapped = DiagnosticDescriptors.InternalError(file.Path, ex);
                }
                context.ReportDiagnostic(mapped);
            }
        }

        /// <summary>RLS0500, one per model declared again in another file.</summary>
        private static void ReportClashes(SourceProductionContext context, ModelClashes clashes)
        {
            foreach (var diagnostic in clashes.Diagnostics)
                context.ReportDiagnostic(DiagnosticDescriptors.ToRoslyn(diagnostic, diagnostic.Span.Path));
        }

        /// <summary>
        /// What is wrong with the project rather than a model: no .rlspec file at all (RLS0501, a warning:
        /// the package does nothing), or models without the runtime library they compile against (RLS0502).
        /// </summary>
        private static void ReportProjectProblems(SourceProductionContext context, ImmutableArray<SpecText> files, bool hasRuntime)
        {
            if (files.IsEmpty)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NoModelFiles, Location.None));
                return;
            }
            if (!hasRuntime)
            {
                var first = files.OrderBy(f => f.Path, StringComparer.Ordinal).First().Path;
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingRuntime,
                    Location.Create(first, new TextSpan(0, 0), new LinePositionSpan(LinePosition.Zero, LinePosition.Zero))));
            }
        }
    }
}
