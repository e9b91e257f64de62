using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using RlSpec.Compiler.Diagnostics;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;
using SpecDiagnostic = RlSpec.Compiler.Diagnostics.Diagnostic;

namespace RlSpec.Generators
{
    /// <summary>
    /// The generator's diagnostic descriptors and the mapping of compiler diagnostics to Roslyn ones.
    /// The ids (RLSxxxx) and severities are the compiler's (docs/diagnostics.md lists them); a build
    /// shows them at the .rlspec file's line and column.
    /// </summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "RlSpec";
        private const string HelpLink = "docs/diagnostics.md";

        private static readonly ConcurrentDictionary<(string Id, DiagnosticSeverity Severity), DiagnosticDescriptor> ById =
            new ConcurrentDictionary<(string, DiagnosticSeverity), DiagnosticDescriptor>();

        /// <summary>RLS9999: an exception inside the compiler or generator (a bug), reported instead of crashing the build.</summary>
        public static readonly DiagnosticDescriptor InternalErrorDescriptor = new DiagnosticDescriptor(
            DiagnosticIds.InternalError,
            title: "Internal error in the RlSpec compiler",
            messageFormat: "{0}",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpLink);

        /// <summary>RLS0501: the project references RlSpec but has no .rlspec file, so the package generates nothing.</summary>
        public static readonly DiagnosticDescriptor NoModelFiles = new DiagnosticDescriptor(
            GeneratorDiagnosticIds.NoModelFiles,
            title: "No .rlspec files",
            messageFormat: "the project references RlSpec but has no .rlspec file, so no model type is generated; add a model such as Models/MyModel.rlspec (every **/*.rlspec of the project is compiled), or remove the package",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            helpLinkUri: HelpLink);

        /// <summary>RLS0502: models but no reference to the runtime library the emitted code is written against.</summary>
        public static readonly DiagnosticDescriptor MissingRuntime = new DiagnosticDescriptor(
            GeneratorDiagnosticIds.MissingRuntime,
            title: "RlSpec.Runtime is not referenced",
            messageFormat: "the project has .rlspec models but does not reference the RlSpec.Runtime library that their C# code needs, so no model type is generated; reference the package with `dotnet add package RlSpec` (it carries the generator and the runtime) rather than the generator alone",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            helpLinkUri: HelpLink);

        /// <summary>The descriptor for a compiler diagnostic id at a severity (created once, then shared).</summary>
        public static DiagnosticDescriptor For(string id, DiagnosticSeverity severity) =>
            ById.GetOrAdd((id, severity), key => new DiagnosticDescriptor(
                key.Id,
                title: "RlSpec model error",
                messageFormat: "{0}",
                category: Category,
                defaultSeverity: key.Severity,
                isEnabledByDefault: true,
                helpLinkUri: HelpLink));

        /// <summary>
        /// A compiler diagnostic as a Roslyn diagnostic located in the .rlspec file at <paramref name="path"/>
        /// (the file's full path; the compiler saw a project-relative one). 1-based spans become 0-based.
        /// </summary>
        public static RoslynDiagnostic ToRoslyn(SpecDiagnostic d, string path)
        {
            var severity = d.Severity switch
            {
                Severity.Error => DiagnosticSeverity.Error,
                Severity.Warning => DiagnosticSeverity.Warning,
                _ => DiagnosticSeverity.Info,
            };
            var span = d.Span;
            var start = new LinePosition(Math.Max(0, span.Line - 1), Math.Max(0, span.Column - 1));
            var end = new LinePosition(Math.Max(0, span.EndLine - 1), Math.Max(0, span.EndColumn - 1));
            if (end < start) end = start;
            var text = new TextSpan(Math.Max(0, span.Start), Math.Max(0, span.Length));
            var location = Location.Create(path ?? span.Path ?? "", text, new LinePositionSpan(start, end));
            return RoslynDiagnostic.Create(For(d.Id, severity), location, d.Message);
        }

        /// <summary>RLS9999 as compiler data, for the pipeline (it crosses the cache boundary like any diagnostic).</summary>
        public static SpecDiagnostic InternalErrorDiagnostic(string path, Exception ex) =>
            new SpecDiagnostic(DiagnosticIds.InternalError, Severity.Error, InternalErrorMessage(ex), SourceSpan.FileStart(path));

        /// <summary>RLS9999 as a Roslyn diagnostic at the start of the file.</summary>
        public static RoslynDiagnostic InternalError(string path, Exception ex) =>
            RoslynDiagnostic.Create(InternalErrorDescriptor,
                Location.Create(path, new TextSpan(0, 0), new LinePositionSpan(LinePosition.Zero, LinePosition.Zero)),
                InternalErrorMessage(ex));

        private static string InternalErrorMessage(Exception ex) =>
            $"internal compiler error ({ex.GetType().Name}: {ex.Message}); please report it with this file";
    }
}
