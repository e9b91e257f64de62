using System;
using System.Collections.Generic;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// One <c>experiment</c> block: the model, horizon, runs, master seed, checkpoints, what to record,
/// the instance mode, plot options and an optional sweep. Emitted code builds it with an object
/// initializer; the algorithms are passed separately to <see cref="BanditExperiment.Run{TBandit}"/>.
/// </summary>
public sealed class ExperimentSpec
{
    /// <summary>The experiment's name.</summary>
    public required string Name { get; init; }

    /// <summary>The model's name (the <c>on MODEL</c> part).</summary>
    public required string Model { get; init; }

    /// <summary>The horizon T (steps per run; the budget of a best-arm identification run).</summary>
    public required long Horizon { get; init; }

    /// <summary>The number of runs R; runs are numbered 0..R−1.</summary>
    public required int Runs { get; init; }

    /// <summary>The master seed S: every random stream derives from (S, run, purpose, arm) alone (<see cref="StreamKeys"/>).</summary>
    public required ulong Seed { get; init; }

    /// <summary>When to record (default: 100 linear checkpoints, i.e. every ⌈T/100⌉ steps).</summary>
    public Checkpoints? Checkpoints { get; init; }

    /// <summary>What to record at each checkpoint (default: regret); order is kept in the outputs.</summary>
    public IReadOnlyList<Statistic> Record { get; init; } = [Statistic.Regret];

    /// <summary>Whether a random instance is fixed or drawn per run.</summary>
    public InstanceMode Instance { get; init; } = InstanceMode.Fixed;

    /// <summary>The <c>plot</c> setting.</summary>
    public PlotOptions Plot { get; init; } = new();

    /// <summary>The model's parameters and their values (text), for the JSON summary.</summary>
    public IReadOnlyList<ParameterValue> Parameters { get; init; } = [];

    /// <summary>An optional sweep over a model or algorithm parameter.</summary>
    public ExperimentSweep? Sweep { get; init; }

    /// <summary>
    /// What the horizon counts and the checkpoints are in: <c>steps</c> (bandits), <c>episodes</c> (episodic
    /// experiments on an MDP) or <c>iterations</c> (policy optimization). The plots name their x axis by it.
    /// </summary>
    public string Unit { get; init; } = "steps";

    /// <summary>The checkpoints in effect: <see cref="Checkpoints"/>, or every ⌈T/100⌉ steps.</summary>
    public Checkpoints EffectiveCheckpoints => Checkpoints ?? Experiments.Checkpoints.Linear(Math.Max(1, (Horizon + 99) / 100));

    /// <summary>The number of sweep values (1 without a sweep).</summary>
    public int SweepCount => Sweep is null ? 1 : Sweep.Values.Count;
}
