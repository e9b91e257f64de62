using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Kinds.Mdp.Binding;
using RlSpec.Compiler.Kinds.Mdp.Ir;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Kinds.Mdp.Emit
{
    /// <summary>A rule's body: loops over the random variables it reads, and one block per outcome with its probability, successor and reward.</summary>
    internal sealed partial class MdpEmitter
    {
        /// <summary>A rule's outcomes: loops over the random variables it reads, then one block per branch.</summary>
        private void WriteRuleBody(IrRule rule, int id, string reward, IReadOnlyList<IrReward> outcomeRewards, ExpressionEmitter ex, EmitScope scope, IrAction action)
        {
            _w.Line($"if (TVisitor.Validating) visitor.BeginRule({id});");
            if (OutcomeFolding.Plan(_ir, rule, outcomeRewards) is { } plan)
            {
                WriteFoldedBody(plan, rule, reward, outcomeRewards, ex, scope, action);
                _w.Line("// The marginals do not fit on the stack: every outcome of the product.");
            }
            var exprs = rule.Branches.SelectMany(b => b.Assignments.Select(x => x.Value).Append(b.Probability))
                .Concat(outcomeRewards.SelectMany(r => new[] { r.Guard, r.Value }));
            var randoms = BoundTree.Randoms(exprs);
            var weight = OpenRandomLoops(randoms, scope);
            foreach (var b in rule.Branches) WriteBranch(b, weight, reward, outcomeRewards, ex, scope, action);
            for (int k = 0; k < randoms.Count; k++) _w.Close();
            foreach (var r in randoms) scope.Random.Remove(r);
            _w.Line("return true;");
        }

        /// <summary>
        /// Opens one loop per random variable over its support (skipping zero-probability values) and
        /// returns the names of the probability locals whose product weighs each outcome; the caller closes the loops.
        /// </summary>
        private List<string> OpenRandomLoops(IReadOnlyList<RandomSymbol> randoms, EmitScope scope)
        {
            var weight = new List<string>();
            foreach (var r in randoms)
            {
                var name = scope.Names.Fresh(r.Name);
                var p = scope.Names.Fresh("p" + CSharpNames.Pascal(r.Name));
                var field = _fields.Random(r);
                scope.Random[r] = name;
                _w.Line($"// Enumerate {r.Name} ~ {CSharpNames.Comment(_randoms[r].DistributionText)}.");
                // Over the pmf's indices: a loop to Hi inclusive never ends when Hi is int.MaxValue.
                var k = scope.Names.Fresh("k" + CSharpNames.Pascal(r.Name));
                _w.Open($"for (int {k} = 0; {k} < {field}.Pmf.Length; {k}++)");
                _w.Line($"double {p} = {field}.Pmf[{k}];");
                _w.Line($"if ({p} == 0) continue;");
                _w.Line($"int {name} = {field}.Lo + {k};");
                weight.Add(p);
            }
            return weight;
        }

        /// <summary>One outcome: its probability, successor values, outcome-dependent rewards, range checks, and the report.</summary>
        private void WriteBranch(IrBranch b, List<string> weight, string reward, IReadOnlyList<IrReward> outcomeRewards, ExpressionEmitter ex, EmitScope scope, IrAction action)
        {
            _w.Line($"// Outcome: {CSharpNames.Comment(b.Text)}.");
            _w.Open();
            var probability = scope.Names.Clone().Fresh("probability");
            var pTerms = new List<string>(weight);
            if (b.Probability != null) pTerms.Add(WrapForProduct(ex.Emit(b.Probability)));
            var pCode = pTerms.Count == 0 ? "1.0" : string.Join(" * ", pTerms);
            // Successor values; unassigned variables keep theirs.
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
            _w.Line($"double {probability} = {pCode};");
            var rewardHere = reward;
            if (outcomeRewards.Count > 0)
            {
                rewardHere = inner.Fresh("rewardHere");
                _w.Line($"double {rewardHere} = {reward};");
                foreach (var r in outcomeRewards) WriteRewardTerm(r, rewardHere, ex, action, scope, report: true);
            }
            var checks = new List<string>();
            foreach (var a in b.Assignments)
            {
                var v = a.Variable;
                if (v.Kind == StateVarKind.Bool) continue;
                var (lo, count, _) = _layout[v];
                var local = scope.Next[v];
                checks.Add($"if ({OutsideCode(v.Kind, local, lo, count)}) {{ visitor.OutOfRange({v.Index}, {local}, {probability}); return true; }}");
            }
            if (checks.Count > 0)
            {
                _w.Open("if (TVisitor.Validating)");
                foreach (var c in checks) _w.Line(c);
                _w.Close();
            }
            _w.Line($"visitor.Outcome({IndexCode(values)}, {probability}, {rewardHere});");
            _w.Close();
            scope.Next.Clear();
        }

        /// <summary>A factor of a product of probabilities, parenthesized when it is not one term.</summary>
        private static string WrapForProduct(string code)
        {
            // Sums and conditionals bind looser than '*'.
            int depth = 0;
            foreach (var c in code)
            {
                if (c == '(' || c == '[') depth++;
                else if (c == ')' || c == ']') depth--;
                else if (depth == 0 && (c == '+' || c == '-' || c == '?' || c == '<' || c == '>' || c == '=' || c == '&' || c == '|') ) return "(" + code + ")";
            }
            return code;
        }
    }
}
