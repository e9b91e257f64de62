using System;

namespace RlSpec.Runtime.Dynamics;

/// <summary>
/// Euclidean projections onto the sets first-order methods keep their iterates in, written once for the
/// project: the probability simplex, a box, the nonnegative orthant and a ball. Each works in place and
/// allocates nothing.
/// </summary>
public static class EuclideanProjection
{
    /// <summary>
    /// Projects v onto the probability simplex {w ≥ 0, Σ w = 1} in place (Held, Wolfe and Crowder 1974; the
    /// sort-based form of Duchi, Shalev-Shwartz, Singer and Chandra 2008, Fig. 1): w = max(v − θ, 0) with θ
    /// chosen so that Σ w = 1. <paramref name="scratch"/> holds at least v.Length doubles.
    /// </summary>
    public static void Simplex(Span<double> values, Span<double> scratch) => Simplex(values, scratch, default(AllEntries));

    /// <summary>As <see cref="Simplex(Span{double}, Span{double})"/> over the entries in <paramref name="mask"/>; the others become 0.</summary>
    public static void Simplex<TMask>(Span<double> values, Span<double> scratch, TMask mask) where TMask : struct, IEntryMask
    {
        int n = values.Length, m = 0;
        for (int i = 0; i < n; i++)
            if (mask.Includes(i)) scratch[m++] = values[i];
        if (m == 0) return;
        var sorted = scratch[..m];
        sorted.Sort();
        // descending scan: the largest j with u_j − (Σ_{i≤j} u_i − 1)/j > 0 (u sorted decreasingly)
        double sum = 0, theta = 0;
        for (int j = 1; j <= m; j++)
        {
            double u = sorted[m - j];
            sum += u;
            double candidate = (sum - 1) / j;
            if (u - candidate > 0) theta = candidate;
        }
        for (int i = 0; i < n; i++)
            values[i] = mask.Includes(i) ? Math.Max(values[i] - theta, 0) : 0;
    }

    /// <summary>Projects v onto the box [lower, upper]ⁿ in place (clipping each entry).</summary>
    public static void Box(Span<double> values, double lower, double upper)
    {
        if (!(lower <= upper)) throw new ArgumentException($"the box [{lower}, {upper}] is empty");
        for (int i = 0; i < values.Length; i++) values[i] = Math.Clamp(values[i], lower, upper);
    }

    /// <summary>Projects v onto the nonnegative orthant in place (max(v, 0)).</summary>
    public static void Nonnegative(Span<double> values)
    {
        for (int i = 0; i < values.Length; i++) values[i] = Math.Max(values[i], 0);
    }

    /// <summary>Projects v onto the Euclidean ball of radius r around 0 in place (v·min(1, r/‖v‖)).</summary>
    public static void Ball(Span<double> values, double radius)
    {
        if (!(radius >= 0)) throw new ArgumentOutOfRangeException(nameof(radius), radius, "the radius must be nonnegative");
        double squares = 0;
        foreach (double v in values) squares += v * v;
        if (squares <= radius * radius) return;
        double factor = radius / Math.Sqrt(squares);
        for (int i = 0; i < values.Length; i++) values[i] *= factor;
    }
}
