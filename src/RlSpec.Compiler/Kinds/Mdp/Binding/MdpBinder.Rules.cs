using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Mdp.Binding
{
    /// <summary>Init, transition rules, the default rule, and the outcomes and assignments they share.</summary>
    internal sealed partial class MdpBinder
    {
        private void BindInit(InitNode node)
        {
            if (_m.InitSpan is { } first)
            {
                _b.Error(DiagnosticIds.DuplicateCriterion, $"`init` is already declared at line {first.Line}; combine the branches with |", node.Span);
                return;
            }
            _m.InitSpan = node.Span;
            foreach (var branch in node.Branches)
            {
                var assignments = BindAssignments(branch.Assignments.Select(a => (a.Name, a.Value, a.Span, false)).ToList(),
                    Dep.Param | Dep.Random, "an initial state");
                var p = branch.Probability is null ? null : _b.Check(_b.Bind(branch.Probability), RType.Real, Dep.Param | Dep.Random, "an initial probability");
                _m.Init.Add(new BoundBranch(assignments, p, branch.Span));
            }
            CheckMissingProbabilities(node.Branches.Select(b => (b.Probability, b.Span)).ToList());
        }

        private void BindRule(RuleNode node)
        {
            var (action, index) = ResolveActionRef(node.Action);
            if (action is null) return;
            if (_m.TransitionTables.Any(t => t.Action == action))
            {
                _b.Error(DiagnosticIds.RulesAndTable, $"action '{action.Name}' already has a transition table; give it either a table or rules", node.Span);
                return;
            }
            if (index != null) _b.PushLocal(index);
            var guard = node.Guard is null ? null : _b.Check(_b.Bind(node.Guard), RType.Bool, Dep.Param | Dep.State | Dep.Step | Dep.Local, "a rule's guard");
            var branches = BindBranches(node.Branches);
            if (index != null) _b.PopLocal();
            var earlier = _m.Rules.FirstOrDefault(r => r.Action == action && r.Guard is null);
            if (earlier != null)
                _b.Warning(DiagnosticIds.UnreachableRule,
                    $"this rule never applies: the rule for '{action.Name}' at line {earlier.Span.Line} has no guard and matches first", node.Span);
            _m.Rules.Add(new BoundRule(_m.Rules.Count, action, index, guard, branches, SourceSpan.Covering(node.Action.Span, node.Guard?.Span ?? node.Action.Span), node.Span));
        }

        private void BindDefault(DefaultNode node)
        {
            if (_m.Default != null)
            {
                _b.Error(DiagnosticIds.MultipleDefaults, $"`default` is already declared at line {_m.Default.Span.Line}; keep one", node.Span);
                return;
            }
            var branches = BindBranches(node.Branches);
            _m.Default = new BoundRule(-1, null, null, null, branches, null, node.Span);
        }

        private List<BoundBranch> BindBranches(IReadOnlyList<BranchNode> nodes)
        {
            var result = new List<BoundBranch>();
            var allowed = Dep.Param | Dep.State | Dep.Step | Dep.Local | Dep.Random;
            foreach (var b in nodes)
            {
                var assignments = BindAssignments(b.Assignments.Select(a => (a.Name, a.Value, a.Span, true)).ToList(), allowed, "a successor");
                var p = b.Probability is null ? null : _b.Check(_b.Bind(b.Probability), RType.Real, allowed, "a probability");
                result.Add(new BoundBranch(assignments, p, b.Span));
            }
            CheckMissingProbabilities(nodes.Select(n => (n.Probability, n.Span)).ToList());
            return result;
        }

        private void CheckMissingProbabilities(List<(ExprNode? Probability, SourceSpan Span)> branches)
        {
            if (branches.Count < 2) return;
            foreach (var b in branches)
            {
                if (b.Probability is null)
                {
                    _b.Error(DiagnosticIds.MissingProbability, "with several outcomes, each needs a probability: write `... @ 0.3`", b.Span);
                    return;
                }
            }
        }

        private List<BoundAssignment> BindAssignments(List<(Identifier Name, ExprNode Value, SourceSpan Span, bool Primed)> nodes, Dep allowed, string where)
        {
            var result = new List<BoundAssignment>();
            var seen = new HashSet<StateVarSymbol>();
            foreach (var (name, valueNode, span, primed) in nodes)
            {
                var value = _b.Bind(valueNode);
                if (!_b.TryGetSymbol(name.Text, out var symbol))
                {
                    _b.Error(DiagnosticIds.UnknownName, $"unknown state variable '{name.Text}'{Binder.Suggest(name.Text, _b.Symbols.OfType<StateVarSymbol>())}", name.Span);
                    continue;
                }
                if (symbol is not StateVarSymbol variable)
                {
                    _b.Error(DiagnosticIds.NotAStateVariable, $"only state variables can be assigned, and '{name.Text}' is a {symbol.What}", name.Span);
                    continue;
                }
                if (!seen.Add(variable))
                {
                    _b.Error(DiagnosticIds.AssignedTwice, $"'{name.Text}{(primed ? "'" : "")}' is assigned twice in this outcome; keep one assignment", span);
                    continue;
                }
                value = _b.Check(value, variable.Type, allowed, $"the value of {variable.Name}{(primed ? "'" : "")}");
                result.Add(new BoundAssignment(variable, value, span));
            }
            return result;
        }
    }
}
