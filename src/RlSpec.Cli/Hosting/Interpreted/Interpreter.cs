using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RlSpec.Compiler.Kinds.Mdp.Ir;
using RlSpec.Compiler.Semantics;
using RlSpec.Runtime.Mdp;
using IrCriterionKind = RlSpec.Compiler.Kinds.Mdp.Binding.CriterionKind;

namespace RlSpec.Cli.Hosting.Interpreted;

/// <summary>
/// Evaluates one mdp's IR in a state: the state layout (mixed radix, the last variable fastest), and the
/// transitions, rewards, terminal condition and initial distribution exactly as the emitted code orders them.
/// </summary>
internal sealed class Interpreter
{
    private readonly MdpIr _ir;
    private readonly ConstantEvaluator _eval = new();
    private readonly long[] _lo, _count, _stride;
    private readonly object[] _current, _next;
    private readonly Dictionary<StateVarSymbol, int> _index = new();

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
        Criterion = ir.Criterion.Kind switch
        {
            IrCriterionKind.Discounted => Discounted(),
            IrCriterionKind.TotalReward => Criterion.TotalReward(),
            IrCriterionKind.AverageReward => Criterion.AverageReward(),
            IrCriterionKind.FiniteHorizon => FiniteHorizon(),
            _ => throw new InterpretedDeclinedException("an unknown criterion"),
        };
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

    /// <summary>The index of the state whose values are <paramref name="values"/>; declines a value out of its range.</summary>
    private int Encode(object[] values)
    {
        long index = 0;
        for (int k = 0; k < values.Length; k++)
        {
            long v = values[k] is bool b ? (b ? 1 : 0) : (long)values[k];
            long offset = v - _lo[k];
            if (offset < 0 || offset >= _count[k])
                throw new InterpretedDeclinedException($"{_ir.StateVariables[k].Name} = {v} is outside its range");
            index += offset * _stride[k];
        }
        return (int)index;
    }

    public bool IsTerminal(int state)
    {
        if (_ir.Terminal is null) return false;
        Decode(state);
        return (bool)_eval.Evaluate(_ir.Terminal.Condition);
    }

    /// <summary>The outcomes of <paramref name="action"/> (an ordinal: no families) in <paramref name="state"/>, in the emitted order.</summary>
    public bool Transitions<TVisitor>(int state, int action, ref TVisitor visitor) where TVisitor : struct, ITransitionVisitor, allows ref struct
    {
        if ((uint)action >= (uint)_ir.Actions.Count) return false;
        var a = _ir.Actions[action];
        Decode(state);
        if (a.Guard != null && !(bool)_eval.Evaluate(a.Guard)) return false;
        double reward = 0;
        foreach (var r in a.FixedRewards) reward = AddReward(reward, r);
        foreach (var rule in a.Rules)
        {
            if (rule.Guard != null && !(bool)_eval.Evaluate(rule.Guard)) continue;
            Body(rule, reward, a, ref visitor);
            return true;
        }
        if (!a.FallsThrough) return true;
        if (_ir.Default is null) throw new InterpretedDeclinedException($"no rule of {a.Name} matches a state");
        Body(_ir.Default, reward, a, ref visitor);
        return true;
    }

    /// <summary><c>reward += value</c> when the term's guard holds, the guard first (the value is computed only then).</summary>
    private double AddReward(double reward, IrReward r)
    {
        if (r.Guard != null && !(bool)_eval.Evaluate(r.Guard)) return reward;
        return reward + ConstantEvaluator.ToReal(_eval.Evaluate(r.Value));
    }

    private void Body<TVisitor>(IrRule rule, double reward, IrAction action, ref TVisitor visitor) where TVisitor : struct, ITransitionVisitor, allows ref struct
    {
        var values = new object[_current.Length];
        foreach (var b in rule.Branches)
        {
            // Successor values in declaration order (an assignment may read an earlier successor); others stay.
            for (int k = 0; k < _next.Length; k++) _next[k] = null!;
            for (int k = 0; k < _current.Length; k++)
            {
                var v = _ir.StateVariables[k];
                var assignment = b.Assignments.FirstOrDefault(x => x.Variable == v.Symbol);
                _next[k] = assignment is null ? _current[k] : _eval.Evaluate(assignment.Value);
                values[k] = _next[k];
            }
            double probability = b.Probability is null ? 1.0 : ConstantEvaluator.ToReal(_eval.Evaluate(b.Probability));
            double here = reward;
            foreach (var r in action.OutcomeRewards) here = AddReward(here, r);
            visitor.Outcome(Encode(values), probability, here);
            for (int k = 0; k < _next.Length; k++) _next[k] = null!;
        }
    }

    /// <summary>The initial distribution: each branch's successor from every variable at its lowest value.</summary>
    public void Initial<TVisitor>(ref TVisitor visitor) where TVisitor : struct, ITransitionVisitor, allows ref struct
    {
        for (int k = 0; k < _current.Length; k++)
        {
            _current[k] = _ir.StateVariables[k].Kind == StateVarKind.Bool ? false : (object)_lo[k];
            _next[k] = null!;
        }
        if (_ir.Init.Count == 0)
        {
            visitor.Outcome(Encode(_current), 1.0, 0);
            return;
        }
        var values = new object[_current.Length];
        foreach (var b in _ir.Init)
        {
            double probability = b.Probability is null ? 1.0 : ConstantEvaluator.ToReal(_eval.Evaluate(b.Probability));
            for (int k = 0; k < _current.Length; k++)
            {
                var v = _ir.StateVariables[k];
                var assignment = b.Assignments.FirstOrDefault(x => x.Variable == v.Symbol);
                values[k] = assignment is null ? _current[k] : _eval.Evaluate(assignment.Value);
            }
            visitor.Outcome(Encode(values), probability, 0);
        }
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
}

/// <summary>The interpreter as an <see cref="IMdp"/>, so that <see cref="SparseMdp.From{TModel}"/> stores it as it stores a compiled model.</summary>
internal readonly struct InterpretedMdp(Interpreter interpreter) : IMdp
{
    public int StateCount => (int)interpreter.Ir.StateCount;
    public int ActionCount => interpreter.Ir.Actions.Count;
    public Criterion Criterion => interpreter.Criterion;
    public bool IsTimeDependent => false;
    public bool IsTerminal(int state) => interpreter.IsTerminal(state);

    public bool Transitions<TVisitor>(int state, int action, int step, ref TVisitor visitor) where TVisitor : struct, ITransitionVisitor, allows ref struct =>
        interpreter.Transitions(state, action, ref visitor);

    public void Initial<TVisitor>(ref TVisitor visitor) where TVisitor : struct, ITransitionVisitor, allows ref struct => interpreter.Initial(ref visitor);

    public string Name => interpreter.Ir.Name;
    public string StateLabel(int state) => interpreter.StateLabel(state);
    public string ActionName(int action) => interpreter.Ir.Actions[action].Name;
    public string StateVariableName(int variable) => interpreter.Ir.StateVariables[variable].Name;
    public int StateVariableCount => interpreter.Ir.StateVariables.Count;

    public SourceLocation RuleLocation(int rule)
    {
        var locations = interpreter.Ir.RuleLocations;
        return (uint)rule < (uint)locations.Count
            ? new SourceLocation(interpreter.Ir.SourcePath, locations[rule].Line, locations[rule].Column)
            : new SourceLocation(interpreter.Ir.SourcePath, 1, 1);
    }

    /// <summary>The sum of the initial probabilities, for the interpreter's own check.</summary>
    public double InitialSum()
    {
        var sum = new Sum();
        interpreter.Initial(ref sum);
        return sum.Total;
    }

    private struct Sum : ITransitionVisitor
    {
        public double Total;
        public static bool Validating => false;
        public void Outcome(int next, double probability, double reward) => Total += probability;
        public void BeginRule(int rule) { }
        public void OutOfRange(int variable, long value, double probability) { }
        public void NoMatchingRule() { }
    }
}
