using System;

namespace RlSpec.Runtime.Solvers.Linear;

/// <summary>A square linear map y = A·x applied without storing A (a struct, so Krylov loops inline it).</summary>
public interface ILinearOperator
{
    /// <summary>Dimension n of A.</summary>
    int Size { get; }

    /// <summary>Writes A·x into <paramref name="y"/>.</summary>
    void Apply(ReadOnlySpan<double> x, Span<double> y);
}
