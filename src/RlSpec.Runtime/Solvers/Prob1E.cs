using System;
using System.Collections.Generic;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Solvers;

/// <summary>
/// The states from which some policy reaches a terminal state with probability 1 (the Prob1E
/// graph algorithm of probabilistic model checking; Baier and Katoen, Principles of Model
/// Checking, 2008, §10.6.1; de Alfaro 1997). A stochastic shortest path problem is well posed only
/// where such a proper policy exists. Greatest fixed point: start from every state as the
/// candidate set U; R = the states that reach a terminal state through state-action pairs whose
/// successors all stay in U (a backward search); replace U by R until it no longer shrinks.
/// Uses only the transition graph (probability &gt; 0), never the numbers.
/// </summary>
public static class Prob1E
{
    /// <summary>The non-terminal states from which no policy reaches a terminal state with probability 1, in increasing order.</summary>
    public static int[] StatesWithoutProperPolicy<TModel>(in TModel model) where TModel : struct, IMdp
    {
        TModel m = model;
        int n = m.StateCount, actions = m.ActionCount;
        // Rows = enabled state-action pairs, with their successors in CSR form.
        var rowState = new List<int>();
        var rowStart = new List<int> { 0 };
        var successors = new List<int>();
        for (int s = 0; s < n; s++)
        {
            if (m.IsTerminal(s)) continue;
            for (int a = 0; a < actions; a++)
            {
                var collector = new SuccessorCollector(successors);
                if (!m.Transitions(s, a, 0, ref collector)) continue;
                rowState.Add(s);
                rowStart.Add(successors.Count);
            }
        }
        int rows = rowState.Count;
        // Predecessor rows of each state.
        var predStart = new int[n + 1];
        foreach (int t in successors) predStart[t + 1]++;
        for (int i = 0; i < n; i++) predStart[i + 1] += predStart[i];
        var predRows = new int[successors.Count];
        var fill = (int[])predStart.Clone();
        for (int r = 0; r < rows; r++)
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) predRows[fill[successors[k]]++] = r;

        var inU = new bool[n];
        Array.Fill(inU, true);
        var inR = new bool[n];
        var safe = new bool[rows];
        var queue = new Queue<int>();
        while (true)
        {
            for (int r = 0; r < rows; r++)
            {
                bool ok = inU[rowState[r]];
                for (int k = rowStart[r]; k < rowStart[r + 1] && ok; k++) ok = inU[successors[k]];
                safe[r] = ok;
            }
            Array.Clear(inR);
            for (int s = 0; s < n; s++)
                if (m.IsTerminal(s)) { inR[s] = true; queue.Enqueue(s); }
            while (queue.Count > 0)
            {
                int t = queue.Dequeue();
                for (int k = predStart[t]; k < predStart[t + 1]; k++)
                {
                    int r = predRows[k], s = rowState[r];
                    if (!safe[r] || inR[s]) continue;
                    inR[s] = true;
                    queue.Enqueue(s);
                }
            }
            bool shrunk = false;
            for (int s = 0; s < n; s++)
                if (inU[s] && !inR[s]) { inU[s] = false; shrunk = true; }
            if (!shrunk) break;
        }
        var result = new List<int>();
        for (int s = 0; s < n; s++) if (!inU[s]) result.Add(s);
        return result.ToArray();
    }

    private readonly struct SuccessorCollector(List<int> successors) : ITransitionVisitor
    {
        public static bool Validating => false;
        public void Outcome(int next, double probability, double reward)
        {
            if (probability > 0) successors.Add(next);
        }
        public void BeginRule(int rule) { }
        public void OutOfRange(int variable, long value, double probability) { }
        public void NoMatchingRule() { }
    }
}
