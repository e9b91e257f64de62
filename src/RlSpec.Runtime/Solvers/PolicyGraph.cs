using System;
using System.Collections.Generic;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Solvers;

/// <summary>
/// Graph analysis of a stationary policy's support, for stochastic shortest path problems: a
/// policy is proper when from every state it reaches a terminal state with probability 1. In a
/// finite chain that holds at s exactly when every state reachable from s can reach a terminal
/// state, so two backward searches decide it.
/// </summary>
public static class PolicyGraph
{
    /// <summary>The states from which <paramref name="policy"/> does not terminate with probability 1, in increasing order.</summary>
    public static int[] ImproperStates<TModel>(in TModel model, int[] policy) where TModel : struct, IMdp
    {
        TModel m = model;
        int n = m.StateCount;
        // Reverse adjacency in CSR form: predecessors of each state under the policy.
        var edges = new List<(int From, int To)>();
        var collector = new EdgeCollector(edges);
        for (int s = 0; s < n; s++)
        {
            if (m.IsTerminal(s) || policy[s] < 0) continue;
            collector.From = s;
            m.Transitions(s, policy[s], 0, ref collector);
        }
        var start = new int[n + 1];
        foreach (var (_, to) in edges) start[to + 1]++;
        for (int i = 0; i < n; i++) start[i + 1] += start[i];
        var predecessors = new int[edges.Count];
        var fill = (int[])start.Clone();
        foreach (var (from, to) in edges) predecessors[fill[to]++] = from;

        // 1. States that can reach a terminal state with positive probability.
        var canTerminate = new bool[n];
        var queue = new Queue<int>();
        for (int s = 0; s < n; s++)
            if (m.IsTerminal(s)) { canTerminate[s] = true; queue.Enqueue(s); }
        Spread(queue, canTerminate, start, predecessors);

        // 2. States that can reach a state of (1)'s complement are improper.
        var improper = new bool[n];
        for (int s = 0; s < n; s++)
            if (!canTerminate[s]) { improper[s] = true; queue.Enqueue(s); }
        Spread(queue, improper, start, predecessors);

        var result = new List<int>();
        for (int s = 0; s < n; s++) if (improper[s]) result.Add(s);
        return result.ToArray();
    }

    private static void Spread(Queue<int> queue, bool[] marked, int[] start, int[] predecessors)
    {
        while (queue.Count > 0)
        {
            int s = queue.Dequeue();
            for (int k = start[s]; k < start[s + 1]; k++)
            {
                int p = predecessors[k];
                if (marked[p]) continue;
                marked[p] = true;
                queue.Enqueue(p);
            }
        }
    }

    private struct EdgeCollector(List<(int, int)> edges) : ITransitionVisitor
    {
        public int From;
        public static bool Validating => false;
        public readonly void Outcome(int next, double probability, double reward)
        {
            if (probability > 0) edges.Add((From, next));
        }
        public readonly void BeginRule(int rule) { }
        public readonly void OutOfRange(int variable, long value, double probability) { }
        public readonly void NoMatchingRule() { }
    }
}
