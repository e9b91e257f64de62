using System;

namespace RlSpec.Runtime.Learning.Episodic;

/// <summary>
/// What an online RL algorithm may know about a tabular MDP before its first episode: the numbers of
/// states and actions, the horizon H, the number of episodes K, which actions each state enables, the
/// discount (optimistic discounted Q-learning) and the confidence level δ of the bonuses. Built once per
/// run by the experiment engine; rewards the algorithm sees are already rescaled to [0, 1] per step.
/// </summary>
public sealed class EpisodicSetup
{
    /// <summary>The number of states S.</summary>
    public required int StateCount { get; init; }

    /// <summary>The number of actions A (the largest action set; unavailable actions are masked by <see cref="Available"/>).</summary>
    public required int ActionCount { get; init; }

    /// <summary>The steps per episode H; for UCRL2 (no episodes) the total number of steps T.</summary>
    public required int Horizon { get; init; }

    /// <summary>The number of episodes K (0 when unknown).</summary>
    public required long Episodes { get; init; }

    /// <summary>Whether action a is enabled in state s, at <c>[s * ActionCount + a]</c>.</summary>
    public required bool[] Available { get; init; }

    /// <summary>The discount γ of optimistic Q-learning on discounted models; 1 otherwise.</summary>
    public double Discount { get; init; } = 1.0;

    /// <summary>The confidence level δ of the bonuses (their bounds hold with probability at least 1 − δ).</summary>
    public double Delta { get; init; } = 0.05;

    /// <summary>Throws when the sizes are inconsistent; algorithms call it from <c>Reset</c>.</summary>
    public void Validate()
    {
        if (StateCount <= 0) throw new ArgumentOutOfRangeException(nameof(StateCount), StateCount, "the number of states must be positive");
        if (ActionCount <= 0) throw new ArgumentOutOfRangeException(nameof(ActionCount), ActionCount, "the number of actions must be positive");
        if (Horizon <= 0) throw new ArgumentOutOfRangeException(nameof(Horizon), Horizon, "the horizon must be positive");
        if (Episodes < 0) throw new ArgumentOutOfRangeException(nameof(Episodes), Episodes, "the number of episodes must not be negative");
        ArgumentNullException.ThrowIfNull(Available);
        if (Available.Length != (long)StateCount * ActionCount)
            throw new ArgumentException($"Available must have StateCount·ActionCount = {(long)StateCount * ActionCount} entries, not {Available.Length}.", nameof(Available));
        if (!(Discount > 0 && Discount <= 1)) throw new ArgumentOutOfRangeException(nameof(Discount), Discount, "the discount must be in (0, 1]");
        if (!(Delta > 0 && Delta < 1)) throw new ArgumentOutOfRangeException(nameof(Delta), Delta, "δ must be in (0, 1)");
    }
}
