using System;
using System.Collections.Generic;
using RlSpec.Runtime.Experiments.Statistics;

namespace RlSpec.Runtime.Experiments;

/// <summary>An algorithm of a finished experiment: name, label and parameters (what the outputs name it by).</summary>
public sealed record AlgorithmInfo(string Name, string Label, IReadOnlyList<ParameterValue> Parameters);

/// <summary>
/// The outcome of an experiment, a shard of one, a single run or a merge: the raw recorded values of every
/// completed (sweep, run, algorithm), and the aggregates computed from them in run order, so any thread count,
/// completion order or shard layout gives the same numbers. Writers: <see cref="Output.ExperimentOutput"/>.
/// </summary>
public sealed class ExperimentResult
{
    private readonly double[][] _values;
    private readonly bool[][] _completed;
    private readonly Dictionary<(int, int, int, int), SeriesAggregate> _aggregates = new();

    internal ExperimentResult(
        ExperimentSpec spec, IReadOnlyList<AlgorithmInfo> algorithms, long[] checkpointSteps, SeriesLayout[] layouts,
        int[] runs, double[][] values, bool[][] completed, ShardSpec? shard, int? runIndex, TimeSpan wallTime, string toolVersion,
        IReadOnlyList<double?>? laiRobbinsConstants = null,
        IReadOnlyList<ExperimentFact>? facts = null)
    {
        Facts = facts ?? [];
        Spec = spec;
        Algorithms = algorithms;
        CheckpointSteps = checkpointSteps;
        Layouts = layouts;
        Runs = runs;
        _values = values;
        _completed = completed;
        Shard = shard;
        RunIndex = runIndex;
        WallTime = wallTime;
        ToolVersion = toolVersion;
        LaiRobbinsConstants = laiRobbinsConstants ?? new double?[layouts.Length];
        if (LaiRobbinsConstants.Count != layouts.Length)
            throw new ArgumentException($"{LaiRobbinsConstants.Count} Lai-Robbins constants for {layouts.Length} sweep values", nameof(laiRobbinsConstants));
        int expected = runIndex is not null ? 1 : shard is { } s ? CountShardRuns(spec.Runs, s) : spec.Runs;
        bool partial = runs.Length != expected;
        foreach (var perSweep in completed) foreach (bool done in perSweep) partial |= !done;
        Partial = partial;
    }

    /// <summary>The experiment.</summary>
    public ExperimentSpec Spec { get; }

    /// <summary>The compared algorithms, in <c>compare</c> order; the first is the reference of the paired differences.</summary>
    public IReadOnlyList<AlgorithmInfo> Algorithms { get; }

    /// <summary>The checkpoint steps t (1-based), the last is the horizon.</summary>
    public long[] CheckpointSteps { get; }

    /// <summary>The layout of each sweep value's runs (arm counts may differ between sweep values).</summary>
    public IReadOnlyList<SeriesLayout> Layouts { get; }

    /// <summary>The run indices this result was asked to hold (all, a shard's, or one), ascending.</summary>
    public IReadOnlyList<int> Runs { get; }

    /// <summary>True when some run of <see cref="Runs"/> did not complete (cancelled), or this is a partial merge.</summary>
    public bool Partial { get; }

    /// <summary>The shard this result is, if it was run as one.</summary>
    public ShardSpec? Shard { get; }

    /// <summary>The single run this result is, if it was run with <see cref="RunOptions.RunIndex"/>.</summary>
    public int? RunIndex { get; }

    /// <summary>Wall-clock time of the run (for a merge: the sum over the shards).</summary>
    public TimeSpan WallTime { get; }

    /// <summary>
    /// What the engine derived about the setting and reports with the results (e.g. an episodic experiment's
    /// reward range and optimal value); empty for bandits. Written into the JSON summary as <c>setting</c>.
    /// </summary>
    public IReadOnlyList<ExperimentFact> Facts { get; }

    /// <summary>The runtime version that produced the numbers.</summary>
    public string ToolVersion { get; }

    /// <summary>
    /// Per sweep value, the Lai-Robbins constant C of the fixed instance (<see cref="LaiRobbins.ConstantOf{TBandit}"/>):
    /// the expected regret of any uniformly good policy is at least C·ln t asymptotically. Null where the bound
    /// does not apply: arms that are not all Bernoulli, or an instance drawn per run.
    /// </summary>
    public IReadOnlyList<double?> LaiRobbinsConstants { get; }

    /// <summary>The number of sweep values (1 without a sweep).</summary>
    public int SweepCount => Layouts.Count;

    /// <summary>Whether (sweep, position in <see cref="Runs"/>) completed.</summary>
    public bool IsCompleted(int sweep, int position) => _completed[sweep][position];

    /// <summary>The number of completed runs of a sweep value.</summary>
    public int CompletedCount(int sweep)
    {
        int n = 0;
        foreach (bool done in _completed[sweep]) if (done) n++;
        return n;
    }

    /// <summary>
    /// The raw value of a series point for (sweep, position in <see cref="Runs"/>, algorithm); NaN-free only
    /// for completed runs.
    /// </summary>
    public double Value(int sweep, int position, int algorithm, SeriesInfo series, int point)
    {
        var layout = Layouts[sweep];
        return _values[sweep][((long)position * Algorithms.Count + algorithm) * layout.BlockSize + series.Offset + point];
    }

    /// <summary>The raw block of (sweep, position, algorithm): every series' values, as laid out by <see cref="SeriesLayout"/>.</summary>
    public ReadOnlySpan<double> Block(int sweep, int position, int algorithm)
    {
        int size = Layouts[sweep].BlockSize;
        return _values[sweep].AsSpan((int)(((long)position * Algorithms.Count + algorithm) * size), size);
    }

    internal double[] RawValues(int sweep) => _values[sweep];
    internal bool[] RawCompleted(int sweep) => _completed[sweep];

    /// <summary>
    /// Aggregates over the completed runs (in run order) of one series point: mean, sd, 95% t-interval,
    /// quantiles, and the paired difference to the first algorithm (null for the first).
    /// </summary>
    public SeriesAggregate Aggregate(int sweep, int algorithm, SeriesInfo series, int point)
    {
        var key = (sweep, algorithm, series.Offset, point);
        lock (_aggregates)
        {
            if (_aggregates.TryGetValue(key, out var cached)) return cached;
        }
        int n = CompletedCount(sweep);
        var sample = new double[n];
        var reference = algorithm > 0 ? new double[n] : null;
        int i = 0;
        for (int p = 0; p < Runs.Count; p++)
        {
            if (!_completed[sweep][p]) continue;
            sample[i] = Value(sweep, p, algorithm, series, point);
            if (reference is not null) reference[i] = Value(sweep, p, 0, series, point);
            i++;
        }
        var summary = Summary.Of(sample);
        PairedDifference? difference = null;
        if (reference is not null)
        {
            var d = new double[n];
            for (int j = 0; j < n; j++) d[j] = sample[j] - reference[j];
            difference = PairedDifference.Of(d);
        }
        bool last = series.CheckpointIndex(point, CheckpointSteps.Length) == CheckpointSteps.Length - 1;
        var aggregate = new SeriesAggregate(summary, difference, last ? Histogram.Of(sample, Histogram.DefaultBins) : null);
        lock (_aggregates) _aggregates[key] = aggregate;
        return aggregate;
    }

    /// <summary>
    /// The curves of a statistic for a plot: per algorithm its label, the checkpoints, and the mean with its 95%
    /// confidence band. For <see cref="Statistic.Counts"/> give the arm. Empty when the statistic is not recorded.
    /// </summary>
    public IReadOnlyList<Curve> Curves(Statistic statistic, int sweep = 0, int arm = -1)
    {
        var series = Layouts[sweep].Find(statistic, arm);
        var curves = new List<Curve>();
        if (series is null) return curves;
        for (int a = 0; a < Algorithms.Count; a++)
        {
            int m = series.Points;
            var x = new double[m];
            var mean = new double[m];
            var low = new double[m];
            var high = new double[m];
            for (int p = 0; p < m; p++)
            {
                var s = Aggregate(sweep, a, series, p).Summary;
                x[p] = CheckpointSteps[series.CheckpointIndex(p, CheckpointSteps.Length)];
                mean[p] = s.Mean;
                low[p] = s.CiLow;
                high[p] = s.CiHigh;
            }
            curves.Add(new Curve(Algorithms[a].Label, x, mean, low, high));
        }
        return curves;
    }

    /// <summary>The number of runs of shard <paramref name="shard"/> among runs 0..runs−1.</summary>
    internal static int CountShardRuns(int runs, ShardSpec shard) => runs <= shard.Index ? 0 : (runs - 1 - shard.Index) / shard.Count + 1;
}

/// <summary>A number the engine derived about an experiment's setting, e.g. (<c>reward_min</c>, −1).</summary>
public sealed record ExperimentFact(string Name, double Value);

/// <summary>The aggregates of one series point: the summary over runs, the paired difference to the first algorithm, and at the last checkpoint a histogram.</summary>
public sealed record SeriesAggregate(Summary Summary, PairedDifference? Difference, Histogram? Histogram);

/// <summary>One algorithm's mean curve with its 95% confidence band, for plotting (maps onto the plotting project's Band).</summary>
public sealed record Curve(string Label, double[] X, double[] Mean, double[] Low, double[] High);
