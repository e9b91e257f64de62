using System;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Benchmarks;

/// <summary>A random sparse MDP: every state-action pair has a fixed number of distinct random successors.</summary>
public static class RandomSparse
{
    public static SparseMdp Create(int states, int actions, int successors, int seed, double gamma = 0.95)
    {
        var random = new Random(seed);
        int rows = states * actions;
        var groups = new int[states + 1];
        var rowActions = new int[rows];
        var rowStart = new int[rows + 1];
        var columns = new int[rows * successors];
        var probabilities = new double[rows * successors];
        var rewards = new double[rows];
        var chosen = new int[successors];
        for (int s = 0, row = 0; s < states; s++)
        {
            groups[s] = row;
            for (int a = 0; a < actions; a++, row++)
            {
                rowActions[row] = a;
                rowStart[row] = row * successors;
                rewards[row] = random.NextDouble();
                double total = 0;
                for (int k = 0; k < successors; k++)
                {
                    int next;
                    do next = random.Next(states); while (Array.IndexOf(chosen, next, 0, k) >= 0);
                    chosen[k] = next;
                    double w = random.NextDouble() + 1e-3;
                    probabilities[row * successors + k] = w;
                    total += w;
                }
                Array.Sort(chosen);
                for (int k = 0; k < successors; k++)
                {
                    columns[row * successors + k] = chosen[k];
                    probabilities[row * successors + k] /= total;
                }
            }
        }
        groups[states] = rows;
        rowStart[rows] = rows * successors;
        return new SparseMdp("Random", Criterion.Discounted(gamma), actions, groups, rowActions, rowStart, columns, probabilities, rewards);
    }
}
