using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Kinds.Mdp.Ir;

namespace RlSpec.Compiler.Kinds.Mdp.Lowering
{
    /// <summary>Layout: state variables with their ranges, and actions with family sizes, rules in order and rewards split.</summary>
    internal sealed partial class MdpLowering
    {
        private void LayOutStateVariables(MdpIr ir)
        {
            foreach (var v in _m.StateVars)
                ir.StateVariables.Add(new IrStateVariable(v, v.Name, v.Index, v.Kind, v.Enum?.Values, v.Lo!, v.Hi!,
                    _eval.EvaluateInt(v.Lo!), _eval.EvaluateInt(v.Hi!)));
        }

        /// <summary>Sizes of the action families and the total; reports an action without any rule.</summary>
        private void LayOutActions(MdpIr ir)
        {
            long total = 0;
            foreach (var a in _m.Actions)
            {
                long count = 1;
                if (a.IsFamily)
                {
                    if (!TryEval(a.Lo!, out var loValue) || !TryEval(a.Hi!, out var hiValue)) continue;
                    long lo = (long)loValue, hi = (long)hiValue;
                    if (hi < lo)
                    {
                        Error(DiagnosticIds.EmptyRange, $"the action family '{a.Name}' ranges over {lo}..{hi}, which is empty", a.Span);
                        continue;
                    }
                    count = hi - lo + 1;
                }
                if (!_m.Rules.Any(r => r.Action == a) && !_m.TransitionTables.Any(t => t.Action == a) && _m.Default is null)
                {
                    Error(DiagnosticIds.ActionWithoutRule,
                        $"action '{a.Name}' has no transition rule; add one such as `{a.Name}{(a.IsFamily ? $"({a.Index!.Name})" : "")}: {_m.StateVars.FirstOrDefault()?.Name ?? "s"}' = ...`, or declare `default: stay`",
                        a.Span);
                }
                total += count;
            }
            if (total > MdpIr.MaxActions)
                Error(DiagnosticIds.StateSpaceTooLarge, $"the model has {total.ToString("N0", CultureInfo.InvariantCulture)} actions; at most {MdpIr.MaxActions.ToString("N0", CultureInfo.InvariantCulture)} are supported", _b.Node.NameSpan);
            ir.ActionCount = total;
        }

        /// <summary>Each action with its rules in source order, its table, and its rewards split by what they read.</summary>
        private void BuildActions(MdpIr ir)
        {
            ir.AllActionsFixed = _m.Actions.All(a => !a.IsFamily);
            var rules = new Dictionary<Binding.BoundRule, IrRule>();
            foreach (var r in _m.Rules) rules[r] = Rule(r, r.Id);
            foreach (var a in _m.Actions)
            {
                long lo = a.IsFamily ? _eval.EvaluateInt(a.Lo!) : 0, hi = a.IsFamily ? _eval.EvaluateInt(a.Hi!) : 0;
                var rewards = _m.Rewards.Where(r => r.Action is null || r.Action == a).ToList();
                ir.Actions.Add(new IrAction(a, a.Name, a.Ordinal, a.Index, a.Lo, a.Hi, lo, hi, a.IsFamily ? hi - lo + 1 : 1, a.Guard is null ? null : Semantics.ConstantFolder.Fold(a.Guard),
                    _m.Rules.Where(r => r.Action == a).Select(r => rules[r]).ToList(),
                    ir.TransitionTables.FirstOrDefault(t => t.Action == a),
                    rewards.Where(r => !OutcomeDependent(r)).Select(Reward).ToList(),
                    rewards.Where(OutcomeDependent).Select(Reward).ToList()));
            }
        }
    }
}
