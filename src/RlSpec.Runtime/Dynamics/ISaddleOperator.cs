using System;

namespace RlSpec.Runtime.Dynamics;

/// <summary>
/// The first-order oracle of a two-player problem: x minimizes f(x, y), y maximizes g(x, y), and the
/// operator gives ∇x f and ∇y g at (x, y) (unnegated). A saddle problem min_x max_y f has g = f; a general-sum
/// game has one function per player (a matrix game's row player with payoff xᵀAy: f = −xᵀAy). A struct, so
/// the methods specialize on it; implementations allocate nothing.
/// </summary>
public interface ISaddleOperator
{
    /// <summary>The length of x.</summary>
    int XDimension { get; }

    /// <summary>The length of y.</summary>
    int YDimension { get; }

    /// <summary>Writes ∇x f(x, y) into <paramref name="gradientX"/> and ∇y g(x, y) into <paramref name="gradientY"/>.</summary>
    void Gradients(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> gradientX, Span<double> gradientY);
}
