using System;
using System.Collections.Generic;
using RlSpec.Runtime.Games.Dynamics;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// One learning dynamic of a game experiment's <c>compare</c> list (the counterpart of <see cref="PolicyOptimizerEntry"/>
/// for <see cref="GameDynamicsExperiment"/>): name, label, parameters as text, and how to create it for a sweep index.
/// </summary>
public sealed class GameDynamicsEntry : ExperimentEntry
{
    private readonly Func<int, IGameDynamics> _create;

    /// <summary>An entry whose dynamic does not depend on the sweep value.</summary>
    /// <example><c>new GameDynamicsEntry("omwu", "OMWU η=0.1", [new("eta", "0.1")], () => new OptimisticMultiplicativeWeights(game, 0.1))</c></example>
    public GameDynamicsEntry(string name, string label, IReadOnlyList<ParameterValue>? parameters, Func<IGameDynamics> create)
        : base(name, label, parameters)
    {
        ArgumentNullException.ThrowIfNull(create);
        _create = _ => create();
    }

    /// <summary>An entry whose dynamic depends on the sweep value: <paramref name="create"/> gets the sweep index.</summary>
    public GameDynamicsEntry(string name, string label, IReadOnlyList<ParameterValue>? parameters, Func<int, IGameDynamics> create)
        : base(name, label, parameters)
    {
        _create = create ?? throw new ArgumentNullException(nameof(create));
    }

    /// <summary>A fresh dynamic for a sweep index.</summary>
    public IGameDynamics Create(int sweepIndex) => _create(sweepIndex);
}
