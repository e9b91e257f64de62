using System;

namespace RlSpec.Runtime.Dynamics;

/// <summary>A closed convex set with its Euclidean projection, as a struct so a method specializes on it.</summary>
public interface IProjection
{
    /// <summary>Replaces <paramref name="values"/> by its projection; <paramref name="scratch"/> holds at least values.Length doubles.</summary>
    void Project(Span<double> values, Span<double> scratch);
}

/// <summary>All of ℝⁿ: no projection.</summary>
public readonly struct Unconstrained : IProjection
{
    /// <inheritdoc/>
    public void Project(Span<double> values, Span<double> scratch) { }
}

/// <summary>The probability simplex (<see cref="EuclideanProjection.Simplex(Span{double}, Span{double})"/>).</summary>
public readonly struct SimplexSet : IProjection
{
    /// <inheritdoc/>
    public void Project(Span<double> values, Span<double> scratch) => EuclideanProjection.Simplex(values, scratch);
}

/// <summary>The box [Lower, Upper]ⁿ (<see cref="EuclideanProjection.Box"/>).</summary>
public readonly struct BoxSet(double lower, double upper) : IProjection
{
    /// <summary>The lower bound of every entry.</summary>
    public double Lower { get; } = lower;

    /// <summary>The upper bound of every entry.</summary>
    public double Upper { get; } = upper;

    /// <inheritdoc/>
    public void Project(Span<double> values, Span<double> scratch) => EuclideanProjection.Box(values, Lower, Upper);
}

/// <summary>The nonnegative orthant (<see cref="EuclideanProjection.Nonnegative"/>).</summary>
public readonly struct NonnegativeSet : IProjection
{
    /// <inheritdoc/>
    public void Project(Span<double> values, Span<double> scratch) => EuclideanProjection.Nonnegative(values);
}

/// <summary>The Euclidean ball of radius <see cref="Radius"/> around 0 (<see cref="EuclideanProjection.Ball"/>).</summary>
public readonly struct BallSet(double radius) : IProjection
{
    /// <summary>The radius.</summary>
    public double Radius { get; } = radius;

    /// <inheritdoc/>
    public void Project(Span<double> values, Span<double> scratch) => EuclideanProjection.Ball(values, Radius);
}
