using System;
using System.IO;
using System.Linq;
using RlSpec.Cli.Output;
using RlSpec.Compiler.Kinds.Problem.Ir;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Optimization;
using RlSpec.Runtime.Optimization.Hosting;
using RlSpec.Runtime.Optimization.Solve;

namespace RlSpec.Cli.Commands;

/// <summary>
/// <c>rlspec solve</c> on a <c>problem</c>: hosts the runtime's <see cref="ProblemSolver"/> (the method choice, the step and
/// the certificate live there) and writes its answer as text or JSON. Exit codes: 0 when the certificate met the
/// tolerance, 4 (with RLS0955, the answer still written) at the iteration limit, 1 for RLS0956 (a non-finite objective or
/// gradient: nothing is written), RLS0957 (a method that does not fit, an online problem) and RLS0958 (a bad option).
/// </summary>
internal static class ProblemSolveCommand
{
    /// <summary>What the problem branch of <c>rlspec solve</c> reads of the request.</summary>
    public sealed record Options(string Path, string? MethodName, double? Tolerance, int? MaxIterations, string Format, string? OutFile, string? MdpOption);

    public static int Run(CliContext context, Options request, ICompositeProblem problem, object? ir)
    {
        string where = request.Path;
        void Fail(string at, string id, string message) => context.Error.WriteLine($"{at}: error {id}: {message}");
        if (RefusesOptions(context, request, "a problem takes --method, --tolerance, --max-iterations, --format text|json and --out")) return ExitCodes.ModelErrors;
        SolveMethod? method = null;
        if (request.MethodName is { } name)
        {
            method = SolveMethodNames.Find(name);
            if (method is null)
            {
                Fail("--method " + name, ProblemSolveErrorIds.MethodDoesNotFit,
                    $"unknown method for a problem; use one of {string.Join(", ", SolveMethodNames.All.Select(m => m.Name))}, or leave --method out for the default");
                return ExitCodes.ModelErrors;
            }
        }
        var structure = Structure(ir);
        var options = new SolveOptions
        {
            Method = method,
            Tolerance = request.Tolerance ?? new SolveOptions().Tolerance,
            MaxIterations = request.MaxIterations ?? new SolveOptions().MaxIterations,
        };
        var targets = problem is IDeclaredTargets declared ? OptimizationTargets.Of(declared) : new OptimizationTargets();
        ProblemSolution solution;
        try
        {
            solution = ProblemSolver.Solve(new BoxedProblem(problem), structure, options, targets);
        }
        catch (ProblemSolveException ex)
        {
            var at = ex.Id == ProblemSolveErrorIds.InvalidOption
                ? (request.Tolerance is not null && !(request.Tolerance > 0 && !double.IsInfinity(request.Tolerance.Value)) ? $"--tolerance {request.Tolerance}" : $"--max-iterations {request.MaxIterations}")
                : ex.Id == ProblemSolveErrorIds.MethodDoesNotFit && request.MethodName is not null ? "--method " + request.MethodName : where;
            Fail(at, ex.Id, ex.Message);
            return ExitCodes.ModelErrors;
        }
        var name2 = ir is ProblemIr p ? p.Name : Path.GetFileNameWithoutExtension(where);
        var text = new StringWriter();
        if (request.Format == "json") ProblemSolveReport.WriteJson(text, name2, solution);
        else ProblemSolveReport.WriteText(text, name2, solution);
        if (request.OutFile is { } outPath)
        {
            if (!SolveCommand.TryWrite(context, "--out", outPath, text.ToString())) return ExitCodes.ModelErrors;
        }
        else context.Out.Write(text.ToString());
        if (solution.Converged) return ExitCodes.Success;
        Fail(where, ProblemSolveErrorIds.NotConverged,
            string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{solution.Method.Name()} did not meet the tolerance in {solution.Iterations:N0} iterations: the {solution.CertificateName.Replace('_', ' ')} is {solution.Certificate:G3} > {solution.Tolerance:G3}; raise --max-iterations, loosen --tolerance, or try another --method"));
        return ExitCodes.IterationLimit;
    }

    /// <summary>RLS0958 for an mdp option or a format other than text and json (both kinds of problem); true when refused.</summary>
    internal static bool RefusesOptions(CliContext context, Options request, string takes)
    {
        if (request.MdpOption is { } option)
        {
            context.Error.WriteLine($"{option}: error {ProblemSolveErrorIds.InvalidOption}: {option} is an mdp option; {takes}");
            return true;
        }
        if (request.Format is not ("text" or "json"))
        {
            context.Error.WriteLine($"--format {request.Format}: error {ProblemSolveErrorIds.InvalidOption}: a problem's solution is written as text or json");
            return true;
        }
        return false;
    }

    /// <summary>The facts the default-method rule needs from the compiler: the objective's kinks and the l1 regularizer.</summary>
    private static ProblemStructure Structure(object? ir)
    {
        if (ir is not ProblemIr p) return ProblemStructure.Smooth;
        var regularizerSpans = p.Problem.Regularizers.Select(r => r.Span).ToHashSet();
        var kinks = p.Problem.Nonsmooth.Where(f => !regularizerSpans.Contains(f.Span)).Select(f => f.Operation).ToList();
        return new ProblemStructure(kinks, p.Problem.Regularizers.Count > 0);
    }
}
