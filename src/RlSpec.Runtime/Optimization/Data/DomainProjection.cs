using System;

namespace RlSpec.Runtime.Optimization.Data;

/// <summary>
/// The Euclidean projections an emitted problem's <c>Project</c> needs beyond a clamp: onto the probability
/// simplex and onto a Frobenius ball. Allocation-free (the simplex uses the caller's scratch).
/// </summary>
public static class DomainProjection
{
    /// <summary>
    /// Projects v onto {x ≥ 0, Σx = 1} by the sort-based algorithm (Held, Wolfe and Crowder 1974; Duchi et
    /// al. 2008): with u sorted decreasingly, ρ = max{j : u_j − (Σ_{i≤j} u_i − 1)/j > 0}, θ = (Σ_{i≤ρ} u_i − 1)/ρ,
    /// x = max(v − θ, 0). <paramref name="scratch"/> needs v's length.
    /// </summary>
    public static void Simplex(Span<double> v, Span<double> scratch)
    {
        int n = v.Length;
        var u = scratch.Slice(0, n);
        v.CopyTo(u);
        u.Sort();
        double sum = 0, theta = 0;
        // u is increasing: walk it from the largest entry down.
        for (int j = 1; j <= n; j++)
        {
            double uj = u[n - j];
            sum += uj;
            double t = (sum - 1) / j;
            if (uj - t > 0) theta = t;
        }
        for (int k = 0; k < n; k++) v[k] = Math.Max(v[k] - theta, 0);
    }

    /// <summary>Projects v onto the ball {‖x‖ ≤ radius} (Euclidean, Frobenius for a matrix): scales it down when outside.</summary>
    public static void Ball(Span<double> v, double radius)
    {
        double s = 0;
        foreach (var e in v) s += e * e;
        double norm = Math.Sqrt(s);
        if (norm <= radius) return;
        double f = radius / norm;
        for (int k = 0; k < v.Length; k++) v[k] *= f;
    }
}
