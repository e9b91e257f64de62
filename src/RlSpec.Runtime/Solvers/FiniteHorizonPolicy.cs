using System;

namespace RlSpec.Runtime.Solvers;

/// <summary>
/// A finite-horizon policy: the action of every state at every step t = 0..H−1, stored in the
/// narrowest element type that holds the model's action indices (a byte below 255 actions, a ushort
/// below 65,535, else an int; the largest value of the type stands for -1, "no action"). Long
/// horizons keep one entry per (step, state), so this is 1 byte instead of 4 for most models.
/// </summary>
public sealed class FiniteHorizonPolicy
{
    private readonly byte[][]? _bytes;
    private readonly ushort[][]? _shorts;
    private readonly int[][]? _ints;

    /// <summary>Bytes per (step, state) entry for a model with <paramref name="actionCount"/> actions: 1, 2 or 4.</summary>
    public static int EntryBytes(int actionCount) => actionCount < byte.MaxValue ? 1 : actionCount < ushort.MaxValue ? 2 : 4;

    internal FiniteHorizonPolicy(int steps, int stateCount, int actionCount)
    {
        Steps = steps;
        StateCount = stateCount;
        BytesPerEntry = EntryBytes(actionCount);
        switch (BytesPerEntry)
        {
            case 1: _bytes = new byte[steps][]; break;
            case 2: _shorts = new ushort[steps][]; break;
            default: _ints = new int[steps][]; break;
        }
    }

    /// <summary>The horizon H: steps 0..H−1.</summary>
    public int Steps { get; }

    /// <summary>The number of states.</summary>
    public int StateCount { get; }

    /// <summary>1, 2 or 4: the size of one stored action index.</summary>
    public int BytesPerEntry { get; }

    /// <summary>The action index (-1: none) of <paramref name="state"/> at <paramref name="step"/>.</summary>
    public int this[int step, int state] => BytesPerEntry switch
    {
        1 => _bytes![step][state] is var b && b == byte.MaxValue ? -1 : b,
        2 => _shorts![step][state] is var u && u == ushort.MaxValue ? -1 : u,
        _ => _ints![step][state],
    };

    /// <summary>A copy of the actions of every state at <paramref name="step"/> (allocates n ints).</summary>
    public int[] Step(int step)
    {
        if ((uint)step >= (uint)Steps) throw new ArgumentOutOfRangeException(nameof(step), step, $"steps are 0..{Steps - 1}");
        var actions = new int[StateCount];
        for (int s = 0; s < actions.Length; s++) actions[s] = this[step, s];
        return actions;
    }

    /// <summary>Stores the actions of <paramref name="step"/> (indices below the type's largest value, or -1).</summary>
    internal void Store(int step, ReadOnlySpan<int> actions)
    {
        switch (BytesPerEntry)
        {
            case 1:
            {
                var row = new byte[actions.Length];
                for (int s = 0; s < row.Length; s++) row[s] = actions[s] < 0 ? byte.MaxValue : (byte)actions[s];
                _bytes![step] = row;
                break;
            }
            case 2:
            {
                var row = new ushort[actions.Length];
                for (int s = 0; s < row.Length; s++) row[s] = actions[s] < 0 ? ushort.MaxValue : (ushort)actions[s];
                _shorts![step] = row;
                break;
            }
            default:
                _ints![step] = actions.ToArray();
                break;
        }
    }
}
