using System;
using System.Collections.Generic;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// What every entry of an experiment's <c>compare</c> list has, whatever the engine: its name, its label in the
/// outputs, and its parameters as text (for the JSON). The engines' entry types (<see cref="AlgorithmEntry"/> for
/// bandits, <see cref="EpisodicAlgorithmEntry"/> for online RL, <see cref="PolicyOptimizerEntry"/> for policy
/// optimization) add how to create and run their algorithm.
/// </summary>
public abstract class ExperimentEntry
{
    private protected ExperimentEntry(string name, string label, IReadOnlyList<ParameterValue>? parameters)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Label = string.IsNullOrEmpty(label) ? name : label;
        Parameters = parameters ?? [];
    }

    /// <summary>The algorithm's name, e.g. <c>ucb_alpha</c>, <c>ucbvi_bernstein</c> or <c>npg</c> (or a user's type name).</summary>
    public string Name { get; }

    /// <summary>The label in the CSV, JSON, table and plot legend, e.g. <c>UCB α=0.5</c>; the name when none is given.</summary>
    public string Label { get; }

    /// <summary>The parameters the algorithm was given, as text, e.g. (alpha, 0.5).</summary>
    public IReadOnlyList<ParameterValue> Parameters { get; }

    /// <summary>The entry as the outputs describe it.</summary>
    internal AlgorithmInfo Info => new(Name, Label, Parameters);
}
