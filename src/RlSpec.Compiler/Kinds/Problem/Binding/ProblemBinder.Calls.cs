using System;
using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Kinds.Problem.Ir;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Problem.Binding
{
    /// <summary>Function calls in problem expressions: linear algebra, reductions, norms, elementwise functions.</summary>
    internal sealed partial class ProblemBinder
    {
        private static readonly string[] Functions =
        {
            "transpose", "inner", "dot", "hadamard", "exp", "log", "abs", "relu", "sqrt", "square", "total", "norm1", "l1", "norm2", "l2",
            "frobenius", "sqnorm", "trace", "diag",
        };

        private TensorNode? BindCall(CallExpr c, Context ctx, bool quiet)
        {
            var name = c.Function.Text;
            if (name == "csv") return ctx == Context.Data ? BindCsv(c, quiet) : Fail(quiet, DiagnosticIds.CsvCall, "csv(...) reads a data file once, when the problem is created: use it in a let, `let A = csv(\"data/a.csv\")`, and the let's name here", c.Span);
            if (Generators.ContainsKey(name))
                return Fail(quiet, DiagnosticIds.ProblemUnsupported, $"{name}(...) generates data: use it as a whole let, `let A ~ {name}(...)`", c.Span);
            if (!Functions.Contains(name))
                return Fail(quiet, DiagnosticIds.ProblemUnknownName, Suggest(name, Functions.Concat(Generators.Keys)) is { Length: > 0 } hint ? $"unknown function '{name}'{hint}" : $"unknown function '{name}'; the functions are {string.Join(", ", Functions)}", c.Function.Span);
            var args = new List<TensorNode>();
            foreach (var a in c.Arguments)
            {
                if (a.Name != null) return Fail(quiet, DiagnosticIds.ProblemUnsupported, $"{name} takes no named arguments", a.Span);
                var node = Bind(a.Value, ctx, quiet);
                if (node is null) return null;
                args.Add(node);
            }
            int arity = name is "inner" or "dot" or "hadamard" ? 2 : 1;
            if (args.Count != arity)
                return Fail(quiet, DiagnosticIds.ProblemUnsupported, $"{name} takes {arity} argument{(arity == 1 ? "" : "s")}, not {args.Count}", c.Span);
            // inner(A[i], M) with A a symmetric family stored once: the packed form.
            if (name is "inner" or "dot" && (args[0].IsPacked || args[1].IsPacked))
            {
                var packed = args[0].IsPacked ? args[0] : args[1];
                var other = args[0].IsPacked ? args[1] : args[0];
                if (NotTensor(other, c, quiet)) return null;
                if (!other.Shape.Equals(packed.Shape))
                    return Fail(quiet, DiagnosticIds.ProblemShapeMismatch, $"dimension mismatch: inner({args[0].Shape}, {args[1].Shape}) needs two arguments of one shape", c.Span);
                int n = other.Shape.Rows;
                var pack = _f.Op(TensorOp.PackSymmetric, Shape.Vector(n * (n + 1) / 2), c.Span, other);
                if (pack.Text.Length == 0) pack.Text = $"{_b.Model.Source.Quote(c.Arguments[args[0].IsPacked ? 1 : 0].Value.Span)} + its transpose, upper triangle";
                return Node(_f.Op(TensorOp.InnerPacked, Shape.Scalar, c.Span, packed, pack), c);
            }
            for (int k = 0; k < args.Count; k++)
                if (NotTensor(args[k], c.Arguments[k].Value, quiet)) return null;
            var x = args[0];
            var s = x.Shape;
            if (x.Op == TensorOp.Constant && name is "exp" or "log" or "abs" or "sqrt" or "square" or "relu")
                return _f.Constant(name switch
                {
                    "exp" => Math.Exp(x.Number), "log" => Math.Log(x.Number), "abs" => Math.Abs(x.Number), "sqrt" => Math.Sqrt(x.Number),
                    "square" => x.Number * x.Number, _ => Math.Max(x.Number, 0),
                }, c.Span);
            if (ctx == Context.Objective && x.DependsOnVariables && SubGradients.TryGetValue(name, out var sub))
                _p.Nonsmooth.Add(new NonsmoothFact(name, sub, c.Span));
            switch (name)
            {
                case "transpose": return Transpose(x, c);
                case "inner":
                case "dot":
                    if (!s.Equals(args[1].Shape))
                        return Fail(quiet, DiagnosticIds.ProblemShapeMismatch, $"dimension mismatch: {name}({s}, {args[1].Shape}) needs two arguments of one shape", c.Span);
                    return Node(_f.Op(TensorOp.Inner, Shape.Scalar, c.Span, x, args[1]), c);
                case "hadamard":
                    if (!s.Equals(args[1].Shape))
                        return Fail(quiet, DiagnosticIds.ProblemShapeMismatch, $"dimension mismatch: hadamard({s}, {args[1].Shape}) needs two arguments of one shape", c.Span);
                    return Node(_f.Op(TensorOp.Multiply, s, c.Span, x, args[1]), c);
                case "square": return Node(_f.Power(x, 2, c.Span), c);
                case "total": return Node(_f.Op(TensorOp.Total, Shape.Scalar, c.Span, x), c);
                case "norm1":
                case "l1": return Node(_f.Op(TensorOp.Norm1, Shape.Scalar, c.Span, x), c);
                case "norm2":
                case "l2":
                case "frobenius": return Node(_f.Op(TensorOp.Norm2, Shape.Scalar, c.Span, x), c);
                case "sqnorm": return Node(_f.Op(TensorOp.SquaredNorm, Shape.Scalar, c.Span, x), c);
                case "trace":
                    if (!s.IsSquare) return Fail(quiet, DiagnosticIds.ProblemShapeMismatch, $"trace needs a square matrix, but this is a {s}", c.Span);
                    return Node(_f.Op(TensorOp.Trace, Shape.Scalar, c.Span, x), c);
                case "diag":
                    if (s.Columns != 1) return Fail(quiet, DiagnosticIds.ProblemShapeMismatch, $"diag makes a diagonal matrix from a vector, but this is a {s}", c.Span);
                    return Node(_f.Op(TensorOp.Diagonal, new Shape(s.Rows, s.Rows), c.Span, x), c);
                default:
                    return Node(_f.Op(Elementwise[name], s, c.Span, x), c);
            }
        }
    }
}
