using System;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Learning.PolicyOptimization;

/// <summary>
/// What a policy optimizer is run on: a discounted tabular model (γ &lt; 1), the start distribution ρ whose
/// value V^π(ρ) is maximized, and the iteration budget. Built once per run by the runner (or a test).
/// </summary>
public sealed class PolicyOptimizationSetup
{
    /// <summary>The model; its rows are the enabled (s, a) pairs, states without rows (terminal) have value 0.</summary>
    public required SparseMdp Model { get; init; }

    /// <summary>The discount γ, in (0, 1).</summary>
    public required double Discount { get; init; }

    /// <summary>The start distribution ρ over states (length StateCount, sums to 1).</summary>
    public required double[] Start { get; init; }

    /// <summary>The number of iterations K the runner will take (0 when unknown).</summary>
    public long Iterations { get; init; }

    /// <summary>
    /// The initial policy π₀ at [s·A + a] (0 on unavailable actions, each state's row sums to 1), or null for the
    /// uniform policy over the enabled actions. Softmax methods start from logits log π₀, so π₀ must have full
    /// support on the enabled actions for them.
    /// </summary>
    public double[]? InitialPolicy { get; init; }

    /// <summary>
    /// Largest state count for which policy evaluation is a dense LU solve of (I − γP_π)V = r_π; larger models use
    /// BiCGSTAB to a relative residual of 1e-13 (warm-started from the previous solution).
    /// </summary>
    public int DenseSolveLimit { get; init; } = 300;

    /// <summary>Checks the setup; throws <see cref="ArgumentException"/> with the reason.</summary>
    public void Validate()
    {
        int n = Model.StateCount, actions = Model.ActionCount;
        if (!(Discount > 0 && Discount < 1)) throw new ArgumentException($"policy optimization needs a discount in (0, 1), not {Discount}.");
        if (Start is null || Start.Length != n) throw new ArgumentException($"the start distribution must have one entry per state ({n}).");
        double sum = 0;
        foreach (double p in Start)
        {
            if (!(p >= 0)) throw new ArgumentException("the start distribution has a negative or NaN entry.");
            sum += p;
        }
        if (Math.Abs(sum - 1) > 1e-9) throw new ArgumentException($"the start distribution sums to {sum}, not 1.");
        if (InitialPolicy is { } pi)
        {
            if (pi.Length != n * actions) throw new ArgumentException($"the initial policy must have StateCount·ActionCount = {n * actions} entries.");
            var groups = Model.RowGroupStart;
            var rowActions = Model.RowActions;
            for (int s = 0; s < n; s++)
            {
                double total = 0;
                int row = groups[s], end = groups[s + 1];
                for (int a = 0; a < actions; a++)
                {
                    bool enabled = row < end && rowActions[row] == a;
                    if (enabled) row++;
                    double p = pi[s * actions + a];
                    if (!(p >= 0) || (!enabled && p != 0)) throw new ArgumentException($"the initial policy puts {p} on action {a} of state {s}; probabilities must be ≥ 0 and 0 on disabled actions.");
                    total += p;
                }
                if (groups[s + 1] > groups[s] && Math.Abs(total - 1) > 1e-9) throw new ArgumentException($"the initial policy of state {s} sums to {total}, not 1.");
            }
        }
    }
}
