using System;
using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Kinds.Problem.Ir;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Problem.Binding
{
    /// <summary>Lets: data computed once when the problem is created, by seeded generators, lists, comprehensions and arithmetic.</summary>
    internal sealed partial class ProblemBinder
    {
        /// <summary>A generator: how many sizes it takes and its named arguments with their defaults.</summary>
        private sealed record GeneratorSpec(int MinSizes, int MaxSizes, Dictionary<string, double> Named);

        private static readonly Dictionary<string, GeneratorSpec> Generators = new Dictionary<string, GeneratorSpec>(StringComparer.Ordinal)
        {
            ["gaussian"] = new GeneratorSpec(1, 3, new Dictionary<string, double> { ["scale"] = 1 }),
            ["uniform"] = new GeneratorSpec(1, 3, new Dictionary<string, double> { ["lo"] = 0, ["hi"] = 1 }),
            ["bernoulli"] = new GeneratorSpec(1, 3, new Dictionary<string, double> { ["p"] = 0.5 }),
            ["symmetric_gaussian"] = new GeneratorSpec(2, 3, new Dictionary<string, double> { ["scale"] = 1 }),
            ["orthonormal"] = new GeneratorSpec(2, 2, new Dictionary<string, double>()),
            ["low_rank"] = new GeneratorSpec(3, 3, new Dictionary<string, double> { ["scale"] = 1 }),
        };

        private void BindLet(Identifier name, ExprNode value, bool random)
        {
            if (_data.ContainsKey(name.Text) || _vars.ContainsKey(name.Text) || _b.IsDeclared(name.Text))
            {
                _b.Error(DiagnosticIds.ProblemDuplicateName, $"'{name.Text}' is already declared in this problem; rename this let", name.Span);
                return;
            }
            if (random && value is CallExpr { Function.Text: "csv" })
            {
                _b.Error(DiagnosticIds.CsvCall, $"csv(...) reads data, it draws nothing at random; write `let {name.Text} = csv(...)`", value.Span);
                return;
            }
            var data = new ProblemData(name.Text, name.Span);
            _failed.Add(name.Text); // until it binds
            TensorNode? node = value is CallExpr call && Generators.ContainsKey(call.Function.Text) ? BindGenerator(call) : Bind(value, Context.Data);
            if (node is null) return;
            if (node.IsPacked || (node.IsView && node.FamilyCount > 0))
            {
                _b.Error(DiagnosticIds.ProblemUnsupported, $"'{name.Text}' would be a copy of {(node.IsPacked ? "a matrix of a symmetric family (stored once, read through inner(A[i], M))" : "a family")}; use the original name", value.Span);
                return;
            }
            if (random && node.Op != TensorOp.Generate)
            {
                _b.Error(DiagnosticIds.ProblemGeneratorArguments, $"`let {name.Text} ~ ...` draws from a generator ({string.Join(", ", Generators.Keys)}); for a computed value write `let {name.Text} = ...`", value.Span);
                return;
            }
            if (node.Op == TensorOp.Constant && (double.IsNaN(node.Number) || double.IsInfinity(node.Number)))
            {
                _b.Error(DiagnosticIds.ProblemNonFiniteData, $"'{name.Text}' is {node.Number}, not a finite number; check the formula (e.g. a division by 0 or log(0))", value.Span);
                return;
            }
            if (node.Op == TensorOp.Stack && node.Args.FirstOrDefault(a => a.Op == TensorOp.Constant && (double.IsNaN(a.Number) || double.IsInfinity(a.Number))) is { } bad)
            {
                _b.Error(DiagnosticIds.ProblemNonFiniteData, $"'{name.Text}' has an entry that is not a finite number ({bad.Number})", bad.Span);
                return;
            }
            data.Value = node;
            data.PackedSymmetric = node.Op == TensorOp.Generate && node.Generator == "symmetric_gaussian" && node.FamilyCount > 0;
            data.Dimensions = Dimensions(node);
            data.StoredLength = data.PackedSymmetric ? node.FamilyCount * node.Shape.Rows * (node.Shape.Rows + 1) / 2 : Math.Max(1, node.FamilyCount) * node.Shape.Length;
            _data[name.Text] = data;
            _p.Data.Add(data);
            _failed.Remove(name.Text);
        }

        private TensorNode? BindGenerator(CallExpr c)
        {
            var spec = Generators[c.Function.Text];
            var sizes = new List<int>();
            var named = new Dictionary<string, double>(spec.Named);
            double seed = -1;
            foreach (var a in c.Arguments)
            {
                if (a.Name is null)
                {
                    if (named.Count != spec.Named.Count || seed >= 0)
                    {
                        _b.Error(DiagnosticIds.ProblemGeneratorArguments, "sizes come first, then named arguments", a.Span);
                        return null;
                    }
                    if (PositiveInt(a.Value, $"a size of {c.Function.Text}") is not int n) return null;
                    sizes.Add(n);
                }
                else if (a.Name.Text == "seed")
                {
                    if (ConstInt(a.Value, "a seed") is not int s) return null;
                    if (s < 0)
                    {
                        _b.Error(DiagnosticIds.ProblemGeneratorArguments, $"a seed is a nonnegative integer, not {s}", a.Value.Span);
                        return null;
                    }
                    seed = s;
                }
                else if (spec.Named.ContainsKey(a.Name.Text))
                {
                    if (ConstNumber(a.Value, a.Name.Text) is not double v) return null;
                    named[a.Name.Text] = v;
                }
                else
                {
                    var allowed = spec.Named.Keys.Append("seed");
                    _b.Error(DiagnosticIds.ProblemGeneratorArguments, $"{c.Function.Text} has no argument '{a.Name.Text}'; its named arguments are {string.Join(", ", allowed)}", a.Name.Span);
                    return null;
                }
            }
            var name = c.Function.Text;
            if (sizes.Count < spec.MinSizes || sizes.Count > spec.MaxSizes)
            {
                _b.Error(DiagnosticIds.ProblemGeneratorArguments, name switch
                {
                    "orthonormal" => "orthonormal(n, r, seed = k) takes two sizes: an n×r matrix with orthonormal columns",
                    "low_rank" => "low_rank(n, m, r, seed = k) takes three sizes: an n×m matrix of rank r",
                    "symmetric_gaussian" => "symmetric_gaussian(n, n) is one symmetric matrix, symmetric_gaussian(count, n, n) a family of them",
                    _ => $"{name} takes 1 to 3 sizes: (n) a vector, (rows, cols) a matrix, (count, rows, cols) a family of matrices",
                }, c.Span);
                return null;
            }
            string? problem = null;
            if (named.TryGetValue("scale", out var scale) && !(scale >= 0 && !double.IsInfinity(scale))) problem = $"the scale must be finite and not negative, but it is {scale}";
            if (name == "uniform" && !(named["lo"] <= named["hi"]) ) problem = $"uniform needs lo ≤ hi, but lo = {named["lo"]} and hi = {named["hi"]}";
            if (name == "uniform" && (double.IsInfinity(named["lo"]) || double.IsInfinity(named["hi"]))) problem = "uniform needs finite ends";
            if (name == "bernoulli" && !(named["p"] >= 0 && named["p"] <= 1)) problem = $"bernoulli needs 0 ≤ p ≤ 1, but p = {named["p"]}";
            if (name == "orthonormal" && sizes[1] > sizes[0]) problem = $"orthonormal(n, r) needs r ≤ n (at most n orthonormal columns), but r = {sizes[1]} > n = {sizes[0]}";
            if (name == "low_rank" && sizes[2] > Math.Min(sizes[0], sizes[1])) problem = $"low_rank(n, m, r) needs r ≤ min(n, m), but r = {sizes[2]}";
            if (name == "symmetric_gaussian" && sizes[sizes.Count - 1] != sizes[sizes.Count - 2]) problem = $"a symmetric matrix is square, but this asks for {sizes[sizes.Count - 2]}×{sizes[sizes.Count - 1]}";
            if (problem != null)
            {
                _b.Error(DiagnosticIds.ProblemGeneratorArguments, problem, c.Span);
                return null;
            }
            if ((double)sizes.Aggregate(1.0, (a, b) => a * b) > MaxEntries)
            {
                _b.Error(DiagnosticIds.ProblemGeneratorArguments, $"{string.Join("×", sizes)} numbers is more data than a problem holds (at most 100,000,000)", c.Span);
                return null;
            }
            named["seed"] = seed;
            Shape shape; int family = 0;
            switch (name)
            {
                case "orthonormal": shape = new Shape(sizes[0], sizes[1]); break;
                case "low_rank": shape = new Shape(sizes[0], sizes[1]); named["rank"] = sizes[2]; break;
                default:
                    if (sizes.Count == 1) shape = Shape.Vector(sizes[0]);
                    else if (sizes.Count == 2) shape = new Shape(sizes[0], sizes[1]);
                    else { family = sizes[0]; shape = new Shape(sizes[1], sizes[2]); }
                    break;
            }
            var node = _f.Generate(name, named, shape, family, c.Span);
            node.Text = _b.Model.Source.Quote(c.Span);
            return node;
        }

        private TensorNode? BindList(ListExpr l, bool quiet)
        {
            if (l.Elements.Count == 0) return Fail(quiet, DiagnosticIds.ProblemUnsupported, "an empty list has no shape; give it entries", l.Span);
            var rows = new List<TensorNode>();
            foreach (var e in l.Elements)
            {
                var n = Bind(e, Context.Data, quiet);
                if (n is null) return null;
                if (NotTensor(n, e, quiet)) return null;
                rows.Add(n);
            }
            var first = rows[0].Shape;
            for (int k = 1; k < rows.Count; k++)
                if (!rows[k].Shape.Equals(first))
                    return Fail(quiet, DiagnosticIds.ProblemShapeMismatch, $"dimension mismatch: the list's entries have different shapes ({first} and {rows[k].Shape})", l.Elements[k].Span);
            if (first.IsScalar) return Node(_f.Stack(rows.ToArray(), Shape.Vector(rows.Count), l.Span), l);
            if (first.Columns == 1) return Node(_f.Stack(rows.ToArray(), new Shape(rows.Count, first.Rows), l.Span), l);
            return Fail(quiet, DiagnosticIds.ProblemUnsupported, "a list holds numbers (a vector) or vectors (the rows of a matrix)", l.Span);
        }

        private TensorNode? BindComprehension(ComprehensionExpr c, bool quiet)
        {
            var lo = Bind(c.Lo, Context.Data, quiet);
            var hi = Bind(c.Hi, Context.Data, quiet);
            if (lo is null || hi is null) return null;
            if (lo.Op != TensorOp.Constant || hi.Op != TensorOp.Constant || lo.Number != Math.Floor(lo.Number) || hi.Number != Math.Floor(hi.Number) || hi.Number < lo.Number)
                return Fail(quiet, DiagnosticIds.ProblemUndefinedIndex, "a comprehension's range lo..hi needs integers lo ≤ hi known at compile time", c.Lo.Span.To(c.Hi.Span));
            var loop = new LoopVariable(c.Variable.Text, (int)lo.Number, (int)hi.Number, _loops.Count);
            _loops.Add(loop);
            var body = Bind(c.Element, Context.Data, quiet);
            _loops.RemoveAt(_loops.Count - 1);
            if (body is null) return null;
            if (NotTensor(body, c.Element, quiet)) return null;
            var s = body.Shape;
            if (s.IsScalar) return Node(_f.Loop(TensorOp.Comprehension, loop, body, Shape.Vector(loop.Count), 0, c.Span), c);
            if (s.Columns == 1) return Node(_f.Loop(TensorOp.Comprehension, loop, body, new Shape(loop.Count, s.Rows), 0, c.Span), c);
            return Node(_f.Loop(TensorOp.Comprehension, loop, body, s, loop.Count, c.Span), c);
        }
    }
}
