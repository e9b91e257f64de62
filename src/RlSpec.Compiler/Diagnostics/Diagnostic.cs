namespace RlSpec.Compiler.Diagnostics
{
    /// <summary>How serious a diagnostic is.</summary>
    public enum Severity
    {
        Error,
        Warning,
        Info,
    }

    /// <summary>
    /// One problem in a .rlspec file: an id from <see cref="DiagnosticIds"/>, a severity, a message that
    /// says what to do, and where. Diagnostics are plain data (value equality) so that the source
    /// generator can cache them and report them in their own pipeline step.
    /// </summary>
    public sealed record Diagnostic(string Id, Severity Severity, string Message, SourceSpan Span)
    {
        public bool IsError => Severity == Severity.Error;

        /// <summary>MSBuild's canonical form: <c>path(line,col): error RLS0001: message</c>.</summary>
        public string Format() => Span.Line <= 0
            ? $"{Span.Path}: {SeverityText(Severity)} {Id}: {Message}"
            : $"{Span.Path}({Span.Line},{Span.Column}): {SeverityText(Severity)} {Id}: {Message}";

        public override string ToString() => Format();

        private static string SeverityText(Severity s) => s switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "info",
        };
    }
}
