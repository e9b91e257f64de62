using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RlSpec.Runtime.Hosting;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;
using Diagnostic = RlSpec.Compiler.Diagnostics.Diagnostic;

namespace RlSpec.Cli.Output;

/// <summary>
/// The JSON contract of <c>solve --format json</c> and <c>check --format json</c>, documented in
/// docs/cli.md. Field names are snake_case and stable; numbers round-trip; non-finite numbers are null.
/// </summary>
internal static class JsonReport
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteSolution(TextWriter output, MdpSolution s, IMdpHost host, SolverOptions options)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("tool_version", RunInfo.ToolVersion);
            w.WriteString("model", s.ModelName);
            Parameters(w, host);
            w.WriteString("method", s.Method);
            Number(w, "tolerance", s.Tolerance);
            w.WriteString("tolerance_kind", s.ToleranceKind == ToleranceKind.Absolute ? "absolute" : "relative");
            Number(w, "target_bound", s.TargetBound);
            w.WriteBoolean("target_raised_to_rounding_floor", s.TargetRaisedToRoundingFloor);
            w.WriteNumber("max_iterations", options.MaxIterations);
            w.WriteStartObject("criterion");
            w.WriteString("kind", s.Criterion.Kind switch
            {
                CriterionKind.Discounted => "discounted",
                CriterionKind.FiniteHorizon => "finite_horizon",
                CriterionKind.TotalReward => "total_reward",
                _ => "average_reward",
            });
            if (s.Criterion.Kind == CriterionKind.Discounted) Number(w, "discount", s.Criterion.Discount);
            else w.WriteNull("discount");
            if (s.Criterion.Kind == CriterionKind.FiniteHorizon) w.WriteNumber("horizon", s.Criterion.Horizon);
            else w.WriteNull("horizon");
            w.WriteEndObject();
            w.WriteNumber("state_count", host.StateCount);
            w.WriteNumber("action_count", host.ActionCount);
            w.WriteStartArray("states");
            for (int i = 0; i < s.Values.Length; i++) w.WriteStringValue(s.StateLabel(i));
            w.WriteEndArray();
            w.WriteStartArray("values");
            foreach (var v in s.Values) NumberValue(w, v);
            w.WriteEndArray();
            Policy(w, s);
            if (s.Gain is double gain) Number(w, "gain", gain);
            else w.WriteNull("gain");
            w.WriteNumber("iterations", s.Iterations);
            Number(w, "error_bound", s.ErrorBound);
            w.WriteString("stop_reason", StopReasonText(s.StopReason));
            Number(w, "residual", s.Residual);
            Number(w, "seconds", s.Seconds);
            w.WriteStartArray("warnings");
            foreach (var warning in s.Warnings) w.WriteStringValue(warning);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary><c>--export-policy FILE.json</c>: the model, its parameters, the state labels and the optimal policy.</summary>
    public static void WritePolicy(TextWriter output, MdpSolution s, IMdpHost host)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("tool_version", RunInfo.ToolVersion);
            w.WriteString("model", s.ModelName);
            Parameters(w, host);
            w.WriteStartArray("states");
            for (int i = 0; i < s.Values.Length; i++) w.WriteStringValue(s.StateLabel(i));
            w.WriteEndArray();
            Policy(w, s);
            w.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>The parameter values the model was built with, as an object in declaration order.</summary>
    private static void Parameters(Utf8JsonWriter w, IMdpHost host)
    {
        w.WriteStartObject("parameters");
        foreach (var (name, value) in RunInfo.Parameters(host))
        {
            switch (value)
            {
                case int i: w.WriteNumber(name, i); break;
                case long l: w.WriteNumber(name, l); break;
                case double d: Number(w, name, d); break;
                case bool b: w.WriteBoolean(name, b); break;
                case null: w.WriteNull(name); break;
                default: w.WriteString(name, System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            }
        }
        w.WriteEndObject();
    }

    private static void Policy(Utf8JsonWriter w, MdpSolution s)
    {
        w.WriteStartArray("policy");
        if (s.PolicyByStep is { } byStep)
        {
            for (int t = 0; t < byStep.Steps; t++)
            {
                w.WriteStartArray();
                for (int state = 0; state < byStep.StateCount; state++) ActionValue(w, s, byStep[t, state]);
                w.WriteEndArray();
            }
        }
        else
        {
            foreach (var a in s.Policy) ActionValue(w, s, a);
        }
        w.WriteEndArray();
    }

    public static void WriteDiagnostics(TextWriter output, IEnumerable<Diagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartArray();
            foreach (var d in diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("id", d.Id);
                w.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
                w.WriteString("message", d.Message);
                w.WriteString("path", d.Span.Path);
                w.WriteNumber("line", d.Span.Line);
                w.WriteNumber("column", d.Span.Column);
                w.WriteNumber("end_line", d.Span.EndLine);
                w.WriteNumber("end_column", d.Span.EndColumn);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>The stop reason as the JSON contract spells it (snake_case).</summary>
    public static string StopReasonText(StopReason reason) => reason switch
    {
        StopReason.Converged => "converged",
        StopReason.IterationLimit => "iteration_limit",
        StopReason.RoundingFloor => "rounding_floor",
        StopReason.Unbounded => "unbounded",
        StopReason.ImproperPolicy => "improper_policy",
        _ => reason.ToString().ToLowerInvariant(),
    };

    private static void ActionValue(Utf8JsonWriter w, MdpSolution s, int action)
    {
        if (action < 0) w.WriteNullValue();
        else w.WriteStringValue(s.ActionName(action));
    }

    private static void Number(Utf8JsonWriter w, string name, double v)
    {
        w.WritePropertyName(name);
        NumberValue(w, v);
    }

    private static void NumberValue(Utf8JsonWriter w, double v)
    {
        if (double.IsFinite(v)) w.WriteNumberValue(v);
        else w.WriteNullValue();
    }
}
