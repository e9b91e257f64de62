using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Games.Dynamics;

/// <summary>
/// A learning dynamic on a two-player game: both players' strategies evolve step by step. The strategies
/// are probability vectors (for a Markov game, the per-state policies concatenated state by state). The last
/// iterate and the average iterate are both exposed, since the dynamics differ exactly there (MWU's average
/// converges while its last iterate cycles). Nothing allocates after construction.
/// </summary>
public interface IGameDynamics
{
    /// <summary>Starts again from the dynamic's initial strategies (uniform unless documented otherwise).</summary>
    void Reset();

    /// <summary>One iteration; <paramref name="random"/> is drawn from only by sampled dynamics.</summary>
    void Step(ref RandomStream random);

    /// <summary>Iterations since <see cref="Reset"/>.</summary>
    long Iteration { get; }

    /// <summary>The row player's current (last-iterate) strategy.</summary>
    ReadOnlySpan<double> Row { get; }

    /// <summary>The column player's current strategy.</summary>
    ReadOnlySpan<double> Column { get; }

    /// <summary>The row player's average strategy (which average: see each dynamic).</summary>
    ReadOnlySpan<double> AverageRow { get; }

    /// <summary>The column player's average strategy.</summary>
    ReadOnlySpan<double> AverageColumn { get; }
}
