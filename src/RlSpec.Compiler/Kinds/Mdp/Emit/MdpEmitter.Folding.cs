using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Kinds.Mdp.Binding;
using RlSpec.Compiler.Kinds.Mdp.Ir;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Kinds.Mdp.Emit
{
    /// <summary>
    /// Outcome folding (issue 11): when a rule's successor variables read disjoint sets of independent random
    /// variables, its successor distribution is the product of one marginal per variable. The folded body builds
    /// each marginal once per call (merging equal successor values) and reports the product, with the expected
    /// outcome reward on every successor, instead of enumerating the product of all supports: Jack's car rental
    /// reports at most 21·21 successors per state-action pair instead of 21^4 = 194,481 outcomes.
    /// Σ p·r and Σ p·V[next] are the same sums, regrouped, so only rounding differs.
    /// </summary>
    internal sealed partial class MdpEmitter
    {
        /// <summary>
        /// The folded body, guarded by the marginals fitting on the stack: each marginal by a loop over its own random
        /// variables, the expected outcome reward term by term, then the product of the marginals, reported in state order.
        /// Validating visitors see the same range checks, reward terms and failures as in the unfolded loops.
        /// </summary>
        private void WriteFoldedBody(IReadOnlyList<FoldedVariable> plan, IrRule rule, string reward, IReadOnlyList<IrReward> outcomeRewards, ExpressionEmitter ex, EmitScope scope, IrAction action)
        {
            var b = rule.Branches[0];
            var names = plan.Select(f => f.Variable.Name + "'").ToList();
            _w.Line($"// Folded: {string.Join("; ", plan.Select(f => $"{f.Variable.Name}' reads only {string.Join(", ", f.Randoms.Select(r => r.Name))}"))}.");
            _w.Line("// The successors are the product of one marginal per variable, built once here, not the product of every support.");
            var sizes = string.Join(" + ", plan.Select(f => _layout[f.Variable.Symbol].Count));
            _w.Open($"if ({sizes} <= {OutcomeFolding.StackLimit})");
            var marginals = new List<string>();
            foreach (var (v, a, randoms) in plan.Select(f => (f.Variable, f.Assignment, f.Randoms)))
            {
                var (lo, count, _) = _layout[v.Symbol];
                var marginal = scope.Names.Fresh(v.Name + "Marginal");
                marginals.Add(marginal);
                _w.Line($"global::System.Span<double> {marginal} = stackalloc double[{count}];");
            }
            for (int k = 0; k < plan.Count; k++)
            {
                var (v, a, randoms) = (plan[k].Variable, plan[k].Assignment, plan[k].Randoms);
                var (lo, count, _) = _layout[v.Symbol];
                _w.Line($"// Marginal of {v.Name}'.");
                var weight = OpenRandomLoops(randoms, scope);
                var local = scope.Names.Fresh(v.Name + "Next");
                var p = scope.Names.Fresh("p" + CSharpNames.Pascal(v.Name));
                _w.Line($"int {local} = {ex.Emit(a.Value)};");
                _w.Line($"double {p} = {string.Join(" * ", weight)};");
                _w.Open($"if ({OutsideCode(v.Kind, local, lo, count)})");
                _w.Line($"if (TVisitor.Validating) {{ visitor.OutOfRange({v.Index}, {local}, {p}); return true; }}");
                _w.Line("continue;");
                _w.Close();
                _w.Line($"{marginals[k]}[{(v.Kind == StateVarKind.Range ? $"{local} - {lo}" : local)}] += {p};");
                for (int i = 0; i < randoms.Count; i++) _w.Close();
                foreach (var r in randoms) scope.Random.Remove(r);
            }

            // Successor variables assigned without randomness, computed once; the others keep their value.
            var values = new List<string>();
            var indices = new Dictionary<StateVarSymbol, string>();
            foreach (var f in plan) indices[f.Variable.Symbol] = scope.Names.Fresh("i" + CSharpNames.Pascal(f.Variable.Name));
            foreach (var v in _ir.StateVariables)
            {
                if (indices.TryGetValue(v.Symbol, out var index))
                {
                    values.Add(v.Kind == StateVarKind.Range ? $"({_layout[v.Symbol].Lo} + {index})" : index);
                    continue;
                }
                var assignment = b.Assignments.FirstOrDefault(x => x.Variable == v.Symbol);
                if (assignment is null)
                {
                    values.Add(scope.State[v.Symbol]);
                    continue;
                }
                var local = scope.Names.Fresh(v.Name + "Next");
                _w.Line($"{(v.Kind == StateVarKind.Bool ? "bool" : "int")} {local} = {ex.Emit(assignment.Value)};");
                if (v.Kind != StateVarKind.Bool)
                {
                    var (lo, count, _) = _layout[v.Symbol];
                    _w.Line($"if (TVisitor.Validating && {OutsideCode(v.Kind, local, lo, count)}) {{ visitor.OutOfRange({v.Index}, {local}, 1.0); return true; }}");
                }
                values.Add(local);
            }

            // The expected outcome reward: each term averaged over the random variables it reads.
            var mean = reward;
            if (outcomeRewards.Count > 0)
            {
                mean = scope.Names.Fresh("rewardMean");
                _w.Line($"double {mean} = {reward};");
                foreach (var r in outcomeRewards)
                {
                    var randoms = BoundTree.Randoms(new[] { r.Guard, r.Value });
                    if (randoms.Count == 0)
                    {
                        WriteRewardTerm(r, mean, ex, action, scope, report: true);
                        continue;
                    }
                    var sum = scope.Names.Fresh("termMean");
                    _w.Line($"double {sum} = 0;");
                    var weight = OpenRandomLoops(randoms, scope);
                    var term = scope.Names.Fresh("term");
                    _w.Line($"double {term} = 0;");
                    WriteRewardTerm(r, term, ex, action, scope, report: true);
                    _w.Line($"{sum} += {string.Join(" * ", weight)} * {term};");
                    for (int i = 0; i < randoms.Count; i++) _w.Close();
                    foreach (var x in randoms) scope.Random.Remove(x);
                    _w.Line($"{mean} += {sum};");
                }
            }

            // The product of the marginals.
            var factors = new List<string>();
            for (int k = 0; k < plan.Count; k++)
            {
                var v = plan[k].Variable;
                var index = indices[v.Symbol];
                var q = scope.Names.Fresh("q" + CSharpNames.Pascal(v.Name));
                _w.Open($"for (int {index} = 0; {index} < {marginals[k]}.Length; {index}++)");
                _w.Line($"double {q} = {marginals[k]}[{index}];");
                _w.Line($"if ({q} == 0) continue;");
                factors.Add(q);
            }
            _w.Line($"visitor.Outcome({IndexCode(values)}, {string.Join(" * ", factors)}, {mean});");
            for (int k = 0; k < plan.Count; k++) _w.Close();
            _w.Line("return true;");
            _w.Close();

        }
    }
}
