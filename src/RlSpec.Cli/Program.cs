using System;
using System.IO;
using RlSpec.Cli.Commands;

namespace RlSpec.Cli;

/// <summary>The <c>rlspec</c> command line: check, emit, solve, run.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        // Numbers are printed invariantly whatever the machine's culture.
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        return Run(args, Console.Out, Console.Error, interactive: !Console.IsErrorRedirected && !IsContinuousIntegration());
    }

    /// <summary>
    /// System.CommandLine names the expected type of an option as .NET spells it
    /// (<c>System.Nullable`1[System.UInt64]</c>); a person reads what kind of number it wants instead.
    /// </summary>
    private static string Readable(string message)
    {
        foreach (var (type, words) in new[]
        {
            ("System.UInt64", "a whole number from 0 to 18446744073709551615"),
            ("System.Int64", "a whole number"),
            ("System.Int32", "a whole number from -2147483648 to 2147483647"),
            ("System.Double", "a number"),
            ("System.Boolean", "true or false"),
        })
        {
            message = message.Replace($"'System.Nullable`1[{type}]'", words).Replace($"'{type}'", words);
        }
        return message;
    }

    /// <summary>Runs the command line with the given writers, never showing progress (tests call this in-process).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, interactive: false);

    /// <summary>
    /// Runs the command line with the given writers; <paramref name="interactive"/> says whether a person
    /// watches stderr (then a solve longer than a second shows its progress there).
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool interactive)
    {
        try
        {
            var parsed = RlSpecCommandLine.Build(new CliContext(stdout, stderr, interactive)).Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors) stderr.WriteLine("rlspec: " + Readable(error.Message));
                stderr.WriteLine("Run 'rlspec --help' (or 'rlspec COMMAND --help') for usage.");
                return ExitCodes.Usage;
            }
            return parsed.Invoke(new System.CommandLine.InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception ex)
        {
            // Never a stack trace for the user: an internal error is reported as such.
            stderr.WriteLine($"rlspec: error RLS9999: internal error ({ex.GetType().Name}: {ex.Message}); please report it with the model file");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>CI services set CI (to true, True or 1); progress output would only clutter their logs.</summary>
    private static bool IsContinuousIntegration()
    {
        var ci = Environment.GetEnvironmentVariable("CI");
        return !string.IsNullOrEmpty(ci) && ci != "0" && !string.Equals(ci, "false", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>
/// Exit codes (docs/cli.md): 0 success, 1 errors in the model (diagnostics), 2 wrong usage, 3 internal
/// error, 4 a solve stopped on the iteration limit, 5 a solve stopped on the rounding floor (in both,
/// the results were written, with a bound that misses the tolerance), 6 an experiment interrupted by
/// Ctrl-C (the completed runs were written, marked partial).
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int ModelErrors = 1;
    public const int Usage = 2;
    public const int InternalError = 3;
    public const int IterationLimit = 4;
    public const int RoundingFloor = 5;
    public const int Interrupted = 6;
}

/// <summary>Where a command writes, and whether a person is watching (progress display).</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, bool Interactive);
