using System;

namespace RlSpec.Runtime.Randomness;

/// <summary>ln k! for the rejection tests of the Poisson and binomial samplers: a table below 256, Stirling's series above.</summary>
internal static class LogFactorial
{
    private const int TableSize = 256;
    private static readonly double[] Table = BuildTable();

    private static double[] BuildTable()
    {
        var table = new double[TableSize];
        for (int k = 1; k < TableSize; k++) table[k] = table[k - 1] + Math.Log(k);
        return table;
    }

    /// <summary>ln k!; for k ≥ 256 Stirling's series to the k⁻⁵ term, whose error is below 1/(1680·k⁷) &lt; 1e-19.</summary>
    public static double Of(double k)
    {
        if (k < TableSize) return Table[(int)k];
        double inv = 1 / k, inv2 = inv * inv;
        return (k + 0.5) * Math.Log(k) - k + 0.91893853320467274178 // ½ ln 2π
            + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260)));
    }
}
