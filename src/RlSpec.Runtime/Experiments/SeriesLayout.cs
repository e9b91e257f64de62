using System;
using System.Collections.Generic;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// One recorded series of a run: a statistic (and for <see cref="Statistic.Counts"/> an arm) with one value
/// per checkpoint, or for <see cref="Statistic.Error"/> one value at the last checkpoint.
/// </summary>
/// <param name="Statistic">The statistic.</param>
/// <param name="Arm">The arm of a <c>counts</c> series; −1 otherwise.</param>
/// <param name="Offset">Where the series starts in a run's block of values.</param>
/// <param name="Points">Its number of values: the checkpoint count, or 1 for <c>error</c>.</param>
/// <param name="Name">A user-named series (a tracked metric of <see cref="Statistic.Metrics"/>, its index in <paramref name="Arm"/>); null otherwise.</param>
public sealed record SeriesInfo(Statistic Statistic, int Arm, int Offset, int Points, string? Name = null)
{
    /// <summary>The series' name in the outputs: the user's name of a tracked metric, else the statistic's name.</summary>
    public string Label => Name ?? Statistic.Name();

    /// <summary>The checkpoint index of value <paramref name="point"/> (error's single value is at the last checkpoint).</summary>
    public int CheckpointIndex(int point, int checkpointCount) => Points == 1 && Statistic == Statistic.Error ? checkpointCount - 1 : point;
}

/// <summary>
/// How one run of one algorithm lays out its recorded values (a "block"): the series of
/// <see cref="ExperimentSpec.Record"/> in order, counts expanded to one series per arm. Blocks are stored
/// run-major, then algorithm: value = values[(position·A + algorithm)·BlockSize + series.Offset + point].
/// </summary>
public sealed class SeriesLayout
{
    /// <summary>
    /// The layout for recorded statistics, an arm count and a checkpoint count; <see cref="Statistic.Metrics"/> expands to one
    /// series per name of <paramref name="metricNames"/> (a problem's tracked metrics), in order.
    /// </summary>
    public SeriesLayout(IReadOnlyList<Statistic> record, int armCount, int checkpointCount, IReadOnlyList<string>? metricNames = null)
    {
        MetricNames = metricNames ?? [];
        var series = new List<SeriesInfo>();
        int offset = 0;
        foreach (var statistic in record)
        {
            if (statistic == Statistic.Counts)
            {
                for (int a = 0; a < armCount; a++) { series.Add(new SeriesInfo(statistic, a, offset, checkpointCount)); offset += checkpointCount; }
            }
            else if (statistic == Statistic.Metrics)
            {
                for (int m = 0; m < MetricNames.Count; m++) { series.Add(new SeriesInfo(statistic, m, offset, checkpointCount, MetricNames[m])); offset += checkpointCount; }
            }
            else
            {
                int points = statistic == Statistic.Error ? 1 : checkpointCount;
                series.Add(new SeriesInfo(statistic, -1, offset, points));
                offset += points;
            }
        }
        Series = series;
        BlockSize = offset;
        ArmCount = armCount;
        CheckpointCount = checkpointCount;
        var scalar = new List<(Statistic, int)>();
        foreach (var s in series)
            if (s.Statistic is not (Statistic.Counts or Statistic.Error or Statistic.Metrics)) scalar.Add((s.Statistic, s.Offset));
        ScalarSeries = scalar.ToArray();
        CountsOffset = series.Find(s => s.Statistic == Statistic.Counts)?.Offset ?? -1;
        ErrorOffset = series.Find(s => s.Statistic == Statistic.Error)?.Offset ?? -1;
    }

    /// <summary>The series in output order.</summary>
    public IReadOnlyList<SeriesInfo> Series { get; }

    /// <summary>Values per (run, algorithm).</summary>
    public int BlockSize { get; }

    /// <summary>The arm count K these counts series are for.</summary>
    public int ArmCount { get; }

    /// <summary>The names of the tracked metrics a <see cref="Statistic.Metrics"/> record expands to (empty otherwise).</summary>
    public IReadOnlyList<string> MetricNames { get; }

    /// <summary>The number of checkpoints.</summary>
    public int CheckpointCount { get; }

    /// <summary>The series with one value per checkpoint other than counts and tracked metrics: (statistic, offset).</summary>
    internal (Statistic Statistic, int Offset)[] ScalarSeries { get; }

    /// <summary>Offset of arm 0's counts series (arm a at + a·C), or −1.</summary>
    internal int CountsOffset { get; }

    /// <summary>Offset of the error value, or −1.</summary>
    internal int ErrorOffset { get; }

    /// <summary>The series of a statistic (and arm for counts, metric index for metrics); null when not recorded.</summary>
    public SeriesInfo? Find(Statistic statistic, int arm = -1)
    {
        foreach (var s in Series)
            if (s.Statistic == statistic && (statistic is not (Statistic.Counts or Statistic.Metrics) || s.Arm == arm)) return s;
        return null;
    }
}
