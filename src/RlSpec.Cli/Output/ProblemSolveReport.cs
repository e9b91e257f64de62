using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RlSpec.Runtime.Optimization;
using RlSpec.Runtime.Optimization.Solve;

namespace RlSpec.Cli.Output;

/// <summary>The answer of <c>rlspec solve</c> on a problem: the method and why, the certificate, the objective and the variables, as text or JSON.</summary>
public static class ProblemSolveReport
{
    /// <summary>Entries of a variable written in the text output (JSON has them all).</summary>
    public const int TextEntries = 20;

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void WriteText(TextWriter w, string name, ProblemSolution s)
    {
        w.WriteLine(string.Create(C, $"{name}: {s.Method.Name()} ({s.Reason})."));
        var stepNote = s.Method == SolveMethod.Subgradient ? "η/√k with η" : s.Method == SolveMethod.FrankWolfe ? "γ_k = 2/(k + 1); 1/L̂ for the certificate" : "step";
        w.WriteLine(string.Create(C, $"  {stepNote} = {s.Step:G4}{(s.StepReductions > 0 ? $" (divided by 10 {s.StepReductions} times: the objective became non-finite{(s.Method == SolveMethod.GradientDescent ? " or increased" : "")})" : "")}; L̂ = {s.Lipschitz:G4}{(s.StrongConvexity > 0 ? $", μ̂ = {s.StrongConvexity:G4}" : "")} (power iteration at the start)"));
        w.WriteLine(string.Create(C, $"{(s.Converged ? "Converged" : "Stopped at the iteration limit")} after {s.Iterations:N0} iterations: {s.CertificateName.Replace('_', ' ')} {s.Certificate:G3} {(s.Converged ? "≤" : ">")} {s.Tolerance:G3}."));
        w.WriteLine(string.Create(C, $"Objective: {s.Objective:G12}"));
        if (s.Distance is double d) w.WriteLine(string.Create(C, $"Distance to the declared optimum: {d:G4}"));
        if (s.DualityGap is double g) w.WriteLine(string.Create(C, $"Restricted duality gap (radius {s.GapRadius:G6}): {g:G4}"));
        for (int k = 0; k < s.Metrics.Count; k++) w.WriteLine(string.Create(C, $"{s.MetricNames[k]} = {s.Metrics[k]:G6}"));
        foreach (var v in s.Variables)
        {
            var sb = new StringBuilder();
            int shown = Math.Min(v.Length, TextEntries);
            for (int k = 0; k < shown; k++) sb.Append(k == 0 ? "" : ", ").Append(s.X[v.Offset + k].ToString("G6", C));
            if (shown < v.Length) sb.Append(string.Create(C, $", ... ({v.Length:N0} entries; --format json has them all)"));
            w.WriteLine(v.Length == 1 ? $"{v.Name} = {sb}" : $"{v.Name} = [{sb}]");
        }
    }

    public static void WriteJson(TextWriter text, string name, ProblemSolution s)
    {
        var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("problem", name);
            w.WriteString("method", s.Method.Name());
            w.WriteString("reason", s.Reason);
            w.WriteNumber("step", s.Step);
            w.WriteNumber("lipschitz_estimate", s.Lipschitz);
            w.WriteNumber("strong_convexity_estimate", s.StrongConvexity);
            w.WriteNumber("step_reductions", s.StepReductions);
            w.WriteNumber("iterations", s.Iterations);
            w.WriteBoolean("converged", s.Converged);
            w.WriteStartObject("certificate");
            w.WriteString("name", s.CertificateName);
            w.WriteNumber("value", s.Certificate);
            w.WriteNumber("tolerance", s.Tolerance);
            w.WriteEndObject();
            w.WriteNumber("objective", s.Objective);
            if (s.Distance is double d) w.WriteNumber("distance", d);
            if (s.DualityGap is double g) { w.WriteNumber("duality_gap", g); w.WriteNumber("gap_radius", s.GapRadius!.Value); }
            w.WriteStartObject("metrics");
            for (int k = 0; k < s.Metrics.Count; k++) w.WriteNumber(s.MetricNames[k], s.Metrics[k]);
            w.WriteEndObject();
            w.WriteStartObject("variables");
            foreach (var v in s.Variables)
            {
                w.WriteStartObject(v.Name);
                w.WriteNumber("rows", v.Rows);
                w.WriteNumber("columns", v.Columns);
                w.WriteStartArray("values");
                for (int k = 0; k < v.Length; k++) w.WriteNumberValue(s.X[v.Offset + k]);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        text.Write(Encoding.UTF8.GetString(stream.ToArray()));
        text.WriteLine();
    }
}
