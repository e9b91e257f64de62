using System;
using Microsoft.CodeAnalysis;

namespace RlSpec.Generators
{
    public sealed partial class RlSpecGenerator
    {
        /// <summary>Adds one source per model, named <c>file.Model.g.cs</c>. The C# text is the compiler's.</summary>
        private static void AddSources(SourceProductionContext context, CompiledFile file)
        {
            foreach (var model in file.Models)
            {
                try
                {
                    context.AddSource(file.HintPrefix + "." + model.HintName, model.Source);
                }
                catch (ArgumentException ex)
                {
                    // A hint name Roslyn refuses; report it instead of failing the generator (CS8785).
                    context.ReportDiagnostic(DiagnosticDescriptors.InternalError(file.Path, ex));
                }
            }
        }

        /// <summary>Reports the compiler's diagnostics, located in the .rlspec file.</summary>
        private static void ReportDiagnostics(SourceProductionContext context, CompiledFile file)
        {
            foreach (var diagnostic in file.Diagnostics)
            {
                Diagnostic mapped;
                try
                {
                    mapped = DiagnosticDescriptors.ToRoslyn(diagnostic);
                }
                catch (ArgumentException ex)
                {
                    mapped = DiagnosticDescriptors.InternalError(file.Path, ex);
                }
                context.ReportDiagnostic(mapped);
            }
        }
    }
}
