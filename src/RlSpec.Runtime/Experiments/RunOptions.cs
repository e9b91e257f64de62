using System;
using System.IO;
using System.Threading;

namespace RlSpec.Runtime.Experiments;

/// <summary>How to execute an experiment: threads, a shard or a single run, tracing, progress, cancellation, memory.</summary>
public sealed class RunOptions
{
    /// <summary>Worker threads (default: <see cref="Environment.ProcessorCount"/>). Results do not depend on it.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Run only this shard's runs (<see cref="ShardSpec"/>); the result is meant for a shard file and <see cref="ExperimentMerge"/>.</summary>
    public ShardSpec? Shard { get; init; }

    /// <summary>Run only run R (0-based), with exactly the numbers run R has inside the full experiment.</summary>
    public int? RunIndex { get; init; }

    /// <summary>
    /// Writes every step as CSV (<c>sweep,run,algorithm,t,arm,reward</c>, header first); runs then execute one
    /// after another on the calling thread, in (sweep, run, algorithm) order. Meant for <see cref="RunIndex"/>.
    /// </summary>
    public TextWriter? Trace { get; init; }

    /// <summary>Called about ten times a second at most (and once at the end) from a worker thread.</summary>
    public Action<ExperimentProgress>? Progress { get; init; }

    /// <summary>Stops starting new runs and abandons runs in flight at their next checkpoint; the result holds the completed runs and is marked partial.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>The most the recorded values may take (default 2 GiB); a larger plan is refused with <see cref="ExperimentErrorIds.InsufficientMemory"/>.</summary>
    public long MemoryLimitBytes { get; init; } = 2L << 30;
}

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (0-based, written <c>i/n</c>, e.g. a Slurm array's
/// <c>$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT</c> with <c>--array=0-(n−1)</c>): the runs r with r mod n = i.
/// </summary>
public readonly record struct ShardSpec(int Index, int Count)
{
    /// <summary>Whether run <paramref name="run"/> belongs to this shard.</summary>
    public bool Contains(int run) => run % Count == Index;

    /// <summary>Parses <c>i/n</c> with 0 ≤ i &lt; n; null with a message when malformed.</summary>
    public static ShardSpec? Parse(string text, out string? problem)
    {
        problem = null;
        int slash = text.IndexOf('/');
        if (slash > 0
            && int.TryParse(text.AsSpan(0, slash), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int i)
            && int.TryParse(text.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n))
        {
            if (n >= 1 && i < n) return new ShardSpec(i, n);
            problem = $"shard {text}: the index must be 0..{Math.Max(0, n - 1)} (shards are numbered from 0) and the count at least 1";
            return null;
        }
        problem = $"shard {text}: write the shard as index/count with a 0-based index, e.g. 0/3, 1/3, 2/3";
        return null;
    }

    /// <summary><c>i/n</c>.</summary>
    public override string ToString() => $"{Index}/{Count}";
}

/// <summary>Progress of an experiment: runs (of all sweep values) done out of the total, elapsed time, and an estimate of the time left.</summary>
public readonly record struct ExperimentProgress(long RunsDone, long RunsTotal, TimeSpan Elapsed, TimeSpan? Remaining);
