using System;
using System.Collections.Generic;
using RlSpec.Runtime.Bandits;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// One algorithm of an experiment's <c>compare</c> list: its name, its label in the outputs, its
/// parameters as text (for the JSON), and how to create it. Use <see cref="AlgorithmEntry{TAlgorithm}"/>;
/// the engine runs each entry through a loop specialized for its struct type.
/// </summary>
public abstract class AlgorithmEntry : ExperimentEntry
{
    private protected AlgorithmEntry(string name, string label, IReadOnlyList<ParameterValue>? parameters)
        : base(name, label, parameters)
    {
    }

    /// <summary>Runs this algorithm for one run on one bandit (the engine's call; specialized per struct type).</summary>
    internal abstract void RunOne<TBandit>(ref TBandit bandit, RunWorkspace workspace, in RunKey key, Span<double> output)
        where TBandit : struct, IBandit;
}

/// <summary>
/// An algorithm entry for the struct <typeparamref name="TAlgorithm"/>: a built-in algorithm or a
/// researcher's own <see cref="IBanditAlgorithm"/>. <c>create</c> returns a fresh value; the engine calls
/// <see cref="IBanditAlgorithm.Reset"/> on it before every run, so one value per run is enough.
/// </summary>
public sealed class AlgorithmEntry<TAlgorithm> : AlgorithmEntry where TAlgorithm : struct, IBanditAlgorithm
{
    private readonly Func<int, TAlgorithm> _create;

    /// <summary>An entry whose algorithm does not depend on the sweep value.</summary>
    /// <example><c>new AlgorithmEntry&lt;UcbAlpha&gt;("ucb_alpha", "UCB α=0.5", [new("alpha", "0.5")], () => new UcbAlpha(0.5))</c></example>
    public AlgorithmEntry(string name, string label, IReadOnlyList<ParameterValue>? parameters, Func<TAlgorithm> create)
        : base(name, label, parameters)
    {
        ArgumentNullException.ThrowIfNull(create);
        _create = _ => create();
    }

    /// <summary>An entry whose algorithm depends on the sweep value (a swept algorithm parameter): <paramref name="create"/> gets the sweep index.</summary>
    public AlgorithmEntry(string name, string label, IReadOnlyList<ParameterValue>? parameters, Func<int, TAlgorithm> create)
        : base(name, label, parameters)
    {
        _create = create ?? throw new ArgumentNullException(nameof(create));
    }

    /// <summary>A fresh algorithm value for a sweep index.</summary>
    public TAlgorithm Create(int sweepIndex) => _create(sweepIndex);

    internal override void RunOne<TBandit>(ref TBandit bandit, RunWorkspace workspace, in RunKey key, Span<double> output)
    {
        TAlgorithm algorithm = _create(key.Sweep);
        BanditLoop.Run(ref bandit, ref algorithm, workspace, key, output);
    }
}
