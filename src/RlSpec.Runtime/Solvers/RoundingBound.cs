using System;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Solvers;

/// <summary>
/// Floating-point rounding allowance added to certified bounds: one Bellman backup over at most
/// k outcomes (k products summed, plus the reward and the discount) is exact up to about
/// (k + 2)·ε·max|V| (Higham, Accuracy and Stability, §3.1), with ε = 2⁻⁵².
/// </summary>
internal static class RoundingBound
{
    public const double Epsilon = 2.220446049250313e-16;

    /// <summary>(k + 2)·ε·max|V| for the model's largest outcome count k.</summary>
    public static double PerBackup<TModel>(ref TModel model, ReadOnlySpan<double> values) where TModel : struct, IMdp
    {
        double max = 0;
        foreach (double v in values) max = Math.Max(max, Math.Abs(v));
        return (MaxOutcomes(ref model) + 2) * Epsilon * max;
    }

    /// <summary>(k + 2)·ε·max|V| for a known outcome count k; O(n), no enumeration.</summary>
    public static double PerBackup(int maxOutcomes, ReadOnlySpan<double> values)
    {
        double max = 0;
        foreach (double v in values) max = Math.Max(max, Math.Abs(v));
        return (maxOutcomes + 2) * Epsilon * max;
    }

    /// <summary>Largest number of outcomes reported for one state-action pair (one enumeration of the model).</summary>
    public static int MaxOutcomes<TModel>(ref TModel model) where TModel : struct, IMdp
    {
        int n = model.StateCount, actions = model.ActionCount, max = 1;
        for (int s = 0; s < n; s++)
        {
            if (model.IsTerminal(s)) continue;
            for (int a = 0; a < actions; a++)
            {
                var counter = new OutcomeCounter();
                if (model.Transitions(s, a, 0, ref counter) && counter.Count > max) max = counter.Count;
            }
        }
        return max;
    }

    private struct OutcomeCounter : ITransitionVisitor
    {
        public int Count;
        public static bool Validating => false;
        public void Outcome(int next, double probability, double reward) => Count++;
        public readonly void BeginRule(int rule) { }
        public readonly void OutOfRange(int variable, long value, double probability) { }
        public readonly void NoMatchingRule() { }
    }
}
