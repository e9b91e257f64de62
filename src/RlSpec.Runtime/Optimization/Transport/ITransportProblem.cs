using System;

namespace RlSpec.Runtime.Optimization.Transport;

/// <summary>
/// An entropic optimal-transport problem min_P ⟨C, P⟩ − ε H(P) over couplings of a and b, as a <c>problem</c> with
/// <c>transport cost = C, source = a, target = b, epsilon = ε</c> emits it (docs/optimization.md): the data is checked
/// when the problem is created (finite cost, positive marginals of one mass), so <see cref="Sinkhorn"/> accepts it.
/// </summary>
public interface ITransportProblem
{
    /// <summary>n, the number of sources (rows of C).</summary>
    int Rows { get; }

    /// <summary>m, the number of targets (columns of C).</summary>
    int Columns { get; }

    /// <summary>The regularization ε &gt; 0.</summary>
    double Epsilon { get; }

    /// <summary>The n × m cost matrix, row-major.</summary>
    ReadOnlySpan<double> Cost { get; }

    /// <summary>The source marginal a (n positive entries).</summary>
    ReadOnlySpan<double> Source { get; }

    /// <summary>The target marginal b (m positive entries, the mass of a).</summary>
    ReadOnlySpan<double> Target { get; }
}
