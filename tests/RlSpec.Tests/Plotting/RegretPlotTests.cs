using System;
using System.IO;
using System.Linq;
using RlSpec.Plotting;
using Xunit;

namespace RlSpec.Tests.Plotting;

public class RegretPlotTests
{
    private static Band Curve(string label, double slope)
    {
        var x = Enumerable.Range(1, 50).Select(i => i * 200.0).ToArray();
        var mean = x.Select(t => slope * Math.Log(t)).ToArray();
        return new Band(label, x, mean, mean.Select(m => m - 2).ToArray(), mean.Select(m => m + 2).ToArray());
    }

    private static string TempPath(string name) => Path.Combine(Path.GetTempPath(), "rlspec-plot-" + Guid.NewGuid().ToString("N"), name);

    [Fact]
    public void Writes_an_svg_and_a_png_with_every_label()
    {
        var request = new PlotRequest("Regret on Bernoulli9", "t", "regret", new[] { Curve("ucb1", 30), Curve("kl_ucb", 8) },
            LogX: true, Reference: new ReferenceLine("Lai-Robbins bound", new[] { 10.0, 10000 }, new[] { 7.52 * Math.Log(10), 7.52 * Math.Log(10000) }));
        var (svg, png) = RegretPlot.Write(request, TempPath("regret"));

        var text = File.ReadAllText(svg);
        Assert.Contains("<svg", text);
        foreach (var label in new[] { "Regret on Bernoulli9", "ucb1", "kl_ucb", "Lai-Robbins bound", "regret", "t (log scale)" })
            Assert.Contains(label, text);
        // Log ticks are labelled with powers of ten.
        Assert.Matches(@">\s*10,000\s*<", text);

        var bytes = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes.Take(4).ToArray());
        // The IHDR chunk holds the size, big-endian, at bytes 16..23.
        Assert.Equal(RegretPlot.Width, (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19]);
        Assert.Equal(RegretPlot.Height, (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23]);
        Assert.True(bytes.Length > 10_000, $"a {bytes.Length}-byte PNG is too small to hold the curves");
    }

    [Fact]
    public void Points_a_log_axis_cannot_show_are_left_out()
    {
        // Regret 0 at the first checkpoint cannot be drawn on a log y axis; the rest of the curve is.
        var band = new Band("greedy", new[] { 1.0, 10, 100 }, new[] { 0.0, 5, 50 }, new[] { 0.0, 4, 40 }, new[] { 0.0, 6, 60 });
        var plot = RegretPlot.Build(new PlotRequest("t", "x", "y", new[] { band }, LogY: true));
        var line = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Single();
        var points = line.Data.GetScatterPoints();
        Assert.Equal(2, points.Count);
        Assert.Equal(Math.Log10(5), points[0].Y, 12);
        Assert.Equal(Math.Log10(50), points[1].Y, 12);
    }

    [Fact]
    public void A_series_with_mismatched_lengths_is_refused_with_its_name()
    {
        var band = new Band("broken", new[] { 1.0, 2 }, new[] { 1.0 }, new[] { 1.0 }, new[] { 1.0 });
        var error = Assert.Throws<ArgumentException>(() => RegretPlot.Build(new PlotRequest("t", "x", "y", new[] { band })));
        Assert.Contains("broken", error.Message);
    }
}
