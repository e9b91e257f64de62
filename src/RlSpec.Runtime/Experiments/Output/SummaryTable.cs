using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace RlSpec.Runtime.Experiments.Output;

/// <summary>
/// A plain-text table for a terminal: per sweep value and algorithm, the final mean ± the half-width of the
/// 95% CI of every recorded statistic except counts, then the paired difference of the plotted statistic to the
/// first algorithm with its 95% CI.
/// </summary>
public static class SummaryTable
{
    /// <summary>Writes the table.</summary>
    public static void Write(ExperimentResult result, TextWriter writer)
    {
        var spec = result.Spec;
        long horizon = result.CheckpointSteps[^1];
        string runs = result.RunIndex is int r ? $"run {r}" : $"{result.Runs.Count:N0} runs";
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"experiment {spec.Name} on {spec.Model}: {runs}, {(spec.Unit == "steps" ? "horizon " + horizon.ToString("N0", CultureInfo.InvariantCulture) : horizon.ToString("N0", CultureInfo.InvariantCulture) + " " + spec.Unit)}, seed {spec.Seed}{(result.Partial ? " (PARTIAL: interrupted, only completed runs are aggregated)" : "")}"));
        var statistic = spec.Record.Contains(spec.Plot.Statistic) && spec.Plot.Statistic != Statistic.Counts ? spec.Plot.Statistic : spec.Record.FirstOrDefault(s => s != Statistic.Counts, Statistic.Counts);
        for (int s = 0; s < result.SweepCount; s++)
        {
            var layout = result.Layouts[s];
            var scalar = layout.Series.Where(x => x.Statistic != Statistic.Counts).ToList();
            var header = new List<string> { "algorithm" };
            header.AddRange(scalar.Select(x => $"{x.Label} (mean ± 95% CI)"));
            var reference = layout.Find(statistic);
            if (reference is not null && result.Algorithms.Count > 1) header.Add($"Δ {statistic.Name()} vs {result.Algorithms[0].Label} (95% CI)");
            var rows = new List<string[]> { header.ToArray() };
            for (int a = 0; a < result.Algorithms.Count; a++)
            {
                var row = new List<string> { result.Algorithms[a].Label };
                foreach (var series in scalar)
                {
                    var m = result.Aggregate(s, a, series, series.Points - 1).Summary;
                    row.Add(!double.IsFinite(m.Mean) ? "not finite" : double.IsNaN(m.CiHigh) ? Number(m.Mean) : $"{Number(m.Mean)} ± {Number(m.CiHigh - m.Mean)}");
                }
                if (reference is not null && result.Algorithms.Count > 1)
                {
                    var d = result.Aggregate(s, a, reference, reference.Points - 1).Difference;
                    // One run has no interval (the CSV and JSON say NaN/null); the table shows the difference alone.
                    row.Add(d is null ? "(reference)" : !double.IsFinite(d.Mean) ? "not finite" : double.IsNaN(d.CiLow) ? Number(d.Mean) : $"{Number(d.Mean)} [{Number(d.CiLow)}, {Number(d.CiHigh)}]");
                }
                rows.Add(row.ToArray());
            }
            if (spec.Sweep is { } sw) writer.WriteLine($"{sw.Parameter} = {sw.Values[s]} ({result.CompletedCount(s):N0} runs completed)");
            int[] widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(x => x[c].Length)).ToArray();
            foreach (var row in rows)
                writer.WriteLine(string.Join("  ", row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
        }
        writer.Flush();
    }

    private static string Number(double x) => double.IsNaN(x) ? "NaN" : x.ToString("G5", CultureInfo.InvariantCulture);
}
