using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RlSpec.Compiler.Kinds.Mdp.Binding;
using RlSpec.Compiler.Kinds.Mdp.Ir;
using RlSpec.Compiler.Semantics;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Modeling;
using IrCriterionKind = RlSpec.Compiler.Kinds.Mdp.Binding.CriterionKind;

namespace RlSpec.Cli.Hosting.Interpreted;

/// <summary>
/// Evaluates one mdp's IR in a state exactly as the emitted model's code does (MdpEmitter.Transitions, .Outcomes,
/// .Folding, .Initial): the state layout (mixed radix, the last variable fastest), action families by index ranges,
/// random variables enumerated over their finite forms in index order, folded rules (<see cref="OutcomeFolding"/>)
/// as products of marginals, rewards summed in order, and, for a validating visitor, the same calls (rule, reward
/// term, out-of-range successor, no matching rule) so that <see cref="MdpValidator"/> reports the same findings.
/// </summary>
internal sealed class Interpreter
{
    private readonly MdpIr _ir;
    private readonly ConstantEvaluator _eval = new() { RunTime = true };
    private readonly long[] _lo, _count, _stride;
    private readonly object[] _current, _next;
    private readonly Dictionary<StateVarSymbol, int> _index = new();
    private readonly Dictionary<RandomSymbol, FiniteDistribution> _randoms = new();
    private readonly Dictionary<RandomSymbol, object> _randomValues = new();
    private readonly Dictionary<BoundDistribution, FiniteDistribution> _rewardDistributions = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(IrRule, IrAction), IReadOnlyList<FoldedVariable>?> _folds = new();
    private readonly long[] _actionFirst;
    private readonly IrAction[] _actionOf;
    private int _step;

    /// <summary>The family index of the action being evaluated (0 for an action that is not a family).</summary>
    private long _member;

    public Interpreter(MdpIr ir)
    {
        _ir = ir;
        int n = ir.StateVariables.Count;
        _lo = new long[n];
        _count = new long[n];
        _stride = new long[n];
        _current = new object[n];
        _next = new object[n];
        long stride = 1;
        for (int k = n - 1; k >= 0; k--)
        {
            var v = ir.StateVariables[k];
            _index[v.Symbol] = k;
            _lo[k] = v.LoValue;
            _count[k] = v.HiValue - v.LoValue + 1;
            _stride[k] = stride;
            stride *= _count[k];
        }
        if (stride != ir.StateCount) throw new InterpretedDeclinedException("the state layout does not match the state count");
        _eval.StateValues = v => (v.IsNext ? _next : _current)[_index[v.Variable]]
            ?? throw new InterpretedDeclinedException($"no value for {v.Variable.Name}' here");
        _eval.RunTimeValues = RunTimeValue;

        // Action indices as emitted Create numbers them: declaration order, a family taking one index per member.
        _actionFirst = new long[ir.Actions.Count + 1];
        for (int k = 0; k < ir.Actions.Count; k++) _actionFirst[k + 1] = _actionFirst[k] + (ir.Actions[k].IsFamily ? ir.Actions[k].Count : 1);
        if (_actionFirst[ir.Actions.Count] != ir.ActionCount) throw new InterpretedDeclinedException("the action layout does not match the action count");
        _actionOf = new IrAction[ir.ActionCount];
        for (int k = 0; k < ir.Actions.Count; k++)
            for (long a = _actionFirst[k]; a < _actionFirst[k + 1]; a++) _actionOf[a] = ir.Actions[k];

        // The finite forms emitted Create builds once, with the parameters in force.
        foreach (var r in ir.Randoms) _randoms[r.Symbol] = Distributions.Finite(r.Distribution, _eval.Evaluate);
        foreach (var d in ir.RewardDistributions) _rewardDistributions[d] = Distributions.Finite(d, _eval.Evaluate);

        Criterion = ir.Criterion.Kind switch
        {
            IrCriterionKind.Discounted => Discounted(),
            IrCriterionKind.TotalReward => Criterion.TotalReward(),
            IrCriterionKind.AverageReward => Criterion.AverageReward(),
            IrCriterionKind.FiniteHorizon => FiniteHorizon(),
            _ => throw new InterpretedDeclinedException("an unknown criterion"),
        };
    }

    private object RunTimeValue(BoundExpr e)
    {
        switch (e)
        {
            case BoundRandom r:
                return _randomValues.TryGetValue(r.Random, out var value) ? value : throw new InterpretedDeclinedException($"no value for {r.Random.Name} here");
            case BoundStep:
                return (long)_step;
            case BoundDistribution d:
                // As emitted Mean: a precomputed finite form's mean, else the family's closed form.
                if (_rewardDistributions.TryGetValue(d, out var finite)) return finite.Mean;
                if (d.UsesFiniteForm)
                {
                    finite = Distributions.Finite(d, _eval.Evaluate);
                    _rewardDistributions[d] = finite;
                    return finite.Mean;
                }
                return Distributions.ClosedFormMean(d, _eval.Evaluate);
            default:
                throw new InterpretedDeclinedException("a value the interpreter does not have");
        }
    }

    private Criterion FiniteHorizon()
    {
        long horizon = (long)_eval.Evaluate(_ir.Criterion.Horizon!);
        // As emitted Create: a horizon below 1 or a discount outside [0, 1] is an error there.
        if (horizon < 1 || horizon > int.MaxValue) throw new InterpretedDeclinedException("a horizon below 1");
        if (_ir.Criterion.Discount is null) return Criterion.FiniteHorizon((int)horizon);
        double gamma = ConstantEvaluator.ToReal(_eval.Evaluate(_ir.Criterion.Discount));
        if (!(gamma >= 0 && gamma <= 1)) throw new InterpretedDeclinedException("a discount outside [0, 1]");
        return Criterion.FiniteHorizon((int)horizon, gamma);
    }

    private Criterion Discounted()
    {
        double gamma = ConstantEvaluator.ToReal(_eval.Evaluate(_ir.Criterion.Discount!));
        // As emitted Create: a discount outside [0, 1) is an error there, reported by the compiled engine.
        if (!(gamma >= 0 && gamma < 1)) throw new InterpretedDeclinedException("a discount outside [0, 1)");
        return Criterion.Discounted(gamma);
    }

    public MdpIr Ir => _ir;

    public Criterion Criterion { get; }

    /// <summary>Sets the current values to those of <paramref name="state"/>.</summary>
    private void Decode(int state)
    {
        for (int k = 0; k < _current.Length; k++)
        {
            long v = state / _stride[k] % _count[k] + _lo[k];
            _current[k] = _ir.StateVariables[k].Kind == StateVarKind.Bool ? v != 0 : v;
            _next[k] = null!;
        }
    }

    /// <summary>The index of the state whose values are <paramref name="values"/>, as emitted IndexCode computes it (no range check).</summary>
    private long Encode(object[] values)
    {
        long index = 0;
        for (int k = 0; k < values.Length; k++) index += (Value(values[k]) - _lo[k]) * _stride[k];
        return index;
    }

    private static long Value(object v) => v is bool b ? (b ? 1 : 0) : (long)v;

    /// <summary>As emitted OutsideCode: a range or enumeration value outside its declared values.</summary>
    private bool Outside(int k, long value) => (ulong)(value - _lo[k]) >= (ulong)_count[k];

    /// <summary>A successor index as emitted code computes it in 32-bit arithmetic (wrapping, unchecked): out of range only where the validator reports it.</summary>
    private static int Index(long index) => unchecked((int)index);

    public bool IsTerminal(int state)
    {
        if (_ir.Terminal is null) return false;
        Decode(state);
        return (bool)Run(_ir.Terminal.Condition);
    }

    /// <summary>Evaluates <paramref name="e"/>, failing as the emitted code fails (see <see cref="RunTimeFailure"/>).</summary>
    private object Run(BoundExpr e)
    {
        try
        {
            return _eval.Evaluate(e);
        }
        catch (EvaluationException ex)
        {
            throw RunTimeFailure.From(ex, _ir);
        }
    }

    private bool Holds(BoundExpr? guard) => guard is null || (bool)Run(guard);

    /// <summary>The outcomes of action index <paramref name="action"/> in <paramref name="state"/> at <paramref name="step"/>, in the emitted order.</summary>
    public bool Transitions<TVisitor>(int state, int action, int step, ref TVisitor visitor) where TVisitor : struct, ITransitionVisitor, allows ref struct
    {
        if ((uint)action >= (uint)_actionOf.Length) return false;
        var a = _actionOf[action];
        _step = step;
        _member = a.IsFamily ? a.LoValue + (action - _actionFirst[a.Ordinal]) : 0;
        if (a.IsFamily) _eval.SetLocal(a.Index!, _member);
        Decode(state);
        if (a.Guard != null && !(bool)Run(a.Guard)) return false;
        if (a.Table != null) throw new InterpretedDeclinedException("explicit tables");
        double reward = 0;
        foreach (var r in a.FixedRewards) reward = RewardTerm(r, reward, a, ref visitor);
        foreach (var rule in a.Rules)
        {
            if (rule.Index != null) _eval.SetLocal(rule.Index, _member);
            if (!Holds(rule.Guard)) continue;
            Body(rule, reward, a, ref visitor);
            return true;
        }
        if (!a.FallsThrough) return true;
        if (_ir.Default != null)
        {
            Body(_ir.Default, reward, a, ref visitor);
            return true;
        }
        if (TVisitor.Validating)
        {
            if (a.Rules.Count > 0) visitor.BeginRule(a.Rules[0].Id);
            visitor.NoMatchingRule();
        }
        return true;
    }

    /// <summary>As emitted WriteRewardTerm: <c>total += value</c> when the guard holds (the value computed only then), reported to a validating visitor.</summary>
    private double RewardTerm<TVisitor>(IrReward r, double total, IrAction action, ref TVisitor visitor) where TVisitor : struct, ITransitionVisitor, allows ref struct
    {
        if (r.Index != null && action.Index != null) _eval.SetLocal(r.Index, _member);
        if (TVisitor.Validating) visitor.BeginReward(r.Id);
        if (Holds(r.Guard)) total += ConstantEvaluator.ToReal(Run(r.Value));
        if (TVisitor.Validating) visitor.RewardTotal(r.Id, total);
        return total;
    }

    private IReadOnlyList<FoldedVariable>? Fold(IrRule rule, IrAction action)
    {
        if (!_folds.TryGetValue((rule, action), out var plan))
        {
            plan = OutcomeFolding.Plan(_ir, rule, action.OutcomeRewards);
            _folds[(rule, action)] = plan;
        }
        return plan;
    }

    /// <summary>As emitted WriteRuleBody: the folded body when the rule folds and its marginals fit, else every outcome of the product.</summary>
    private void Body<TVisitor>(IrRule rule, double reward, IrAction action, ref TVisitor visitor) where TVisitor : struct, ITransitionVisitor, allows ref struct
    {
        if (TVisitor.Validating) visitor.BeginRule(rule.Id);
        if (Fold(rule, action) is { } plan)
        {
            long sizes = 0;
            foreach (var f in plan) sizes += _count[f.Variable.Index];
            if (sizes <= OutcomeFolding.StackLimit)
            {
                FoldedBody(plan, rule, reward, action, ref visitor);
                return;
            }
        }
        var exprs = rule.Branches.SelectMany(b => b.Assignments.Select(x => x.Value).Append(b.Probability))
            .Concat(action.OutcomeRewards.SelectMany(r => new[] { r.Guard, r.Value }));
        var randoms = BoundTree.Randoms(exprs);
        var state = new RuleState<TVisitor>(this, rule, reward, action);
        Enumerate(randoms, 0, 1.0, true, ref state, ref visitor);
    }

    /// <summary>What one unfolded rule body needs inside its random-variable loops.</summary>
    private readonly struct RuleState<TVisitor>(Interpreter owner, IrRule rule, double reward, IrAction action) where TVisitor : struct, ITransitionVisitor, allows ref struct
    {
        public Interpreter Owner => owner;
        public IrRule Rule => rule;
        public double Reward => reward;
        public IrAction Action => action;
    }

    /// <summary>
    /// The nested loops over <paramref name="randoms"/> (skipping zero probabilities), then every branch. The weight is
    /// the product of the loops' probabilities left to right, as the emitted <c>pA * pB * ...</c>; false stops
    /// every loop (the emitted <c>return true</c> after an out-of-range successor).
    /// </summary>
    private bool Enumerate<TVisitor>(IReadOnlyList<RandomSymbol> randoms, int depth, double weight, bool first, ref RuleState<TVisitor> rule, ref TVisitor visitor)
        where TVisitor : struct, ITransitionVisitor, allows ref struct
    {
        if (depth == randoms.Count)
        {
            foreach (var b in rule.Rule.Branches)
                if (!Branch(b, randoms.Count == 0 ? null : weight, rule.Reward, rule.Action, ref visitor)) return false;
            return true;
        }
        var r = randoms[depth];
        var d = _randoms[r];
        for (int k = 0; k < d.Pmf.Length; k++)
        {
            double p = d.Pmf[k];
            if (p == 0) continue;
            _randomValues[r] = (long)(d.Lo + k);
            if (!Enumerate(randoms, depth + 1, depth == 0 ? p : weight * p, false, ref rule, ref visitor)) return false;
        }
        _randomValues.Remove(r);
        return true;
    }

    /// <summary>As emitted WriteBranch: successors in state order, then the probability, the outcome rewards, the range checks, the report.</summary>
    private bool Branch<TVisitor>(IrBranch b, double? weight, double reward, IrAction action, ref TVisitor visitor) where TVisitor : struct, ITransitionVisitor, allows ref struct
    {
        var values = new object[_current.Length];
        for (int k = 0; k < _next.Length; k++) _next[k] = null!;
        for (int k = 0; k < _current.Length; k++)
        {
            var v = _ir.StateVariables[k];
            var assignment = Assignment(b, v.Symbol);
            _next[k] = assignment is null ? _current[k] : Run(assignment.Value);
            values[k] = _next[k];
        }
        double probability;
        if (b.Probability is null) probability = weight ?? 1.0;
        else
        {
            double p = ConstantEvaluator.ToReal(Run(b.Probability));
            probability = weight is double w ? w * p : p;
        }
        double here = reward;
        foreach (var r in action.OutcomeRewards) here = RewardTerm(r, here, action, ref visitor);
        if (TVisitor.Validating)
        {
            foreach (var a in b.Assignments)
            {
                int k = _index[a.Variable];
                if (a.Variable.Kind == StateVarKind.Bool) continue;
                long value = (long)_next[k];
                if (Outside(k, value))
                {
                    visitor.OutOfRange(k, value, probability);
                    ClearNext();
                    return false;
                }
            }
        }
        long index = Encode(values);
        ClearNext();
        visitor.Outcome(Index(index), probability, here);
        return true;
    }

    private void ClearNext()
    {
        for (int k = 0; k < _next.Length; k++) _next[k] = null!;
    }

    private static BoundAssignment? Assignment(IrBranch b, StateVarSymbol v)
    {
        foreach (var x in b.Assignments)
            if (x.Variable == v) return x;
        return null;
    }

    /// <summary>
    /// As emitted WriteFoldedBody: each folded variable's marginal from its own random variables, the other successors
    /// once, the expected outcome reward term by term, then the product of the marginals in state order.
    /// </summary>
    private void FoldedBody<TVisitor>(IReadOnlyList<FoldedVariable> plan, IrRule rule, double reward, IrAction action, ref TVisitor visitor)
        where TVisitor : struct, ITransitionVisitor, allows ref struct
    {
        var b = rule.Branches[0];
        var marginals = new double[plan.Count][];
        for (int f = 0; f < plan.Count; f++) marginals[f] = new double[_count[plan[f].Variable.Index]];
        for (int f = 0; f < plan.Count; f++)
        {
            var fold = plan[f];
            int k = fold.Variable.Index;
            bool failed = false;
            var marginal = marginals[f];
            var v = fold.Variable;
            EachOutcome(fold.Randoms, (double weight, ref TVisitor vis) =>
            {
                long local = (long)Run(fold.Assignment.Value);
                if (Outside(k, local))
                {
                    if (TVisitor.Validating) { vis.OutOfRange(k, local, weight); failed = true; return false; }
                    return true;
                }
                marginal[local - (v.Kind == StateVarKind.Range ? _lo[k] : 0)] += weight;
                return true;
            }, ref visitor);
            if (failed) return;
        }

        // Successor variables assigned without randomness, computed once; the others keep their value.
        var values = new object[_current.Length];
        var folded = new int[_current.Length];
        for (int k = 0; k < folded.Length; k++) folded[k] = -1;
        for (int f = 0; f < plan.Count; f++) folded[plan[f].Variable.Index] = f;
        for (int k = 0; k < _current.Length; k++)
        {
            if (folded[k] >= 0) continue;
            var v = _ir.StateVariables[k];
            var assignment = Assignment(b, v.Symbol);
            if (assignment is null) { values[k] = _current[k]; continue; }
            values[k] = Run(assignment.Value);
            if (TVisitor.Validating && v.Kind != StateVarKind.Bool && Outside(k, (long)values[k]))
            {
                visitor.OutOfRange(k, (long)values[k], 1.0);
                return;
            }
        }

        // The expected outcome reward: each term averaged over the random variables it reads.
        double mean = reward;
        foreach (var r in action.OutcomeRewards)
        {
            var randoms = BoundTree.Randoms(new[] { r.Guard, r.Value });
            if (randoms.Count == 0)
            {
                mean = RewardTerm(r, mean, action, ref visitor);
                continue;
            }
            double sum = 0;
            EachOutcome(randoms, (double weight, ref TVisitor vis) =>
            {
                double term = RewardTerm(r, 0, action, ref vis);
                sum += weight * term;
                return true;
            }, ref visitor);
            mean += sum;
        }

        // The product of the marginals, the last folded variable fastest.
        Product(plan, marginals, 0, 1.0, values, mean, ref visitor);
    }

    private void Product<TVisitor>(IReadOnlyList<FoldedVariable> plan, double[][] marginals, int f, double q, object[] values, double mean, ref TVisitor visitor)
        where TVisitor : struct, ITransitionVisitor, allows ref struct
    {
        if (f == plan.Count)
        {
            visitor.Outcome(Index(Encode(values)), q, mean);
            return;
        }
        var marginal = marginals[f];
        int k = plan[f].Variable.Index;
        for (int i = 0; i < marginal.Length; i++)
        {
            double p = marginal[i];
            if (p == 0) continue;
            values[k] = (long)i + (plan[f].Variable.Kind == StateVarKind.Range ? _lo[k] : 0);
            Product(plan, marginals, f + 1, f == 0 ? p : q * p, values, mean, ref visitor);
        }
    }

    private delegate bool OutcomeBody<TVisitor>(double weight, ref TVisitor visitor) where TVisitor : struct, ITransitionVisitor, allows ref struct;

    /// <summary>The nested loops over <paramref name="randoms"/> (zero probabilities skipped), the weight their left-to-right product; the body's false stops them.</summary>
    private bool EachOutcome<TVisitor>(IReadOnlyList<RandomSymbol> randoms, OutcomeBody<TVisitor> body, ref TVisitor visitor, int depth = 0, double weight = 1.0)
        where TVisitor : struct, ITransitionVisitor, allows ref struct
    {
        if (depth == randoms.Count) return body(weight, ref visitor);
        var r = randoms[depth];
        var d = _randoms[r];
        for (int k = 0; k < d.Pmf.Length; k++)
        {
            double p = d.Pmf[k];
            if (p == 0) continue;
            _randomValues[r] = (long)(d.Lo + k);
            if (!EachOutcome(randoms, body, ref visitor, depth + 1, depth == 0 ? p : weight * p)) return false;
        }
        _randomValues.Remove(r);
        return true;
    }

    /// <summary>As emitted Initial: each init branch (weighted by the random variables it reads) from every variable at its lowest value.</summary>
    public void Initial<TVisitor>(ref TVisitor visitor) where TVisitor : struct, ITransitionVisitor, allows ref struct
    {
        for (int k = 0; k < _current.Length; k++)
        {
            var v = _ir.StateVariables[k];
            _current[k] = v.Kind == StateVarKind.Bool ? false : v.Kind == StateVarKind.Enum ? 0L : (object)_lo[k];
            _next[k] = null!;
        }
        var branches = _ir.Init.Count == 0 ? new List<IrBranch> { new(Array.Empty<BoundAssignment>(), null, "") } : _ir.Init;
        var randoms = BoundTree.Randoms(branches.SelectMany(b => b.Assignments.Select(x => x.Value).Append(b.Probability)));
        EachOutcome(randoms, (double weight, ref TVisitor vis) =>
        {
            foreach (var b in branches)
            {
                double probability;
                if (b.Probability is null) probability = randoms.Count == 0 ? 1.0 : weight;
                else
                {
                    double p = ConstantEvaluator.ToReal(Run(b.Probability));
                    probability = randoms.Count == 0 ? p : weight * p;
                }
                var values = new object[_current.Length];
                bool outside = false;
                for (int k = 0; k < _current.Length; k++)
                {
                    var v = _ir.StateVariables[k];
                    var a = Assignment(b, v.Symbol);
                    if (a is null) { values[k] = _current[k]; continue; }
                    values[k] = Run(a.Value);
                    if (v.Kind != StateVarKind.Bool && Outside(k, (long)values[k])) outside = true;
                }
                if (TVisitor.Validating && outside) vis.OutOfRange(-1, 0, probability);
                else vis.Outcome(Index(Encode(values)), probability, 0);
            }
            return true;
        }, ref visitor);
    }

    /// <summary>A state as the emitted model labels it, e.g. <c>(x=2, y=1)</c>.</summary>
    public string StateLabel(int state)
    {
        Decode(state);
        var parts = new List<string>();
        for (int k = 0; k < _current.Length; k++)
        {
            var v = _ir.StateVariables[k];
            string value = _current[k] switch
            {
                bool b => b ? "true" : "false",
                long l when v.Kind == StateVarKind.Enum && v.EnumValues != null => v.EnumValues[(int)l],
                long l => l.ToString(CultureInfo.InvariantCulture),
                _ => "?",
            };
            parts.Add(v.Name + "=" + value);
        }
        return "(" + string.Join(", ", parts) + ")";
    }

    /// <summary>An action as the emitted model names it: <c>right</c>, or <c>order(3)</c> for a family member.</summary>
    public string ActionName(int action)
    {
        var a = _actionOf[action];
        return a.IsFamily ? string.Create(CultureInfo.InvariantCulture, $"{a.Name}({a.LoValue + (action - _actionFirst[a.Ordinal])})") : a.Name;
    }

    /// <summary>Where action <paramref name="action"/> is declared (at its <c>when</c> guard if it has one), as emitted ActionLocation.</summary>
    public SourceLocation ActionLocation(int action)
    {
        var path = Compiler.Emit.CSharpNames.PortablePath(_ir.SourcePath);
        if ((uint)action >= (uint)_actionOf.Length) return new SourceLocation(path, 1, 1);
        var a = _actionOf[action];
        var span = a.Symbol.Guard?.Span ?? a.Symbol.Span;
        return new SourceLocation(path, span.Line, span.Column);
    }
}
