using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using RlSpec.Cli.Hosting;
using RlSpec.Cli.Output;
using RlSpec.Compiler;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Experiments.Output;

namespace RlSpec.Cli.Commands;

/// <summary>
/// <c>rlspec run FILE</c>: compile the file, pick an experiment, compile its class and the bandit it runs
/// on in memory, call the emitted <c>Run</c>, and write the outputs (results.csv, summary.json, or a
/// shard file) into <c>--out</c> and a summary table (or the JSON summary) on standard output
/// (docs/cli.md, docs/experiments.md). Ctrl-C stops starting runs and writes the completed ones, marked partial.
/// </summary>
internal static class RunCommand
{
    /// <summary>What the user asked for, after parsing.</summary>
    private sealed record Request(
        string Path, string? ExperimentName, string[]? Overrides, int? Runs, ulong? Seed, string? OutDirectory, int? Threads,
        string Format, string? Shard, int? RunIndex, string? TraceFile, bool NoCache = false);

    public static Command Build(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The .rlspec file." };
        var experiment = new Option<string?>("--experiment") { Description = "Which experiment of the file (by name) when it declares several (default: the first)." };
        var parameters = RlSpecCommandLine.ParamOption();
        var runs = new Option<int?>("--runs") { Description = "Number of runs, replacing the declared `runs`." };
        var seed = new Option<ulong?>("--seed") { Description = "Master seed (0 to 18446744073709551615), replacing the declared `seed`." };
        var output = new Option<string?>("--out", "-o") { Description = "Write results.csv and summary.json (or with --shard the shard file) into this folder." };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: all cores); the results do not depend on it." };
        var format = RlSpecCommandLine.FormatOption("text", "json");
        var shard = new Option<string?>("--shard") { Description = "Run only shard i of n (0-based, e.g. 0/3): the runs r with r mod n = i; merge the shard files with `rlspec merge`." };
        var runIndex = new Option<int?>("--run-index") { Description = "Run only run R (0-based), with the numbers it has in the full experiment." };
        var trace = new Option<string?>("--trace") { Description = "Write every step (sweep,run,algorithm,t,arm,reward) as CSV to this file; meant with --run-index." };
        var noCache = RlSpecCommandLine.NoCacheOption();
        var command = new Command("run", "Run an experiment: compare bandit, online RL or policy-optimization algorithms over many seeded runs.")
        {
            file, experiment, parameters, runs, seed, output, threads, format, shard, runIndex, trace, noCache,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(shard) is not null && result.GetValue(output) is null)
                result.AddError("--shard writes a shard file for `rlspec merge`; give the folder with --out");
            if (result.GetValue(shard) is not null && result.GetValue(runIndex) is not null)
                result.AddError("--shard and --run-index do not combine; a single run is not a shard");
        });
        command.SetAction(result => Run(context, new Request(
            result.GetValue(file)!, result.GetValue(experiment), result.GetValue(parameters), result.GetValue(runs), result.GetValue(seed),
            result.GetValue(output), result.GetValue(threads), result.GetValue(format) ?? "text", result.GetValue(shard),
            result.GetValue(runIndex), result.GetValue(trace), result.GetValue(noCache))));
        return command;
    }

    private static int Run(CliContext context, Request request)
    {
        var loaded = ModelSource.Load(request.Path, request.Overrides);
        foreach (var d in loaded.Diagnostics) context.Error.WriteLine(DiagnosticText.Format(d));
        if (loaded.HasErrors) return ExitCodes.ModelErrors;

        var problems = new List<Diagnostic>();
        var chosen = SelectExperiment(loaded, request.ExperimentName, problems);
        var options = Options(request, problems);
        foreach (var d in problems) context.Error.WriteLine(DiagnosticText.Format(d));
        if (problems.Count > 0 || chosen is null || options is null) return ExitCodes.ModelErrors;

        var (assembly, errors) = InMemoryModelCompiler.CompileAll(loaded.Result!.Models, RlSpecCommandLine.Cache(request.NoCache));
        if (assembly is null)
        {
            foreach (var e in errors) context.Error.WriteLine($"{request.Path}(1,1): error RLS9998: {e}");
            return ExitCodes.ModelErrors;
        }
        var type = assembly.GetType(chosen.TypeName) ?? throw new InvalidOperationException($"emitted assembly has no type {chosen.TypeName}");

        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // The first Ctrl-C stops cleanly (the completed runs are written); a second one ends the process.
            if (cancel.IsCancellationRequested) return;
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        StreamWriter? traceWriter = null;
        ExperimentResult result;
        try
        {
            if (request.TraceFile is { } tracePath)
            {
                try { traceWriter = new StreamWriter(tracePath, false, new System.Text.UTF8Encoding(false)); }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    context.Error.WriteLine($"--trace {tracePath}: error {CliDiagnosticIds.CannotWriteOutput}: cannot write the file ({ex.Message}); check that its folder exists and is writable");
                    return ExitCodes.ModelErrors;
                }
            }
            using var progress = new ExperimentProgressDisplay(context.Error, context.Interactive);
            var runOptions = new RunOptions
            {
                Threads = options.Threads,
                Shard = options.Shard,
                RunIndex = options.RunIndex,
                Trace = traceWriter,
                Progress = progress.Report,
                CancellationToken = cancel.Token,
            };
            try
            {
                var spec = (ExperimentSpec)Invoke(type, "Spec", request.Runs, request.Seed);
                if (request.RunIndex is int r && r >= spec.Runs)
                {
                    context.Error.WriteLine($"--run-index {r}: error {CliDiagnosticIds.InvalidRunOption}: the experiment has {spec.Runs:N0} runs, numbered 0..{spec.Runs - 1}");
                    return ExitCodes.ModelErrors;
                }
                var algorithms = Invoke(type, "Algorithms");
                // Run(spec, algorithms, options): the algorithms' list type is the engine's entry type (bandit,
                // episodic or policy-optimization), whatever Algorithms() returns.
                var run = type.GetMethods(BindingFlags.Public | BindingFlags.Static).FirstOrDefault(m => m.Name == "Run"
                        && m.GetParameters() is { Length: 3 } p && p[0].ParameterType == typeof(ExperimentSpec)
                        && p[1].ParameterType.IsInstanceOfType(algorithms) && p[2].ParameterType == typeof(RunOptions))
                    ?? throw new InvalidOperationException($"{chosen.TypeName} has no Run(spec, algorithms, options)");
                result = (ExperimentResult)Unwrap(() => run.Invoke(null, new object?[] { spec, algorithms, runOptions }));
            }
            catch (ExperimentException ex)
            {
                context.Error.WriteLine($"{request.Path}: error {ex.Id}: {ex.Message}");
                return ExitCodes.ModelErrors;
            }
            catch (ArgumentException ex)
            {
                // The bandit's Create refuses values only known when it runs (e.g. a swept parameter out of range).
                context.Error.WriteLine($"{request.Path}: error {ExperimentErrorIds.InvalidBandit}: creating the bandit failed: {ex.Message}");
                return ExitCodes.ModelErrors;
            }
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            traceWriter?.Dispose();
        }

        if (request.OutDirectory is { } directory)
        {
            try
            {
                foreach (var written in ExperimentOutput.WriteAll(result, directory)) context.Error.WriteLine($"wrote {written}");
                foreach (var written in ExperimentPlots.Write(result, directory)) context.Error.WriteLine($"wrote {written}");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                context.Error.WriteLine($"--out {directory}: error {CliDiagnosticIds.CannotWriteOutput}: cannot write the results ({ex.Message}); check that the folder can be created and written");
                return ExitCodes.ModelErrors;
            }
        }
        if (request.Format == "json")
        {
            using var buffer = new MemoryStream();
            ExperimentJson.Write(result, buffer);
            context.Out.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            context.Out.WriteLine();
        }
        else SummaryTable.Write(result, context.Out);
        foreach (var bad in NonFiniteValues.Find(result))
            context.Error.WriteLine(DiagnosticText.Format(new Diagnostic(CliDiagnosticIds.NonFiniteResults, Severity.Warning,
                $"'{bad.Algorithm}' diverged: its {bad.Series} is not a finite number from {result.Spec.Unit.TrimEnd('s')} {bad.FirstStep:N0} on, in {bad.Runs:N0} of {bad.CompletedRuns:N0} runs{(result.SweepCount > 1 ? $" (sweep value {bad.Sweep + 1})" : "")}; "
                + "the outputs keep NaN/inf there and the table says 'not finite'; if this is not the behaviour under study, lower the step size",
                SourceSpan.FileStart(loaded.Path))));
        if (result.Partial)
        {
            int completed = Enumerable.Range(0, result.SweepCount).Min(result.CompletedCount);
            context.Error.WriteLine($"interrupted: {completed:N0} of {result.Runs.Count:N0} runs completed; they were aggregated and written, marked partial");
            return ExitCodes.Interrupted;
        }
        return ExitCodes.Success;
    }

    /// <summary>The experiment named by --experiment, or the first of the file; null with a diagnostic if there is none.</summary>
    private static GeneratedModel? SelectExperiment(ModelSource.Loaded loaded, string? name, List<Diagnostic> problems)
    {
        var experiments = loaded.Result!.Models.Where(m => m.Kind == "experiment").ToList();
        var first = loaded.Result.Models.FirstOrDefault();
        if (experiments.Count == 0 && first != null && loaded.Irs.TryGetValue(first.Name, out var ir)
            && ir is RlSpec.Compiler.Kinds.Problem.Ir.ProblemIr { Problem.Transport: not null })
        {
            // A transport problem without an experiment: Sinkhorn runs from `solve`, or from an experiment that compares sinkhorn.
            problems.Add(new Diagnostic(CliDiagnosticIds.ExperimentNotFound, Severity.Error,
                $"the file declares no experiment, and {first.Name} is a transport problem: run `rlspec solve {loaded.Path}` (Sinkhorn to --tolerance on the marginal error), or add `experiment E on {first.Name} {{ compare sinkhorn; iterations 200; record marginal_error, transport_cost }}`",
                SourceSpan.FileStart(loaded.Path)));
            return null;
        }
        if (experiments.Count == 0)
        {
            problems.Add(new Diagnostic(CliDiagnosticIds.ExperimentNotFound, Severity.Error,
                "the file declares no experiment; add one such as " + ExampleExperiment(loaded.Result.Models.FirstOrDefault()),
                SourceSpan.FileStart(loaded.Path)));
            return null;
        }
        if (name is null) return experiments[0];
        var chosen = experiments.FirstOrDefault(m => m.Name == name);
        if (chosen is null)
            problems.Add(new Diagnostic(CliDiagnosticIds.ExperimentNotFound, Severity.Error,
                $"the file has no experiment of that name; it declares {string.Join(", ", experiments.Select(m => m.Name))}",
                DiagnosticText.CommandLine("--experiment " + name)));
        return chosen;
    }

    /// <summary>An experiment block that fits the file's first model, for the fix-it of RLS0414.</summary>
    private static string ExampleExperiment(GeneratedModel? model)
    {
        string on = model?.Name ?? "MyBandit";
        return model?.Kind switch
        {
            "mdp" => $"`experiment Learning on {on} {{ episodes 10000  compare psrl, epsilon_greedy_q(epsilon = 0.1) }}`",
            "game" => $"`experiment Dynamics on {on} {{ iterations 10000  compare mwu(eta = 0.1), omwu(eta = 0.1) }}`",
            "problem" => $"`experiment Methods on {on} {{ iterations 1000  compare gd(step = 0.01), nesterov(step = 0.01) }}`",
            _ => $"`experiment Regret on {on} {{ horizon 10000  compare ucb1, thompson }}`",
        };
    }

    private sealed record Execution(int Threads, ShardSpec? Shard, int? RunIndex);

    /// <summary>The execution options, checked; null (with diagnostics at the options) when one is unusable.</summary>
    private static Execution? Options(Request request, List<Diagnostic> problems)
    {
        int before = problems.Count;
        if (request.Runs is int runs && (runs < 1 || runs > 10_000_000))
            problems.Add(new Diagnostic(DiagnosticIds.RunsOutOfRange, Severity.Error,
                "the number of runs must be between 1 and 10,000,000", DiagnosticText.CommandLine($"--runs {runs}")));
        if (request.Threads is int threads && (threads < 1 || threads > 4096))
            problems.Add(new Diagnostic(CliDiagnosticIds.InvalidRunOption, Severity.Error,
                $"the number of threads must be between 1 and 4096 (this machine has {Environment.ProcessorCount} cores)", DiagnosticText.CommandLine($"--threads {threads}")));
        if (request.RunIndex is int r && r < 0)
            problems.Add(new Diagnostic(CliDiagnosticIds.InvalidRunOption, Severity.Error,
                "runs are numbered from 0; give 0 or more", DiagnosticText.CommandLine($"--run-index {r}")));
        ShardSpec? shard = null;
        if (request.Shard is { } text)
        {
            shard = ShardSpec.Parse(text, out var problem);
            if (shard is null)
                problems.Add(new Diagnostic(CliDiagnosticIds.InvalidRunOption, Severity.Error, problem!, DiagnosticText.CommandLine($"--shard {text}")));
        }
        if (problems.Count > before) return null;
        return new Execution(request.Threads ?? Environment.ProcessorCount, shard, request.RunIndex);
    }

    private static object Invoke(Type type, string method, params object?[] arguments)
    {
        var m = type.GetMethod(method, BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{type.FullName} has no {method} method");
        return Unwrap(() => m.Invoke(null, arguments))!;
    }

    /// <summary>Reflection wraps what the emitted code throws; the CLI reports the exception itself.</summary>
    private static object Unwrap(Func<object?> call)
    {
        try { return call()!; }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }
}
