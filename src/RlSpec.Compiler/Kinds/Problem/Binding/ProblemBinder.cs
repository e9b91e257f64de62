using System;
using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Kinds.Problem.Ir;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Problem.Binding
{
    /// <summary>
    /// Binds a <c>problem</c> declaration's own members: lets (tensor data, in order), variables with their
    /// shape, domain and initialization, the objective (<c>minimize f</c> or <c>min x max y f</c>), tracked
    /// metrics and regularizers. Every expression gets a shape; a mismatch is RLS0900 naming both shapes.
    /// Expressions live in ProblemBinder.Expressions.cs, lets in ProblemBinder.Data.cs.
    /// </summary>
    internal sealed partial class ProblemBinder
    {
        private readonly Binder _b;
        private readonly TensorFactory _f = new TensorFactory();
        private readonly BoundProblem _p = new BoundProblem();
        private readonly Dictionary<string, ProblemData> _data = new Dictionary<string, ProblemData>(StringComparer.Ordinal);
        private readonly Dictionary<string, ProblemVariable> _vars = new Dictionary<string, ProblemVariable>(StringComparer.Ordinal);
        private readonly List<LoopVariable> _loops = new List<LoopVariable>();

        /// <summary>The most numbers one variable, buffer or data tensor may hold (sizes multiply in int).</summary>
        internal const double MaxEntries = 100_000_000;
        private int _offset;

        /// <summary>Names whose declaration failed (reported there): reading them is not reported again.</summary>
        private readonly HashSet<string> _failed = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>What an expression may read: data (lets), the objective (variables and t), a metric (variables).</summary>
        private enum Context { Data, Objective, Metric }

        private ProblemBinder(Binder binder) { _b = binder; }

        public static BoundProblem? Bind(Binder binder) => new ProblemBinder(binder).Run();

        private BoundProblem? Run()
        {
            var members = _b.Node.Members;
            foreach (var m in members)
            {
                switch (m)
                {
                    case LetNode let: BindLet(let.Name, let.Value, false); break;
                    case RandomNode r: BindLet(r.Name, r.Distribution, true); break;
                    case VariableNode v: BindVariable(v); break;
                }
            }
            var transport = members.OfType<SettingNode>().Where(s => s.Key.Text == "transport").ToList();
            if (transport.Count > 0) return BindTransportProblem(members, transport);
            var objectives = members.Where(m => m is SaddleNode || m is SettingNode { Key.Text: "minimize" }).ToList();
            if (objectives.Count == 0)
            {
                _b.Error(DiagnosticIds.ProblemObjective, "the problem has no objective; add `minimize EXPR` (or `min x max y EXPR` for a saddle point)", _b.Node.NameSpan);
                return null;
            }
            if (objectives.Count > 1)
                _b.Error(DiagnosticIds.ProblemObjective, "a problem has one objective; remove this second `minimize` / `min ... max ...`", objectives[1].Span);
            if (!members.OfType<VariableNode>().Any())
                _b.Error(DiagnosticIds.ProblemVariable, "the problem declares no variable; add one such as `var x : vector(10)`", _b.Node.NameSpan);
            BindObjective(objectives[0]);
            foreach (var m in members)
            {
                if (m is SettingNode { Key.Text: "track" } track) BindTrack(track);
                if (m is SettingNode { Key.Text: "regularize" } reg) BindRegularizer(reg);
            }
            BindTargets(members);
            if (_b.Model.HasErrors || _p.Objective is null) return null;
            foreach (var v in _p.Variables)
                if (!v.Used)
                    _b.Warning(DiagnosticIds.ProblemUnusedVariable,
                        $"variable '{v.Name}' is never used in the objective, so every method leaves it where it starts; use it or remove it", v.Span);
            return _p;
        }

        // ---- Variables ----------------------------------------------------------------------------

        private void BindVariable(VariableNode v)
        {
            if (v.Word.Text != "var")
            {
                _b.Error(DiagnosticIds.ProblemVariable, $"unknown member '{v.Word.Text}'; a variable is declared `var {v.Name.Text} : vector(n)`", v.Word.Span);
                return;
            }
            if (_vars.ContainsKey(v.Name.Text) || _data.ContainsKey(v.Name.Text) || _b.IsDeclared(v.Name.Text))
            {
                _b.Error(DiagnosticIds.ProblemDuplicateName, $"'{v.Name.Text}' is already declared in this problem; rename the variable", v.Name.Span);
                return;
            }
            var shape = BindShapeSpec(v.Shape);
            if (shape is null) { _failed.Add(v.Name.Text); return; }
            if (_offset + (double)shape.Value.Length > MaxEntries)
            {
                _b.Error(DiagnosticIds.ProblemVariable,
                    $"'{v.Name.Text}' brings the problem's variables to {Real(_offset + (double)shape.Value.Length)} numbers; a problem holds at most 100,000,000 in all, so declare smaller variables", v.Shape.Span);
                _failed.Add(v.Name.Text);
                return;
            }
            var variable = new ProblemVariable(v.Name.Text, shape.Value, _offset, v.Name.Span);
            _offset += shape.Value.Length;
            _vars[variable.Name] = variable;
            _p.Variables.Add(variable);
            if (v.Domain != null) BindDomain(variable, v.Domain);
            if (v.Init != null)
            {
                BindInit(variable, v.Init);
                CheckInitInDomain(variable, v.Init);
            }
            else if (variable.Domain == "Simplex") variable.Init = new VariableInit("constant", 1.0 / shape.Value.Length, 0, null, null);
            else if (variable.Domain == "Box" && (variable.Lower > 0 || variable.Upper < 0))
                variable.Init = new VariableInit("constant", double.IsInfinity(variable.Upper) ? variable.Lower : (variable.Lower + variable.Upper) / 2, 0, null, null);
        }

        /// <summary>
        /// A deterministic initialization must be a point of the variable's domain: methods that keep their iterate
        /// feasible (mirror descent, Frank-Wolfe) cannot start elsewhere, and a projected start would silently be a
        /// different point from the one written. A random initialization on the simplex is refused for the same
        /// reason (Gaussian draws are not in it); on a box, a ball or the nonnegative orthant the projected methods
        /// project the draw at their first step.
        /// </summary>
        private void CheckInitInDomain(ProblemVariable v, ExprNode e)
        {
            if (v.Domain is null || v.Domain == "Reals") return;
            var init = v.Init;
            if (init.Kind is "gaussian" or "uniform")
            {
                if (v.Domain == "Simplex")
                    _b.Error(DiagnosticIds.ProblemDomainMisuse,
                        $"a random initialization is not a point of the simplex; drop `init` to start '{v.Name}' at the uniform point 1/{v.Shape.Length}, or give its entries as a list that sums to 1", e.Span);
                return;
            }
            int n = v.Shape.Length;
            double Entry(int k) => init.Kind switch { "zeros" => 0.0, "constant" => init.Value, _ => init.Values is { } list && k < list.Count ? list[k] : 0.0 };
            if (init.Kind == "list" && (init.Values is null || init.Values.Count != n)) return; // reported as RLS0900
            double sum = 0, sumSquares = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (int k = 0; k < n; k++)
            {
                double x = Entry(k);
                sum += x; sumSquares += x * x;
                if (x < min) min = x;
                if (x > max) max = x;
            }
            string? problem = v.Domain switch
            {
                "Nonnegative" when min < 0 => $"it has the negative entry {Real(min)}",
                "Simplex" when min < 0 => $"it has the negative entry {Real(min)}",
                "Simplex" when Math.Abs(sum - 1) > 1e-9 * Math.Max(1, n) => $"its entries sum to {Real(sum)}, not 1",
                "Box" when min < v.Lower || max > v.Upper => $"it has entries from {Real(min)} to {Real(max)}, outside [{Real(v.Lower)}, {Real(v.Upper)}]",
                "Ball" when Math.Sqrt(sumSquares) > v.Upper * (1 + 1e-12) => $"its norm is {Real(Math.Sqrt(sumSquares))}, more than the radius {Real(v.Upper)}",
                _ => null,
            };
            if (problem is null) return;
            string fix = v.Domain switch
            {
                "Simplex" => $"drop `init` to start at the uniform point 1/{n}, or give nonnegative entries that sum to 1",
                "Box" => "drop `init` to start at 0 (at the box's centre when 0 is outside it), or give entries inside the box",
                _ => "give an initial value inside the domain",
            };
            _b.Error(DiagnosticIds.ProblemDomainMisuse, $"the initialization of '{v.Name}' is not in its domain ({DomainText(v)}): {problem}; {fix}", e.Span);
        }

        private static string Real(double x) => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

        private static string DomainText(ProblemVariable v) => v.Domain switch
        {
            "Box" => $"box({Real(v.Lower)}, {Real(v.Upper)})",
            "Ball" => $"ball({Real(v.Upper)})",
            _ => v.Domain!.ToLowerInvariant(),
        };

        /// <summary><c>scalar</c>, <c>vector(n)</c>, <c>matrix(rows, cols)</c>.</summary>
        private Shape? BindShapeSpec(ExprNode e)
        {
            if (e is NameExpr { Name: "scalar", Primed: false }) return Shape.Scalar;
            if (e is CallExpr { Function.Text: "matrix" } big && big.Arguments.Count == 2
                && Bind(big.Arguments[0].Value, Context.Data, quiet: true) is { Op: TensorOp.Constant } br && Bind(big.Arguments[1].Value, Context.Data, quiet: true) is { Op: TensorOp.Constant } bc
                && br.Number * bc.Number > MaxEntries)
            {
                _b.Error(DiagnosticIds.ProblemVariable, $"a {br.Number}×{bc.Number} matrix has more entries than a problem holds (at most 100,000,000)", e.Span);
                return null;
            }
            if (e is CallExpr { Function.Text: "vector" } cv && cv.Arguments.Count == 1 && PositiveInt(cv.Arguments[0].Value, "a vector's length") is int n)
            {
                if (n > MaxEntries)
                {
                    _b.Error(DiagnosticIds.ProblemVariable, $"a vector of {n} entries is more than a problem holds (at most 100,000,000)", e.Span);
                    return null;
                }
                return Shape.Vector(n);
            }
            if (e is CallExpr { Function.Text: "matrix" } cm && cm.Arguments.Count == 2
                && PositiveInt(cm.Arguments[0].Value, "a matrix's rows") is int rows && PositiveInt(cm.Arguments[1].Value, "a matrix's columns") is int cols)
                return new Shape(rows, cols);
            if (!_b.Model.HasErrors || e is not CallExpr)
                _b.Error(DiagnosticIds.ProblemVariable, "a variable's type is `scalar`, `vector(n)` or `matrix(rows, cols)` with positive integer sizes", e.Span);
            return null;
        }

        private void BindDomain(ProblemVariable v, ExprNode e)
        {
            var name = e switch { NameExpr n => n.Name, CallExpr c => c.Function.Text, _ => "" };
            var args = e is CallExpr call ? call.Arguments : new List<ArgumentNode>();
            switch (name)
            {
                case "reals" when args.Count == 0:
                    return;
                case "nonnegative" when args.Count == 0:
                    v.Domain = "Nonnegative"; v.Lower = 0; return;
                case "simplex" when args.Count == 0:
                    if (v.Shape.IsScalar)
                    {
                        _b.Error(DiagnosticIds.ProblemDomainMisuse, $"'{v.Name}' is a scalar, and the simplex of one entry is the point 1; declare a vector (`var {v.Name} : vector(n) in simplex`) or drop the domain", e.Span);
                        return;
                    }
                    v.Domain = "Simplex"; v.Lower = 0; v.Upper = 1; return;
                case "box" when args.Count == 2:
                {
                    if (ConstNumber(args[0].Value, "the box's lower end") is double lo && ConstNumber(args[1].Value, "the box's upper end") is double hi)
                    {
                        if (!(lo <= hi))
                            _b.Error(DiagnosticIds.ProblemDomainMisuse, $"the box [{lo}, {hi}] is empty: its lower end must be at most its upper end", e.Span);
                        v.Domain = "Box"; v.Lower = lo; v.Upper = hi;
                    }
                    return;
                }
                case "ball" when args.Count == 1:
                {
                    if (ConstNumber(args[0].Value, "the ball's radius") is double r)
                    {
                        if (!(r > 0) || double.IsInfinity(r))
                            _b.Error(DiagnosticIds.ProblemDomainMisuse, $"a ball's radius must be positive and finite, but it is {r}", args[0].Value.Span);
                        v.Domain = "Ball"; v.Lower = 0; v.Upper = r;
                    }
                    return;
                }
            }
            _b.Error(DiagnosticIds.ProblemDomainMisuse, "a variable's domain is `reals`, `nonnegative`, `simplex`, `box(lo, hi)` or `ball(radius)`", e.Span);
        }

        private void BindInit(ProblemVariable v, ExprNode e)
        {
            switch (e)
            {
                case NameExpr { Name: "zeros" }:
                    return;
                case ListExpr list:
                {
                    var values = new List<double>();
                    foreach (var el in list.Elements)
                    {
                        if (el is ListExpr row) { foreach (var x in row.Elements) if (ConstNumber(x, "an initial value") is double d) values.Add(d); }
                        else if (ConstNumber(el, "an initial value") is double d) values.Add(d);
                    }
                    if (values.Count != v.Shape.Length && !_b.Model.HasErrors)
                        _b.Error(DiagnosticIds.ProblemShapeMismatch, $"the initial value has {values.Count} entries but '{v.Name}' is a {v.Shape} ({v.Shape.Length} entries)", e.Span);
                    v.Init = new VariableInit("list", 0, 0, null, values);
                    return;
                }
                case CallExpr c when c.Function.Text is "gaussian" or "small_gaussian" or "uniform":
                {
                    double scale = 1, lo = 0, hi = 1;
                    long? seed = null;
                    foreach (var a in c.Arguments)
                    {
                        var key = a.Name?.Text;
                        if (key == "seed") seed = ConstInt(a.Value, "a seed") is int s ? s : (long?)null;
                        else if (key == "scale" && c.Function.Text != "uniform") scale = ConstNumber(a.Value, "the scale") ?? 1;
                        else if (key == "lo" && c.Function.Text == "uniform") lo = ConstNumber(a.Value, "the lower end") ?? 0;
                        else if (key == "hi" && c.Function.Text == "uniform") hi = ConstNumber(a.Value, "the upper end") ?? 1;
                        else
                        {
                            _b.Error(DiagnosticIds.ProblemGeneratorArguments,
                                c.Function.Text == "uniform" ? "uniform initialization takes `lo = ..., hi = ..., seed = ...`" : $"{c.Function.Text} initialization takes `scale = ..., seed = ...`", a.Span);
                            return;
                        }
                    }
                    if (c.Function.Text != "uniform" && !(scale >= 0 && !double.IsInfinity(scale)))
                        _b.Error(DiagnosticIds.ProblemGeneratorArguments, $"the scale of a Gaussian initialization must be finite and not negative, but it is {scale}", c.Span);
                    if (c.Function.Text == "uniform" && !(lo <= hi))
                        _b.Error(DiagnosticIds.ProblemGeneratorArguments, $"uniform(lo = {lo}, hi = {hi}) needs lo ≤ hi", c.Span);
                    v.Init = c.Function.Text == "uniform" ? new VariableInit("uniform", lo, hi, seed, null) : new VariableInit("gaussian", scale, 0, seed, null);
                    return;
                }
                default:
                    if (ConstNumber(e, "an initial value", quiet: true) is double value)
                    {
                        v.Init = new VariableInit("constant", value, 0, null, null);
                        return;
                    }
                    _b.Error(DiagnosticIds.ProblemVariable,
                        "an initialization is `zeros`, a number, a list, `gaussian(scale = s, seed = k)` or `uniform(lo = a, hi = b, seed = k)` (without a seed it draws from the run's stream)", e.Span);
                    return;
            }
        }

        // ---- Objective, metrics, regularizers -------------------------------------------------------

        private void BindObjective(MemberNode m)
        {
            ExprNode body;
            if (m is SaddleNode s)
            {
                _p.IsSaddle = true;
                if (s.MinWord.Text != "min" || s.MaxWord.Text != "max")
                {
                    _b.Error(DiagnosticIds.ProblemSaddle, "a saddle objective reads `min x max y EXPR`", s.MinWord.Text != "min" ? s.MinWord.Span : s.MaxWord.Span);
                    return;
                }
                var named = new HashSet<string>();
                foreach (var (id, max) in s.MinVariables.Select(x => (x, false)).Concat(s.MaxVariables.Select(x => (x, true))))
                {
                    if (!_vars.TryGetValue(id.Text, out var v))
                        _b.Error(DiagnosticIds.ProblemSaddle, $"'{id.Text}' is not a variable of this problem{Suggest(id.Text, _vars.Keys)}", id.Span);
                    else if (!named.Add(id.Text))
                        _b.Error(DiagnosticIds.ProblemSaddle, $"'{id.Text}' is named twice; each variable belongs to the min or the max player, once", id.Span);
                    else v.Maximized = max;
                }
                foreach (var v in _p.Variables)
                    if (!named.Contains(v.Name))
                        _b.Error(DiagnosticIds.ProblemSaddle, $"variable '{v.Name}' belongs to neither player; list it after `min` or after `max`", s.Span);
                body = s.Body;
            }
            else
            {
                var setting = (SettingNode)m;
                if (setting.Arguments.Count != 1 || setting.Arguments[0].Name != null)
                {
                    _b.Error(DiagnosticIds.ProblemObjective, "`minimize` takes one expression: `minimize EXPR`", setting.Span);
                    return;
                }
                body = setting.Arguments[0].Value;
            }
            var node = Bind(body, Context.Objective);
            if (node is null) return;
            if (!node.Shape.IsScalar || node.FamilyCount > 0)
            {
                _b.Error(DiagnosticIds.ProblemShapeMismatch, $"the objective must be a scalar, but it is a {Describe(node)}; e.g. take frobenius(...) or a sum", body.Span);
                return;
            }
            if (!node.DependsOnVariables && !_b.Model.HasErrors)
            {
                _b.Error(DiagnosticIds.ProblemObjective, "the objective does not read any variable, so there is nothing to optimize", body.Span);
                return;
            }
            _p.Objective = node;
            _p.ObjectiveSpan = body.Span;
        }

        private void BindTrack(SettingNode track)
        {
            foreach (var a in track.Arguments)
            {
                string name = a.Name?.Text ?? _b.Model.Source.Quote(a.Value.Span);
                if (_p.Metrics.Any(x => x.Name == name || x.Name.StartsWith(name + "[", StringComparison.Ordinal)))
                {
                    _b.Error(DiagnosticIds.ProblemDuplicateName, $"a metric named '{name}' is tracked already; name this one `track other = ...`", a.Span);
                    continue;
                }
                if (a.Value is CallExpr { Function.Text: "eigenvalues" } call)
                {
                    if (call.Arguments.Count is < 1 or > 2 || call.Arguments[0].Name != null)
                    {
                        _b.Error(DiagnosticIds.ProblemUnsupported, "eigenvalues takes a symmetric matrix and optionally how many to keep: `eigenvalues(X * X', top = 3)`", call.Span);
                        continue;
                    }
                    var m = Bind(call.Arguments[0].Value, Context.Metric);
                    if (m is null) continue;
                    if (!m.Shape.IsSquare || m.Shape.IsScalar)
                    {
                        _b.Error(DiagnosticIds.ProblemShapeMismatch, $"eigenvalues needs a square matrix, but this is a {Describe(m)}", call.Arguments[0].Value.Span);
                        continue;
                    }
                    int top = m.Shape.Rows;
                    // X Xᵀ with X n×k (k < n) has at most k nonzero eigenvalues: keep those by default.
                    if (m.Op == TensorOp.MatrixProduct && m.Args[1].Op == TensorOp.Transpose && m.Args[1].Args[0] == m.Args[0]) top = Math.Min(top, m.Args[0].Shape.Columns);
                    if (call.Arguments.Count == 2)
                    {
                        if (call.Arguments[1].Name?.Text != "top" || ConstInt(call.Arguments[1].Value, "top") is not int t || t < 1 || t > m.Shape.Rows)
                        {
                            _b.Error(DiagnosticIds.ProblemUnsupported, $"`top = k` keeps the k largest eigenvalues, 1 ≤ k ≤ {m.Shape.Rows}", call.Arguments[1].Span);
                            continue;
                        }
                        top = t;
                    }
                    _p.Metrics.Add(new ProblemMetric(name, m, true, top));
                    continue;
                }
                var value = Bind(a.Value, Context.Metric);
                if (value is null) continue;
                if (!value.Shape.IsScalar || value.FamilyCount > 0)
                {
                    _b.Error(DiagnosticIds.ProblemShapeMismatch, $"a tracked metric is a scalar (or `eigenvalues(M)`), but this is a {Describe(value)}", a.Value.Span);
                    continue;
                }
                _p.Metrics.Add(new ProblemMetric(name, value, false, 1));
            }
        }

        /// <summary><c>regularize l1(x, λ)</c>: λ‖x‖₁ kept apart from the smooth objective (for proximal gradient).</summary>
        private void BindRegularizer(SettingNode reg)
        {
            if (reg.Arguments.Count != 1 || reg.Arguments[0].Value is not CallExpr { Function.Text: "l1" } call || call.Arguments.Count != 2
                || call.Arguments[0].Value is not NameExpr { Primed: false } varName)
            {
                _b.Error(DiagnosticIds.ProblemUnsupported, "a regularizer reads `regularize l1(x, lambda)` with x a variable", reg.Span);
                return;
            }
            if (!_vars.TryGetValue(varName.Name, out var v))
            {
                _b.Error(DiagnosticIds.ProblemUnknownName, $"'{varName.Name}' is not a variable of this problem{Suggest(varName.Name, _vars.Keys)}", varName.Span);
                return;
            }
            if (ConstNumber(call.Arguments[1].Value, "the regularization weight") is not double w) return;
            if (!(w >= 0) || double.IsInfinity(w))
            {
                _b.Error(DiagnosticIds.ProblemGeneratorArguments, $"the l1 weight must be finite and not negative, but it is {w}", call.Arguments[1].Value.Span);
                return;
            }
            if (_p.Regularizers.Any(r => r.Variable == v))
            {
                _b.Error(DiagnosticIds.ProblemUnsupported, $"'{v.Name}' has an l1 regularizer already", reg.Span);
                return;
            }
            v.Used = true;
            _p.Regularizers.Add(new L1Regularizer(v, w, reg.Span));
            _p.Nonsmooth.Add(new NonsmoothFact($"l1({v.Name}, {w})", "sign(x), 0 where x = 0", reg.Span));
        }

        // ---- Constants --------------------------------------------------------------------------

        /// <summary>A constant number (parameters and literals), or null after reporting why not.</summary>
        private double? ConstNumber(ExprNode e, string what, bool quiet = false)
        {
            var node = Bind(e, Context.Data, quiet);
            if (node is null) return null;
            if (node.Op == TensorOp.Constant) return node.Number;
            if (!quiet) _b.Error(DiagnosticIds.ProblemNotConstant, $"{what} must be a number known when the problem is compiled (literals and parameters)", e.Span);
            return null;
        }

        private int? ConstInt(ExprNode e, string what)
        {
            if (ConstNumber(e, what) is not double d) return null;
            if (d != Math.Floor(d) || Math.Abs(d) > int.MaxValue)
            {
                _b.Error(DiagnosticIds.ProblemNotConstant, $"{what} must be an integer, but it is {d}", e.Span);
                return null;
            }
            return (int)d;
        }

        private int? PositiveInt(ExprNode e, string what)
        {
            if (ConstInt(e, what) is not int n) return null;
            if (n < 1)
            {
                _b.Error(DiagnosticIds.ProblemGeneratorArguments, $"{what} must be at least 1, but it is {n}", e.Span);
                return null;
            }
            return n;
        }

        private static string Suggest(string name, IEnumerable<string> names) =>
            EditDistance.Closest(name, names.ToList()) is { } c ? $"; did you mean '{c}'?" : "";

        private static string Describe(TensorNode n) => n.FamilyCount > 0 ? $"family of {n.FamilyCount} {n.Shape}" : n.Shape.ToString();
    }
}
