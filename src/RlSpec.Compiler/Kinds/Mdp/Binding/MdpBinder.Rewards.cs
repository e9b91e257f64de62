using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Mdp.Binding
{
    /// <summary>Reward terms, explicit transition and reward tables, and the action a rule or reward names.</summary>
    internal sealed partial class MdpBinder
    {
        private void BindReward(RewardNode node)
        {
            ActionSymbol? action = null;
            LocalSymbol? index = null;
            if (node.Action != null)
            {
                (action, index) = ResolveActionRef(node.Action);
                if (action is null) return;
            }
            if (index != null) _b.PushLocal(index);
            var allowed = Dep.Param | Dep.State | Dep.Step | Dep.Local | Dep.Random | Dep.Next;
            var guard = node.Guard is null ? null : _b.Check(_b.Bind(node.Guard), RType.Bool, allowed, "a reward's guard");
            var value = _b.Bind(node.Value);
            if (!value.HasError && value.Type.Kind == TypeKind.Distribution)
            {
                // A reward drawn from a distribution: planning uses its mean, experiments sample it.
                value = _b.Check(value, value.Type, allowed & ~Dep.Random, "a reward distribution");
            }
            else
            {
                value = _b.Check(value, RType.Real, allowed, "a reward");
            }
            if (index != null) _b.PopLocal();
            // The head is `reward action when guard` as written; a bare `reward:` has none worth quoting.
            var end = (SourceSpan?)node.Guard?.Span ?? node.Action?.Span;
            var head = end is { } last ? SourceSpan.Covering(node.Span, last) : (SourceSpan?)null;
            _m.Rewards.Add(new BoundReward(action, index, guard, value, head, node.Span));
        }

        private void BindTransitionTable(TransitionTableNode node)
        {
            if (!_b.TryGetSymbol(node.Action.Text, out var s) || s is not ActionSymbol action)
            {
                _b.Error(DiagnosticIds.UnknownAction, $"unknown action '{node.Action.Text}'{Binder.Suggest(node.Action.Text, _m.Actions)}", node.Action.Span);
                return;
            }
            if (action.IsFamily)
            {
                _b.Error(DiagnosticIds.ActionIndexMismatch, $"'{action.Name}' is an action family; tables are for single actions, families take rules", node.Action.Span);
                return;
            }
            if (_m.Rules.Any(r => r.Action == action) || _m.TransitionTables.Any(t => t.Action == action))
            {
                _b.Error(DiagnosticIds.RulesAndTable, $"action '{action.Name}' already has rules or a table; give it either a table or rules", node.Span);
                return;
            }
            var table = _b.Constant(node.Table, RType.ListOf(RType.ListOf(RType.Real)), $"the transition table of '{action.Name}'");
            _m.TransitionTables.Add(new BoundTransitionTable(action, table, node.Span));
        }

        private void BindRewardTable(RewardTableNode node)
        {
            if (_m.RewardTable != null)
            {
                _b.Error(DiagnosticIds.DuplicateDeclaration, $"the reward table is already declared at line {_m.RewardTableSpan.Line}; keep one", node.Span);
                return;
            }
            _m.RewardTable = _b.Constant(node.Table, RType.ListOf(RType.ListOf(RType.Real)), "the reward table");
            _m.RewardTableSpan = node.Span;
        }

        private (ActionSymbol? Action, LocalSymbol? Index) ResolveActionRef(ActionRefNode node)
        {
            if (!_b.TryGetSymbol(node.Name.Text, out var symbol))
            {
                var suggestion = Binder.Suggest(node.Name.Text, _m.Actions);
                _b.Error(DiagnosticIds.UnknownAction, $"unknown action '{node.Name.Text}'" +
                    (suggestion.Length > 0 ? suggestion : _m.Actions.Count > 0 ? $"; the actions are {string.Join(", ", _m.Actions.Select(a => a.Name))}" : "; declare it with `action " + node.Name.Text + "`"),
                    node.Name.Span);
                return (null, null);
            }
            if (symbol is not ActionSymbol action)
            {
                _b.Error(DiagnosticIds.UnknownAction,
                    $"'{node.Name.Text}' is a {symbol.What}, not an action; a rule starts with an action name, e.g. `{_m.Actions.FirstOrDefault()?.Name ?? "move"}: ...`", node.Name.Span);
                return (null, null);
            }
            if (action.IsFamily && node.Index is null)
            {
                _b.Error(DiagnosticIds.ActionIndexMismatch, $"'{action.Name}' is an action family; name its index, e.g. `{action.Name}({action.Index!.Name}): ...`", node.Name.Span);
                return (null, null);
            }
            if (!action.IsFamily && node.Index != null)
            {
                _b.Error(DiagnosticIds.ActionIndexMismatch, $"'{action.Name}' is a single action, not a family; write `{action.Name}: ...`", node.Index.Span);
                return (null, null);
            }
            if (node.Index != null && _b.IsDeclared(node.Index.Text))
            {
                _b.Error(DiagnosticIds.DuplicateDeclaration, $"the index '{node.Index.Text}' hides the {Declared(node.Index.Text).What} of that name; choose another index name", node.Index.Span);
                return (null, null);
            }
            if (node.Index != null && !_b.CheckUserName(node.Index.Text, node.Index.Span)) return (null, null);
            return (action, node.Index is null ? null : new LocalSymbol(node.Index.Text, node.Index.Span));
        }
    }
}
