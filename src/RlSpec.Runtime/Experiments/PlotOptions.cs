namespace RlSpec.Runtime.Experiments;

/// <summary>The <c>plot</c> setting: which statistic to draw against t, and the axes.</summary>
public sealed record PlotOptions
{
    /// <summary>The statistic drawn (default <see cref="Statistic.Regret"/>); it must be recorded.</summary>
    public Statistic Statistic { get; init; } = Statistic.Regret;

    /// <summary>A logarithmic t axis.</summary>
    public bool LogX { get; init; }

    /// <summary>A logarithmic value axis.</summary>
    public bool LogY { get; init; }

    /// <summary>A title; null for "<c>experiment</c> on <c>model</c>".</summary>
    public string? Title { get; init; }
}
