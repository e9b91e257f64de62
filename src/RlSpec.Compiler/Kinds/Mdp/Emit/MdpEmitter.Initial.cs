using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Kinds.Mdp.Binding;
using RlSpec.Compiler.Kinds.Mdp.Ir;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Kinds.Mdp.Emit
{
    /// <summary>The initial distribution.</summary>
    internal sealed partial class MdpEmitter
    {
        /// <summary>Initial: each init branch (weighted by the random variables it reads) reported as an outcome.</summary>
        private void WriteInitial()
        {
            _w.Line(_ir.Init.Count == 0
                ? "/// <summary>The initial state: no `init` is declared, so every variable starts at its lowest value.</summary>"
                : $"/// <summary>The initial distribution (line {_ir.InitLine}).</summary>");
            _w.Open($"public void Initial<TVisitor>(ref TVisitor visitor) {VisitorConstraint}");
            var scope = NewScope("visitor");
            var ex = new ExpressionEmitter(_fields, scope, _w, _ir.Overflow);
            // The "current" values of unassigned variables are their lowest values.
            foreach (var v in _ir.StateVariables)
            {
                var (lo, _, _) = _layout[v.Symbol];
                _w.Line(v.Kind == StateVarKind.Bool ? $"bool {scope.State[v.Symbol]} = false;" : v.Kind == StateVarKind.Enum ? $"int {scope.State[v.Symbol]} = 0;" : $"int {scope.State[v.Symbol]} = {lo};");
            }
            var branches = _ir.Init.Count == 0 ? new List<IrBranch> { new IrBranch(new BoundAssignment[0], null, "") } : _ir.Init;
            var randoms = BoundTree.Randoms(branches.SelectMany(b => b.Assignments.Select(x => x.Value).Append(b.Probability)));
            var weight = OpenRandomLoops(randoms, scope);
            foreach (var b in branches)
            {
                _w.Open();
                var inner = scope.Names.Clone();
                var values = new List<string>();
                var checks = new List<string>();
                var pTerms = new List<string>(weight);
                if (b.Probability != null) pTerms.Add(WrapForProduct(ex.Emit(b.Probability)));
                var probability = inner.Fresh("probability");
                _w.Line($"double {probability} = {(pTerms.Count == 0 ? "1.0" : string.Join(" * ", pTerms))};");
                foreach (var v in _ir.StateVariables)
                {
                    var a = b.Assignments.FirstOrDefault(x => x.Variable == v.Symbol);
                    if (a is null) { values.Add(scope.State[v.Symbol]); continue; }
                    var local = inner.Fresh(v.Name + "Initial");
                    _w.Line($"{(v.Kind == StateVarKind.Bool ? "bool" : "int")} {local} = {ex.Emit(a.Value)};");
                    values.Add(local);
                    if (v.Kind != StateVarKind.Bool)
                    {
                        var (lo, count, _) = _layout[v.Symbol];
                        checks.Add(OutsideCode(v.Kind, local, lo, count));
                    }
                }
                if (checks.Count > 0)
                {
                    _w.Line($"if (TVisitor.Validating && ({string.Join(" || ", checks)})) visitor.OutOfRange(-1, 0, {probability});");
                    _w.Line($"else visitor.Outcome({IndexCode(values)}, {probability}, 0);");
                }
                else _w.Line($"visitor.Outcome({IndexCode(values)}, {probability}, 0);");
                _w.Close();
            }
            for (int k = 0; k < randoms.Count; k++) _w.Close();
            _w.Close();
            _w.Line();
        }
    }
}
