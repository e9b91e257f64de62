using System;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using RlSpec.Runtime.Experiments.Statistics;

namespace RlSpec.Runtime.Experiments.Output;

/// <summary>
/// The JSON summary of an experiment (schema in docs/experiments.md): what ran (tool version, experiment,
/// model, parameters, seed, horizon, runs, checkpoints, recorded statistics, sweep, algorithms), how the
/// statistics are defined, per sweep value and algorithm the final value of every recorded series (mean, sd,
/// 95% CI, quantiles, histogram) with the paired difference to the first algorithm, the partial flag, and the
/// wall time. <c>wall_time_seconds</c>, the last member, is the only field that differs between two runs of
/// the same experiment. Non-finite numbers are written as null.
/// </summary>
public static class ExperimentJson
{
    /// <summary>The value of the <c>format</c> member.</summary>
    public const string Format = "rlspec-experiment-summary/1";

    /// <summary>Writes the summary (UTF-8, indented, \n line ends).</summary>
    public static void Write(ExperimentResult result, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        var spec = result.Spec;
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteString("tool", "rlspec");
        json.WriteString("version", result.ToolVersion);
        json.WriteString("experiment", spec.Name);
        json.WriteString("model", spec.Model);
        json.WriteStartObject("parameters");
        foreach (var p in spec.Parameters) json.WriteString(p.Name, p.Value);
        json.WriteEndObject();
        json.WriteNumber("seed", spec.Seed);
        json.WriteNumber("horizon", spec.Horizon);
        // Bandit summaries keep their schema; other experiments say what the horizon counts.
        if (spec.Unit != "steps") json.WriteString("unit", spec.Unit);
        json.WriteNumber("runs", spec.Runs);
        if (result.RunIndex is int r) json.WriteNumber("run_index", r); else json.WriteNull("run_index");
        json.WriteBoolean("partial", result.Partial);
        json.WriteString("instance", spec.Instance == InstanceMode.Fixed ? "fixed" : "per_run");
        var checkpoints = spec.EffectiveCheckpoints;
        json.WriteStartObject("checkpoints");
        json.WriteString("kind", checkpoints.IsLogarithmic ? "logarithmic" : "linear");
        json.WriteNumber(checkpoints.IsLogarithmic ? "count" : "every", checkpoints.Value);
        json.WriteNumber("points", result.CheckpointSteps.Length);
        json.WriteEndObject();
        json.WriteStartArray("record");
        foreach (var s in spec.Record) json.WriteStringValue(s.Name());
        json.WriteEndArray();
        if (spec.Sweep is { } sweep)
        {
            json.WriteStartObject("sweep");
            json.WriteString("parameter", sweep.Parameter);
            json.WriteStartArray("values");
            foreach (var v in sweep.Values) json.WriteStringValue(v);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        else json.WriteNull("sweep");
        if (result.Facts.Count > 0)
        {
            json.WriteStartObject("setting");
            foreach (var fact in result.Facts) Number(json, fact.Name, fact.Value);
            json.WriteEndObject();
        }
        json.WriteStartObject("statistics");
        json.WriteNumber("confidence_level", 0.95);
        json.WriteString("interval", "student_t");
        json.WriteString("quantile_definition", "hyndman_fan_7");
        json.WriteNumber("histogram_bins", Histogram.DefaultBins);
        json.WriteString("paired_reference", result.Algorithms[0].Label);
        json.WriteEndObject();
        json.WriteStartArray("algorithms");
        foreach (var a in result.Algorithms)
        {
            json.WriteStartObject();
            json.WriteString("name", a.Name);
            json.WriteString("label", a.Label);
            json.WriteStartObject("parameters");
            foreach (var p in a.Parameters) json.WriteString(p.Name, p.Value);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("results");
        for (int s = 0; s < result.SweepCount; s++)
        {
            json.WriteStartObject();
            if (spec.Sweep is { } sw) json.WriteString("sweep", sw.Values[s]); else json.WriteNull("sweep");
            json.WriteNumber("arms", result.Layouts[s].ArmCount);
            if (result.LaiRobbinsConstants[s] is double lai) json.WriteNumber("lai_robbins_constant", lai); else json.WriteNull("lai_robbins_constant");
            json.WriteNumber("runs_completed", result.CompletedCount(s));
            json.WriteStartArray("algorithms");
            for (int a = 0; a < result.Algorithms.Count; a++)
            {
                json.WriteStartObject();
                json.WriteString("label", result.Algorithms[a].Label);
                json.WriteStartObject("final");
                SeriesInfo? countsStart = null;
                foreach (var series in result.Layouts[s].Series)
                {
                    if (series.Statistic == Statistic.Counts)
                    {
                        if (countsStart is null) { countsStart = series; json.WriteStartArray("counts"); }
                        WriteFinal(json, result, s, a, series, arm: series.Arm);
                        if (series.Arm == result.Layouts[s].ArmCount - 1) json.WriteEndArray();
                        continue;
                    }
                    json.WritePropertyName(series.Label);
                    WriteFinal(json, result, s, a, series, arm: -1);
                }
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("wall_time_seconds", Math.Round(result.WallTime.TotalSeconds, 3));
        json.WriteEndObject();
        json.Flush();
    }

    private static void WriteFinal(Utf8JsonWriter json, ExperimentResult result, int sweep, int algorithm, SeriesInfo series, int arm)
    {
        var aggregate = result.Aggregate(sweep, algorithm, series, series.Points - 1);
        var m = aggregate.Summary;
        json.WriteStartObject();
        if (arm >= 0) json.WriteNumber("arm", arm);
        json.WriteNumber("checkpoint", result.CheckpointSteps[^1]);
        json.WriteNumber("n", m.Count);
        Number(json, "mean", m.Mean);
        Number(json, "sd", m.Sd);
        Number(json, "ci_low", m.CiLow);
        Number(json, "ci_high", m.CiHigh);
        Number(json, "min", m.Min);
        Number(json, "max", m.Max);
        json.WriteStartObject("quantiles");
        for (int i = 0; i < m.Quantiles.Length; i++) Number(json, Summary.LevelNames[i], m.Quantiles[i]);
        json.WriteEndObject();
        if (aggregate.Histogram is { } h)
        {
            json.WriteStartObject("histogram");
            Number(json, "min", h.Min);
            Number(json, "max", h.Max);
            json.WriteStartArray("counts");
            foreach (long c in h.Counts) json.WriteNumberValue(c);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        if (aggregate.Difference is { } d)
        {
            json.WriteStartObject("difference_to_first");
            Number(json, "mean", d.Mean);
            Number(json, "sd", d.Sd);
            Number(json, "ci_low", d.CiLow);
            Number(json, "ci_high", d.CiHigh);
            json.WriteEndObject();
        }
        else json.WriteNull("difference_to_first");
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, value); else json.WriteNull(name);
    }
}
