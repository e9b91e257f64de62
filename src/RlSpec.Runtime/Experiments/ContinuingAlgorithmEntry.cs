using System;
using System.Collections.Generic;
using RlSpec.Runtime.Experiments.Continuing;
using RlSpec.Runtime.Experiments.Episodic;
using RlSpec.Runtime.Learning.Episodic;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// One algorithm of a continuing (average-reward) experiment's <c>compare</c> list: its name, label, parameters
/// as text, and how to create it. Use <see cref="ContinuingAlgorithmEntry{TAlgorithm}"/>; the engine runs each
/// entry through a loop specialized for its struct type.
/// </summary>
public abstract class ContinuingAlgorithmEntry : ExperimentEntry
{
    private protected ContinuingAlgorithmEntry(string name, string label, IReadOnlyList<ParameterValue>? parameters)
        : base(name, label, parameters)
    {
    }

    internal abstract void RunOne<TModel>(ref TModel model, EpisodicWorkspace workspace, ContinuingGroundTruth truth, in RunKey key, Span<double> output)
        where TModel : struct, IGenerativeMdp;
}

/// <summary>
/// A continuing algorithm entry for the struct <typeparamref name="TAlgorithm"/>: UCRL2 or a researcher's own
/// <see cref="IContinuingAlgorithm"/>. <c>create</c> returns a fresh value; the engine calls
/// <see cref="IContinuingAlgorithm.Reset"/> on it before every run.
/// </summary>
public sealed class ContinuingAlgorithmEntry<TAlgorithm> : ContinuingAlgorithmEntry where TAlgorithm : struct, IContinuingAlgorithm
{
    private readonly Func<TAlgorithm> _create;

    /// <summary>An entry; <paramref name="create"/> is called once per run.</summary>
    /// <example><c>new ContinuingAlgorithmEntry&lt;Ucrl2&gt;("ucrl2", "ucrl2", [new("delta", "0.05")], () => new Ucrl2(delta: 0.05))</c></example>
    public ContinuingAlgorithmEntry(string name, string label, IReadOnlyList<ParameterValue>? parameters, Func<TAlgorithm> create)
        : base(name, label, parameters)
    {
        _create = create ?? throw new ArgumentNullException(nameof(create));
    }

    /// <summary>A fresh algorithm value.</summary>
    public TAlgorithm Create() => _create();

    internal override void RunOne<TModel>(ref TModel model, EpisodicWorkspace workspace, ContinuingGroundTruth truth, in RunKey key, Span<double> output)
    {
        TAlgorithm algorithm = _create();
        ContinuingLoop.Run(ref model, ref algorithm, workspace, truth, key, output);
    }
}
