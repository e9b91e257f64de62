using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Kinds.Mdp.Binding;
using RlSpec.Compiler.Kinds.Mdp.Ir;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Kinds.Mdp.Emit
{
    /// <summary>
    /// The generative step: <c>Sample</c> dispatches the action index like Transitions, and one method per
    /// action runs the same rules in the same order (first match wins), but draws instead of enumerating:
    /// each random variable the matching rule reads is drawn once from its finite distribution, the
    /// outcome is picked with one uniform draw against the cumulative branch probabilities, and reward
    /// distributions are drawn rather than replaced by their means. Nothing allocates.
    /// </summary>
    internal sealed partial class MdpEmitter
    {
        private const string RandomName = "random";
        private readonly Dictionary<IrAction, string> _sampleMethods = new Dictionary<IrAction, string>();

        /// <summary>Sample: dispatches the action index to the action's sampling method.</summary>
        private void WriteSample()
        {
            foreach (var a in _ir.Actions) _sampleMethods[a] = _members.Fresh("Sample" + CSharpNames.Pascal(a.Name));
            _w.Line("/// <summary>");
            _w.Line("/// Draws one step: the successor of <paramref name=\"action\"/> in <paramref name=\"state\"/> and its reward (reward");
            _w.Line("/// distributions drawn, not averaged), with the caller's random stream; −1 when the action is not available.");
            _w.Line("/// </summary>");
            _w.Open($"public int Sample(int state, int action, int step, ref {GlobalNames.RandomStream} {RandomName}, out double reward)");
            if (_ir.AllActionsFixed)
            {
                _w.Open("switch (action)");
                foreach (var a in _ir.Actions)
                    _w.Line($"case {a.Ordinal}: return {_sampleMethods[a]}(state, action, step, ref {RandomName}, out reward);");
                _w.Line("default: reward = 0; return -1;");
                _w.Close();
            }
            else
            {
                foreach (var a in _ir.Actions)
                {
                    var (first, lo) = _actionFields[a];
                    if (a.IsFamily)
                        _w.Line($"if (action >= {first} && action < {NextFirst(a)}) return {_sampleMethods[a]}(state, action, {lo} + (action - {first}), step, ref {RandomName}, out reward);");
                    else
                        _w.Line($"if (action == {first}) return {_sampleMethods[a]}(state, action, step, ref {RandomName}, out reward);");
                }
                _w.Line("reward = 0;");
                _w.Line("return -1;");
            }
            _w.Close();
            _w.Line();
        }

        /// <summary>One action's sampling method: guard, fixed rewards, then its table or the first matching rule's draw.</summary>
        private void WriteSampleAction(IrAction a)
        {
            var chunks = HasRewardChunks(a) ? WriteRewardChunks(a, sampling: true) : null;
            var scope = NewScope("state", "action", "step", RandomName, "reward");
            scope.Step = "step";
            string? indexName = null;
            if (a.IsFamily)
            {
                indexName = scope.Names.Fresh(a.Index!.Name);
                scope.Locals[a.Index] = indexName;
            }
            _w.Line($"/// <summary>Draws one step of <c>{a.Name}{(a.IsFamily ? $"({a.Index!.Name})" : "")}</c>: {(a.Table != null ? "a successor from its transition table" : "the first rule that matches, one outcome of it")}, and its rewards.</summary>");
            _w.Line($"[{GlobalNames.AggressiveInlining}]");
            _w.Open($"private int {_sampleMethods[a]}(int state, int action, {(a.IsFamily ? $"int {indexName}, " : "")}int step, ref {GlobalNames.RandomStream} {RandomName}, out double reward)");
            var ex = new ExpressionEmitter(_fields, scope, _w) { RandomStream = RandomName };
            if (a.Table is null || a.Guard != null || a.FixedRewards.Count + a.OutcomeRewards.Count > 0) DecodeState("state", scope);
            _w.Line("reward = 0;");

            if (a.Guard != null)
            {
                _w.Line("// Available only when its guard holds.");
                _w.Line($"if (!({ex.Emit(a.Guard)})) return -1;");
            }

            if (_rewardTable.Length > 0 || a.FixedRewards.Count > 0)
            {
                _w.Line();
                bool drawn = a.FixedRewards.Any(r => BoundTree.Descendants(r.Value).OfType<BoundDistribution>().Any());
                _w.Line(drawn ? "// Rewards for taking this action here (reward distributions drawn)." : "// Rewards for taking this action here.");
                if (_rewardTable.Length > 0) _w.Line($"reward += {_rewardTable}[state * {_actionCount} + action];");
                if (chunks != null) WriteRewardChunkCalls(a, chunks, "reward", indexName, sampling: true);
                else foreach (var r in a.FixedRewards) WriteRewardTerm(r, "reward", ex, a, scope);
            }

            if (a.Table != null)
            {
                WriteSampleFromTable(a, scope);
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
                WriteSampleRuleBody(rule, a.OutcomeRewards, ex, scope, a);
                _w.Close();
            }
            if (a.FallsThrough)
            {
                _w.Line();
                if (_ir.Default != null)
                {
                    _w.Line($"// No rule matched: the default rule (line {_ir.Default.Line}).");
                    _w.Open();
                    WriteSampleRuleBody(_ir.Default, a.OutcomeRewards, ex, scope, a);
                    _w.Close();
                }
                else
                {
                    _w.Line("// No rule matched: the model has no outcome here (the validator reports this).");
                    _w.Line($"throw new {GlobalNames.InvalidOperationException}(\"no rule of {CSharpNames.Comment(a.Name)} matches \" + StateLabel(state) + \"; run Validate() to see all such states\");");
                }
            }
            _w.Close();
            _w.Line();
        }

        /// <summary>A transition table row: one uniform draw against its cumulative probabilities.</summary>
        private void WriteSampleFromTable(IrAction a, EmitScope scope)
        {
            var row = scope.Names.Fresh("row");
            var u = scope.Names.Fresh("u");
            var cumulative = scope.Names.Fresh("cumulative");
            var last = scope.Names.Fresh("last");
            var next = scope.Names.Fresh("next");
            var p = scope.Names.Fresh("probability");
            _w.Line();
            _w.Line($"// Transition table of {a.Name} (line {a.Table!.Line}): one uniform draw against the row's cumulative probabilities;");
            _w.Line("// rounding that leaves the draw above the row's total picks the last successor with mass.");
            _w.Line($"int {row} = state * {_stateCount};");
            _w.Line($"double {u} = {RandomName}.NextDouble(), {cumulative} = 0;");
            _w.Line($"int {last} = -1;");
            _w.Open($"for (int {next} = 0; {next} < {_stateCount}; {next}++)");
            _w.Line($"double {p} = {_tableFields[a.Symbol]}[{row} + {next}];");
            _w.Line($"if ({p} == 0) continue;");
            _w.Line($"{cumulative} += {p};");
            _w.Line($"{last} = {next};");
            _w.Line($"if ({u} < {cumulative}) return {next};");
            _w.Close();
            _w.Line($"return {last};");
        }

        /// <summary>A matching rule: draw the random variables it reads, pick one branch, then the branch's successor and rewards.</summary>
        private void WriteSampleRuleBody(IrRule rule, IReadOnlyList<IrReward> outcomeRewards, ExpressionEmitter ex, EmitScope scope, IrAction action)
        {
            var exprs = rule.Branches.SelectMany(b => b.Assignments.Select(x => x.Value).Append(b.Probability))
                .Concat(outcomeRewards.SelectMany(r => new[] { r.Guard, r.Value }));
            var randoms = BoundTree.Randoms(exprs);
            foreach (var r in randoms)
            {
                var name = scope.Names.Fresh(r.Name);
                scope.Random[r] = name;
                _w.Line($"// Draw {r.Name} ~ {CSharpNames.Comment(_randoms[r].DistributionText)}.");
                _w.Line($"int {name} = {_fields.Random(r)}.Sample(ref {RandomName});");
            }
            if (rule.Branches.Count == 1)
            {
                WriteSampleBranch(rule.Branches[0], outcomeRewards, ex, scope, action);
            }
            else
            {
                var u = scope.Names.Fresh("u");
                var cumulative = scope.Names.Fresh("cumulative");
                _w.Line("// Pick one outcome: a uniform draw against the cumulative probabilities (the last takes what rounding leaves).");
                _w.Line($"double {u} = {RandomName}.NextDouble(), {cumulative} = 0;");
                for (int k = 0; k < rule.Branches.Count; k++)
                {
                    var b = rule.Branches[k];
                    if (k < rule.Branches.Count - 1)
                    {
                        _w.Line($"{cumulative} += {(b.Probability is null ? "1.0" : ex.Emit(b.Probability))};");
                        _w.Open($"if ({u} < {cumulative})");
                    }
                    else _w.Open();
                    WriteSampleBranch(b, outcomeRewards, ex, scope, action);
                    _w.Close();
                }
            }
            foreach (var r in randoms) scope.Random.Remove(r);
        }

        /// <summary>One drawn outcome: successor values, the rewards that depend on it, and the successor's index.</summary>
        private void WriteSampleBranch(IrBranch b, IReadOnlyList<IrReward> outcomeRewards, ExpressionEmitter ex, EmitScope scope, IrAction action)
        {
            _w.Line($"// Outcome: {CSharpNames.Comment(b.Text)}.");
            var values = new List<string>();
            var inner = scope.Names.Clone();
            foreach (var v in _ir.StateVariables)
            {
                var assignment = b.Assignments.FirstOrDefault(x => x.Variable == v.Symbol);
                if (assignment is null)
                {
                    scope.Next[v.Symbol] = scope.State[v.Symbol];
                    values.Add(scope.State[v.Symbol]);
                    continue;
                }
                var local = inner.Fresh(v.Name + "Next");
                _w.Line($"{(v.Kind == StateVarKind.Bool ? "bool" : "int")} {local} = {ex.Emit(assignment.Value)};");
                scope.Next[v.Symbol] = local;
                values.Add(local);
            }
            foreach (var r in outcomeRewards) WriteRewardTerm(r, "reward", ex, action, scope);
            _w.Line($"return {IndexCode(values)};");
            scope.Next.Clear();
        }
    }
}
