using System;
using System.Collections.Generic;
using RlSpec.Runtime.Experiments.Episodic;
using RlSpec.Runtime.Learning.Episodic;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// One online RL algorithm of an episodic experiment's <c>compare</c> list: its name, label, parameters as
/// text, and how to create it. Use <see cref="EpisodicAlgorithmEntry{TAlgorithm}"/>; the engine runs each
/// entry through a loop specialized for its struct type.
/// </summary>
public abstract class EpisodicAlgorithmEntry : ExperimentEntry
{
    private protected EpisodicAlgorithmEntry(string name, string label, IReadOnlyList<ParameterValue>? parameters)
        : base(name, label, parameters)
    {
    }

    internal abstract void RunOne<TModel>(ref TModel model, EpisodicWorkspace workspace, in RunKey key, Span<double> output)
        where TModel : struct, IGenerativeMdp;
}

/// <summary>
/// An episodic algorithm entry for the struct <typeparamref name="TAlgorithm"/>: a built-in algorithm or a
/// researcher's own <see cref="IEpisodicAlgorithm"/>. <c>create</c> returns a fresh value; the engine calls
/// <see cref="IEpisodicAlgorithm.Reset"/> on it before every run.
/// </summary>
public sealed class EpisodicAlgorithmEntry<TAlgorithm> : EpisodicAlgorithmEntry where TAlgorithm : struct, IEpisodicAlgorithm
{
    private readonly Func<TAlgorithm> _create;

    /// <summary>An entry; <paramref name="create"/> is called once per run.</summary>
    /// <example><c>new EpisodicAlgorithmEntry&lt;Mvp&gt;("mvp", "mvp", [new("bonus", "0.5")], () => new Mvp(bonus: 0.5))</c></example>
    public EpisodicAlgorithmEntry(string name, string label, IReadOnlyList<ParameterValue>? parameters, Func<TAlgorithm> create)
        : base(name, label, parameters)
    {
        _create = create ?? throw new ArgumentNullException(nameof(create));
    }

    /// <summary>A fresh algorithm value.</summary>
    public TAlgorithm Create() => _create();

    internal override void RunOne<TModel>(ref TModel model, EpisodicWorkspace workspace, in RunKey key, Span<double> output)
    {
        TAlgorithm algorithm = _create();
        EpisodicLoop.Run(ref model, ref algorithm, workspace, key, output);
    }
}
