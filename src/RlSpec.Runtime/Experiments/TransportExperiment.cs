using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using RlSpec.Runtime.Optimization.Transport;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// An entry of <c>compare</c> in an experiment on a transport problem. Sinkhorn (<see cref="Sinkhorn"/>) is the one
/// method; the entry carries its name, label and parameters for the outputs.
/// </summary>
public sealed class TransportMethodEntry : ExperimentEntry
{
    /// <summary>The method's name in the language.</summary>
    public const string SinkhornName = "sinkhorn";

    /// <summary>An entry for <paramref name="name"/> (only <see cref="SinkhornName"/> runs).</summary>
    public TransportMethodEntry(string name, string label, IReadOnlyList<ParameterValue>? parameters = null)
        : base(name, label, parameters)
    {
    }
}

/// <summary>
/// Runs an experiment on an entropic optimal-transport problem: Sinkhorn (<see cref="Sinkhorn"/>) for
/// <see cref="ExperimentSpec.Horizon"/> iterations, recording at the checkpoints the row-marginal error ‖P1 − a‖₁ and the
/// transport cost ⟨C, P⟩. Sinkhorn is deterministic (it starts from zero potentials), so every run gives the same
/// curve. Runs go through <see cref="RunScheduler"/> like the other engines, so the outputs (CSV, JSON, SVG) are the
/// same shape.
/// </summary>
public static class TransportExperiment
{
    /// <summary>The statistics an experiment on a transport problem can record.</summary>
    public static IReadOnlyList<Statistic> Recordable { get; } = [Statistic.MarginalError, Statistic.TransportCost];

    /// <summary>Runs <paramref name="spec"/> (horizon = iterations) for <paramref name="methods"/> on <paramref name="problem"/>.</summary>
    /// <exception cref="ExperimentException">The spec or options are invalid, a method is not Sinkhorn, or the problem's data is invalid.</exception>
    public static ExperimentResult Run(ExperimentSpec spec, IReadOnlyList<TransportMethodEntry> methods, ITransportProblem problem, RunOptions? options = null)
    {
        options ??= new RunOptions();
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(methods);
        ArgumentNullException.ThrowIfNull(problem);
        var clock = Stopwatch.StartNew();
        Validate(spec, methods, options);
        long[] checkpoints = spec.EffectiveCheckpoints.Steps(spec.Horizon);
        int[] runs = BanditExperiment.PlannedRuns(spec, options);
        int sweeps = spec.SweepCount;
        var layout = new SeriesLayout(spec.Record, 1, checkpoints.Length, []);
        var layouts = Enumerable.Repeat(layout, sweeps).ToArray();
        ExperimentMemoryPlan.Check(spec, methods.Count, runs.Length, checkpoints.Length, layouts, options);
        // The data once (the problem's spans cannot cross threads); each run gets its own solver on it.
        double[] cost = problem.Cost.ToArray(), source = problem.Source.ToArray(), target = problem.Target.ToArray();
        int rows = problem.Rows, columns = problem.Columns;
        double epsilon = problem.Epsilon;
        try { _ = new Sinkhorn(cost, rows, columns, source, target, epsilon); }
        catch (ArgumentException ex) { throw new ExperimentException(ExperimentErrorIds.InvalidRequest, $"experiment '{spec.Name}': {ex.Message}."); }

        var values = new double[sweeps][];
        var completed = new bool[sweeps][];
        for (int s = 0; s < sweeps; s++)
        {
            values[s] = new double[(long)runs.Length * methods.Count * layout.BlockSize];
            completed[s] = new bool[runs.Length];
        }
        RunScheduler.Run((long)sweeps * runs.Length, options.Threads, options,
            token => token,
            (token, item) =>
            {
                int s = (int)(item / runs.Length), position = (int)(item % runs.Length);
                for (int a = 0; a < methods.Count; a++)
                {
                    var output = values[s].AsSpan((int)(((long)position * methods.Count + a) * layout.BlockSize), layout.BlockSize);
                    var sinkhorn = new Sinkhorn(cost, rows, columns, source, target, epsilon);
                    int c = 0;
                    for (long k = 1; k <= checkpoints[^1]; k++)
                    {
                        sinkhorn.Step();
                        if (k != checkpoints[c]) continue;
                        token.ThrowIfCancellationRequested();
                        var all = layout.Series;
                        for (int i = 0; i < all.Count; i++)
                            output[all[i].Offset + c] = all[i].Statistic == Statistic.MarginalError ? sinkhorn.MarginalError() : sinkhorn.TransportCost();
                        c++;
                    }
                }
                completed[s][position] = true;
            });

        var infos = methods.Select(a => a.Info).ToArray();
        return new ExperimentResult(spec, infos, checkpoints, layouts, runs, values, completed, options.Shard, options.RunIndex, clock.Elapsed, ExperimentVersion.Current);
    }

    private static void Validate(ExperimentSpec spec, IReadOnlyList<TransportMethodEntry> methods, RunOptions options)
    {
        string? error =
            spec.Horizon <= 0 ? $"the number of iterations must be positive, not {spec.Horizon}" :
            spec.Runs <= 0 ? $"the number of runs must be positive, not {spec.Runs}" :
            methods.Count == 0 ? "the experiment compares no methods; list sinkhorn in 'compare'" :
            methods.FirstOrDefault(m => m.Name != TransportMethodEntry.SinkhornName) is { } other ? $"'{other.Name}' cannot run on a transport problem; compare sinkhorn" :
            spec.Record.Count == 0 ? "the experiment records nothing; record at least one of " + string.Join(", ", Recordable.Select(StatisticNames.Name)) :
            spec.Record.Any(r => !Recordable.Contains(r)) ?
                $"'{spec.Record.First(r => !Recordable.Contains(r)).Name()}' is not recorded by a transport experiment; record {string.Join(", ", Recordable.Select(StatisticNames.Name))}" :
            spec.Record.Distinct().Count() != spec.Record.Count ? "a statistic is recorded twice; list each once" :
            options.Threads < 1 ? $"the thread count must be at least 1, not {options.Threads}" :
            options.RunIndex is int ri && (ri < 0 || ri >= spec.Runs) ? $"run index {ri} is out of range; the runs are 0..{spec.Runs - 1}" :
            options.RunIndex is not null && options.Shard is not null ? "a single run (run index) cannot also be a shard; give one of the two" :
            options.Shard is { } sh && (sh.Count < 1 || sh.Index < 0 || sh.Index >= sh.Count || sh.Count > spec.Runs) ? $"shard {sh} is out of range" :
            null;
        if (error is not null) throw new ExperimentException(ExperimentErrorIds.InvalidRequest, $"experiment '{spec.Name}': {error}.");
    }
}
