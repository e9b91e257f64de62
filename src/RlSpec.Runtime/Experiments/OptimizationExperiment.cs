using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using RlSpec.Runtime.Optimization;
using RlSpec.Runtime.Optimization.Methods;
using RlSpec.Runtime.Optimization.Metrics;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// What an optimization experiment measures against: the declared optimum x* (or saddle point) for
/// <see cref="Statistic.Distance"/>, and the radius of the ball the <see cref="Statistic.DualityGap"/> is restricted to.
/// </summary>
public sealed class OptimizationTargets
{
    /// <summary>The declared optimum (saddle point (x*, y*) of a saddle problem), in the flat layout; null when none is declared.</summary>
    public double[]? Optimum { get; init; }

    /// <summary>The radius R of the restricted duality gap's ball (around <see cref="Optimum"/>, or 0); null when none is declared.</summary>
    public double? GapRadius { get; init; }

    /// <summary>The targets <paramref name="problem"/> declares (<c>optimum ...</c>, <c>gap radius = R</c>).</summary>
    public static OptimizationTargets Of<TProblem>(TProblem problem) where TProblem : IDeclaredTargets =>
        new() { Optimum = problem.DeclaredOptimum(), GapRadius = problem.GapRadius };
}

/// <summary>
/// Runs an optimization experiment: every first-order method of <c>compare</c> for <see cref="ExperimentSpec.Horizon"/>
/// iterations on a compiled problem, recording at the checkpoints the objective, the gradient norm, the distance to the
/// declared optimum, the restricted duality gap (saddle problems), the regret against the best fixed point in
/// hindsight (online problems), the same at the averaged iterate, and the problem's tracked metrics by name. Run r of
/// every method starts from the problem's initialization drawn from the algorithm stream of (seed, r)
/// (<see cref="StreamKeys"/>), so all methods of a run start at the same x₀; stochastic methods continue on that
/// stream. Runs go to worker threads through <see cref="RunScheduler"/> and are stored at their own index, so results are
/// bit-identical for any thread count.
/// </summary>
public static class OptimizationExperiment
{
    /// <summary>The statistics an optimization experiment can record.</summary>
    public static IReadOnlyList<Statistic> Recordable { get; } =
    [
        Statistic.Objective, Statistic.GradientNorm, Statistic.Distance, Statistic.DualityGap, Statistic.OnlineRegret,
        Statistic.AverageObjective, Statistic.AverageDistance, Statistic.AverageDualityGap, Statistic.Metrics,
    ];

    /// <summary>
    /// Runs <paramref name="spec"/> (horizon = iterations) for <paramref name="methods"/> on <paramref name="problem"/>.
    /// An emitted problem's instance shares its scratch buffers (not thread-safe), so each worker thread needs its own
    /// copy on the same data: <paramref name="forWorker"/> makes it (for an emitted problem <c>p => p.WithOwnBuffers()</c>);
    /// without it the runs go to one thread.
    /// </summary>
    /// <exception cref="ExperimentException">The spec, targets or options are invalid, a method cannot run on the problem, or the data would not fit.</exception>
    public static ExperimentResult Run<TProblem>(ExperimentSpec spec, IReadOnlyList<OptimizationMethodEntry<TProblem>> methods, TProblem problem,
        OptimizationTargets? targets = null, RunOptions? options = null, Func<TProblem, TProblem>? forWorker = null) where TProblem : struct, IOptimizationProblem
    {
        options ??= new RunOptions();
        targets ??= new OptimizationTargets();
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(methods);
        var clock = Stopwatch.StartNew();
        Validate(spec, methods, problem, targets, options);
        long[] checkpoints = spec.EffectiveCheckpoints.Steps(spec.Horizon);
        int[] runs = BanditExperiment.PlannedRuns(spec, options);
        int sweeps = spec.SweepCount;
        var layout = new SeriesLayout(spec.Record, 1, checkpoints.Length, [.. problem.MetricNames]);
        var layouts = Enumerable.Repeat(layout, sweeps).ToArray();
        ExperimentMemoryPlan.Check(spec, methods.Count, runs.Length, checkpoints.Length, layouts, options);

        // The best fixed point in hindsight once per checkpoint (it depends on the losses only, not on the runs).
        double[]? hindsight = null;
        if (spec.Record.Contains(Statistic.OnlineRegret))
        {
            hindsight = new double[checkpoints.Length];
            for (int c = 0; c < checkpoints.Length; c++) hindsight[c] = HindsightOptimum.Value(problem, checkpoints[c]);
        }

        var values = new double[sweeps][];
        var completed = new bool[sweeps][];
        for (int s = 0; s < sweeps; s++)
        {
            values[s] = new double[(long)runs.Length * methods.Count * layout.BlockSize];
            completed[s] = new bool[runs.Length];
        }
        int threads = forWorker is null ? 1 : options.Threads;
        RunScheduler.Run((long)sweeps * runs.Length, threads, options,
            token => new OptimizationRun<TProblem>(forWorker is null ? problem : forWorker(problem), spec.Seed, spec.Horizon, checkpoints, layout, targets, hindsight, token),
            (run, item) =>
            {
                int s = (int)(item / runs.Length), position = (int)(item % runs.Length);
                for (int a = 0; a < methods.Count; a++)
                {
                    var output = values[s].AsSpan((int)(((long)position * methods.Count + a) * layout.BlockSize), layout.BlockSize);
                    methods[a].RunOne(run, s, runs[position], output);
                }
                completed[s][position] = true;
            });

        var infos = methods.Select(a => a.Info).ToArray();
        return new ExperimentResult(spec, infos, checkpoints, layouts, runs, values, completed, options.Shard, options.RunIndex, clock.Elapsed, ExperimentVersion.Current);
    }

    private static void Validate<TProblem>(ExperimentSpec spec, IReadOnlyList<OptimizationMethodEntry<TProblem>> methods, TProblem problem,
        OptimizationTargets targets, RunOptions options) where TProblem : struct, IOptimizationProblem
    {
        bool saddle = problem.Variables.Any(v => v.Maximized);
        bool Wants(Statistic s) => spec.Record.Contains(s);
        string? error =
            spec.Horizon <= 0 ? $"the number of iterations must be positive, not {spec.Horizon}" :
            spec.Runs <= 0 ? $"the number of runs must be positive, not {spec.Runs}" :
            methods.Count == 0 ? "the experiment compares no methods; list at least one in 'compare'" :
            spec.Record.Count == 0 ? "the experiment records nothing; record at least one of " + string.Join(", ", Recordable.Select(StatisticNames.Name)) :
            spec.Record.Any(r => !Recordable.Contains(r)) ?
                $"'{spec.Record.First(r => !Recordable.Contains(r)).Name()}' is not recorded by an optimization experiment; record {string.Join(", ", Recordable.Select(StatisticNames.Name))}" :
            spec.Record.Distinct().Count() != spec.Record.Count ? "a statistic is recorded twice; list each once" :
            (Wants(Statistic.Distance) || Wants(Statistic.AverageDistance)) && targets.Optimum is null ? "'distance' needs a declared optimum (or saddle point)" :
            targets.Optimum is { } o && o.Length != problem.Dimension ? $"the declared optimum has {o.Length} entries, the problem's variables {problem.Dimension}" :
            (Wants(Statistic.DualityGap) || Wants(Statistic.AverageDualityGap)) && !saddle ? "'duality_gap' is for saddle problems (min x max y); this problem has no maximized variable" :
            (Wants(Statistic.DualityGap) || Wants(Statistic.AverageDualityGap)) && !(targets.GapRadius is double r && r > 0 && !double.IsInfinity(r)) ? "'duality_gap' needs a positive, finite radius for the ball it is restricted to" :
            Wants(Statistic.OnlineRegret) && !problem.IsOnline ? "'online_regret' is for online problems (a loss that depends on the round t)" :
            Wants(Statistic.Metrics) && problem.MetricNames.Count == 0 ? "'metrics' records the problem's tracked metrics, but the problem declares none" :
            options.Threads < 1 ? $"the thread count must be at least 1, not {options.Threads}" :
            options.RunIndex is int ri && (ri < 0 || ri >= spec.Runs) ? $"run index {ri} is out of range; the runs are 0..{spec.Runs - 1}" :
            options.RunIndex is not null && options.Shard is not null ? "a single run (run index) cannot also be a shard; give one of the two" :
            options.Shard is { } sh && (sh.Count < 1 || sh.Index < 0 || sh.Index >= sh.Count || sh.Count > spec.Runs) ? $"shard {sh} is out of range" :
            null;
        if (error is not null) throw new ExperimentException(ExperimentErrorIds.InvalidRequest, $"experiment '{spec.Name}': {error}.");
    }
}

/// <summary>A worker's state for optimization runs: the problem, buffers for the measurements and the gap's inner solver.</summary>
internal sealed class OptimizationRun<TProblem> where TProblem : struct, IOptimizationProblem
{
    private TProblem _problem;
    private readonly ulong _seed;
    private readonly long _iterations;
    private readonly long[] _checkpoints;
    private readonly SeriesLayout _layout;
    private readonly OptimizationTargets _targets;
    private readonly double[]? _hindsight;
    private readonly CancellationToken _cancellation;
    private readonly double[] _gradient, _metrics;
    private readonly RestrictedDualityGap<TProblem>? _gap;

    public OptimizationRun(TProblem problem, ulong seed, long iterations, long[] checkpoints, SeriesLayout layout,
        OptimizationTargets targets, double[]? hindsight, CancellationToken cancellation)
    {
        _problem = problem;
        _seed = seed;
        _iterations = iterations;
        _checkpoints = checkpoints;
        _layout = layout;
        _targets = targets;
        _hindsight = hindsight;
        _cancellation = cancellation;
        _gradient = new double[problem.Dimension];
        _metrics = new double[problem.MetricNames.Count];
        if (targets.GapRadius is double r && problem.Variables.Any(v => v.Maximized)) _gap = new RestrictedDualityGap<TProblem>(problem, r, targets.Optimum);
    }

    public void Execute<TMethod>(ref TMethod method, string label, int run, Span<double> output) where TMethod : struct, IFirstOrderMethod<TProblem>
    {
        var random = StreamKeys.Stream(_seed, run, StreamPurpose.Algorithm);
        try { method.Reset(_problem, _iterations, ref random); }
        catch (ArgumentException ex)
        {
            throw new ExperimentException(ExperimentErrorIds.InvalidRequest, $"{label}: {ex.Message}");
        }
        int c = 0;
        long last = _checkpoints[^1];
        double cumulativeLoss = 0;
        for (long k = 1; k <= last; k++)
        {
            method.Step(k, ref random);
            cumulativeLoss += method.LastObjective;
            if (k != _checkpoints[c]) continue;
            _cancellation.ThrowIfCancellationRequested();
            bool metricsDone = false;
            var all = _layout.Series;
            for (int i = 0; i < all.Count; i++) // indexed: no enumerator allocated per checkpoint
            {
                var series = all[i];
                double value;
                switch (series.Statistic)
                {
                    case Statistic.Objective: value = _problem.Objective(method.Iterate, k) + method.Penalty(method.Iterate); break;
                    case Statistic.AverageObjective: value = _problem.Objective(method.Average, k) + method.Penalty(method.Average); break;
                    case Statistic.GradientNorm:
                        _problem.Gradient(method.Iterate, _gradient, k);
                        value = Dense.Norm(_gradient);
                        break;
                    case Statistic.Distance: value = Dense.Distance(method.Iterate, _targets.Optimum!); break;
                    case Statistic.AverageDistance: value = Dense.Distance(method.Average, _targets.Optimum!); break;
                    case Statistic.DualityGap: value = _gap!.At(method.Iterate); break;
                    case Statistic.AverageDualityGap: value = _gap!.At(method.Average); break;
                    case Statistic.OnlineRegret: value = cumulativeLoss - _hindsight![c]; break;
                    default: // Metrics: one evaluation fills every tracked metric's series
                        if (!metricsDone) { _problem.Metrics(method.Iterate, _metrics); metricsDone = true; }
                        value = _metrics[series.Arm];
                        break;
                }
                output[series.Offset + c] = value;
            }
            c++;
        }
    }
}
