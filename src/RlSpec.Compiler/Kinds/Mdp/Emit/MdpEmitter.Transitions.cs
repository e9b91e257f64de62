using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Kinds.Mdp.Binding;
using RlSpec.Compiler.Kinds.Mdp.Ir;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Kinds.Mdp.Emit
{
    /// <summary>Transitions: the dispatch on the action index, and one method per action with its rewards and rules.</summary>
    internal sealed partial class MdpEmitter
    {
        /// <summary>Transitions: dispatches the action index to the action's method.</summary>
        private void WriteTransitions()
        {
            _w.Line("/// <summary>Reports the outcomes of <paramref name=\"action\"/> in <paramref name=\"state\"/>; false when the action is not available.</summary>");
            _w.Open($"public bool Transitions<TVisitor>(int state, int action, int step, ref TVisitor visitor) {VisitorConstraint}");
            if (_ir.AllActionsFixed)
            {
                _w.Open("switch (action)");
                foreach (var a in _ir.Actions)
                    _w.Line($"case {a.Ordinal}: return {_actionMethods[a]}(state, action, step, ref visitor);");
                _w.Line("default: return false;");
                _w.Close();
            }
            else
            {
                foreach (var a in _ir.Actions)
                {
                    var (first, lo) = _actionFields[a];
                    if (a.IsFamily)
                    {
                        _w.Line($"if (action >= {first} && action < {NextFirst(a)}) return {_actionMethods[a]}(state, action, {lo} + (action - {first}), step, ref visitor);");
                    }
                    else
                    {
                        _w.Line($"if (action == {first}) return {_actionMethods[a]}(state, action, step, ref visitor);");
                    }
                }
                _w.Line("return false;");
            }
            _w.Close();
            _w.Line();
        }

        /// <summary>The first index after action <paramref name="a"/>'s members.</summary>
        private string NextFirst(IrAction a)
        {
            var next = _ir.Actions.FirstOrDefault(x => x.Ordinal == a.Ordinal + 1);
            return next is null ? _actionCount : _actionFields[next].First;
        }

        /// <summary>One action's method: guard, fixed rewards, then its table or its rules in order and the default.</summary>
        private void WriteAction(IrAction a)
        {
            var chunks = HasRewardChunks(a) ? WriteRewardChunks(a, sampling: false) : null;
            var scope = NewScope("state", "action", "step", "visitor");
            scope.Step = "step";
            string? indexName = null;
            if (a.IsFamily)
            {
                indexName = scope.Names.Fresh(a.Index!.Name);
                scope.Locals[a.Index] = indexName;
            }
            _w.Line($"/// <summary>Action <c>{a.Name}{(a.IsFamily ? $"({a.Index!.Name})" : "")}</c>: {(a.Table != null ? "its transition table" : "its rules in order, the first that matches applies")}, and its rewards.</summary>");
            _w.Line($"[{GlobalNames.AggressiveInlining}]");
            _w.Open($"private bool {_actionMethods[a]}<TVisitor>(int state, int action, {(a.IsFamily ? $"int {indexName}, " : "")}int step, ref TVisitor visitor) {VisitorConstraint}");
            var ex = new ExpressionEmitter(_fields, scope, _w, _ir.Overflow);
            if (a.Table is null || a.Guard != null || a.FixedRewards.Count + a.OutcomeRewards.Count > 0) DecodeState("state", scope);

            if (a.Guard != null)
            {
                _w.Line("// Available only when its guard holds.");
                _w.Line($"if (!({ex.Emit(a.Guard)})) return false;");
            }

            // Rewards that depend on neither the outcome nor a random variable are computed once.
            var outcomeRewards = a.OutcomeRewards;
            var reward = scope.Names.Fresh("reward");
            _w.Line();
            _w.Line("// Rewards for taking this action here.");
            _w.Line($"double {reward} = 0;");
            if (_ir.RewardTable is { } rewardTable)
            {
                _w.Line($"if (TVisitor.Validating) visitor.BeginReward({rewardTable.Id});");
                _w.Line($"{reward} += {_rewardTable}[state * {_actionCount} + action];");
                _w.Line($"if (TVisitor.Validating) visitor.RewardTotal({rewardTable.Id}, {reward});");
            }
            if (chunks != null) WriteRewardChunkCalls(a, chunks, reward, indexName, sampling: false);
            else foreach (var r in a.FixedRewards) WriteRewardTerm(r, reward, ex, a, scope, report: true);

            if (a.Table != null)
            {
                var id = a.Table.RuleId;
                _w.Line();
                _w.Line($"// Transition table of {a.Name} (line {a.Table.Line}).");
                _w.Line($"if (TVisitor.Validating) visitor.BeginRule({id});");
                var row = scope.Names.Fresh("row");
                var next = scope.Names.Fresh("next");
                var probability = scope.Names.Fresh("probability");
                _w.Line($"int {row} = state * {_stateCount};");
                _w.Open($"for (int {next} = 0; {next} < {_stateCount}; {next}++)");
                _w.Line($"double {probability} = {_tableFields[a.Symbol]}[{row} + {next}];");
                _w.Line($"if ({probability} != 0) visitor.Outcome({next}, {probability}, {reward});");
                _w.Close();
                _w.Line("return true;");
                _w.Close();
                _w.Line();
                return;
            }

            foreach (var rule in a.Rules)
            {
                _w.Line();
                _w.Line($"// Rule: {CSharpNames.Comment(rule.HeadText)} (line {rule.Line}).");
                if (rule.Index != null) scope.Locals[rule.Index] = indexName!;
                if (rule.Guard != null) _w.Open($"if ({ex.Emit(rule.Guard)})");
                else _w.Open();
                WriteRuleBody(rule, rule.Id, reward, outcomeRewards, ex, scope, a);
                _w.Close();
            }
            if (a.FallsThrough)
            {
                _w.Line();
                if (_ir.Default != null)
                {
                    _w.Line($"// No rule matched: the default rule (line {_ir.Default.Line}).");
                    _w.Open();
                    WriteRuleBody(_ir.Default, _ir.Default.Id, reward, outcomeRewards, ex, scope, a);
                    _w.Close();
                }
                else
                {
                    // Reported at the action's first rule: its guards are what leave this state uncovered.
                    _w.Line("// No rule matched (the validator reports this, at the action's first rule).");
                    _w.Line(a.Rules.Count > 0
                        ? $"if (TVisitor.Validating) {{ visitor.BeginRule({a.Rules[0].Id}); visitor.NoMatchingRule(); }}"
                        : "if (TVisitor.Validating) visitor.NoMatchingRule();");
                    _w.Line("return true;");
                }
            }
            _w.Close();
            _w.Line();
        }

        /// <summary>
        /// One reward term, added to <paramref name="target"/> when its guard holds. With <paramref name="report"/>
        /// a validating visitor hears which term is evaluated and the running total after it, so a failure or
        /// a NaN is reported at the term; the calls vanish from solvers' code (Validating is a constant).
        /// </summary>
        private void WriteRewardTerm(IrReward r, string target, ExpressionEmitter ex, IrAction action, EmitScope scope, bool report = false)
        {
            if (r.Index != null && action.Index != null) scope.Locals[r.Index] = scope.Locals[action.Index];
            _w.Line($"// {CSharpNames.Comment(r.HeadText)}: {CSharpNames.Comment(r.ValueText)} (line {r.Line})");
            if (report) _w.Line($"if (TVisitor.Validating) visitor.BeginReward({r.Id});");
            // A guarded value is computed only when its guard holds: no part of it may move before the `if`.
            if (r.Guard != null) ex.Conditional++;
            var value = ex.Emit(r.Value);
            if (r.Guard != null) ex.Conditional--;
            if (r.Guard is null) _w.Line($"{target} += {value};");
            else _w.Line($"if ({ex.Emit(r.Guard)}) {target} += {value};");
            if (report) _w.Line($"if (TVisitor.Validating) visitor.RewardTotal({r.Id}, {target});");
        }
    }
}
