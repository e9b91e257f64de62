using RlSpec.Compiler.Diagnostics;

namespace RlSpec.Cli.Output;

/// <summary>
/// How the CLI prints a diagnostic: MSBuild's canonical <c>path(line,col): error RLS0001: message</c>
/// for a place in a file, and <c>-p N=abc: error RLS0402: message</c> for a mistake on the command
/// line itself, which has no file position to point at.
/// </summary>
internal static class DiagnosticText
{
    /// <summary>A span that stands for a command-line argument (line 0: no position in any file).</summary>
    public static SourceSpan CommandLine(string argument) => SourceSpan.CommandLine(argument);

    /// <summary>The compiler's own format, which prints a command-line span (line 0) without a position.</summary>
    public static string Format(Diagnostic d) => d.Format();
}
