using System;
using System.Collections.Generic;
using System.Globalization;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// Plans the memory of the recorded values before any run starts: bytes = Σ over sweep values of
/// runs × algorithms × (values per run and algorithm) × 8, where a run and algorithm records one value per
/// checkpoint for each statistic (K for <c>counts</c>, one for <c>error</c>). Above the limit the experiment
/// is refused (RLS0700) with the size and what would make it fit.
/// </summary>
public static class ExperimentMemoryPlan
{
    /// <summary>The bytes the recorded values of <paramref name="runs"/> runs take.</summary>
    public static long Bytes(int algorithms, int runs, IReadOnlyList<SeriesLayout> layouts)
    {
        long bytes = 0;
        foreach (var layout in layouts) bytes += (long)runs * algorithms * layout.BlockSize * sizeof(double);
        return bytes;
    }

    internal static void Check(ExperimentSpec spec, int algorithms, int runs, int checkpoints, IReadOnlyList<SeriesLayout> layouts, RunOptions options)
    {
        long bytes = Bytes(algorithms, runs, layouts);
        // One array holds a sweep value's values, and .NET arrays hold at most Array.MaxLength elements.
        long largest = 0;
        foreach (var layout in layouts) largest = Math.Max(largest, (long)runs * algorithms * layout.BlockSize);
        long limit = largest > Array.MaxLength ? Math.Min(options.MemoryLimitBytes, (long)Array.MaxLength * sizeof(double)) : options.MemoryLimitBytes;
        if (bytes <= limit) return;
        long perRun = Math.Max(1, bytes / Math.Max(1, runs));
        long fittingRuns = limit / perRun;
        long shards = (bytes + limit - 1) / Math.Max(1, limit);
        throw new ExperimentException(ExperimentErrorIds.InsufficientMemory, string.Create(CultureInfo.InvariantCulture,
            $"experiment '{spec.Name}' would record {Size(bytes)} ({runs:N0} runs × {algorithms} algorithms × {checkpoints:N0} checkpoints × the recorded statistics × 8 bytes), " +
            $"more than the {Size(limit)} allowed; record fewer checkpoints (e.g. log_points = 50, or a larger every =), fewer statistics (counts takes one value per arm), " +
            $"or fewer runs (about {fittingRuns:N0} fit), or split the runs with --shard i/{Math.Max(2, shards)} and merge the shards."));
    }

    private static string Size(long bytes) => bytes >= 1L << 30
        ? (bytes / (double)(1L << 30)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB"
        : (bytes / (double)(1L << 20)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";
}
