using System;
using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Kinds.Problem.Ir;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Problem.Binding
{
    /// <summary>Expressions of a problem: every node gets a shape, checked operator by operator.</summary>
    internal sealed partial class ProblemBinder
    {
        /// <summary>The elementwise functions, each with the derivative the gradient uses.</summary>
        private static readonly Dictionary<string, TensorOp> Elementwise = new Dictionary<string, TensorOp>(StringComparer.Ordinal)
        {
            ["exp"] = TensorOp.Exp, ["log"] = TensorOp.Log, ["abs"] = TensorOp.Abs, ["relu"] = TensorOp.Relu, ["sqrt"] = TensorOp.Sqrt,
        };

        /// <summary>The sub-gradient the compiled gradient takes at each non-smooth operation's kink.</summary>
        internal static readonly Dictionary<string, string> SubGradients = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["abs"] = "sign(u), 0 where u = 0",
            ["relu"] = "1 where u > 0, else 0 (0 at u = 0)",
            ["norm1"] = "sign(u), 0 where u = 0",
            ["l1"] = "sign(u), 0 where u = 0",
            ["norm2"] = "u / ‖u‖, 0 at u = 0",
            ["frobenius"] = "u / ‖u‖, 0 at u = 0",
        };

        private TensorNode? Bind(ExprNode e, Context ctx, bool quiet = false)
        {
            switch (e)
            {
                case IntLiteral i: return _f.Constant(i.Value, i.Span);
                case RealLiteral r: return _f.Constant(r.Value, r.Span);
                case NameExpr n: return BindName(n, ctx, quiet);
                case UnaryExpr { Op: "-" } u:
                {
                    var a = Bind(u.Operand, ctx, quiet);
                    if (a is null) return null;
                    return a.Op == TensorOp.Constant ? _f.Constant(-a.Number, u.Span) : Node(_f.Op(TensorOp.Negate, a.Shape, u.Span, a), u);
                }
                case BinaryExpr { Op: "^" } b: return BindPower(b, ctx, quiet);
                case ChainExpr c: return BindChain(c, ctx, quiet);
                case CallExpr c: return BindCall(c, ctx, quiet);
                case IndexExpr x: return BindIndexing(x, ctx, quiet);
                case SumExpr s: return BindSum(s, ctx, quiet);
                case ListExpr l when ctx == Context.Data: return BindList(l, quiet);
                case ComprehensionExpr c when ctx == Context.Data: return BindComprehension(c, quiet);
                case ListExpr or ComprehensionExpr:
                    return Fail(quiet, DiagnosticIds.ProblemUnsupported, "lists and comprehensions build data (`let y = [...]`); in an objective write a sum or use a let", e.Span);
                default:
                    return Fail(quiet, DiagnosticIds.ProblemUnsupported, "this kind of expression is not part of a problem's language (numbers, names, + - * / ^, sums, indexing and the functions of docs/optimization.md)", e.Span);
            }
        }

        private TensorNode? Fail(bool quiet, string id, string message, SourceSpan span)
        {
            if (!quiet) _b.Error(id, message, span);
            return null;
        }

        private TensorNode Node(TensorNode n, ExprNode e)
        {
            if (n.Text.Length == 0) n.Text = _b.Model.Source.Quote(e.Span);
            return n;
        }

        private TensorNode? BindName(NameExpr n, Context ctx, bool quiet)
        {
            TensorNode? node = null;
            var loop = _loops.LastOrDefault(l => l.Name == n.Name);
            if (loop != null) node = _f.LoopIndex(loop, n.Span);
            else if (_vars.TryGetValue(n.Name, out var v))
            {
                if (ctx == Context.Data)
                    return Fail(quiet, DiagnosticIds.ProblemNotConstant, $"'{n.Name}' is a variable; data (lets, sizes, domains) cannot read variables", n.Span);
                if (ctx == Context.Objective) v.Used = true;
                node = _f.Variable(v, n.Span);
            }
            else if (_data.TryGetValue(n.Name, out var d))
            {
                if (d.Value is null) return null; // it failed to bind; reported there
                node = _f.Data(d, d.Value.Shape, d.Value.FamilyCount, n.Span);
            }
            else if (_b.TryGetSymbol(n.Name, out var symbol) && symbol is ParamSymbol p)
            {
                double value = p.Value switch { long l => l, double x => x, bool b => b ? 1 : 0, _ => double.NaN };
                node = _f.Constant(value, n.Span);
            }
            else if (n.Name == "t")
            {
                if (ctx != Context.Objective)
                    return Fail(quiet, DiagnosticIds.ProblemUnknownName, "the round 't' can be read only in the objective (an online loss)", n.Span);
                node = _f.Round(n.Span);
            }
            else if (_failed.Contains(n.Name)) return null;
            else
            {
                var known = _vars.Keys.Concat(_data.Keys).Concat(_loops.Select(l => l.Name)).Concat(_b.Symbols.OfType<ParamSymbol>().Select(s => s.Name));
                return Fail(quiet, DiagnosticIds.ProblemUnknownName, $"unknown name '{n.Name}'{Suggest(n.Name, known)}", n.Span);
            }
            node = Node(node, n);
            if (!n.Primed) return node;
            if (node.FamilyCount > 0)
                return Fail(quiet, DiagnosticIds.ProblemShapeMismatch, $"'{n.Name}' is a family of {node.FamilyCount} {node.Shape}; transpose one of them: {n.Name}[i]'", n.Span);
            return Transpose(node, n);
        }

        private TensorNode Transpose(TensorNode a, ExprNode e)
        {
            if (a.Shape.IsScalar) return a;
            if (a.Op == TensorOp.Transpose) return a.Args[0];
            return Node(_f.Op(TensorOp.Transpose, a.Shape.Transposed, e.Span, a), e);
        }

        private TensorNode? BindPower(BinaryExpr b, Context ctx, bool quiet)
        {
            var a = Bind(b.Left, ctx, quiet);
            var p = Bind(b.Right, ctx, quiet);
            if (a is null || p is null) return null;
            if (p.Op != TensorOp.Constant)
                return Fail(quiet, DiagnosticIds.ProblemNotConstant, "an exponent must be a number known at compile time", b.Right.Span);
            if (a.Op == TensorOp.Constant) return _f.Constant(Math.Pow(a.Number, p.Number), b.Span);
            if (NotTensor(a, b.Left, quiet)) return null;
            if (p.Number == 1) return a;
            return Node(_f.Power(a, p.Number, b.Span), b);
        }

        private bool NotTensor(TensorNode a, ExprNode e, bool quiet)
        {
            if (a.FamilyCount > 0 || a.IsPacked)
            {
                Fail(quiet, DiagnosticIds.ProblemShapeMismatch, a.FamilyCount > 0
                    ? $"this is a family of {a.FamilyCount} {a.Shape}; index it (e.g. A[i]) to get one of them"
                    : "a matrix of a symmetric family can be read only through inner(A[i], M); copy it with a let for other uses", e.Span);
                return true;
            }
            return false;
        }

        private TensorNode? BindChain(ChainExpr c, Context ctx, bool quiet)
        {
            var left = Bind(c.First, ctx, quiet);
            if (left is null) return null;
            for (int k = 0; k < c.Links.Count; k++)
            {
                var link = c.Links[k];
                var right = Bind(link.Operand, ctx, quiet);
                if (right is null) return null;
                var span = c.SpanThrough(k);
                if (left.Op == TensorOp.Constant && right.Op == TensorOp.Constant && link.Op is "+" or "-" or "*" or "/")
                {
                    double v = link.Op switch { "+" => left.Number + right.Number, "-" => left.Number - right.Number, "*" => left.Number * right.Number, _ => left.Number / right.Number };
                    left = _f.Constant(v, span);
                    continue;
                }
                if (NotTensor(left, c.First, quiet) || NotTensor(right, link.Operand, quiet)) return null;
                var ls = left.Shape; var rs = right.Shape;
                TensorNode node;
                switch (link.Op)
                {
                    case "+":
                    case "-":
                        if (!ls.Equals(rs) && !ls.IsScalar && !rs.IsScalar)
                            return Fail(quiet, DiagnosticIds.ProblemShapeMismatch, $"dimension mismatch: {ls} {link.Op} {rs}; both sides need the same shape (or one a scalar)", link.OpSpan);
                        node = _f.Op(link.Op == "+" ? TensorOp.Add : TensorOp.Subtract, ls.IsScalar ? rs : ls, span, left, right);
                        break;
                    case "*":
                        if (ls.IsScalar || rs.IsScalar) node = _f.Op(TensorOp.Multiply, ls.IsScalar ? rs : ls, span, left, right);
                        else if (ls.Columns != rs.Rows)
                            return Fail(quiet, DiagnosticIds.ProblemShapeMismatch,
                                $"dimension mismatch: {ls} * {rs}; a matrix product needs the left side's columns ({ls.Columns}) to equal the right side's rows ({rs.Rows}) (hadamard(a, b) multiplies elementwise)", link.OpSpan);
                        else node = _f.Op(TensorOp.MatrixProduct, new Shape(ls.Rows, rs.Columns), span, left, right);
                        break;
                    case "/":
                        if (!rs.IsScalar)
                            return Fail(quiet, DiagnosticIds.ProblemShapeMismatch, $"dimension mismatch: {ls} / {rs}; divide by a scalar only", link.OpSpan);
                        node = _f.Op(TensorOp.Divide, ls, span, left, right);
                        break;
                    default:
                        return Fail(quiet, DiagnosticIds.ProblemUnsupported, $"'{link.Op}' is not an operation on numbers of a problem (+ - * / ^)", link.OpSpan);
                }
                if (node.Text.Length == 0) node.Text = _b.Model.Source.Quote(span);
                left = node;
            }
            return left;
        }

        private TensorNode? BindSum(SumExpr s, Context ctx, bool quiet)
        {
            var lo = Bind(s.Lo, Context.Data, quiet);
            var hi = Bind(s.Hi, Context.Data, quiet);
            if (lo is null || hi is null) return null;
            if (lo.Op != TensorOp.Constant || hi.Op != TensorOp.Constant || lo.Number != Math.Floor(lo.Number) || hi.Number != Math.Floor(hi.Number))
                return Fail(quiet, DiagnosticIds.ProblemUndefinedIndex, "a sum's range lo..hi needs integers known at compile time (literals and parameters)", s.Lo.Span.To(s.Hi.Span));
            if (hi.Number < lo.Number)
                return Fail(quiet, DiagnosticIds.ProblemUndefinedIndex, $"the range {lo.Number}..{hi.Number} is empty; a sum needs lo ≤ hi", s.Lo.Span.To(s.Hi.Span));
            var loop = new LoopVariable(s.Variable.Text, (int)lo.Number, (int)hi.Number, _loops.Count);
            _loops.Add(loop);
            var body = Bind(s.Body, ctx, quiet);
            _loops.RemoveAt(_loops.Count - 1);
            if (body is null) return null;
            if (!body.Shape.IsScalar || body.FamilyCount > 0)
                return Fail(quiet, DiagnosticIds.ProblemShapeMismatch, $"a sum's body must be a scalar, but it is a {Describe(body)}", s.Body.Span);
            if (!body.FreeLoops.Contains(loop))
            {
                // The body does not read the index: the sum is count × body.
                var count = _f.Constant(loop.Count, s.Span);
                return body.Op == TensorOp.Constant ? _f.Constant(loop.Count * body.Number, s.Span) : Node(_f.Op(TensorOp.Multiply, Shape.Scalar, s.Span, count, body), s);
            }
            return Node(_f.Loop(TensorOp.Sum, loop, body, Shape.Scalar, 0, s.Span), s);
        }

        // ---- Indexing ---------------------------------------------------------------------------

        private TensorNode? BindIndexing(IndexExpr x, Context ctx, bool quiet)
        {
            // Collect a[i][j] into one element view of the base.
            var indices = new List<ExprNode>();
            ExprNode target = x;
            while (target is IndexExpr ix) { indices.Insert(0, ix.Index); target = ix.Target; }
            var baseNode = Bind(target, ctx, quiet);
            if (baseNode is null) return null;
            if (baseNode.Op is not (TensorOp.Variable or TensorOp.Data))
                return Fail(quiet, DiagnosticIds.ProblemUnsupported, "only a variable or a let can be indexed; give the expression a name with `let` first", target.Span);
            var dims = Dimensions(baseNode);
            if (indices.Count > dims.Length)
                return Fail(quiet, DiagnosticIds.ProblemUndefinedIndex, $"'{_b.Model.Source.Quote(target.Span)}' is a {Describe(baseNode)} and takes at most {dims.Length} indices, not {indices.Count}", x.Span);
            var terms = new IndexTerm[indices.Count];
            for (int k = 0; k < indices.Count; k++)
            {
                var term = BindIndexTerm(indices[k], ctx, quiet);
                if (term is null) return null;
                if (term.Min < 0 || term.Max >= dims[k])
                {
                    var range = term.Variable is null ? $"{term.Offset}" : $"{term.Min}..{term.Max} (as {term.Variable.Name} runs over {term.Variable.Lo}..{term.Variable.Hi})";
                    return Fail(quiet, DiagnosticIds.ProblemUndefinedIndex,
                        $"index {range} is outside 0..{dims[k] - 1}, the range of this index of '{_b.Model.Source.Quote(target.Span)}' ({Describe(baseNode)})", indices[k].Span);
                }
                terms[k] = term;
            }
            var rest = dims.Skip(indices.Count).ToArray();
            var shape = rest.Length == 0 ? Shape.Scalar : rest.Length == 1 ? Shape.Vector(rest[0]) : new Shape(rest[0], rest[1]);
            var node = Node(_f.Element(baseNode, terms, shape, x.Span), x);
            if (node.IsPacked && rest.Length != 2)
                return Fail(quiet, DiagnosticIds.ProblemUnsupported, "a symmetric family stores each matrix once; read a whole one (A[i]), not its entries", x.Span);
            return node;
        }

        /// <summary>The dimensions indexing walks: [count, rows, cols] for a family, [rows, cols], [n] (a vector), [] (a scalar).</summary>
        internal static int[] Dimensions(TensorNode n)
        {
            var s = n.Shape;
            var own = s.IsScalar ? new int[0] : s.Columns == 1 ? new[] { s.Rows } : new[] { s.Rows, s.Columns };
            return n.FamilyCount > 0 ? new[] { n.FamilyCount }.Concat(own).ToArray() : own;
        }

        /// <summary>An index: an integer constant, a sum's index, or ±index + constant.</summary>
        private IndexTerm? BindIndexTerm(ExprNode e, Context ctx, bool quiet)
        {
            // t % T: an online loss cycling through data by round.
            if (e is ChainExpr { First: NameExpr { Name: "t", Primed: false }, Links.Count: 1 } chain && chain.Links[0].Op == "%" && !_data.ContainsKey("t") && !_vars.ContainsKey("t") && !_b.IsDeclared("t"))
            {
                if (ctx != Context.Objective)
                {
                    Fail(quiet, DiagnosticIds.ProblemUnknownName, "the round 't' can be read only in the objective (an online loss)", e.Span);
                    return null;
                }
                var mod = Bind(chain.Links[0].Operand, Context.Data, quiet);
                if (mod is null) return null;
                if (mod.Op != TensorOp.Constant || mod.Number != Math.Floor(mod.Number) || mod.Number < 1)
                {
                    Fail(quiet, DiagnosticIds.ProblemUndefinedIndex, "in t % T, T must be a positive integer known at compile time", chain.Links[0].Operand.Span);
                    return null;
                }
                return IndexTerm.RoundModulo((int)mod.Number);
            }
            var node = Bind(e, Context.Data, quiet: true);
            if (node is null)
            {
                // Report the loop variable that is not in scope as an undefined index range.
                if (e is NameExpr n && !_data.ContainsKey(n.Name) && !_vars.ContainsKey(n.Name) && !_b.IsDeclared(n.Name))
                {
                    Fail(quiet, DiagnosticIds.ProblemUndefinedIndex, $"the index '{n.Name}' has no range here; write it inside `sum({n.Name} in lo..hi, ...)` or a comprehension", e.Span);
                    return null;
                }
                Bind(e, Context.Data, quiet);
                return null;
            }
            var term = AsIndex(node);
            if (term is null) Fail(quiet, DiagnosticIds.ProblemUndefinedIndex, "an index is an integer constant, a sum's index i, or i ± constant", e.Span);
            return term;
        }

        private static IndexTerm? AsIndex(TensorNode n)
        {
            switch (n.Op)
            {
                case TensorOp.Constant when n.Number == Math.Floor(n.Number) && Math.Abs(n.Number) < int.MaxValue:
                    return new IndexTerm(null, 1, (int)n.Number);
                case TensorOp.LoopIndex:
                    return new IndexTerm(n.Loop, 1, 0);
                case TensorOp.Negate when AsIndex(n.Args[0]) is { } a:
                    return new IndexTerm(a.Variable, -a.Sign, -a.Offset);
                case TensorOp.Add or TensorOp.Subtract when AsIndex(n.Args[0]) is { } a && AsIndex(n.Args[1]) is { } b && (a.Variable is null || b.Variable is null):
                {
                    int sb = n.Op == TensorOp.Add ? 1 : -1;
                    return a.Variable != null ? new IndexTerm(a.Variable, a.Sign, a.Offset + sb * b.Offset)
                        : new IndexTerm(b.Variable, sb * b.Sign, a.Offset + sb * b.Offset);
                }
                default:
                    return null;
            }
        }
    }
}
