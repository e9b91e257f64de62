using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using RlSpec.Runtime.Games.Dynamics;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// Runs a game-dynamics experiment: every dynamic of <c>compare</c> for <see cref="ExperimentSpec.Horizon"/> iterations,
/// recording at the checkpoints the statistics the <see cref="GameMeasure"/> gives (duality gap, NashConv, distance to
/// the equilibrium, each for the last and the average iterate; on a Markov game also the value error to Shapley's values
/// and the distance to a regularized dynamic's QRE: <see cref="MarkovGameMeasure"/>). Deterministic dynamics give the same curve in every
/// run; sampled ones draw run r's samples from the algorithm stream of (seed, r) (<see cref="StreamKeys"/>). Runs go to
/// worker threads through <see cref="RunScheduler"/> and are stored at their own index, so results are bit-identical
/// for any thread count. The outputs (CSV, JSON, plots) are the engine-independent ones of <see cref="ExperimentResult"/>.
/// </summary>
public static class GameDynamicsExperiment
{
    /// <summary>Runs <paramref name="spec"/> (horizon = iterations) for <paramref name="dynamics"/>, measured by <paramref name="measure"/>.</summary>
    /// <exception cref="ExperimentException">The spec or options are invalid, a statistic does not fit the game, or the data would not fit.</exception>
    public static ExperimentResult Run(ExperimentSpec spec, IReadOnlyList<GameDynamicsEntry> dynamics, GameMeasure measure, RunOptions? options = null)
    {
        options ??= new RunOptions();
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(dynamics);
        ArgumentNullException.ThrowIfNull(measure);
        var clock = Stopwatch.StartNew();
        Validate(spec, dynamics, measure, options);
        long[] checkpoints = spec.EffectiveCheckpoints.Steps(spec.Horizon);
        int[] runs = BanditExperiment.PlannedRuns(spec, options);
        int sweeps = spec.SweepCount;
        var layout = new SeriesLayout(spec.Record, 1, checkpoints.Length);
        var layouts = Enumerable.Repeat(layout, sweeps).ToArray();
        ExperimentMemoryPlan.Check(spec, dynamics.Count, runs.Length, checkpoints.Length, layouts, options);

        var values = new double[sweeps][];
        var completed = new bool[sweeps][];
        for (int s = 0; s < sweeps; s++)
        {
            values[s] = new double[(long)runs.Length * dynamics.Count * layout.BlockSize];
            completed[s] = new bool[runs.Length];
        }
        RunScheduler.Run((long)sweeps * runs.Length, options.Threads, options,
            token => token,
            (token, item) =>
            {
                int s = (int)(item / runs.Length), position = (int)(item % runs.Length);
                for (int a = 0; a < dynamics.Count; a++)
                {
                    var output = values[s].AsSpan((int)(((long)position * dynamics.Count + a) * layout.BlockSize), layout.BlockSize);
                    IGameDynamics d;
                    try { d = dynamics[a].Create(s); }
                    catch (ArgumentException ex) { throw new ExperimentException(ExperimentErrorIds.InvalidRequest, $"{dynamics[a].Label}: {ex.Message}"); }
                    Execute(d, spec.Seed, runs[position], checkpoints, layout, measure, token, output);
                }
                completed[s][position] = true;
            });

        var infos = dynamics.Select(a => a.Info).ToArray();
        return new ExperimentResult(spec, infos, checkpoints, layouts, runs, values, completed, options.Shard, options.RunIndex, clock.Elapsed, ExperimentVersion.Current);
    }

    /// <summary>One run of one dynamic: step to each checkpoint and measure there. Allocates nothing per step.</summary>
    private static void Execute(IGameDynamics dynamics, ulong seed, int run, long[] checkpoints, SeriesLayout layout, GameMeasure measure,
        CancellationToken cancellation, Span<double> output)
    {
        var random = StreamKeys.Stream(seed, run, StreamPurpose.Algorithm);
        dynamics.Reset();
        for (int c = 0; c < checkpoints.Length; c++)
        {
            while (dynamics.Iteration < checkpoints[c]) dynamics.Step(ref random);
            cancellation.ThrowIfCancellationRequested();
            foreach (var (statistic, offset) in layout.ScalarSeries) output[offset + c] = measure.Measure(statistic, dynamics);
        }
    }

    private static void Validate(ExperimentSpec spec, IReadOnlyList<GameDynamicsEntry> dynamics, GameMeasure measure, RunOptions options)
    {
        var recordable = measure.Recordable;
        string? problem =
            spec.Horizon <= 0 ? $"the number of iterations must be positive, not {spec.Horizon}" :
            spec.Runs <= 0 ? $"the number of runs must be positive, not {spec.Runs}" :
            dynamics.Count == 0 ? "the experiment compares no dynamics; list at least one in 'compare'" :
            spec.Record.Count == 0 ? "the experiment records nothing; record at least one of " + string.Join(", ", recordable.Select(StatisticNames.Name)) :
            spec.Record.Any(r => !recordable.Contains(r)) ?
                $"'{spec.Record.First(r => !recordable.Contains(r)).Name()}' is not recorded by game dynamics; record {string.Join(", ", recordable.Select(StatisticNames.Name))}" :
            spec.Record.Select(measure.Refuse).FirstOrDefault(r => r is not null) is { } refused ? refused :
            spec.Record.Distinct().Count() != spec.Record.Count ? "a statistic is recorded twice; list each once" :
            options.Threads < 1 ? $"the thread count must be at least 1, not {options.Threads}" :
            options.RunIndex is int r && (r < 0 || r >= spec.Runs) ? $"run index {r} is out of range; the runs are 0..{spec.Runs - 1}" :
            options.RunIndex is not null && options.Shard is not null ? "a single run (run index) cannot also be a shard; give one of the two" :
            options.Shard is { } s && (s.Count < 1 || s.Index < 0 || s.Index >= s.Count || s.Count > spec.Runs) ? $"shard {s} is out of range" :
            null;
        if (problem is not null) throw new ExperimentException(ExperimentErrorIds.InvalidRequest, $"experiment '{spec.Name}': {problem}.");
        // What a dynamic can be measured by depends on the dynamic too (a QRE distance needs a temperature): ask for each entry.
        foreach (var entry in dynamics)
        {
            IGameDynamics d;
            try { d = entry.Create(0); }
            catch (ArgumentException ex) { throw new ExperimentException(ExperimentErrorIds.InvalidRequest, $"{entry.Label}: {ex.Message}"); }
            foreach (var statistic in spec.Record)
                if (measure.Refuse(statistic, d) is { } reason)
                    throw new ExperimentException(ExperimentErrorIds.InvalidRequest, $"experiment '{spec.Name}', {entry.Label}: {reason}.");
        }
    }
}
