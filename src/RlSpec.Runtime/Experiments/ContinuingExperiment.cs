using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using RlSpec.Runtime.Experiments.Continuing;
using RlSpec.Runtime.Experiments.Episodic;
using RlSpec.Runtime.Learning.Episodic;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// Runs a continuing experiment: average-reward learners (<see cref="IContinuingAlgorithm"/>, UCRL2) each play
/// one trajectory of T = <see cref="ExperimentSpec.Horizon"/> steps of an MDP's generative step, with the regret
/// measured against the optimal gain ρ* of the true model. The same engine as the episodic experiments
/// (<see cref="RunScheduler"/>, <see cref="StreamKeys"/>: the n-th visit of (s, a) in run r draws from stream
/// (seed, r, <see cref="StreamPurpose.Transition"/>, s·A + a) whatever the algorithm; the initial state from
/// (seed, r, <see cref="StreamPurpose.Initial"/>)), so results are bit-identical for any thread count or shard layout.
/// </summary>
/// <remarks>
/// Rewards are rescaled to [0, 1], r' = (r − r_min)/(r_max − r_min) over the model's outcome rewards, as in
/// <see cref="EpisodicExperiment"/>; the summary reports r_min, r_max and ρ* (<c>optimal_gain</c>) under
/// <c>setting</c>. Statistics after t steps: <c>realized_regret</c> t·ρ* − Σ_{τ≤t} r'_τ (Jaksch, Ortner and Auer
/// 2010, §1: Δ(T) = Tρ* − Σ r_t); <c>regret</c> t·ρ* − Σ_{τ≤t} r'(s_τ, a_τ), the pseudo-regret with the expected
/// reward of each pair played in place of the drawn one (it removes the reward noise, not the transition noise,
/// and either can be negative at a given t); <c>cumulative_reward</c> Σ_{τ≤t} r'_τ.
/// </remarks>
public static class ContinuingExperiment
{
    /// <summary>The statistics a continuing experiment can record.</summary>
    public static readonly IReadOnlyList<Statistic> Statistics = EpisodicExperiment.Statistics;

    /// <summary>
    /// Runs <paramref name="spec"/> (its horizon is the number of steps T) for <paramref name="algorithms"/> on
    /// <paramref name="model"/>. Cancellation returns the completed runs with <see cref="ExperimentResult.Partial"/> set.
    /// </summary>
    /// <exception cref="ExperimentException">The spec or options are invalid, the model cannot be played as one trajectory (RLS0706), the data would not fit, or an algorithm played an unavailable action (RLS0707).</exception>
    public static ExperimentResult Run<TModel>(
        ExperimentSpec spec, IReadOnlyList<ContinuingAlgorithmEntry> algorithms, in TModel model, RunOptions? options = null)
        where TModel : struct, IGenerativeMdp
    {
        options ??= new RunOptions();
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(algorithms);
        var clock = Stopwatch.StartNew();
        BanditExperiment.Validate(spec, algorithms.Count, options);
        string? problem =
            spec.Horizon > int.MaxValue ? $"a continuing experiment runs at most {int.MaxValue:N0} steps, not {spec.Horizon:N0}" :
            spec.Sweep is not null ? "a continuing experiment has no sweep" :
            spec.Record.FirstOrDefault(s => !Statistics.Contains(s)) is var bad && !Statistics.Contains(bad) ? $"a continuing experiment records {string.Join(", ", Statistics.Select(s => s.Name()))}, not {bad.Name()}" :
            null;
        if (problem is not null) throw new ExperimentException(ExperimentErrorIds.InvalidRequest, $"experiment '{spec.Name}': {problem}.");

        var truth = ContinuingGroundTruth.Build(model, spec.Name);
        var snapshot = truth.Snapshot;
        // The setup's horizon is the trajectory's length T (IContinuingAlgorithm); there are no episodes.
        var setup = new EpisodicSetup
        {
            StateCount = snapshot.States,
            ActionCount = snapshot.Actions,
            Horizon = (int)spec.Horizon,
            Episodes = 0,
            Available = snapshot.Available,
        };
        long[] checkpoints = spec.EffectiveCheckpoints.Steps(spec.Horizon);
        int[] runs = BanditExperiment.PlannedRuns(spec, options);
        var layout = new SeriesLayout(spec.Record, snapshot.Actions, checkpoints.Length);
        var layouts = new[] { layout };
        ExperimentMemoryPlan.Check(spec, algorithms.Count, runs.Length, checkpoints.Length, layouts, options);

        var values = new double[(long)runs.Length * algorithms.Count * layout.BlockSize];
        var completed = new bool[runs.Length];
        TModel copyOfModel = model;
        var trace = options.Trace;
        trace?.WriteLine("run,algorithm,step,state,action,reward,next");
        int block = layout.BlockSize;

        RunScheduler.Run(runs.Length, trace is not null ? 1 : options.Threads, options,
            token => new EpisodicWorkspace(spec.Seed, spec.Horizon, checkpoints, snapshot, setup, layout, trace, token),
            (workspace, item) =>
            {
                int position = (int)item, run = runs[position];
                for (int a = 0; a < algorithms.Count; a++)
                {
                    var copy = copyOfModel;
                    var output = values.AsSpan((int)(((long)position * algorithms.Count + a) * block), block);
                    algorithms[a].RunOne(ref copy, workspace, truth, new RunKey(0, run, a), output);
                }
                completed[position] = true;
            });
        trace?.Flush();

        var infos = algorithms.Select(a => a.Info).ToArray();
        var facts = new[]
        {
            new ExperimentFact("states", snapshot.States),
            new ExperimentFact("actions", snapshot.Actions),
            new ExperimentFact("reward_min", snapshot.RewardMin),
            new ExperimentFact("reward_max", snapshot.RewardMax),
            new ExperimentFact("optimal_gain", truth.Gain),
        };
        return new ExperimentResult(spec, infos, checkpoints, layouts, runs, [values], [completed], options.Shard, options.RunIndex, clock.Elapsed,
            ExperimentVersion.Current, facts: facts);
    }
}
