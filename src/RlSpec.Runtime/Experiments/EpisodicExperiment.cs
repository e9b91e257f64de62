using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RlSpec.Runtime.Experiments.Episodic;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// Runs an episodic experiment: online RL algorithms (<see cref="Learning.Episodic.IEpisodicAlgorithm"/>)
/// played for K = <see cref="ExperimentSpec.Horizon"/> episodes of H steps on an MDP's generative step, with the
/// regret of every episode computed exactly on the true model. Every run on a worker thread, every algorithm of
/// a run on the same random streams (<see cref="StreamKeys"/>: purpose <see cref="StreamPurpose.Transition"/>
/// per state-action pair, <see cref="StreamPurpose.Initial"/> for the initial states), the values of each run
/// stored at its own index and aggregated in run order, so the result is bit-identical for any thread count,
/// completion order or shard layout (same runtime version and CPU family).
/// </summary>
/// <remarks>
/// <para>
/// Rewards are rescaled to [0, 1] per step, r' = (r − r_min)/(r_max − r_min) over the model's outcome rewards;
/// every statistic is in these units and the summary reports r_min, r_max and V*_1(ρ) under <c>setting</c>.
/// Statistics (cumulative over the episodes so far): <c>regret</c> Σ_k V*_1(ρ) − V^{π_k}_1(ρ), with π_k the
/// policy the algorithm reports for episode k evaluated exactly by backward induction; <c>realized_regret</c>
/// Σ_k V*_1(ρ) − Σ_h r'_{k,h}; <c>cumulative_reward</c> Σ_k Σ_h r'_{k,h}.
/// </para>
/// </remarks>
public static class EpisodicExperiment
{
    /// <summary>The statistics an episodic experiment can record.</summary>
    public static readonly IReadOnlyList<Statistic> Statistics = [Statistic.Regret, Statistic.RealizedRegret, Statistic.Reward];

    /// <summary>
    /// Runs <paramref name="spec"/> (its horizon is the number of episodes K) for <paramref name="algorithms"/> on
    /// <paramref name="model"/> in episodes of <paramref name="horizon"/> steps. Cancellation returns the completed
    /// runs with <see cref="ExperimentResult.Partial"/> set.
    /// </summary>
    /// <exception cref="ExperimentException">The spec or options are invalid, the model cannot be played (RLS0706), the data would not fit, or an algorithm played an unavailable action (RLS0707).</exception>
    public static ExperimentResult Run<TModel>(
        ExperimentSpec spec, IReadOnlyList<EpisodicAlgorithmEntry> algorithms, in TModel model, int horizon, RunOptions? options = null)
        where TModel : struct, IGenerativeMdp
    {
        options ??= new RunOptions();
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(algorithms);
        var clock = Stopwatch.StartNew();
        BanditExperiment.Validate(spec, algorithms.Count, options);
        string? problem =
            horizon < 1 ? $"the episode horizon H must be positive, not {horizon}" :
            spec.Sweep is not null ? "an episodic experiment has no sweep" :
            spec.Record.FirstOrDefault(s => !Statistics.Contains(s)) is var bad && !Statistics.Contains(bad) ? $"an episodic experiment records {string.Join(", ", Statistics.Select(s => s.Name()))}, not {bad.Name()}" :
            null;
        if (problem is not null) throw new ExperimentException(ExperimentErrorIds.InvalidRequest, $"experiment '{spec.Name}': {problem}.");

        var truth = EpisodicGroundTruth.Build(model, horizon, spec.Name);
        double discount = model.Criterion.Kind == CriterionKind.Discounted ? model.Criterion.Discount : 1.0;
        var setup = truth.Setup(spec.Horizon, discount);
        long[] checkpoints = spec.EffectiveCheckpoints.Steps(spec.Horizon);
        int[] runs = BanditExperiment.PlannedRuns(spec, options);
        var layout = new SeriesLayout(spec.Record, truth.Actions, checkpoints.Length);
        var layouts = new[] { layout };
        ExperimentMemoryPlan.Check(spec, algorithms.Count, runs.Length, checkpoints.Length, layouts, options);

        var values = new double[(long)runs.Length * algorithms.Count * layout.BlockSize];
        var completed = new bool[runs.Length];
        TModel copyOfModel = model;
        var trace = options.Trace;
        trace?.WriteLine("run,algorithm,episode,step,state,action,reward,next");
        int block = layout.BlockSize;

        RunScheduler.Run(runs.Length, trace is not null ? 1 : options.Threads, options,
            token => new EpisodicWorkspace(spec.Seed, spec.Horizon, checkpoints, truth, setup, layout, trace, token),
            (workspace, item) =>
            {
                int position = (int)item, run = runs[position];
                for (int a = 0; a < algorithms.Count; a++)
                {
                    var copy = copyOfModel;
                    var output = values.AsSpan((int)(((long)position * algorithms.Count + a) * block), block);
                    algorithms[a].RunOne(ref copy, workspace, new RunKey(0, run, a), output);
                }
                completed[position] = true;
            });
        trace?.Flush();

        var infos = algorithms.Select(a => a.Info).ToArray();
        var facts = new[]
        {
            new ExperimentFact("episode_horizon", horizon),
            new ExperimentFact("states", truth.States),
            new ExperimentFact("actions", truth.Actions),
            new ExperimentFact("reward_min", truth.RewardMin),
            new ExperimentFact("reward_max", truth.RewardMax),
            new ExperimentFact("optimal_value", truth.OptimalValue),
        };
        return new ExperimentResult(spec, infos, checkpoints, layouts, runs, [values], [completed], options.Shard, options.RunIndex, clock.Elapsed,
            ExperimentVersion.Current, facts: facts);
    }
}
