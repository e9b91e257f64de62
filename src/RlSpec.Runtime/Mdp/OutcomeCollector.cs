using System;
using System.Collections.Generic;

namespace RlSpec.Runtime.Mdp;

/// <summary>Outcomes of one state-action pair, gathered to build a sparse row (allocates; not for hot loops).</summary>
internal sealed class OutcomeBuffer
{
    private int[] _next = new int[16];
    private double[] _probability = new double[16];
    private double[] _reward = new double[16];
    private int[] _order = new int[16];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    public void Add(int next, double probability, double reward)
    {
        if (Count == _next.Length)
        {
            Array.Resize(ref _next, Count * 2);
            Array.Resize(ref _probability, Count * 2);
            Array.Resize(ref _reward, Count * 2);
            Array.Resize(ref _order, Count * 2);
        }
        _next[Count] = next;
        _probability[Count] = probability;
        _reward[Count] = reward;
        Count++;
    }

    /// <summary>
    /// Appends the outcomes sorted by successor with duplicates merged (probabilities summed in
    /// report order; zero-probability entries dropped) and returns the expected reward Σ p·r.
    /// </summary>
    public double MergeInto(List<int> columns, List<double> probabilities)
    {
        double expected = 0;
        for (int i = 0; i < Count; i++)
        {
            expected += _probability[i] * _reward[i];
            _order[i] = i;
        }
        // Insertion sort by (successor, report order): stable, and rows are short.
        for (int i = 1; i < Count; i++)
        {
            int x = _order[i], j = i - 1;
            while (j >= 0 && _next[_order[j]] > _next[x]) { _order[j + 1] = _order[j]; j--; }
            _order[j + 1] = x;
        }
        for (int i = 0; i < Count;)
        {
            int next = _next[_order[i]];
            double p = 0;
            for (; i < Count && _next[_order[i]] == next; i++) p += _probability[_order[i]];
            if (p == 0) continue;
            columns.Add(next);
            probabilities.Add(p);
        }
        return expected;
    }
}

/// <summary>A visitor that copies outcomes into an <see cref="OutcomeBuffer"/>.</summary>
internal readonly struct OutcomeCollector(OutcomeBuffer buffer) : ITransitionVisitor
{
    public static bool Validating => false;
    public void Outcome(int next, double probability, double reward) => buffer.Add(next, probability, reward);
    public void BeginRule(int rule) { }
    public void OutOfRange(int variable, long value, double probability) { }
    public void NoMatchingRule() { }
}
