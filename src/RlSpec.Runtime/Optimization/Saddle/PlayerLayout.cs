using System;
using System.Collections.Generic;

namespace RlSpec.Runtime.Optimization.Saddle;

/// <summary>
/// Where one player's variables live in a problem's flat x: the min player owns the variables with
/// <see cref="VariableBlock.Maximized"/> false, the max player (y) those with it true. A player's vector is its
/// blocks back to back, in declaration order; <see cref="Gather"/> and <see cref="Scatter"/> move between the two.
/// </summary>
public sealed class PlayerLayout
{
    private readonly int[] _flatOffsets, _playerOffsets, _lengths;

    /// <summary>The layout of the min player (<paramref name="maximized"/> false) or the max player of <paramref name="variables"/>.</summary>
    public PlayerLayout(IReadOnlyList<VariableBlock> variables, bool maximized)
    {
        var blocks = new List<VariableBlock>();
        foreach (var v in variables) if (v.Maximized == maximized) blocks.Add(v);
        Blocks = blocks.ToArray();
        _flatOffsets = new int[Blocks.Length];
        _playerOffsets = new int[Blocks.Length];
        _lengths = new int[Blocks.Length];
        int at = 0;
        for (int b = 0; b < Blocks.Length; b++)
        {
            _flatOffsets[b] = Blocks[b].Offset;
            _playerOffsets[b] = at;
            _lengths[b] = Blocks[b].Length;
            at += Blocks[b].Length;
        }
        Dimension = at;
    }

    /// <summary>The player's variables.</summary>
    public VariableBlock[] Blocks { get; }

    /// <summary>The length of the player's vector (0 when the player has no variable).</summary>
    public int Dimension { get; }

    /// <summary>Block <paramref name="b"/>'s place in the player's vector.</summary>
    public (int Offset, int Length) Slice(int b) => (_playerOffsets[b], _lengths[b]);

    /// <summary>Copies the player's entries of the flat <paramref name="flat"/> into <paramref name="player"/>.</summary>
    public void Gather(ReadOnlySpan<double> flat, Span<double> player)
    {
        for (int b = 0; b < _lengths.Length; b++) flat.Slice(_flatOffsets[b], _lengths[b]).CopyTo(player.Slice(_playerOffsets[b], _lengths[b]));
    }

    /// <summary>Copies <paramref name="player"/> into the player's entries of <paramref name="flat"/>.</summary>
    public void Scatter(ReadOnlySpan<double> player, Span<double> flat)
    {
        for (int b = 0; b < _lengths.Length; b++) player.Slice(_playerOffsets[b], _lengths[b]).CopyTo(flat.Slice(_flatOffsets[b], _lengths[b]));
    }
}
