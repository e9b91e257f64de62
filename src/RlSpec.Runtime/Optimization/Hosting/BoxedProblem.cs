using System;
using System.Collections.Generic;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Optimization.Hosting;

/// <summary>
/// A problem known only as an interface (compiled in memory by the CLI, loaded by reflection) as the struct the
/// first-order methods are generic over: every call forwards through the interface, so the methods run unchanged
/// (an interface call per gradient, not per entry). Source-generated problems are structs already and need no wrapper.
/// </summary>
public readonly struct BoxedProblem(ICompositeProblem problem) : ICompositeProblem
{
    private readonly ICompositeProblem _problem = problem ?? throw new ArgumentNullException(nameof(problem));

    /// <summary>The wrapped problem.</summary>
    public ICompositeProblem Problem => _problem;

    /// <inheritdoc/>
    public IReadOnlyList<VariableBlock> Variables => _problem.Variables;
    /// <inheritdoc/>
    public int Dimension => _problem.Dimension;
    /// <inheritdoc/>
    public int Terms => _problem.Terms;
    /// <inheritdoc/>
    public bool IsOnline => _problem.IsOnline;
    /// <inheritdoc/>
    public void Initialize(Span<double> x, ref RandomStream random) => _problem.Initialize(x, ref random);
    /// <inheritdoc/>
    public double Objective(ReadOnlySpan<double> x, long round) => _problem.Objective(x, round);
    /// <inheritdoc/>
    public double Gradient(ReadOnlySpan<double> x, Span<double> gradient, long round) => _problem.Gradient(x, gradient, round);
    /// <inheritdoc/>
    public double TermGradient(ReadOnlySpan<double> x, int term, Span<double> gradient, long round) => _problem.TermGradient(x, term, gradient, round);
    /// <inheritdoc/>
    public void Project(Span<double> x) => _problem.Project(x);
    /// <inheritdoc/>
    public IReadOnlyList<string> MetricNames => _problem.MetricNames;
    /// <inheritdoc/>
    public void Metrics(ReadOnlySpan<double> x, Span<double> values) => _problem.Metrics(x, values);
    /// <inheritdoc/>
    public double SmoothGradient(ReadOnlySpan<double> x, Span<double> gradient, long round) => _problem.SmoothGradient(x, gradient, round);
    /// <inheritdoc/>
    public double Regularizer(ReadOnlySpan<double> x) => _problem.Regularizer(x);
    /// <inheritdoc/>
    public void Proximal(Span<double> x, double step) => _problem.Proximal(x, step);
}
