using System;
using System.Collections.Generic;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Tests.Runtime.Models;

/// <summary>
/// A time-dependent chain with guards and random rewards, generative by hand: <c>forward</c> moves
/// on w.p. 0.7 at even steps and 0.5 at odd ones, back w.p. 0.1, else stays, and pays normal(1, 2);
/// <c>back</c> moves to max(s−1, 0) and pays 1 on reaching 0 (a transition reward);
/// <c>rest</c> is available in even states only, stays and pays 0.5.
/// </summary>
public readonly struct SlipperyChain(int n) : IGenerativeMdp
{
    public int StateCount => n;
    public int ActionCount => 3;
    public Criterion Criterion => Criterion.FiniteHorizon(6);
    public bool IsTimeDependent => true;
    public bool IsTerminal(int state) => false;
    public string Name => "SlipperyChain";
    public string StateLabel(int state) => $"(s={state})";
    public string ActionName(int action) => action switch { 0 => "forward", 1 => "back", _ => "rest" };
    public SourceLocation RuleLocation(int rule) => new("chain.rlspec", 1 + rule, 1);

    private static double Forward(int step) => step % 2 == 0 ? 0.7 : 0.5;

    public bool Transitions<TVisitor>(int s, int action, int step, ref TVisitor v)
        where TVisitor : struct, ITransitionVisitor, allows ref struct
    {
        switch (action)
        {
            case 0:
                double up = Forward(step);
                v.Outcome(Math.Min(s + 1, n - 1), up, 1);
                v.Outcome(Math.Max(s - 1, 0), 0.1, 1);
                v.Outcome(s, 0.9 - up, 1);
                return true;
            case 1:
                int back = Math.Max(s - 1, 0);
                v.Outcome(back, 1, back == 0 ? 1 : 0);
                return true;
            default:
                if (s % 2 != 0) return false;
                v.Outcome(s, 1, 0.5);
                return true;
        }
    }

    public int Sample(int s, int action, int step, ref RandomStream random, out double reward)
    {
        switch (action)
        {
            case 0:
                double u = random.NextDouble(), up = Forward(step);
                reward = Sampling.Normal(ref random, 1, 2);
                return u < up ? Math.Min(s + 1, n - 1) : u < up + 0.1 ? Math.Max(s - 1, 0) : s;
            case 1:
                int back = Math.Max(s - 1, 0);
                reward = back == 0 ? 1 : 0;
                return back;
            default:
                if (s % 2 != 0) { reward = 0; return -1; }
                reward = 0.5;
                return s;
        }
    }

    public void Initial<TVisitor>(ref TVisitor v) where TVisitor : struct, ITransitionVisitor, allows ref struct
        => v.Outcome(0, 1.0, 0);
}

/// <summary>
/// Makes any exact model generative by listing a pair's outcomes and inverting their cumulative
/// probabilities (for tests only: it allocates each row once). With a shift, the
/// outcome list of one (state, action) is perturbed: <paramref name="shift"/> of probability moves
/// from its most likely outcome to the next outcome with another successor, the negative control
/// of the generative-step test.
/// </summary>
public readonly struct TabularSampler<TModel>(TModel model, int perturbedState = -1, int perturbedAction = -1, double shift = 0) : IGenerativeMdp
    where TModel : struct, IMdp
{
    public int StateCount => model.StateCount;
    public int ActionCount => model.ActionCount;
    public Criterion Criterion => model.Criterion;
    public bool IsTimeDependent => model.IsTimeDependent;
    public bool IsTerminal(int state) => model.IsTerminal(state);
    public string Name => shift == 0 ? model.Name : $"{model.Name} with P({perturbedState}, {perturbedAction}) off by {shift}";
    public string StateLabel(int state) => model.StateLabel(state);
    public string ActionName(int action) => model.ActionName(action);
    public SourceLocation RuleLocation(int rule) => model.RuleLocation(rule);

    public bool Transitions<TVisitor>(int state, int action, int step, ref TVisitor visitor)
        where TVisitor : struct, ITransitionVisitor, allows ref struct
        => model.Transitions(state, action, step, ref visitor);

    public void Initial<TVisitor>(ref TVisitor visitor) where TVisitor : struct, ITransitionVisitor, allows ref struct
        => model.Initial(ref visitor);

    // Each row's outcomes, listed (and perturbed) once, then sampled by a binary search of the cumulative sums.
    private readonly Dictionary<(int, int, int), (int Next, double Cumulative, double Reward)[]?> _rows = new();

    public int Sample(int state, int action, int step, ref RandomStream random, out double reward)
    {
        reward = 0;
        if (!_rows.TryGetValue((state, action, step), out var row)) _rows[(state, action, step)] = row = Row(state, action, step);
        if (row is null) return -1;
        // Binary search for the first cumulative sum above u (the last outcome when rounding leaves u above all).
        double u = random.NextDouble();
        int lo = 0, hi = row.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (row[mid].Cumulative > u) hi = mid;
            else lo = mid + 1;
        }
        reward = row[lo].Reward;
        return row[lo].Next;
    }

    private (int, double, double)[]? Row(int state, int action, int step)
    {
        var outcomes = new List<(int Next, double P, double R)>();
        var visitor = new ListVisitor(outcomes);
        if (!model.Transitions(state, action, step, ref visitor)) return null;
        if (state == perturbedState && action == perturbedAction && shift != 0)
        {
            int top = 0;
            for (int i = 1; i < outcomes.Count; i++) if (outcomes[i].P > outcomes[top].P) top = i;
            int other = outcomes.FindIndex(o => o.Next != outcomes[top].Next);
            if (other < 0) throw new ArgumentException("the perturbed pair needs two successors");
            outcomes[top] = (outcomes[top].Next, outcomes[top].P - shift, outcomes[top].R);
            outcomes[other] = (outcomes[other].Next, outcomes[other].P + shift, outcomes[other].R);
        }
        var row = new (int, double, double)[outcomes.Count];
        double cumulative = 0;
        for (int i = 0; i < row.Length; i++) row[i] = (outcomes[i].Next, cumulative += outcomes[i].P, outcomes[i].R);
        return row;
    }

    private readonly struct ListVisitor(List<(int, double, double)> outcomes) : ITransitionVisitor
    {
        public static bool Validating => false;
        public void Outcome(int next, double probability, double reward) => outcomes.Add((next, probability, reward));
        public void BeginRule(int rule) { }
        public void OutOfRange(int variable, long value, double probability) { }
        public void NoMatchingRule() { }
    }
}
