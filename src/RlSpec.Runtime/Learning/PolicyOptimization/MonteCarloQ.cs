using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Learning.PolicyOptimization;

/// <summary>
/// Monte Carlo estimates of Q^π_τ(s,a) (τ = 0: Q^π) from rollouts on the model, for the sampled-Q variants.
/// Each rollout starts with a in s, then follows π; after every step it continues with probability γ and
/// otherwise stops, and its estimate is the undiscounted sum of the rewards it collected (the row's expected
/// reward r(s,a), minus τ log π(a'|s') for the actions π chose after the first). Since Pr(step t is reached) = γ^t,
/// the expectation is Σ_t γ^t E[r_t] = Q^π_τ(s,a) exactly: geometric termination is unbiased, unlike truncation
/// at a horizon (the estimator of Agarwal, Kakade, Lee and Mahajan 2021, Algorithm 1 / Zhang et al. 2020).
/// Rollouts stop at terminal states (value 0). Draws from one stream in a fixed order: deterministic per seed.
/// </summary>
public sealed class MonteCarloQ(ExactPolicyEvaluation evaluation)
{
    /// <summary>
    /// q[s·A + a] = the mean of <paramref name="samples"/> rollouts from every enabled (s, a); 0 elsewhere.
    /// Allocates nothing.
    /// </summary>
    public void Estimate(ReadOnlySpan<double> policy, double tau, int samples, ref RandomStream random, Span<double> q)
    {
        var model = evaluation.Model;
        var groups = model.RowGroupStart;
        var rowActions = model.RowActions;
        int actions = evaluation.ActionCount;
        q.Clear();
        for (int s = 0; s < evaluation.StateCount; s++)
            for (int r = groups[s]; r < groups[s + 1]; r++)
            {
                double total = 0;
                for (int i = 0; i < samples; i++) total += Rollout(policy, tau, r, ref random);
                q[s * actions + rowActions[r]] = total / samples;
            }
    }

    /// <summary>One rollout's return from row <paramref name="row"/>.</summary>
    public double Rollout(ReadOnlySpan<double> policy, double tau, int row, ref RandomStream random)
    {
        var model = evaluation.Model;
        var groups = model.RowGroupStart;
        var rowActions = model.RowActions;
        var rowStart = model.RowStart;
        var columns = model.Columns;
        var probabilities = model.Probabilities;
        var rewards = model.RowRewards;
        int actions = evaluation.ActionCount;
        double gamma = evaluation.Discount, total = rewards[row];
        while (random.NextDouble() < gamma)
        {
            // successor s' ~ p(·|s,a): the last entry takes the rounding remainder
            double u = random.NextDouble();
            int k = rowStart[row], last = rowStart[row + 1] - 1;
            for (; k < last; k++)
            {
                u -= probabilities[k];
                if (u < 0) break;
            }
            int next = columns[k];
            int first = groups[next], end = groups[next + 1];
            if (first == end) break; // terminal: value 0
            // a' ~ π(·|s'): the last enabled action with positive probability takes the remainder
            double v = random.NextDouble();
            int chosen = -1;
            for (int r = first; r < end; r++)
            {
                double p = policy[next * actions + rowActions[r]];
                if (p <= 0) continue;
                chosen = r;
                v -= p;
                if (v < 0) break;
            }
            row = chosen;
            double pi = policy[next * actions + rowActions[row]];
            total += rewards[row];
            if (tau != 0) total -= tau * Math.Log(pi);
        }
        return total;
    }
}
