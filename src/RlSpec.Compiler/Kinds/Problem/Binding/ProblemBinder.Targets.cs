using System;
using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Kinds.Problem.Ir;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Problem.Binding
{
    /// <summary>
    /// What a problem declares about its solution, for the statistics <c>distance</c> and <c>duality_gap</c> of an experiment
    /// and the distance <c>rlspec solve</c> reports: <c>optimum x = EXPR, y = EXPR</c> (the minimizer or ground truth; the
    /// saddle point of a saddle problem), each value data computed with the lets and shaped like its variable (a number
    /// fills every entry), and <c>gap radius = R</c> (the ball the restricted duality gap is taken over).
    /// </summary>
    internal sealed partial class ProblemBinder
    {
        private void BindTargets(IReadOnlyList<MemberNode> members)
        {
            SettingNode? optimum = null, gap = null;
            foreach (var m in members)
            {
                if (m is SettingNode { Key.Text: "optimum" } o)
                {
                    if (optimum != null)
                        _b.Error(DiagnosticIds.ProblemOptimumDeclaration, $"the optimum is declared already at line {optimum.Span.Line}; keep one `optimum` (several variables: `optimum x = ..., y = ...`)", o.Key.Span);
                    else { optimum = o; BindOptimum(o); }
                }
                if (m is SettingNode { Key.Text: "gap" } g)
                {
                    if (gap != null)
                        _b.Error(DiagnosticIds.ProblemGapRadius, $"the gap radius is declared already at line {gap.Span.Line}; keep one", g.Key.Span);
                    else { gap = g; BindGapRadius(g); }
                }
            }
        }

        private void BindOptimum(SettingNode node)
        {
            var named = new Dictionary<string, ProblemData>(StringComparer.Ordinal);
            var values = new List<DeclaredValue>();
            foreach (var a in node.Arguments)
            {
                if (a.Name is null)
                {
                    var first = _p.Variables.Count > 0 ? _p.Variables[0].Name : "x";
                    _b.Error(DiagnosticIds.ProblemOptimumDeclaration, $"name the variable: `optimum {first} = EXPR` (several: `optimum x = ..., y = ...`)", a.Span);
                    return;
                }
                if (!_vars.TryGetValue(a.Name.Text, out var v))
                {
                    if (!_failed.Contains(a.Name.Text))
                        _b.Error(DiagnosticIds.ProblemOptimumDeclaration, $"the optimum gives a value to each variable, and '{a.Name.Text}' is not a variable of this problem{Suggest(a.Name.Text, _vars.Keys)}", a.Name.Span);
                    return;
                }
                if (named.ContainsKey(v.Name))
                {
                    _b.Error(DiagnosticIds.ProblemOptimumDeclaration, $"'{v.Name}' is given twice in the optimum; keep one value", a.Name.Span);
                    return;
                }
                var value = Bind(a.Value, Context.Data);
                if (value is null) return;
                value = Node(value, a.Value); // a literal's node has no text yet: the emitted comment quotes the source
                if (value.FamilyCount > 0 || value.IsPacked || !(value.Shape.Equals(v.Shape) || value.Shape.IsScalar))
                {
                    _b.Error(DiagnosticIds.ProblemOptimumShape,
                        $"dimension mismatch: the optimum of '{v.Name}' is a {Describe(value)}, but '{v.Name}' is a {v.Shape}; give a {v.Shape} (or a number for every entry)", a.Value.Span);
                    return;
                }
                if (value.Op == TensorOp.Constant && !(value.Number - value.Number == 0))
                {
                    _b.Error(DiagnosticIds.ProblemNonFiniteData, $"the optimum of '{v.Name}' is {value.Number}, not a finite number", a.Value.Span);
                    return;
                }
                var data = new ProblemData("optimum_" + v.Name, a.Span)
                {
                    Value = value,
                    Dimensions = Dimensions(value),
                    StoredLength = value.Shape.Length,
                };
                named[v.Name] = data;
                values.Add(new DeclaredValue(v, data));
            }
            var missing = _p.Variables.FirstOrDefault(v => !named.ContainsKey(v.Name));
            if (missing != null)
            {
                _b.Error(DiagnosticIds.ProblemOptimumDeclaration,
                    $"the optimum gives no value to '{missing.Name}'; add `{missing.Name} = ...` (the distance is measured in every variable{(_p.IsSaddle ? ", both players' for a saddle point" : "")})", node.Span);
                return;
            }
            // In declaration order; the values are data computed after the lets (the emitter writes them as lets).
            foreach (var d in values.OrderBy(d => d.Variable.Offset))
            {
                _p.Optimum.Add(d);
                _p.Data.Add(d.Value);
            }
        }

        private void BindGapRadius(SettingNode node)
        {
            if (node.Arguments.Count != 1 || node.Arguments[0].Name?.Text != "radius")
            {
                _b.Error(DiagnosticIds.ProblemGapRadius, "write the gap's ball as `gap radius = R` with R a positive number", node.Span);
                return;
            }
            if (!_p.IsSaddle)
            {
                _b.Error(DiagnosticIds.ProblemGapRadius,
                    "a gap radius restricts the duality gap of a saddle problem (min x max y), and this problem minimizes; remove it (record `distance` with `optimum x = ...`)", node.Key.Span);
                return;
            }
            var at = node.Arguments[0].Value;
            if (ConstNumber(at, "the gap radius") is not double r) return;
            if (!(r > 0) || double.IsInfinity(r))
            {
                _b.Error(DiagnosticIds.ProblemGapRadius, $"the gap radius must be positive and finite, but it is {r}; e.g. `gap radius = 10`", at.Span);
                return;
            }
            _p.GapRadius = r;
        }
    }
}
