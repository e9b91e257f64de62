using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace RlSpec.Plotting;

/// <summary>
/// Draws experiment curves as SVG and PNG: each series' mean as a line over a shaded 95% band, a legend,
/// axis labels, and optionally logarithmic axes and a reference line (e.g. the Lai-Robbins lower bound).
/// </summary>
/// <remarks>
/// ScottPlot has no logarithmic axis type; a log axis is drawn the way its documentation shows: the data
/// are plotted as log10 values and the ticks are labelled with powers of ten. Points that a log axis
/// cannot show (x or y not positive) are left out of that curve rather than drawn at −∞.
/// </remarks>
public static class RegretPlot
{
    /// <summary>The size of both images, in pixels.</summary>
    public const int Width = 900, Height = 600;

    /// <summary>Writes <paramref name="pathWithoutExtension"/>.svg and .png; returns both paths.</summary>
    public static (string Svg, string Png) Write(PlotRequest request, string pathWithoutExtension)
    {
        ArgumentNullException.ThrowIfNull(request);
        var directory = Path.GetDirectoryName(Path.GetFullPath(pathWithoutExtension));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        var plot = Build(request);
        string svg = pathWithoutExtension + ".svg", png = pathWithoutExtension + ".png";
        plot.SaveSvg(svg, Width, Height);
        plot.SavePng(png, Width, Height);
        return (svg, png);
    }

    /// <summary>The ScottPlot figure for a request (for callers who want another format or size).</summary>
    public static ScottPlot.Plot Build(PlotRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plot = new ScottPlot.Plot();
        Func<double, double> fx = request.LogX ? Math.Log10 : x => x;
        Func<double, double> fy = request.LogY ? Math.Log10 : y => y;
        bool Shown(double x, double y) => double.IsFinite(x) && double.IsFinite(y) && (!request.LogX || x > 0) && (!request.LogY || y > 0);

        for (int i = 0; i < request.Series.Count; i++)
        {
            var band = request.Series[i];
            Check(band);
            var color = plot.Add.Palette.GetColor(i);
            // The band first, so that every mean line is drawn over every band.
            var kept = Enumerable.Range(0, band.X.Length)
                .Where(k => Shown(band.X[k], band.Mean[k]) && Shown(band.X[k], band.Low[k]) && Shown(band.X[k], band.High[k]))
                .ToArray();
            if (kept.Length >= 2)
            {
                var fill = plot.Add.FillY(kept.Select(k => fx(band.X[k])).ToArray(), kept.Select(k => fy(band.Low[k])).ToArray(), kept.Select(k => fy(band.High[k])).ToArray());
                fill.FillColor = color.WithAlpha(0.2);
                fill.LineWidth = 0;
            }
        }
        for (int i = 0; i < request.Series.Count; i++)
        {
            var band = request.Series[i];
            var kept = Enumerable.Range(0, band.X.Length).Where(k => Shown(band.X[k], band.Mean[k])).ToArray();
            var line = plot.Add.ScatterLine(kept.Select(k => fx(band.X[k])).ToArray(), kept.Select(k => fy(band.Mean[k])).ToArray());
            line.Color = plot.Add.Palette.GetColor(i);
            line.LineWidth = 2;
            line.LegendText = band.Label;
        }
        if (request.Reference is { } reference)
        {
            if (reference.X.Length != reference.Y.Length) throw new ArgumentException($"the reference line '{reference.Label}' has {reference.X.Length} x values and {reference.Y.Length} y values");
            var kept = Enumerable.Range(0, reference.X.Length).Where(k => Shown(reference.X[k], reference.Y[k])).ToArray();
            var line = plot.Add.ScatterLine(kept.Select(k => fx(reference.X[k])).ToArray(), kept.Select(k => fy(reference.Y[k])).ToArray());
            line.Color = ScottPlot.Colors.Black;
            line.LinePattern = ScottPlot.LinePattern.Dashed;
            line.LineWidth = 1.5f;
            line.LegendText = reference.Label;
        }

        plot.Title(request.Title);
        plot.XLabel(request.XLabel + (request.LogX ? " (log scale)" : ""));
        plot.YLabel(request.YLabel + (request.LogY ? " (log scale)" : ""));
        if (request.LogX) plot.Axes.Bottom.TickGenerator = LogTicks();
        if (request.LogY) plot.Axes.Left.TickGenerator = LogTicks();
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        return plot;
    }

    /// <summary>Major ticks at powers of ten labelled 10^k, minor ticks at 2..9 × 10^k.</summary>
    private static ScottPlot.TickGenerators.NumericAutomatic LogTicks() => new()
    {
        MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = value => Math.Pow(10, value) is var v && v >= 1
            ? Math.Round(v).ToString("#,0", CultureInfo.InvariantCulture)
            : v.ToString("G4", CultureInfo.InvariantCulture),
    };

    private static void Check(Band band)
    {
        int n = band.X.Length;
        if (band.Mean.Length != n || band.Low.Length != n || band.High.Length != n)
            throw new ArgumentException($"the series '{band.Label}' has {n} x values but {band.Mean.Length} means, {band.Low.Length} lower and {band.High.Length} upper band values");
    }
}
