using System;
using System.Collections.Generic;
using RlSpec.Runtime.Optimization;
using RlSpec.Runtime.Optimization.Methods;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// One first-order method of an optimization experiment's <c>compare</c> list (the counterpart of
/// <see cref="PolicyOptimizerEntry"/> for <see cref="OptimizationExperiment"/>): name, label, parameters as text, and
/// how to create it for the problem type <typeparamref name="TProblem"/>.
/// </summary>
public abstract class OptimizationMethodEntry<TProblem> : ExperimentEntry where TProblem : struct, IOptimizationProblem
{
    private protected OptimizationMethodEntry(string name, string label, IReadOnlyList<ParameterValue>? parameters)
        : base(name, label, parameters)
    {
    }

    /// <summary>Runs the method for one run (specialized per struct type).</summary>
    internal abstract void RunOne(OptimizationRun<TProblem> run, int sweep, int runIndex, Span<double> output);
}

/// <summary>A method entry for the struct <typeparamref name="TMethod"/>; <c>create</c> returns a fresh value per run.</summary>
public sealed class OptimizationMethodEntry<TProblem, TMethod> : OptimizationMethodEntry<TProblem>
    where TProblem : struct, IOptimizationProblem where TMethod : struct, IFirstOrderMethod<TProblem>
{
    private readonly Func<int, TMethod> _create;

    /// <summary>An entry whose method does not depend on the sweep value.</summary>
    /// <example><c>new OptimizationMethodEntry&lt;P, GradientDescent&lt;P&gt;&gt;("gd", "GD", [new("step", "0.1")], () => new(StepSchedule.Constant(0.1)))</c></example>
    public OptimizationMethodEntry(string name, string label, IReadOnlyList<ParameterValue>? parameters, Func<TMethod> create)
        : base(name, label, parameters)
    {
        ArgumentNullException.ThrowIfNull(create);
        _create = _ => create();
    }

    /// <summary>An entry whose method depends on the sweep value: <paramref name="create"/> gets the sweep index.</summary>
    public OptimizationMethodEntry(string name, string label, IReadOnlyList<ParameterValue>? parameters, Func<int, TMethod> create)
        : base(name, label, parameters)
    {
        _create = create ?? throw new ArgumentNullException(nameof(create));
    }

    /// <summary>A fresh method for a sweep index.</summary>
    public TMethod Create(int sweepIndex) => _create(sweepIndex);

    internal override void RunOne(OptimizationRun<TProblem> run, int sweep, int runIndex, Span<double> output)
    {
        TMethod method;
        try { method = _create(sweep); }
        catch (ArgumentException ex) { throw new ExperimentException(ExperimentErrorIds.InvalidRequest, $"{Label}: {ex.Message}"); }
        run.Execute(ref method, Label, runIndex, output);
    }
}
