using System;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Tests.Runtime.Models;

/// <summary>
/// RiverSwim, PSRL variant (Osband et al.; TabulaRL make_riverSwim, reference/benchmarks.md),
/// hand-written as the compiler would emit it: matrix-free rules on the state index.
/// The criterion is a parameter so one model serves every solver.
/// </summary>
public readonly struct RiverSwim(int n, Criterion criterion) : IMdp
{
    public int StateCount => n;
    public int ActionCount => 2;
    public Criterion Criterion => criterion;
    public bool IsTimeDependent => false;
    public bool IsTerminal(int state) => false;
    public string Name => "RiverSwim";
    public string StateLabel(int state) => $"(s={state})";
    public string ActionName(int action) => action == 0 ? "left" : "right";
    public SourceLocation RuleLocation(int rule) => new("river.rlspec", 10 + rule, 3);

    public bool Transitions<TVisitor>(int s, int action, int step, ref TVisitor v)
        where TVisitor : struct, ITransitionVisitor, allows ref struct
    {
        if (action == 0)
        {
            if (TVisitor.Validating) v.BeginRule(0);
            v.Outcome(Math.Max(s - 1, 0), 1.0, s == 0 ? 0.005 : 0);
            return true;
        }
        double r = s == n - 1 ? 1 : 0;
        if (s == 0)
        {
            if (TVisitor.Validating) v.BeginRule(1);
            v.Outcome(1, 0.6, r);
            v.Outcome(0, 0.4, r);
        }
        else if (s == n - 1)
        {
            if (TVisitor.Validating) v.BeginRule(2);
            v.Outcome(s, 0.6, r);
            v.Outcome(s - 1, 0.4, r);
        }
        else
        {
            if (TVisitor.Validating) v.BeginRule(3);
            v.Outcome(s + 1, 0.35, r);
            v.Outcome(s, 0.6, r);
            v.Outcome(s - 1, 0.05, r);
        }
        return true;
    }

    public void Initial<TVisitor>(ref TVisitor v) where TVisitor : struct, ITransitionVisitor, allows ref struct
        => v.Outcome(0, 1.0, 0);
}

/// <summary>
/// A time-dependent RiverSwim for finite horizons: the current is stronger at odd steps
/// (right moves on w.p. 0.2 instead of 0.35) and the reward at the far end grows with t.
/// </summary>
public readonly struct TimedRiverSwim(int n, int horizon) : IMdp
{
    public int StateCount => n;
    public int ActionCount => 2;
    public Criterion Criterion => Criterion.FiniteHorizon(horizon);
    public bool IsTimeDependent => true;
    public bool IsTerminal(int state) => false;
    public string Name => "TimedRiverSwim";
    public string StateLabel(int state) => $"(s={state})";
    public string ActionName(int action) => action == 0 ? "left" : "right";
    public SourceLocation RuleLocation(int rule) => new("timed.rlspec", 1 + rule, 1);

    public bool Transitions<TVisitor>(int s, int action, int step, ref TVisitor v)
        where TVisitor : struct, ITransitionVisitor, allows ref struct
    {
        if (action == 0)
        {
            v.Outcome(Math.Max(s - 1, 0), 1.0, s == 0 ? 0.005 : 0);
            return true;
        }
        double r = s == n - 1 ? 1 + 0.1 * step : 0;
        double up = step % 2 == 0 ? 0.35 : 0.2;
        if (s == 0) { v.Outcome(1, 0.6, r); v.Outcome(0, 0.4, r); }
        else if (s == n - 1) { v.Outcome(s, 0.6, r); v.Outcome(s - 1, 0.4, r); }
        else { v.Outcome(s + 1, up, r); v.Outcome(s, 0.95 - up, r); v.Outcome(s - 1, 0.05, r); }
        return true;
    }

    public void Initial<TVisitor>(ref TVisitor v) where TVisitor : struct, ITransitionVisitor, allows ref struct
        => v.Outcome(0, 1.0, 0);
}
