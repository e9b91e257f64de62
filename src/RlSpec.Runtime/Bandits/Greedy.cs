using System;

namespace RlSpec.Runtime.Bandits;

/// <summary>The greedy choice shared by the index policies: the first index of the largest value.</summary>
internal static class Greedy
{
    /// <summary>argmax over <paramref name="values"/>, the lowest index on a tie; 0 for an empty span.</summary>
    public static int ArgMax(ReadOnlySpan<double> values)
    {
        int best = 0;
        double bestValue = double.NegativeInfinity;
        for (int a = 0; a < values.Length; a++)
        {
            if (values[a] > bestValue) { bestValue = values[a]; best = a; }
        }
        return best;
    }
}
