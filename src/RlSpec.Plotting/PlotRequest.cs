using System.Collections.Generic;

namespace RlSpec.Plotting;

/// <summary>One curve: a mean over runs at each x, with the band [Low, High] around it (a 95% confidence interval).</summary>
public sealed record Band(string Label, double[] X, double[] Mean, double[] Low, double[] High);

/// <summary>A line drawn for reference, such as the Lai-Robbins asymptotic lower bound on regret.</summary>
public sealed record ReferenceLine(string Label, double[] X, double[] Y);

/// <summary>What to draw: curves with bands, axis labels, optional logarithmic axes and a reference line.</summary>
public sealed record PlotRequest(
    string Title,
    string XLabel,
    string YLabel,
    IReadOnlyList<Band> Series,
    bool LogX = false,
    bool LogY = false,
    ReferenceLine? Reference = null);
