using System;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using RlSpec.Runtime.Optimization.Solve;
using RlSpec.Runtime.Optimization.Transport;

namespace RlSpec.Cli.Commands;

/// <summary>
/// <c>rlspec solve</c> on a transport problem: hosts the runtime's <see cref="TransportSolver"/> (Sinkhorn to --tolerance
/// on the marginal error) and writes the cost, the marginal error, the iterations and (json) the plan. Exit codes as for
/// other problems: 0 converged, 4 with RLS0955 at the iteration limit (the answer still written), 1 for RLS0956/0957/0958.
/// </summary>
internal static class TransportSolveCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static int Run(CliContext context, ProblemSolveCommand.Options request, ITransportProblem problem, string name)
    {
        void Fail(string at, string id, string message) => context.Error.WriteLine($"{at}: error {id}: {message}");
        if (ProblemSolveCommand.RefusesOptions(context, request, "a transport problem takes --tolerance, --max-iterations, --format text|json and --out")) return ExitCodes.ModelErrors;
        if (request.MethodName is { } method && method != "sinkhorn")
        {
            Fail("--method " + method, ProblemSolveErrorIds.MethodDoesNotFit, "a transport problem is solved by sinkhorn; leave --method out (or write --method sinkhorn)");
            return ExitCodes.ModelErrors;
        }
        var defaults = new SolveOptions();
        TransportSolution s;
        try
        {
            s = TransportSolver.Solve(problem, request.Tolerance ?? defaults.Tolerance, request.MaxIterations ?? defaults.MaxIterations);
        }
        catch (ProblemSolveException ex)
        {
            var at = ex.Id != ProblemSolveErrorIds.InvalidOption ? request.Path
                : request.Tolerance is double t && !(t > 0 && !double.IsInfinity(t)) ? $"--tolerance {t.ToString(C)}" : $"--max-iterations {request.MaxIterations}";
            Fail(at, ex.Id, ex.Message);
            return ExitCodes.ModelErrors;
        }
        var text = new StringWriter();
        if (request.Format == "json") WriteJson(text, name, s);
        else
        {
            text.WriteLine(string.Create(C, $"{name}: sinkhorn (entropic optimal transport, {s.Rows} × {s.Columns}, ε = {s.Epsilon:G6}; log-domain updates)."));
            text.WriteLine(string.Create(C, $"{(s.Converged ? "Converged" : "Stopped at the iteration limit")} after {s.Iterations:N0} iterations: marginal error ‖P1 − a‖₁ {s.MarginalError:G3} {(s.Converged ? "≤" : ">")} {s.Tolerance:G3}."));
            text.WriteLine(string.Create(C, $"Transport cost ⟨C, P⟩: {s.TransportCost:G12}"));
            text.WriteLine("The plan P has every entry in --format json.");
        }
        if (request.OutFile is { } outPath)
        {
            if (!SolveCommand.TryWrite(context, "--out", outPath, text.ToString())) return ExitCodes.ModelErrors;
        }
        else context.Out.Write(text.ToString());
        if (s.Converged) return ExitCodes.Success;
        Fail(request.Path, ProblemSolveErrorIds.NotConverged,
            string.Create(C, $"sinkhorn did not meet the tolerance in {s.Iterations:N0} iterations: the marginal error is {s.MarginalError:G3} > {s.Tolerance:G3}; raise --max-iterations, loosen --tolerance, or raise epsilon (smaller ε converges more slowly)"));
        return ExitCodes.IterationLimit;
    }

    private static void WriteJson(TextWriter text, string name, TransportSolution s)
    {
        var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("problem", name);
            w.WriteString("method", "sinkhorn");
            w.WriteBoolean("converged", s.Converged);
            w.WriteNumber("iterations", s.Iterations);
            w.WriteNumber("marginal_error", s.MarginalError);
            w.WriteNumber("tolerance", s.Tolerance);
            w.WriteNumber("transport_cost", s.TransportCost);
            w.WriteNumber("epsilon", s.Epsilon);
            w.WriteNumber("rows", s.Rows);
            w.WriteNumber("columns", s.Columns);
            w.WriteStartArray("plan");
            for (int i = 0; i < s.Rows; i++)
            {
                w.WriteStartArray();
                for (int j = 0; j < s.Columns; j++) w.WriteNumberValue(s.Plan[i * s.Columns + j]);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        text.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
