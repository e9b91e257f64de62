using System;
using System.Collections.Generic;
using RlSpec.Runtime.Learning.PolicyOptimization;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// One policy optimizer of an experiment's <c>compare</c> list (the counterpart of <see cref="AlgorithmEntry"/>
/// for <see cref="PolicyOptimizationExperiment"/>): name, label, parameters as text, and how to create it.
/// </summary>
public abstract class PolicyOptimizerEntry : ExperimentEntry
{
    private protected PolicyOptimizerEntry(string name, string label, IReadOnlyList<ParameterValue>? parameters)
        : base(name, label, parameters)
    {
    }

    /// <summary>τ of the optimizer created for a sweep index (its regularized gap is measured against π*_τ).</summary>
    internal abstract double Regularization(int sweep);

    /// <summary>Runs the optimizer for one run (specialized per struct type).</summary>
    internal abstract void RunOne(PolicyOptimizationRun run, int sweep, int runIndex, Span<double> output);
}

/// <summary>A policy-optimizer entry for the struct <typeparamref name="TOptimizer"/>; <c>create</c> returns a fresh value per run.</summary>
public sealed class PolicyOptimizerEntry<TOptimizer> : PolicyOptimizerEntry where TOptimizer : struct, IPolicyOptimizer
{
    private readonly Func<int, TOptimizer> _create;

    /// <summary>An entry whose optimizer does not depend on the sweep value.</summary>
    /// <example><c>new PolicyOptimizerEntry&lt;NaturalPolicyGradient&gt;("npg", "NPG", [new("step", "0.1")], () => new NaturalPolicyGradient(0.1, 1.0, 0))</c></example>
    public PolicyOptimizerEntry(string name, string label, IReadOnlyList<ParameterValue>? parameters, Func<TOptimizer> create)
        : base(name, label, parameters)
    {
        ArgumentNullException.ThrowIfNull(create);
        _create = _ => create();
    }

    /// <summary>An entry whose optimizer depends on the sweep value: <paramref name="create"/> gets the sweep index.</summary>
    public PolicyOptimizerEntry(string name, string label, IReadOnlyList<ParameterValue>? parameters, Func<int, TOptimizer> create)
        : base(name, label, parameters)
    {
        _create = create ?? throw new ArgumentNullException(nameof(create));
    }

    /// <summary>A fresh optimizer for a sweep index.</summary>
    public TOptimizer Create(int sweepIndex) => _create(sweepIndex);

    internal override double Regularization(int sweep) => _create(sweep).Regularization;

    internal override void RunOne(PolicyOptimizationRun run, int sweep, int runIndex, Span<double> output)
    {
        TOptimizer optimizer = _create(sweep);
        run.Execute(ref optimizer, Label, runIndex, output);
    }
}
