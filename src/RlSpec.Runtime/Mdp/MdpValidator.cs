using System;
using System.Collections.Generic;
using System.Globalization;

namespace RlSpec.Runtime.Mdp;

/// <summary>
/// Checks an enumerated model for errors the compiler cannot see statically: distributions that
/// do not sum to one, negative or non-finite numbers, successors outside the state space, actions
/// no rule covers, states without any enabled action, and a bad initial distribution.
/// </summary>
public static class MdpValidator
{
    /// <summary>
    /// Rounding allowance: tolerance on |Σ p − 1|, and how far below 0 a probability may be before it
    /// counts as negative (1 - 0.3 - 0.4 - 0.3 is -5.55e-17 in binary floating point). The compiler's
    /// constant checks use the same value.
    /// </summary>
    public const double ProbabilityTolerance = 1e-9;

    /// <summary>
    /// Enumerates every non-terminal state, action and (for time-dependent finite-horizon models)
    /// step with a validating visitor; returns at most <paramref name="maxErrors"/> errors.
    /// </summary>
    public static IReadOnlyList<ModelError> Validate<TModel>(in TModel model, int maxErrors = 20) where TModel : struct, IMdp
    {
        TModel m = model;
        var errors = new List<ModelError>();
        var check = new Check(maxErrors, errors);
        int n = m.StateCount, actions = m.ActionCount;
        int steps = m.Criterion.Kind == CriterionKind.FiniteHorizon && m.IsTimeDependent ? Math.Max(1, m.Criterion.Horizon) : 1;
        ValidateInitial(ref m, check);
        for (int s = 0; s < n && !check.Full; s++)
        {
            try
            {
                if (m.IsTerminal(s)) continue;
            }
            catch (RlSpec.Runtime.Modeling.IntegerOverflowException ex)
            {
                check.Add(new ModelError("RLS0308",
                    $"state {m.StateLabel(s)}: the `until` condition failed: {ex.Message}; use a real (e.g. write 1.0 * x) or smaller values so it stays within the 32-bit integers.",
                    OverflowLocation(ref m, ex), m.StateLabel(s), null));
                continue;
            }
            for (int t = 0; t < steps && !check.Full; t++)
            {
                bool any = false;
                for (int a = 0; a < actions && !check.Full; a++)
                {
                    var visitor = new ValidatingVisitor(n);
                    bool enabled;
                    try
                    {
                        enabled = m.Transitions(s, a, t, ref visitor);
                    }
                    catch (RlSpec.Runtime.Modeling.IntegerOverflowException ex)
                    {
                        // An integer operation the compiler could not prove safe overflowed here.
                        any = true;
                        SourceLocation? location = ex.Line > 0 ? new SourceLocation(m.RuleLocation(-1).Path, ex.Line, ex.Column)
                            : visitor.Rule >= 0 ? m.RuleLocation(visitor.Rule) : null;
                        check.Add(new ModelError("RLS0308",
                            $"state {m.StateLabel(s)}, action `{m.ActionName(a)}`{At(t, steps > 1)}: {ex.Message}" +
                            "; use a real (e.g. write 1.0 * x) or smaller values so it stays within the 32-bit integers.",
                            location, m.StateLabel(s), m.ActionName(a)));
                        continue;
                    }
                    catch (Exception ex) when (ex is IndexOutOfRangeException or DivideByZeroException or ArgumentException or OverflowException or InvalidOperationException)
                    {
                        // The model's own expressions failed in this state: e.g. a list indexed outside
                        // its length, or an integer remainder by zero.
                        any = true;
                        // A failure between BeginReward and RewardTotal is the reward term's, else the rule's.
                        bool inReward = visitor.InReward;
                        SourceLocation? location = inReward ? m.RewardLocation(visitor.Reward) : visitor.Rule >= 0 ? m.RuleLocation(visitor.Rule) : null;
                        check.Add(new ModelError("RLS0307",
                            $"state {m.StateLabel(s)}, action `{m.ActionName(a)}`{At(t, steps > 1)}: evaluating the model failed ({Describe(ex)})" +
                            (location is { } l && !string.IsNullOrEmpty(l.Path) ? (inReward ? $" in the reward at {l}" : $" in the rule at {l}") : "") +
                            "; guard the expression with `when` or `if ... then ... else` so it is only evaluated where it is defined.",
                            location, m.StateLabel(s), m.ActionName(a)));
                        continue;
                    }
                    if (!enabled) continue;
                    any = true;
                    Report(ref m, check, visitor, s, a, t, steps > 1);
                }
                if (!any)
                {
                    // Every action is unavailable here, so each has a guard: point at the first action's.
                    SourceLocation? at = actions > 0 && m.ActionLocation(0) is { Path.Length: > 0 } l ? l : null;
                    check.Add(new ModelError("RLS0304",
                        $"state {m.StateLabel(s)}{At(t, steps > 1)} is not terminal but has no enabled action; relax a `when` guard so some action applies here" +
                        (at is { } g ? $" (the guard of `{m.ActionName(0)}` is at {g})" : "") + ", or include this state in the `until` condition.",
                        at, m.StateLabel(s), null));
                }
            }
        }
        return errors;
    }

    private static string Describe(Exception ex) => ex switch
    {
        IndexOutOfRangeException => "a list index is out of range",
        DivideByZeroException d when d.Data.Contains(RlSpec.Runtime.Modeling.CheckedArithmetic.ExpressionKey) => d.Message,
        DivideByZeroException => "an integer remainder or division by zero",
        _ => ex.Message,
    };

    /// <summary>Where the overflowing expression is (the path from <c>RuleLocation</c>, which gives the file for any id).</summary>
    private static SourceLocation? OverflowLocation<TModel>(ref TModel m, RlSpec.Runtime.Modeling.IntegerOverflowException ex) where TModel : struct, IMdp =>
        ex.Line > 0 ? new SourceLocation(m.RuleLocation(-1).Path, ex.Line, ex.Column) : null;

    private static string At(int step, bool show) => show ? " at step " + step.ToString(CultureInfo.InvariantCulture) : "";

    private static string Sum(double x) => x.ToString("G12", CultureInfo.InvariantCulture);

    private static string Num(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static void Report<TModel>(ref TModel m, Check check, in ValidatingVisitor v, int s, int a, int t, bool showStep) where TModel : struct, IMdp
    {
        string state = m.StateLabel(s), action = m.ActionName(a);
        SourceLocation? location = v.Rule >= 0 ? m.RuleLocation(v.Rule) : null;
        string where = $"state {state}, action `{action}`{At(t, showStep)}" + (location is { } l && !string.IsNullOrEmpty(l.Path) ? $" (rule at {l})" : "");
        if (v.NoRule)
        {
            check.Add(new("RLS0303", $"no rule for `{action}` covers {state}{At(t, showStep)}, but the action is enabled there" +
                (location is { } first && !string.IsNullOrEmpty(first.Path) ? $" (its first rule is at {first})" : "") +
                $"; add a rule for `{action}` that covers this state, or declare `default: stay`.", location, state, action));
            return;
        }
        if (v.BadReward >= 0)
        {
            var at = m.RewardLocation(v.BadReward);
            check.Add(new("RLS0305", $"state {state}, action `{action}`{At(t, showStep)}: the reward" + (!string.IsNullOrEmpty(at.Path) ? $" at {at}" : "") +
                $" is NaN or infinite (total {Num(v.BadRewardTotal)} after this term); check divisions and logarithms in the reward, or guard it with `when`.", at, state, action));
        }
        if (v.NonFinite)
            check.Add(new("RLS0305", $"{where}: a probability or reward is NaN or infinite (first bad value {Num(v.FirstNonFinite)}); check divisions and logarithms in the rule.", location, state, action));
        if (v.Negative)
            check.Add(new("RLS0301", $"{where}: probability {Num(v.FirstNegative)} is negative; probabilities must be in [0, 1].", location, state, action));
        if (v.OutOfRangeVariable >= 0)
            check.Add(new("RLS0302", $"{where}: a successor sets {m.StateVariableName(v.OutOfRangeVariable)}' to {v.OutOfRangeValue}, outside its declared range; clamp it (e.g. `min(..., max)`) or guard the rule with `when`.", location, state, action));
        else if (v.HasBadSuccessor)
            check.Add(new("RLS0302", $"{where}: successor state index {v.BadSuccessor} is outside 0..{m.StateCount - 1}.", location, state, action));
        if (!v.NonFinite && Math.Abs(v.Sum - 1) > ProbabilityTolerance)
            check.Add(new("RLS0300", $"{where}: probabilities sum to {Sum(v.Sum)}, not 1; fix the `@` weights of this rule so they add up to 1.", location, state, action));
    }

    private static void ValidateInitial<TModel>(ref TModel m, Check check) where TModel : struct, IMdp
    {
        var v = new ValidatingVisitor(m.StateCount);
        try
        {
            m.Initial(ref v);
        }
        catch (RlSpec.Runtime.Modeling.IntegerOverflowException ex)
        {
            check.Add(new("RLS0308", $"the initial distribution: {ex.Message}; use a real (e.g. write 1.0 * x) or smaller values so it stays within the 32-bit integers.", OverflowLocation(ref m, ex), null, null));
            return;
        }
        SourceLocation? location = v.Rule >= 0 ? m.RuleLocation(v.Rule) : null;
        if (v.NonFinite)
            check.Add(new("RLS0306", $"the initial distribution contains a NaN or infinite probability ({Num(v.FirstNonFinite)}).", location, null, null));
        else if (v.Negative)
            check.Add(new("RLS0306", $"the initial distribution contains a negative probability ({Num(v.FirstNegative)}).", location, null, null));
        if (v.OutOfRangeVariable >= 0)
            check.Add(new("RLS0306", $"the initial distribution sets state variable #{v.OutOfRangeVariable} to {v.OutOfRangeValue}, outside its declared range; change the `init` line.", location, null, null));
        else if (v.OutOfRangeUnnamed)
            check.Add(new("RLS0306", "the initial distribution sets a state variable outside its declared range (a random variable's value, or a formula, leaves the range); clamp it (e.g. `poisson(2) clamped 0..N`) or widen the range in the `init` line.", location, null, null));
        else if (v.HasBadSuccessor)
            check.Add(new("RLS0306", $"the initial distribution puts mass on state index {v.BadSuccessor}, outside 0..{m.StateCount - 1}.", location, null, null));
        if (!v.NonFinite && Math.Abs(v.Sum - 1) > ProbabilityTolerance)
            check.Add(new("RLS0306", $"the initial distribution sums to {Sum(v.Sum)}, not 1; fix the weights of the `init` line.", location, null, null));
    }

    private sealed class Check(int max, List<ModelError> errors)
    {
        public bool Full => errors.Count >= max;
        public void Add(ModelError e)
        {
            if (!Full) errors.Add(e);
        }
    }

    /// <summary>Records everything about one state-action pair's outcomes.</summary>
    private struct ValidatingVisitor(int stateCount) : ITransitionVisitor
    {
        public double Sum;
        public int Rule = -1;
        public bool NoRule;
        public bool Negative;
        public double FirstNegative;
        public bool NonFinite;
        public double FirstNonFinite;
        public int OutOfRangeVariable = -1;
        public bool OutOfRangeUnnamed;
        public long OutOfRangeValue;
        public bool HasBadSuccessor;
        public int BadSuccessor;
        public int Reward = -1;
        public bool InReward;
        public int BadReward = -1;
        public double BadRewardTotal;

        public static bool Validating => true;

        public void Outcome(int next, double probability, double reward)
        {
            Mass(probability);
            // A non-finite total was already traced to its reward term (RewardTotal); report it once, there.
            if (!double.IsFinite(reward) && !NonFinite && BadReward < 0) { NonFinite = true; FirstNonFinite = reward; }
            if ((uint)next >= (uint)stateCount && !HasBadSuccessor) { HasBadSuccessor = true; BadSuccessor = next; }
        }

        public void BeginRule(int rule) => Rule = rule;

        public void BeginReward(int term)
        {
            Reward = term;
            InReward = true;
        }

        public void RewardTotal(int term, double total)
        {
            InReward = false;
            if (!double.IsFinite(total) && BadReward < 0) { BadReward = term; BadRewardTotal = total; }
        }

        public void OutOfRange(int variable, long value, double probability)
        {
            Mass(probability);
            // The initial distribution's check does not say which variable left its range (variable −1).
            if (variable < 0) OutOfRangeUnnamed = true;
            else if (OutOfRangeVariable < 0) { OutOfRangeVariable = variable; OutOfRangeValue = value; }
        }

        public void NoMatchingRule() => NoRule = true;

        private void Mass(double probability)
        {
            Sum += probability;
            if (!double.IsFinite(probability) && !NonFinite) { NonFinite = true; FirstNonFinite = probability; }
            if (probability < -ProbabilityTolerance && !Negative) { Negative = true; FirstNegative = probability; }
        }
    }
}
