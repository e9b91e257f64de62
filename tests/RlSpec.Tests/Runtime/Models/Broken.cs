using RlSpec.Runtime.Mdp;

namespace RlSpec.Tests.Runtime.Models;

/// <summary>Defects the validator must catch, each planted in state 1 of a three-state chain.</summary>
public enum Defect { None, SumBelowOne, NegativeProbability, OutOfRange, NoMatchingRule, NoEnabledAction, NaNReward, BadInitial, InitialOutOfRange }

/// <summary>
/// A deliberately broken model standing in for emitted code with a mistake in the .rlspec:
/// action `move` (rules 0 and 1) and `stay` (rule 2); the defect is planted in state 1.
/// </summary>
public readonly struct Broken(Defect defect) : IMdp
{
    public int StateCount => 3;
    public int ActionCount => 2;
    public Criterion Criterion => Criterion.Discounted(0.9);
    public bool IsTimeDependent => false;
    public bool IsTerminal(int state) => false;
    public string Name => "Broken";
    public string StateLabel(int state) => $"(s={state})";
    public string ActionName(int action) => action == 0 ? "move" : "stay";
    public SourceLocation RuleLocation(int rule) => new("broken.rlspec", 10 + rule, 3);

    public bool Transitions<TVisitor>(int s, int action, int step, ref TVisitor v)
        where TVisitor : struct, ITransitionVisitor, allows ref struct
    {
        bool planted = s == 1;
        if (action == 1)
        {
            if (planted && defect == Defect.NoEnabledAction) return false;
            if (TVisitor.Validating) v.BeginRule(2);
            v.Outcome(s, 1.0, 0);
            return true;
        }
        if (planted && defect == Defect.NoEnabledAction) return false;
        if (planted && defect == Defect.NoMatchingRule)
        {
            if (TVisitor.Validating) v.NoMatchingRule();
            return true;
        }
        if (s == 2)
        {
            if (TVisitor.Validating) v.BeginRule(1);
            v.Outcome(2, 1.0, 1);
            return true;
        }
        if (TVisitor.Validating) v.BeginRule(0);
        double pMove = planted && defect == Defect.SumBelowOne ? 0.7 : planted && defect == Defect.NegativeProbability ? 1.2 : 0.8;
        double pStay = planted && defect == Defect.NegativeProbability ? -0.2 : 0.2;
        double reward = planted && defect == Defect.NaNReward ? double.NaN : 0;
        if (planted && defect == Defect.OutOfRange)
        {
            if (TVisitor.Validating) v.OutOfRange(0, 7, pMove);
        }
        else
        {
            v.Outcome(s + 1, pMove, reward);
        }
        v.Outcome(s, pStay, reward);
        return true;
    }

    public void Initial<TVisitor>(ref TVisitor v) where TVisitor : struct, ITransitionVisitor, allows ref struct
    {
        if (defect == Defect.InitialOutOfRange) v.Outcome(5, 1.0, 0);
        else v.Outcome(0, defect == Defect.BadInitial ? 0.5 : 1.0, 0);
    }
}
