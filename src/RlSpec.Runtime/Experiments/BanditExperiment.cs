using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RlSpec.Runtime.Bandits;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// Runs a bandit experiment: every (sweep value, run) on a worker thread, every algorithm of the run on the
/// same random streams (<see cref="StreamKeys"/>), the values of each run stored at its own index and
/// aggregated in run order after all runs finish, so the result is bit-identical for any thread count,
/// completion order or shard layout (same runtime version and CPU family: <c>Math.Exp</c>/<c>Log</c> may
/// differ elsewhere).
/// </summary>
public static class BanditExperiment
{
    /// <summary>
    /// Runs <paramref name="spec"/> for <paramref name="algorithms"/> on the bandit that <paramref name="instance"/>
    /// builds from (instance seed, sweep index). The memory of the recorded values is planned first and refused
    /// (<see cref="ExperimentErrorIds.InsufficientMemory"/>) above <see cref="RunOptions.MemoryLimitBytes"/>.
    /// Cancellation returns the completed runs with <see cref="ExperimentResult.Partial"/> set.
    /// </summary>
    /// <exception cref="ExperimentException">The spec or options are invalid, the data would not fit, or an algorithm picked no valid arm.</exception>
    public static ExperimentResult Run<TBandit>(
        ExperimentSpec spec, IReadOnlyList<AlgorithmEntry> algorithms, Func<ulong, int, TBandit> instance, RunOptions? options = null)
        where TBandit : struct, IBandit
    {
        options ??= new RunOptions();
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(algorithms);
        ArgumentNullException.ThrowIfNull(instance);
        var clock = Stopwatch.StartNew();
        Validate(spec, algorithms.Count, options);
        long[] checkpoints = spec.EffectiveCheckpoints.Steps(spec.Horizon);
        int[] runs = PlannedRuns(spec, options);
        int sweeps = spec.SweepCount;

        // One probe instance per sweep value gives the arm count, hence the layout and the memory plan.
        var layouts = new SeriesLayout[sweeps];
        var fixedInstances = new TBandit[sweeps];
        var fixedSetups = new BanditSetup[sweeps];
        var laiRobbins = new double?[sweeps];
        for (int s = 0; s < sweeps; s++)
        {
            int probeRun = runs.Length > 0 ? runs[0] : 0;
            var probe = instance(StreamKeys.InstanceSeed(spec.Seed, probeRun, spec.Instance), s);
            CheckBandit(probe, spec, s);
            layouts[s] = new SeriesLayout(spec.Record, probe.ArmCount, checkpoints.Length);
            if (spec.Instance == InstanceMode.Fixed)
            {
                fixedInstances[s] = probe;
                fixedSetups[s] = BanditSetup.Of(probe, spec.Horizon);
                laiRobbins[s] = LaiRobbins.ConstantOf(probe);
            }
        }
        ExperimentMemoryPlan.Check(spec, algorithms.Count, runs.Length, checkpoints.Length, layouts, options);

        var values = new double[sweeps][];
        var completed = new bool[sweeps][];
        for (int s = 0; s < sweeps; s++)
        {
            values[s] = new double[(long)runs.Length * algorithms.Count * layouts[s].BlockSize];
            completed[s] = new bool[runs.Length];
        }

        int maxArms = layouts.Max(l => l.ArmCount);
        long total = (long)sweeps * runs.Length;
        var trace = options.Trace;
        trace?.WriteLine("sweep,run,algorithm,t,arm,reward");

        RunScheduler.Run(total, trace is not null ? 1 : options.Threads, options,
            token => new RunWorkspace(spec.Seed, spec.Horizon, checkpoints, maxArms, trace, token),
            (workspace, item) =>
            {
                int s = (int)(item / runs.Length), position = (int)(item % runs.Length), run = runs[position];
                TBandit bandit;
                if (spec.Instance == InstanceMode.Fixed)
                {
                    bandit = fixedInstances[s];
                    if (workspace.PreparedSweep != s) { workspace.Prepare(bandit, fixedSetups[s], layouts[s]); workspace.PreparedSweep = s; }
                }
                else
                {
                    bandit = instance(StreamKeys.InstanceSeed(spec.Seed, run), s);
                    if (bandit.ArmCount != layouts[s].ArmCount)
                        throw new ExperimentException(ExperimentErrorIds.InvalidBandit,
                            $"the per-run instances of '{spec.Model}' have different arm counts ({layouts[s].ArmCount} in run {runs[0]}, {bandit.ArmCount} in run {run}); an instance drawn per run must keep the number of arms");
                    workspace.Prepare(bandit, BanditSetup.Of(bandit, spec.Horizon), layouts[s]);
                    workspace.PreparedSweep = -1;
                }
                int block = layouts[s].BlockSize;
                for (int a = 0; a < algorithms.Count; a++)
                {
                    var copy = bandit;
                    var output = values[s].AsSpan((int)(((long)position * algorithms.Count + a) * block), block);
                    algorithms[a].RunOne(ref copy, workspace, new RunKey(s, run, a), output);
                }
                completed[s][position] = true;
            });
        trace?.Flush();

        var infos = algorithms.Select(a => a.Info).ToArray();
        return new ExperimentResult(spec, infos, checkpoints, layouts, runs, values, completed, options.Shard, options.RunIndex, clock.Elapsed, ExperimentVersion.Current, laiRobbins);
    }

    /// <summary>The run indices to execute: one, a shard's (r mod n = i), or all; ascending.</summary>
    internal static int[] PlannedRuns(ExperimentSpec spec, RunOptions options)
    {
        if (options.RunIndex is int r) return [r];
        if (options.Shard is { } shard)
        {
            var list = new List<int>();
            for (int run = shard.Index; run < spec.Runs; run += shard.Count) list.Add(run);
            return list.ToArray();
        }
        return Enumerable.Range(0, spec.Runs).ToArray();
    }

    internal static void Validate(ExperimentSpec spec, int algorithms, RunOptions options)
    {
        string? problem =
            spec.Horizon <= 0 ? $"the horizon must be positive, not {spec.Horizon}" :
            spec.Runs <= 0 ? $"the number of runs must be positive, not {spec.Runs}" :
            algorithms == 0 ? "the experiment compares no algorithms; list at least one in 'compare'" :
            spec.Record.Count == 0 ? "the experiment records nothing; record at least one of " + string.Join(", ", StatisticNames.All) :
            spec.Record.Distinct().Count() != spec.Record.Count ? "a statistic is recorded twice; list each once" :
            spec.Sweep is { Values.Count: 0 } ? $"the sweep over {spec.Sweep.Parameter} has no values" :
            options.Threads < 1 ? $"the thread count must be at least 1, not {options.Threads}" :
            options.RunIndex is int r && (r < 0 || r >= spec.Runs) ? $"run index {r} is out of range; the runs are 0..{spec.Runs - 1}" :
            options.RunIndex is not null && options.Shard is not null ? "a single run (run index) cannot also be a shard; give one of the two" :
            options.Shard is { } s && (s.Count < 1 || s.Index < 0 || s.Index >= s.Count) ? $"shard {s} is out of range: the index must be 0..count−1" :
            options.Shard is { } s2 && s2.Count > spec.Runs ? $"{s2.Count} shards for {spec.Runs} runs leave some shards empty; use at most {spec.Runs} shards" :
            null;
        if (problem is not null) throw new ExperimentException(ExperimentErrorIds.InvalidRequest, $"experiment '{spec.Name}': {problem}.");
    }

    private static void CheckBandit<TBandit>(in TBandit bandit, ExperimentSpec spec, int sweep) where TBandit : struct, IBandit
    {
        int k = bandit.ArmCount;
        if (k < 1 || k > StreamKeys.MaxArms)
            throw new ExperimentException(ExperimentErrorIds.InvalidBandit,
                $"experiment '{spec.Name}': the bandit '{spec.Model}'{(spec.Sweep is { } sw ? $" ({sw.Parameter} = {sw.Values[sweep]})" : "")} has {k} arms; it needs 1..{StreamKeys.MaxArms}.");
    }
}

/// <summary>The runtime version written into outputs (the assembly's informational version).</summary>
internal static class ExperimentVersion
{
    public static readonly string Current =
        typeof(ExperimentVersion).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0.0.0";
}
