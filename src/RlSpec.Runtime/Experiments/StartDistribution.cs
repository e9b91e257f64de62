using System;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Experiments;

/// <summary>The initial distribution ρ of a model as one probability per state (the start distribution of policy optimization).</summary>
public static class StartDistribution
{
    /// <summary>ρ(s) for s = 0..S−1, from the model's <c>init</c> (repeated successors summed).</summary>
    /// <exception cref="ExperimentException">RLS0706: the model declares no initial state.</exception>
    public static double[] Of<TModel>(in TModel model) where TModel : struct, IMdp
    {
        TModel m = model;
        var collector = new Collector { Start = new double[m.StateCount] };
        m.Initial(ref collector);
        double total = 0;
        foreach (double p in collector.Start) total += p;
        if (total <= 0) throw new ExperimentException(ExperimentErrorIds.InvalidMdp, $"the model '{m.Name}' has no initial state; declare one with `init`.");
        return collector.Start;
    }

    private struct Collector : ITransitionVisitor
    {
        public double[] Start;
        public static bool Validating => false;
        public void Outcome(int next, double probability, double reward) { if (probability > 0) Start[next] += probability; }
        public void BeginRule(int rule) { }
        public void OutOfRange(int variable, long value, double probability) { }
        public void NoMatchingRule() { }
    }
}
