using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using RlSpec.Cli.Hosting;
using RlSpec.Cli.Hosting.Interpreted;
using RlSpec.Cli.Output;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Runtime.Hosting;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;

namespace RlSpec.Cli.Commands;

/// <summary>
/// <c>rlspec solve FILE</c>: compile, validate every state and action, solve (or evaluate a fixed
/// policy), and print a table, one JSON object, CSV or the policy's graph (docs/cli.md), to standard
/// output or to <c>--out FILE</c>.
/// </summary>
internal static class SolveCommand
{
    private static readonly (string Name, SolverMethod Method)[] Methods =
    {
        ("vi", SolverMethod.ValueIteration), ("gs", SolverMethod.GaussSeidel), ("pi", SolverMethod.PolicyIteration),
        ("mpi", SolverMethod.ModifiedPolicyIteration), ("bi", SolverMethod.BackwardInduction), ("rvi", SolverMethod.RelativeValueIteration),
    };

    /// <summary>What the user asked for, after parsing.</summary>
    private sealed record Request(
        string Path, string? ModelName, string[]? Overrides, string? MethodName, string? PolicyAction,
        double? Tolerance, string ToleranceKind, int? MaxIterations, int Rows, string Format, string? OutFile, string? Grid, string? ExportPolicy, bool NoCache = false, int? Threads = null, string Engine = "auto");

    public static Command Build(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The .rlspec file." };
        var model = RlSpecCommandLine.ModelOption();
        var parameters = RlSpecCommandLine.ParamOption();
        var format = RlSpecCommandLine.FormatOption("text", "json", "csv", "dot");
        var method = new Option<string?>("--method")
        {
            Description = "vi (value iteration), gs (Gauss-Seidel), pi (policy iteration), mpi (modified PI), bi (backward induction), rvi (relative VI); default: the best for the criterion. For a problem: gd, nesterov, proximal_gradient, frank_wolfe, subgradient, extragradient, optimistic_gda (default: docs/optimization.md).",
        };
        var policy = new Option<string?>("--policy") { Description = "Evaluate the policy that always takes this action instead of optimizing." };
        var tolerance = new Option<double?>("--tolerance") { Description = "Target for the certified error bound (default 1e-10, relative to the span of the values)." };
        var toleranceKind = new Option<string>("--tolerance-kind")
        {
            Description = "relative (default: bound <= tolerance * max(1, max V - min V)) or absolute (bound <= tolerance).",
            DefaultValueFactory = _ => "relative",
        };
        toleranceKind.AcceptOnlyFromAmong("relative", "absolute");
        var maxIterations = new Option<int?>("--max-iterations") { Description = "Limit on sweeps or improvement steps." };
        var rows = new Option<int>("--rows") { Description = "Rows of the text table (default 50; the other formats always have every state).", DefaultValueFactory = _ => 50 };
        var output = new Option<string?>("--out", "-o") { Description = "Write the result (any --format) to this file instead of standard output." };
        var grid = new Option<string?>("--grid") { Description = "For two state variables: values and actions as 2-D tables, e.g. --grid x,y (x across, y down)." };
        var exportPolicy = new Option<string?>("--export-policy") { Description = "Also write the optimal policy to this file (.json: JSON, otherwise CSV)." };
        var noCache = RlSpecCommandLine.NoCacheOption();
        var threads = new Option<int?>("--threads")
        {
            Description = "Threads for the sweeps (default: every core for models of 2^18 states or more, else one); the results do not depend on it.",
        };
        var engine = new Option<string>("--engine")
        {
            Description = "auto (default: interpret the model without compiling C# when it is small and the interpreter supports it), interpreted, or compiled.",
            DefaultValueFactory = _ => "auto",
        };
        engine.AcceptOnlyFromAmong("auto", "interpreted", "compiled");
        var command = new Command("solve", "Solve a model: optimal values and policy with a certified error bound.")
        {
            file, model, parameters, method, policy, tolerance, toleranceKind, maxIterations, rows, format, output, grid, exportPolicy, noCache, threads, engine,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(grid) is not null && result.GetValue(format) is { } f && f != "text")
                result.AddError($"--grid draws text tables; it cannot be combined with --format {f}");
        });
        command.SetAction(result => Run(context, new Request(
            result.GetValue(file)!, result.GetValue(model), result.GetValue(parameters), result.GetValue(method),
            result.GetValue(policy), result.GetValue(tolerance), result.GetValue(toleranceKind) ?? "relative", result.GetValue(maxIterations), result.GetValue(rows),
            result.GetValue(format) ?? "text", result.GetValue(output), result.GetValue(grid), result.GetValue(exportPolicy), result.GetValue(noCache), result.GetValue(threads), result.GetValue(engine) ?? "auto")));
        return command;
    }

    /// <summary>
    /// The interpreted engine's host (no C# compilation), when --engine allows it, the model is an mdp the interpreter
    /// supports and, for auto, small (<see cref="MdpInterpreter.AutomaticLimit"/>); null otherwise, and the compiled
    /// engine runs. JSON and dot output and --export-policy read the compiled model's parameters and transitions, so
    /// they always use the compiled engine.
    /// </summary>
    private static InMemoryModelCompiler.Loaded? Interpreted(Request request, ModelSource.Loaded loaded, RlSpec.Compiler.GeneratedModel generated)
    {
        if (request.Engine == "compiled" || generated.Kind != "mdp") return null;
        if (request.Format is "json" or "dot" || request.ExportPolicy is not null) return null;
        if (!loaded.Irs.TryGetValue(generated.Name, out var irObject) || irObject is not RlSpec.Compiler.Kinds.Mdp.Ir.MdpIr ir) return null;
        if (request.Engine == "auto" && MdpInterpreter.Work(ir) > MdpInterpreter.AutomaticLimit) return null;
        var interpreted = MdpInterpreter.TryBuild(ir, out _);
        return interpreted is null ? null : new InMemoryModelCompiler.Loaded(new InterpretedMdpHost(interpreted), Array.Empty<string>());
    }

    private static int Run(CliContext context, Request request)
    {
        string path = request.Path;
        if (path.EndsWith(".nfg", StringComparison.OrdinalIgnoreCase)) return SolveNfg(context, request);
        var loaded = ModelSource.Load(path, request.Overrides);
        foreach (var d in loaded.Diagnostics) context.Error.WriteLine(DiagnosticText.Format(d));
        if (loaded.HasErrors) return ExitCodes.ModelErrors;
        var problems = new System.Collections.Generic.List<Diagnostic>();
        var generated = ModelSource.Select(loaded, request.ModelName, problems);
        SolverMethod? solverMethod = null;
        if (request.MethodName is { } methodName && generated?.Kind != "problem") // a problem's methods are the problem branch's
        {
            var match = Methods.FirstOrDefault(m => m.Name == methodName || string.Equals(m.Method.ToString(), methodName, StringComparison.OrdinalIgnoreCase));
            if (match.Name is null)
                problems.Add(new Diagnostic(DiagnosticIds.MethodNotApplicable, Severity.Error,
                    $"unknown method; use one of {string.Join(", ", Methods.Select(m => m.Name))}", DiagnosticText.CommandLine("--method " + methodName)));
            else solverMethod = match.Method;
        }
        if (request.Threads is int t && (t < 1 || t > 4096))
            problems.Add(new Diagnostic(CliDiagnosticIds.InvalidSolveThreads, Severity.Error,
                $"the number of threads must be between 1 and 4096 (this machine has {Environment.ProcessorCount} cores)", DiagnosticText.CommandLine($"--threads {t}")));
        foreach (var d in problems) context.Error.WriteLine(DiagnosticText.Format(d));
        if (problems.Count > 0 || generated is null) return ExitCodes.ModelErrors;

        var compiled = Interpreted(request, loaded, generated) ?? InMemoryModelCompiler.Load(generated, RlSpecCommandLine.Cache(request.NoCache));
        if (compiled.Host is RlSpec.Runtime.Bandits.IBandit bandit)
        {
            // Nothing to solve: the arms' means are known here, and learning them is what `rlspec run` measures.
            RlSpec.Cli.Output.BanditReport.Write(context.Out, generated.Name, bandit);
            return ExitCodes.Success;
        }
        if (compiled.Host is RlSpec.Runtime.Optimization.Transport.ITransportProblem transport)
        {
            // A transport problem: Sinkhorn to --tolerance on the marginal error.
            var mdpOption = request.PolicyAction is not null ? "--policy" : request.Grid is not null ? "--grid" : request.ExportPolicy is not null ? "--export-policy" : null;
            return TransportSolveCommand.Run(context, new ProblemSolveCommand.Options(path, request.MethodName, request.Tolerance, request.MaxIterations,
                request.Format, request.OutFile, mdpOption), transport, generated.Name);
        }
        if (compiled.Host is RlSpec.Runtime.Optimization.ICompositeProblem optimization)
        {
            // A problem: the runtime's solver runs a default (or the --method) first-order method to a certificate.
            var mdpOption = request.PolicyAction is not null ? "--policy" : request.Grid is not null ? "--grid" : request.ExportPolicy is not null ? "--export-policy" : request.Threads is not null ? "--threads" : null;
            loaded.Irs.TryGetValue(generated.Name, out var problemIr);
            return ProblemSolveCommand.Run(context, new ProblemSolveCommand.Options(path, request.MethodName, request.Tolerance, request.MaxIterations,
                request.Format, request.OutFile, mdpOption), optimization, problemIr);
        }
        if (compiled.Host is RlSpec.Runtime.Games.GameModel game)
            return SolveGame(context, request, game);
        if (compiled.MdpHost is null)
        {
            foreach (var e in compiled.Errors) context.Error.WriteLine($"{path}(1,1): error {compiled.ErrorId}: {e}");
            return ExitCodes.ModelErrors;
        }
        // The solver validates the model itself (after planning the memory the solve needs, so a
        // model too large to solve is refused before validation enumerates it).
        var host = compiled.MdpHost;

        // Requests that do not fit this model are refused before the solve, which may take long.
        (int Across, int Down) gridAxes = (-1, -1);
        if (request.Grid is { } gridRequest)
        {
            var (across, down, problem) = GridReport.Resolve(host, gridRequest);
            if (problem is not null)
            {
                context.Error.WriteLine($"--grid {gridRequest}: error {CliDiagnosticIds.GridNotApplicable}: {problem}");
                return ExitCodes.ModelErrors;
            }
            gridAxes = (across, down);
        }
        if (request.Format == "dot" && host.StateCount > PolicyDot.MaxStates)
        {
            context.Error.WriteLine($"--format dot: error {CliDiagnosticIds.GraphTooLarge}: {host.Name} has {host.StateCount:N0} states and the policy graph is drawn for at most {PolicyDot.MaxStates}; make the model smaller with -p, or use --format csv");
            return ExitCodes.ModelErrors;
        }
        int policyAction = -1;
        if (request.PolicyAction is { } actionName)
        {
            policyAction = host.ActionIndex(actionName);
            if (policyAction < 0)
            {
                context.Error.WriteLine($"--policy {actionName}: error RLS0405: no such action; the actions are {string.Join(", ", host.ActionNames.Take(20))}");
                return ExitCodes.ModelErrors;
            }
        }

        using var progress = new ProgressDisplay(context.Error, context.Interactive);
        var options = new SolverOptions
        {
            Method = solverMethod,
            Tolerance = request.Tolerance ?? new SolverOptions().Tolerance,
            ToleranceKind = request.ToleranceKind == "absolute" ? ToleranceKind.Absolute : ToleranceKind.Relative,
            MaxIterations = request.MaxIterations ?? new SolverOptions().MaxIterations,
            Threads = request.Threads,
            Progress = progress.Report,
        };
        MdpSolution solution;
        try
        {
            solution = request.PolicyAction is null
                ? host.Solve(options)
                : host.Evaluate(Enumerable.Repeat(policyAction, host.StateCount).ToArray(), options);
        }
        catch (MdpSolverException ex)
        {
            progress.Dispose();
            // A method that does not fit the criterion is the option's fault (the CLI's RLS0405, at the
            // option); anything else is about the model as a whole, with the solver's own id.
            bool methodMisfit = ex.Id == SolverErrorIds.InvalidRequest && request.MethodName is not null;
            var where = methodMisfit ? "--method " + request.MethodName : path;
            var id = methodMisfit ? DiagnosticIds.MethodNotApplicable : ex.Id;
            foreach (var e in ex.ModelErrors) context.Error.WriteLine(FormatModelError(path, e));
            // A model that failed validation is described by the validator's own findings, one each.
            if (!(ex.Id == SolverErrorIds.InvalidModel && ex.ModelErrors.Count > 0))
                context.Error.WriteLine($"{where}: error {id}: {ex.Message}");
            return ExitCodes.ModelErrors;
        }
        progress.Dispose();

        var text = new StringWriter();
        if (request.Grid is not null) GridReport.Write(text, solution, host, gridAxes.Across, gridAxes.Down);
        else if (request.Format == "json") JsonReport.WriteSolution(text, solution, host, options);
        else if (request.Format == "csv") CsvReport.WriteSolution(text, solution, host);
        else if (request.Format == "dot") PolicyDot.Write(text, solution, host);
        else TextReport.WriteSolution(text, solution, host, request.Rows);

        if (request.ExportPolicy is { } exportPath)
        {
            var policyText = new StringWriter();
            if (exportPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) JsonReport.WritePolicy(policyText, solution, host);
            else CsvReport.WriteSolution(policyText, solution, host, withValues: false);
            if (!TryWrite(context, "--export-policy", exportPath, policyText.ToString())) return ExitCodes.ModelErrors;
        }
        if (request.OutFile is { } outPath)
        {
            if (!TryWrite(context, "--out", outPath, text.ToString())) return ExitCodes.ModelErrors;
        }
        else context.Out.Write(text.ToString());
        return ExitCodeFor(solution.StopReason);
    }

    /// <summary>A Gambit .nfg file: read (either version of the format) and solved like a declared game.</summary>
    private static int SolveNfg(CliContext context, Request request)
    {
        string text;
        try { text = File.ReadAllText(request.Path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            context.Error.WriteLine($"{request.Path}: error {CliDiagnosticIds.NfgUnreadable}: cannot read the file ({ex.Message})");
            return ExitCodes.ModelErrors;
        }
        RlSpec.Runtime.Games.Gambit.NfgGame nfg;
        try { nfg = RlSpec.Runtime.Games.Gambit.NfgFormat.Read(text); }
        catch (RlSpec.Runtime.Games.Gambit.NfgFormatException ex)
        {
            context.Error.WriteLine($"{request.Path}({ex.Line},{ex.Column}): error {CliDiagnosticIds.NfgUnreadable}: {ex.Message}");
            return ExitCodes.ModelErrors;
        }
        var name = nfg.Title.Length > 0 ? nfg.Title : Path.GetFileNameWithoutExtension(request.Path);
        return SolveGame(context, request, RlSpec.Cli.Games.NfgBridge.ToModel(nfg, name));
    }

    /// <summary>
    /// A game: every solver that fits its form (docs/games.md), each equilibrium verified by a best-response check before
    /// it is printed; one that fails the check is an error (RLS0840), never an answer.
    /// </summary>
    private static int SolveGame(CliContext context, Request request, RlSpec.Runtime.Games.GameModel game)
    {
        if (request.Format is not ("text" or "json"))
        {
            context.Error.WriteLine($"--format {request.Format}: error {CliDiagnosticIds.GameOptionNotApplicable}: a game's solution is written as text or json");
            return ExitCodes.ModelErrors;
        }
        if (request.MethodName is not null || request.PolicyAction is not null || request.Grid is not null || request.ExportPolicy is not null || request.Threads is not null)
        {
            var option = request.MethodName is not null ? "--method" : request.PolicyAction is not null ? "--policy" : request.Grid is not null ? "--grid" : request.ExportPolicy is not null ? "--export-policy" : "--threads";
            context.Error.WriteLine($"{option}: error {CliDiagnosticIds.GameOptionNotApplicable}: {option} is an mdp option; a game runs every solver that fits its form (docs/games.md)");
            return ExitCodes.ModelErrors;
        }
        RlSpec.Cli.Games.GameSolution solution;
        try
        {
            solution = RlSpec.Cli.Games.GameAnalysis.Solve(game);
        }
        catch (RlSpec.Cli.Games.UnverifiedEquilibriumException ex)
        {
            context.Error.WriteLine($"{request.Path}: error {CliDiagnosticIds.UnverifiedEquilibrium}: {ex.Message}; this is a solver bug, please report it with the file");
            return ExitCodes.InternalError;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            context.Error.WriteLine($"{request.Path}: error {CliDiagnosticIds.GameSolverRefused}: {ex.Message}");
            return ExitCodes.ModelErrors;
        }
        var text = new StringWriter();
        if (request.Format == "json") RlSpec.Cli.Games.GameReport.WriteJson(text, solution);
        else RlSpec.Cli.Games.GameReport.WriteText(text, solution);
        if (request.OutFile is { } outPath)
        {
            if (!TryWrite(context, "--out", outPath, text.ToString())) return ExitCodes.ModelErrors;
        }
        else context.Out.Write(text.ToString());
        return ExitCodes.Success;
    }

    /// <summary>
    /// A solve that stopped short of its tolerance has still written its results (with the bound it did
    /// certify), but a script must be able to tell: its own exit code per reason.
    /// </summary>
    internal static int ExitCodeFor(StopReason reason) => reason switch
    {
        StopReason.IterationLimit => ExitCodes.IterationLimit,
        StopReason.RoundingFloor => ExitCodes.RoundingFloor,
        _ => ExitCodes.Success,
    };

    /// <summary>Writes a result file; a file that cannot be written is a located diagnostic, not a stack trace.</summary>
    internal static bool TryWrite(CliContext context, string option, string path, string content)
    {
        try
        {
            File.WriteAllText(path, content);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            context.Error.WriteLine($"{option} {path}: error {CliDiagnosticIds.CannotWriteOutput}: cannot write the file ({ex.Message}); check that its folder exists and is writable");
            return false;
        }
    }

    /// <summary>A validator finding in the canonical diagnostic form.</summary>
    internal static string FormatModelError(string path, ModelError e)
    {
        var (line, column) = e.Location is { } l && l.Line > 0 ? (l.Line, l.Column) : (1, 1);
        return $"{path}({line},{column}): error {e.Id}: {e.Message}";
    }
}
