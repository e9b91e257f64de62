using System;
using RlSpec.Runtime.Games.Markov;

namespace RlSpec.Runtime.Games.Dynamics;

/// <summary>
/// A learning dynamic on a two-player zero-sum <see cref="MarkovGame"/>: besides the policies (flat, in the game's layout:
/// <see cref="MarkovGame.RowPolicyOffset"/>) it keeps a value estimate per state, which the experiment engine compares with
/// Shapley's values, and it may solve an entropy-regularized game, whose quantal response equilibrium it then converges to.
/// </summary>
public interface IMarkovGameDynamics : IGameDynamics
{
    /// <summary>The game the dynamic runs on.</summary>
    MarkovGame Game { get; }

    /// <summary>The current value estimate V_t, one entry per state.</summary>
    ReadOnlySpan<double> Values { get; }

    /// <summary>The entropy temperature τ of the regularized game the dynamic solves, or 0 when it solves the game itself.</summary>
    double Temperature { get; }
}
