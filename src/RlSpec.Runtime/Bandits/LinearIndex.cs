using System;

namespace RlSpec.Runtime.Bandits;

/// <summary>The optimistic choice of LinUCB and OFUL.</summary>
internal static class LinearIndex
{
    /// <summary>argmax_a x_aᵀ θ̂ + β √(x_aᵀ V⁻¹ x_a), the lowest index on a tie.</summary>
    public static int ArgMax(ref RidgeRegression ridge, double beta)
    {
        int d = ridge.Dimension;
        double[] features = ridge.Features, width = ridge.Width, theta = ridge.Theta;
        int best = 0;
        double bestIndex = double.NegativeInfinity;
        for (int a = 0; a < width.Length; a++)
        {
            ReadOnlySpan<double> x = features.AsSpan(a * d, d);
            double mean = 0;
            for (int j = 0; j < x.Length; j++) mean += x[j] * theta[j];
            double index = mean + beta * Math.Sqrt(width[a]);
            if (index > bestIndex) { bestIndex = index; best = a; }
        }
        return best;
    }
}
