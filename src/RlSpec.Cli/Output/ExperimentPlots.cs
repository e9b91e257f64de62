using System.Collections.Generic;
using System.IO;
using System.Linq;
using RlSpec.Plotting;
using RlSpec.Runtime.Experiments;

namespace RlSpec.Cli.Output;

/// <summary>
/// The plots of an experiment's outputs: for the statistic the experiment's <c>plot</c> names, every
/// algorithm's mean curve with its 95% band, as SVG and PNG next to results.csv (one pair per sweep value).
/// <c>rlspec run</c> and <c>rlspec merge</c> both call this, so a merged job array gets the same plots.
/// </summary>
internal static class ExperimentPlots
{
    /// <summary>Writes the plots into <paramref name="directory"/>; returns the files written (none for a shard or a statistic with no curve).</summary>
    public static IReadOnlyList<string> Write(ExperimentResult result, string directory)
    {
        var written = new List<string>();
        if (result.Shard is not null) return written; // a shard holds raw runs; plots come from the merge
        var plot = result.Spec.Plot;
        var statistic = plot.Statistic;
        string name = StatisticNames.Name(statistic);
        for (int sweep = 0; sweep < result.SweepCount; sweep++)
        {
            var curves = result.Curves(statistic, sweep);
            if (curves.Count == 0) continue;
            string suffix = result.Spec.Sweep is { } s ? $"-{s.Parameter}-{s.Values[sweep]}" : "";
            string title = plot.Title ?? $"{result.Spec.Name} on {result.Spec.Model}" + (result.Spec.Sweep is { } t ? $" ({t.Parameter} = {t.Values[sweep]})" : "");
            var request = new PlotRequest(
                title + (result.Partial ? " (partial)" : ""),
                result.Spec.Unit == "steps" ? "t" : result.Spec.Unit,
                $"{name} (mean over {result.CompletedCount(sweep):N0} runs, 95% CI)",
                curves.Select(c => new Band(c.Label, c.X, c.Mean, c.Low, c.High)).ToList(),
                plot.LogX,
                plot.LogY,
                LowerBound(result, statistic, sweep, curves[0].X));
            var (svg, png) = RegretPlot.Write(request, Path.Combine(directory, SafeFileName(name + suffix)));
            written.Add(svg);
            written.Add(png);
        }
        return written;
    }

    /// <summary>
    /// The Lai-Robbins line C·ln t on a regret plot whose fixed instance has all-Bernoulli arms; null for other
    /// statistics and where the engine found no constant (other arms, an instance drawn per run).
    /// </summary>
    internal static ReferenceLine? LowerBound(ExperimentResult result, Statistic statistic, int sweep, double[] steps)
    {
        if (statistic != Statistic.Regret || result.LaiRobbinsConstants[sweep] is not double c) return null;
        return new ReferenceLine(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Lai-Robbins bound {c:0.###} ln t"),
            steps, LaiRobbins.Curve(c, steps));
    }

    private static string SafeFileName(string name) =>
        new string(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
}
