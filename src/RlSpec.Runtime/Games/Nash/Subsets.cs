using System.Collections.Generic;

namespace RlSpec.Runtime.Games.Nash;

/// <summary>
/// The k-subsets of {0, …, n−1} that the enumeration solvers walk (supports in <see cref="SupportEnumeration"/>, sets of
/// tight constraints in <see cref="VertexEnumeration"/>): their number, capped, and the subsets in lexicographic order.
/// </summary>
internal static class Subsets
{
    /// <summary>C(n, k), or <paramref name="cap"/> + 1 as soon as it exceeds <paramref name="cap"/> (no overflow).</summary>
    public static long Count(int n, int k, long cap)
    {
        long r = 1;
        // r·(n − k + i)/i is C(n − k + i, i), an integer at every step
        for (int i = 1; i <= k; i++) { r = r * (n - k + i) / i; if (r > cap) return cap + 1; }
        return r;
    }

    /// <summary>The k-subsets of 0..n−1 in lexicographic order, as one array updated in place (copy it to keep it).</summary>
    public static IEnumerable<int[]> Lexicographic(int n, int k)
    {
        var s = new int[k];
        for (int i = 0; i < k; i++) s[i] = i;
        while (true)
        {
            yield return s;
            int p = k - 1;
            while (p >= 0 && s[p] == n - k + p) p--;
            if (p < 0) yield break;
            s[p]++;
            for (int i = p + 1; i < k; i++) s[i] = s[i - 1] + 1;
        }
    }
}
