using System;

namespace RlSpec.Runtime.Learning.Episodic;

/// <summary>
/// Greedy choices over one state's action values, restricted to the enabled actions. Ties go to the
/// lowest action index, so every algorithm (and every slow reference in the tests) breaks them alike.
/// </summary>
internal static class ActionValues
{
    /// <summary>The first enabled action with the largest value, or −1 when no action is enabled.</summary>
    public static int Greedy(ReadOnlySpan<double> q, ReadOnlySpan<bool> available)
    {
        int best = -1;
        double bestValue = double.NegativeInfinity;
        for (int a = 0; a < q.Length && a < available.Length; a++)
        {
            if (!available[a]) continue;
            if (best < 0 || q[a] > bestValue) { best = a; bestValue = q[a]; }
        }
        return best;
    }

    /// <summary>The largest value over the enabled actions; 0 when none is enabled (a state where play stops).</summary>
    public static double Max(ReadOnlySpan<double> q, ReadOnlySpan<bool> available)
    {
        int best = Greedy(q, available);
        return best < 0 ? 0 : q[best];
    }

    /// <summary>The number of enabled actions.</summary>
    public static int Count(ReadOnlySpan<bool> available)
    {
        int count = 0;
        foreach (bool b in available) if (b) count++;
        return count;
    }

    /// <summary>The <paramref name="k"/>-th (0-based) enabled action.</summary>
    public static int Nth(ReadOnlySpan<bool> available, int k)
    {
        for (int a = 0; a < available.Length; a++)
            if (available[a] && k-- == 0) return a;
        return -1;
    }

    /// <summary>Writes the deterministic policy that plays <paramref name="action"/> (all zeros when it is −1).</summary>
    public static void OneHot(Span<double> probabilities, int action)
    {
        probabilities.Clear();
        if (action >= 0) probabilities[action] = 1;
    }
}
