namespace RlSpec.Cli.Commands;

/// <summary>
/// Ids of mistakes only the command line can make (its output options); the ids of mistakes in a
/// model are the compiler's (RlSpec.Compiler.Diagnostics.DiagnosticIds). All are in docs/diagnostics.md.
/// </summary>
public static class CliDiagnosticIds
{
    /// <summary>RLS0410: <c>--out</c> or <c>--export-policy</c> names a file that cannot be written.</summary>
    public const string CannotWriteOutput = "RLS0410";

    /// <summary>RLS0411: <c>--format dot</c> on a model too large to draw.</summary>
    public const string GraphTooLarge = "RLS0411";

    /// <summary>RLS0412: <c>--grid</c> on a model without two state variables, or naming unknown ones.</summary>
    public const string GridNotApplicable = "RLS0412";

    /// <summary>RLS0413: an option of <c>rlspec run</c> with a value that cannot be used (<c>--shard 3/3</c>, <c>--threads 0</c>, <c>--run-index</c> beyond the runs).</summary>
    public const string InvalidRunOption = "RLS0413";

    /// <summary>RLS0690: <c>rlspec solve --threads</c> outside 1..4096.</summary>
    public const string InvalidSolveThreads = "RLS0690";

    /// <summary>RLS0414: <c>rlspec run</c> on a file without an experiment, or <c>--experiment</c> naming none of them.</summary>
    public const string ExperimentNotFound = "RLS0414";

    /// <summary>RLS0415 (warning): an algorithm's recorded values became NaN or infinite (its iterates diverged).</summary>
    public const string NonFiniteResults = "RLS0415";

    /// <summary>RLS0840: an equilibrium a game solver returned failed its best-response check (a solver bug; never printed as an answer).</summary>
    public const string UnverifiedEquilibrium = "RLS0840";

    /// <summary>RLS0841: a game solver refused the game (e.g. too large for the exact method it needs).</summary>
    public const string GameSolverRefused = "RLS0841";

    /// <summary>RLS0842: an mdp option (<c>--method</c>, <c>--policy</c>, <c>--grid</c>, <c>--export-policy</c>, <c>--format csv|dot</c>) given for a game.</summary>
    public const string GameOptionNotApplicable = "RLS0842";

    /// <summary>RLS0843: a Gambit .nfg file that cannot be read or does not follow the format (line and column of the problem).</summary>
    public const string NfgUnreadable = "RLS0843";
}
