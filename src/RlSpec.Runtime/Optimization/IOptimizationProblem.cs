using System;
using System.Collections.Generic;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Optimization;

/// <summary>The set a variable lives in; the first-order methods project onto it (or use its mirror map).</summary>
public enum VariableDomain
{
    /// <summary>All reals: no projection.</summary>
    Reals,
    /// <summary>The box [Lower, Upper] elementwise.</summary>
    Box,
    /// <summary>x ≥ 0 elementwise.</summary>
    Nonnegative,
    /// <summary>The probability simplex (entries ≥ 0 summing to 1), per variable.</summary>
    Simplex,
    /// <summary>The Euclidean (Frobenius) ball of radius <see cref="VariableBlock.Upper"/> around 0.</summary>
    Ball,
}

/// <summary>
/// One declared variable's place in the flat vector x of a problem: entries <see cref="Offset"/> ..
/// <see cref="Offset"/> + <see cref="Length"/> − 1, row-major (a scalar is 1×1, a vector n×1).
/// <see cref="Maximized"/> marks the max player's variables of a saddle problem (<c>min x max y f</c>).
/// </summary>
public sealed record VariableBlock(string Name, int Offset, int Rows, int Columns, VariableDomain Domain,
    double Lower, double Upper, bool Maximized)
{
    /// <summary>Rows × Columns.</summary>
    public int Length => Rows * Columns;
}

/// <summary>
/// A compiled optimization problem: what the compiler emits for a <c>problem</c> declaration (as a struct,
/// so the runtime's methods specialize on it) and what the runtime's first-order methods run on. All
/// variables are one flat vector x; <see cref="Variables"/> says where each lives. Every method below is
/// allocation-free; data (measurement matrices, ground truths) is built once when the problem is created.
/// </summary>
public interface IOptimizationProblem
{
    /// <summary>The declared variables in declaration order, laid out back to back in x.</summary>
    IReadOnlyList<VariableBlock> Variables { get; }

    /// <summary>The length of x (the sum of the variables' lengths).</summary>
    int Dimension { get; }

    /// <summary>
    /// The number of terms i of a finite-sum objective (1 when the objective is not a finite sum).
    /// </summary>
    int Terms { get; }

    /// <summary>Whether the loss depends on the round t (online convex optimization).</summary>
    bool IsOnline { get; }

    /// <summary>Writes the declared initialization into x (seeded random initializations draw from <paramref name="random"/>).</summary>
    void Initialize(Span<double> x, ref RandomStream random);

    /// <summary>The objective at x (for online problems: the loss of round <paramref name="round"/>, 1-based; ignored otherwise).</summary>
    double Objective(ReadOnlySpan<double> x, long round);

    /// <summary>
    /// Writes the gradient of the objective at x into <paramref name="gradient"/> (length <see cref="Dimension"/>;
    /// at a kink the documented sub-gradient) and returns the objective. For a saddle problem this is
    /// (∇x f, ∇y f): the gradient in every variable, the max player's included, unnegated.
    /// </summary>
    double Gradient(ReadOnlySpan<double> x, Span<double> gradient, long round);

    /// <summary>
    /// The gradient of term <paramref name="term"/> (0-based) of a finite sum, scaled so that its average over a
    /// uniformly drawn term is the full gradient; returns that term's scaled objective. Same as
    /// <see cref="Gradient"/> when <see cref="Terms"/> is 1.
    /// </summary>
    double TermGradient(ReadOnlySpan<double> x, int term, Span<double> gradient, long round);

    /// <summary>Projects x onto the product of the variables' domains (Euclidean projection).</summary>
    void Project(Span<double> x);

    /// <summary>The names of the tracked metrics the declaration asks for, in order.</summary>
    IReadOnlyList<string> MetricNames { get; }

    /// <summary>Writes the tracked metrics at x into <paramref name="values"/> (length <see cref="MetricNames"/>.Count).</summary>
    void Metrics(ReadOnlySpan<double> x, Span<double> values);
}
