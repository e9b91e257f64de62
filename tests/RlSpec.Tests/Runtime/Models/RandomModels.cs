using System;
using System.Collections.Generic;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Tests.Runtime.Models;

/// <summary>Random sparse models built directly with the SparseMdp constructor (fixed seeds).</summary>
public static class RandomModels
{
    /// <summary>
    /// States × actions rows, each action enabled w.p. 0.8 (action 0 always), 1–4 distinct
    /// successors with random weights, rewards uniform in [−1, 1] (plus <paramref name="rewardShift"/>).
    /// </summary>
    public static SparseMdp Sparse(int seed, int states, int actions, Criterion criterion, double rewardShift = 0)
    {
        var rng = new Random(seed);
        var groupStart = new int[states + 1];
        var rowActions = new List<int>();
        var rowStart = new List<int> { 0 };
        var columns = new List<int>();
        var probabilities = new List<double>();
        var rewards = new List<double>();
        for (int s = 0; s < states; s++)
        {
            groupStart[s] = rowActions.Count;
            for (int a = 0; a < actions; a++)
            {
                if (a > 0 && rng.NextDouble() < 0.2) continue;
                rowActions.Add(a);
                int k = rng.Next(1, 5);
                var successors = new SortedSet<int>();
                while (successors.Count < k) successors.Add(rng.Next(states));
                var weights = new double[k];
                double total = 0;
                for (int i = 0; i < k; i++) total += weights[i] = 0.1 + rng.NextDouble();
                int j = 0;
                foreach (int next in successors)
                {
                    columns.Add(next);
                    probabilities.Add(weights[j++] / total);
                }
                rowStart.Add(columns.Count);
                rewards.Add(rewardShift + (2 * rng.NextDouble() - 1));
            }
        }
        groupStart[states] = rowActions.Count;
        return new SparseMdp($"Random{seed}", criterion, actions, groupStart, rowActions.ToArray(), rowStart.ToArray(),
            columns.ToArray(), probabilities.ToArray(), rewards.ToArray());
    }

    /// <summary>
    /// A slow-mixing discounted model: two absorbing chains (one pays 1 per step, one 0) and a
    /// random part that leaks into them slowly. Plain residuals badly underestimate the error here.
    /// </summary>
    public static SparseMdp SlowMixing(double gamma)
    {
        // States 0 and 1 absorbing (rewards 1 and 0); states 2..9 move among themselves and leak w.p. 0.01.
        const int n = 10;
        var rng = new Random(7);
        var groupStart = new int[n + 1];
        var rowActions = new List<int>();
        var rowStart = new List<int> { 0 };
        var columns = new List<int>();
        var probabilities = new List<double>();
        var rewards = new List<double>();
        for (int s = 0; s < n; s++)
        {
            groupStart[s] = rowActions.Count;
            for (int a = 0; a < 2; a++)
            {
                rowActions.Add(a);
                if (s < 2)
                {
                    columns.Add(s);
                    probabilities.Add(1);
                    rewards.Add(s == 0 ? 1 : 0);
                }
                else
                {
                    int target = a; // action a leaks to absorbing state a
                    int other = 2 + rng.Next(n - 2);
                    var row = new SortedDictionary<int, double> { [target] = 0.01 };
                    row[other] = row.GetValueOrDefault(other) + 0.99;
                    foreach (var (c, p) in row) { columns.Add(c); probabilities.Add(p); }
                    rewards.Add(0.1 * rng.NextDouble());
                }
                rowStart.Add(columns.Count);
            }
        }
        groupStart[n] = rowActions.Count;
        return new SparseMdp("SlowMixing", Criterion.Discounted(gamma), 2, groupStart, rowActions.ToArray(), rowStart.ToArray(),
            columns.ToArray(), probabilities.ToArray(), rewards.ToArray());
    }
}
