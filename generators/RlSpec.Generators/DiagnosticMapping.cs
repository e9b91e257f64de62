using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using RlSpec.Compiler.Diagnostics;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;
using SpecDiagnostic = RlSpec.Compiler.Diagnostics.Diagnostic;

namespace RlSpec.Generators
{
    /// <summary>Turns compiler diagnostics into Roslyn diagnostics located in the .rlspec file.</summary>
    internal static class DiagnosticMapping
    {
        private static readonly ConcurrentDictionary<(string, DiagnosticSeverity), DiagnosticDescriptor> Descriptors =
            new ConcurrentDictionary<(string, DiagnosticSeverity), DiagnosticDescriptor>();

        public static DiagnosticDescriptor Descriptor(string id, DiagnosticSeverity severity) =>
            Descriptors.GetOrAdd((id, severity), key => new DiagnosticDescriptor(
                key.Item1,
                title: "RlSpec model error",
                messageFormat: "{0}",
                category: "RlSpec",
                defaultSeverity: key.Item2,
                isEnabledByDefault: true,
                helpLinkUri: "docs/diagnostics.md"));

        public static RoslynDiagnostic ToRoslyn(SpecDiagnostic d)
        {
            var severity = d.Severity switch
            {
                Severity.Error => DiagnosticSeverity.Error,
                Severity.Warning => DiagnosticSeverity.Warning,
                _ => DiagnosticSeverity.Info,
            };
            var span = d.Span;
            var lines = new LinePositionSpan(
                new LinePosition(System.Math.Max(0, span.Line - 1), System.Math.Max(0, span.Column - 1)),
                new LinePosition(System.Math.Max(0, span.EndLine - 1), System.Math.Max(0, span.EndColumn - 1)));
            var location = Location.Create(span.Path, new TextSpan(span.Start, span.Length), lines);
            return RoslynDiagnostic.Create(Descriptor(d.Id, severity), location, d.Message);
        }
    }
}
