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
public sealed record SeriesInfo(Statistic Statistic, int Arm, int Offset, int Points)
{
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
    /// <summary>The layout for recorded statistics, an arm count and a checkpoint count.</summary>
    public SeriesLayout(IReadOnlyList<Statistic> record, int armCount, int checkpointCount)
    {
        var series = new List<SeriesInfo>();
        int offset = 0;
        foreach (var statistic in record)
        {
            if (statistic == Statistic.Counts)
            {
                for (int a = 0; a < armCount; a++) { series.Add(new SeriesInfo(statistic, a, offset, checkpointCount)); offset += checkpointCount; }
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
            if (s.Statistic is not (Statistic.Counts or Statistic.Error)) scalar.Add((s.Statistic, s.Offset));
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

    /// <summary>The number of checkpoints.</summary>
    public int CheckpointCount { get; }

    /// <summary>The series with one value per checkpoint other than counts: (statistic, offset).</summary>
    internal (Statistic Statistic, int Offset)[] ScalarSeries { get; }

    /// <summary>Offset of arm 0's counts series (arm a at + a·C), or −1.</summary>
    internal int CountsOffset { get; }

    /// <summary>Offset of the error value, or −1.</summary>
    internal int ErrorOffset { get; }

    /// <summary>The series of a statistic (and arm for counts); null when not recorded.</summary>
    public SeriesInfo? Find(Statistic statistic, int arm = -1)
    {
        foreach (var s in Series)
            if (s.Statistic == statistic && (statistic != Statistic.Counts || s.Arm == arm)) return s;
        return null;
    }
}
