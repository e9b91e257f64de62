using System;
using System.Globalization;
using System.IO;
using RlSpec.Runtime.Experiments.Statistics;

namespace RlSpec.Runtime.Experiments.Output;

/// <summary>
/// The long-format CSV of an experiment's aggregates, one row per (sweep value, algorithm, series, checkpoint),
/// read by <c>pandas.read_csv(path)</c> in one call. Columns: <c>algorithm,label,sweep,statistic,arm,checkpoint,runs,
/// mean,sd,ci_low,ci_high,q01,q05,q10,q25,q50,q75,q90,q95,q99,diff_mean,diff_ci_low,diff_ci_high</c>.
/// </summary>
/// <remarks>
/// <c>sweep</c> is the sweep value (empty without a sweep); <c>arm</c> is the arm of a <c>counts</c> row (empty
/// otherwise); <c>statistic</c> is a tracked metric's own name for the series of <c>metrics</c>; <c>error</c> has one row, at the last checkpoint; <c>diff_*</c> is the paired difference to the
/// first algorithm (empty for the first). Numbers are invariant-culture round-trip ("R") doubles, NaN as
/// <c>NaN</c>, infinities as <c>inf</c>/<c>-inf</c>; text fields are quoted as in RFC 4180 when they need it;
/// UTF-8 without a byte order mark, lines end with \n.
/// </remarks>
public static class ExperimentCsv
{
    /// <summary>The header line.</summary>
    public const string Header = "algorithm,label,sweep,statistic,arm,checkpoint,runs,mean,sd,ci_low,ci_high,q01,q05,q10,q25,q50,q75,q90,q95,q99,diff_mean,diff_ci_low,diff_ci_high";

    /// <summary>Writes the CSV.</summary>
    public static void Write(ExperimentResult result, TextWriter writer)
    {
        writer.Write(Header);
        writer.Write('\n');
        int checkpoints = result.CheckpointSteps.Length;
        for (int s = 0; s < result.SweepCount; s++)
        {
            string sweep = result.Spec.Sweep is { } sw ? sw.Values[s] : "";
            var layout = result.Layouts[s];
            for (int a = 0; a < result.Algorithms.Count; a++)
            {
                var algorithm = result.Algorithms[a];
                foreach (var series in layout.Series)
                {
                    for (int p = 0; p < series.Points; p++)
                    {
                        var aggregate = result.Aggregate(s, a, series, p);
                        var m = aggregate.Summary;
                        Text(writer, algorithm.Name); writer.Write(',');
                        Text(writer, algorithm.Label); writer.Write(',');
                        Text(writer, sweep); writer.Write(',');
                        Text(writer, series.Label); writer.Write(',');
                        if (series.Arm >= 0 && series.Statistic == Statistic.Counts) writer.Write(series.Arm.ToString(CultureInfo.InvariantCulture));
                        writer.Write(',');
                        writer.Write(result.CheckpointSteps[series.CheckpointIndex(p, checkpoints)].ToString(CultureInfo.InvariantCulture));
                        writer.Write(',');
                        writer.Write(m.Count.ToString(CultureInfo.InvariantCulture));
                        Number(writer, m.Mean); Number(writer, m.Sd); Number(writer, m.CiLow); Number(writer, m.CiHigh);
                        foreach (double q in m.Quantiles) Number(writer, q);
                        if (aggregate.Difference is { } d) { Number(writer, d.Mean); Number(writer, d.CiLow); Number(writer, d.CiHigh); }
                        else writer.Write(",,,");
                        writer.Write('\n');
                    }
                }
            }
        }
        writer.Flush();
    }

    /// <summary>A double as pandas reads it back exactly: "R" format, NaN, inf, -inf; preceded by a comma.</summary>
    internal static void Number(TextWriter writer, double value)
    {
        writer.Write(',');
        writer.Write(Format(value));
    }

    /// <summary>"R" format invariantly, with NaN, inf and -inf for the non-finite values.</summary>
    public static string Format(double value) =>
        double.IsNaN(value) ? "NaN" :
        double.IsPositiveInfinity(value) ? "inf" :
        double.IsNegativeInfinity(value) ? "-inf" :
        value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A text field, quoted (with doubled quotes) when it holds a comma, quote or line break, or starts or ends with a space.</summary>
    internal static void Text(TextWriter writer, string value)
    {
        bool quote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (value[0] == ' ' || value[^1] == ' '));
        if (!quote) { writer.Write(value); return; }
        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\""));
        writer.Write('"');
    }
}
