using System;
using System.CommandLine;
using System.Diagnostics;
using System.Linq;
using RlSpec.Cli.Hosting;
using RlSpec.Cli.Output;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;

namespace RlSpec.Cli.Commands;

/// <summary>
/// <c>rlspec solve FILE</c>: compile, validate every state and action, solve (or evaluate a fixed
/// policy), and print a table or one JSON object (docs/cli.md).
/// </summary>
internal static class SolveCommand
{
    private static readonly (string Name, SolverMethod Method)[] Methods =
    {
        ("vi", SolverMethod.ValueIteration), ("gs", SolverMethod.GaussSeidel), ("pi", SolverMethod.PolicyIteration),
        ("mpi", SolverMethod.ModifiedPolicyIteration), ("bi", SolverMethod.BackwardInduction), ("rvi", SolverMethod.RelativeValueIteration),
    };

    public static Command Build(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The .rlspec file." };
        var model = RlSpecCommandLine.ModelOption();
        var parameters = RlSpecCommandLine.ParamOption();
        var format = RlSpecCommandLine.FormatOption();
        var method = new Option<string?>("--method")
        {
            Description = "vi (value iteration), gs (Gauss-Seidel), pi (policy iteration), mpi (modified PI), bi (backward induction), rvi (relative VI); default: the best for the criterion.",
        };
        var policy = new Option<string?>("--policy") { Description = "Evaluate the policy that always takes this action instead of optimizing." };
        var tolerance = new Option<double?>("--tolerance") { Description = "Target for the certified error bound (default 1e-10)." };
        var maxIterations = new Option<int?>("--max-iterations") { Description = "Limit on sweeps or improvement steps." };
        var rows = new Option<int>("--rows") { Description = "Rows of the text table (default 50; the JSON always has every state).", DefaultValueFactory = _ => 50 };
        var command = new Command("solve", "Solve a model: optimal values and policy with a certified error bound.")
        {
            file, model, parameters, method, policy, tolerance, maxIterations, rows, format,
        };
        command.SetAction(result => Run(context, result.GetValue(file)!, result.GetValue(model), result.GetValue(parameters),
            result.GetValue(method), result.GetValue(policy), result.GetValue(tolerance), result.GetValue(maxIterations),
            result.GetValue(rows), result.GetValue(format) == "json"));
        return command;
    }

    private static int Run(CliContext context, string path, string? modelName, string[]? overrides, string? methodName,
        string? policyAction, double? tolerance, int? maxIterations, int rows, bool json)
    {
        var loaded = ModelSource.Load(path, overrides);
        foreach (var d in loaded.Diagnostics) context.Error.WriteLine(d.Format());
        if (loaded.HasErrors) return ExitCodes.ModelErrors;
        var problems = new System.Collections.Generic.List<Diagnostic>();
        var generated = ModelSource.Select(loaded, modelName, problems);
        SolverMethod? solverMethod = null;
        if (methodName != null)
        {
            var match = Methods.FirstOrDefault(m => m.Name == methodName || string.Equals(m.Method.ToString(), methodName, StringComparison.OrdinalIgnoreCase));
            if (match.Name is null)
                problems.Add(new Diagnostic(DiagnosticIds.MethodNotApplicable, Severity.Error,
                    $"--method {methodName}: unknown method; use one of {string.Join(", ", Methods.Select(m => m.Name))}", SourceSpan.FileStart(path)));
            else solverMethod = match.Method;
        }
        foreach (var d in problems) context.Error.WriteLine(d.Format());
        if (problems.Count > 0 || generated is null) return ExitCodes.ModelErrors;

        var compiled = InMemoryModelCompiler.Load(generated);
        if (compiled.MdpHost is null)
        {
            foreach (var e in compiled.Errors) context.Error.WriteLine($"{path}(1,1): error RLS9998: {e}");
            return ExitCodes.ModelErrors;
        }
        var host = compiled.MdpHost;
        var errors = host.Validate();
        foreach (var e in errors) context.Error.WriteLine(FormatModelError(path, e));
        if (errors.Count > 0) return ExitCodes.ModelErrors;

        using var progress = new ProgressDisplay(context.Error, context.Interactive);
        var options = new SolverOptions
        {
            Method = solverMethod,
            Tolerance = tolerance ?? 1e-10,
            MaxIterations = maxIterations ?? 100_000,
            Progress = progress.Report,
        };
        MdpSolution solution;
        try
        {
            if (policyAction != null)
            {
                int action = host.ActionIndex(policyAction);
                if (action < 0)
                {
                    context.Error.WriteLine($"{path}(1,1): error RLS0405: --policy {policyAction}: no such action; the actions are {string.Join(", ", host.ActionNames.Take(20))}");
                    return ExitCodes.ModelErrors;
                }
                solution = host.Evaluate(Enumerable.Repeat(action, host.StateCount).ToArray(), options);
            }
            else
            {
                solution = host.Solve(options);
            }
        }
        catch (MdpSolverException ex)
        {
            progress.Dispose();
            context.Error.WriteLine($"{path}(1,1): error RLS0405: {ex.Message}");
            return ExitCodes.ModelErrors;
        }
        progress.Dispose();
        if (json) JsonReport.WriteSolution(context.Out, solution, host);
        else TextReport.WriteSolution(context.Out, solution, host, rows);
        return ExitCodes.Success;
    }

    /// <summary>A validator finding in the canonical diagnostic form.</summary>
    internal static string FormatModelError(string path, ModelError e)
    {
        var (line, column) = e.Location is { } l && l.Line > 0 ? (l.Line, l.Column) : (1, 1);
        return $"{path}({line},{column}): error {e.Id}: {e.Message}";
    }
}
