using System;

namespace RlSpec.Runtime.Learning.PolicyOptimization;

/// <summary>
/// Euclidean projection of one state's action vector onto the probability simplex over its enabled actions
/// (Held, Wolfe and Crowder 1974; the sort-based form of Duchi, Shalev-Shwartz, Singer and Chandra 2008, Fig. 1):
/// w_a = max(v_a − θ, 0) with θ chosen so that Σ w = 1. Disabled actions stay 0.
/// </summary>
internal static class SimplexProjection
{
    /// <summary>Projects v = values[s·A .. s·A + A) in place; <paramref name="scratch"/> holds ≥ A doubles. Allocates nothing.</summary>
    public static void Project(ExactPolicyEvaluation evaluation, int s, Span<double> values, Span<double> scratch)
    {
        int actions = evaluation.ActionCount, o = s * actions, m = 0;
        for (int a = 0; a < actions; a++)
            if (evaluation.Row(s, a) >= 0) scratch[m++] = values[o + a];
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
        for (int a = 0; a < actions; a++)
            values[o + a] = evaluation.Row(s, a) >= 0 ? Math.Max(values[o + a] - theta, 0) : 0;
    }
}
