using System;
using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Kinds.Problem.Ir;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Problem.Binding
{
    /// <summary>
    /// An entropic optimal-transport problem, <c>transport cost = C, source = a, target = b, epsilon = 0.05</c>: the
    /// plan is what Sinkhorn computes (no <c>var</c>, no objective). C is an n × m matrix, a a vector of n and b of m
    /// entries (data computed with the lets), ε a positive number known at compile time. Values known at compile time
    /// (numbers, csv tables) are checked here; generated or computed data is checked when the problem is created.
    /// </summary>
    internal sealed partial class ProblemBinder
    {
        /// <summary>The relative tolerance on the two marginals' masses (as the runtime's Sinkhorn checks them).</summary>
        internal const double MassTolerance = 1e-9;

        private BoundProblem? BindTransportProblem(IReadOnlyList<MemberNode> members, List<SettingNode> declarations)
        {
            if (declarations.Count > 1)
                _b.Error(DiagnosticIds.TransportDeclaration, $"the transport is declared already at line {declarations[0].Span.Line}; a problem has one `transport`", declarations[1].Key.Span);
            foreach (var m in members)
            {
                if (m is VariableNode v)
                    _b.Error(DiagnosticIds.TransportDeclaration, $"a transport problem has no variables: Sinkhorn computes the plan from the cost and the marginals; remove `var {v.Name.Text}` (or the `transport` line for a problem with an objective)", v.Span);
                if (m is SaddleNode || m is SettingNode { Key.Text: "minimize" or "track" or "regularize" or "optimum" or "gap" })
                    _b.Error(DiagnosticIds.TransportDeclaration, $"a transport problem's objective is the entropic transport cost ⟨C, P⟩ − ε H(P); remove this member", m.Span);
            }
            BindTransport(declarations[0]);
            return _b.Model.HasErrors || _p.Transport is null ? null : _p;
        }

        private void BindTransport(SettingNode node)
        {
            var args = new Dictionary<string, ArgumentNode>(StringComparer.Ordinal);
            foreach (var a in node.Arguments)
            {
                var name = a.Name?.Text;
                if (name is null || !(name is "cost" or "source" or "target" or "epsilon"))
                {
                    _b.Error(DiagnosticIds.TransportDeclaration,
                        (name is null ? "name each part of the transport" : $"'{name}' is not a part of a transport{Suggest(name, new[] { "cost", "source", "target", "epsilon" })}") +
                        "; write `transport cost = C, source = a, target = b, epsilon = 0.05`", a.Name?.Span ?? a.Span);
                    return;
                }
                if (args.ContainsKey(name))
                {
                    _b.Error(DiagnosticIds.TransportDeclaration, $"'{name}' is given twice in the transport; keep one", a.Name!.Span);
                    return;
                }
                args[name] = a;
            }
            var missing = new[] { "cost", "source", "target", "epsilon" }.FirstOrDefault(k => !args.ContainsKey(k));
            if (missing != null)
            {
                _b.Error(DiagnosticIds.TransportDeclaration, $"the transport gives no {missing}; write `transport cost = C, source = a, target = b, epsilon = 0.05`", node.Span);
                return;
            }
            var eps = args["epsilon"].Value;
            if (ConstNumber(eps, "the regularization epsilon") is not double epsilon) return;
            if (!(epsilon > 0) || double.IsInfinity(epsilon))
            {
                _b.Error(DiagnosticIds.TransportEpsilon, $"the regularization epsilon must be positive and finite, but it is {Real(epsilon)}; e.g. `epsilon = 0.05` (smaller is closer to unregularized transport and slower)", eps.Span);
                return;
            }
            var cost = Bind(args["cost"].Value, Context.Data);
            var source = Bind(args["source"].Value, Context.Data);
            var target = Bind(args["target"].Value, Context.Data);
            if (cost is null || source is null || target is null) return;
            if (cost.FamilyCount > 0 || cost.IsPacked || cost.Shape.Columns == 1)
            {
                // A vector is a one-column matrix, but one target leaves nothing to solve (the plan is the source): it is a slip.
                _b.Error(DiagnosticIds.TransportCostShape,
                    $"the cost must be a matrix, n sources × m targets with m ≥ 2, but it is a {Describe(cost)}; e.g. for points x and y, `let C = square(x) * transpose(ones_m) + ones_n * transpose(square(y)) - 2 * x * transpose(y)`", args["cost"].Value.Span);
                return;
            }
            int n = cost.Shape.Rows, m = cost.Shape.Columns;
            if (!CheckMarginal(source, args["source"].Value, n, "source", "rows", cost)) return;
            if (!CheckMarginal(target, args["target"].Value, m, "target", "columns", cost)) return;
            if (Known(cost) is { } c && Array.FindIndex(c, x => !(x - x == 0)) is int at && at >= 0)
            {
                _b.Error(DiagnosticIds.TransportNonFiniteCost, $"the cost's entry [{at / m + 1}, {at % m + 1}] is {Real(c[at])}; every cost must be a finite number (rescale the cost, or leave an impossible pair at a large finite cost)", args["cost"].Value.Span);
                return;
            }
            double? massA = Known(source)?.Sum(), massB = Known(target)?.Sum();
            if (massA is double sa && massB is double sb && Math.Abs(sa - sb) > MassTolerance * Math.Max(Math.Abs(sa), Math.Abs(sb)))
            {
                _b.Error(DiagnosticIds.TransportMarginalValues,
                    $"the source has mass {Real(sa)} and the target {Real(sb)}; a coupling moves all of one onto the other, so the sums must agree (to a relative {Real(MassTolerance)}): normalize both, e.g. `a / total(a)`", node.Span);
                return;
            }
            var data = new[] { ("transport_cost", cost, args["cost"]), ("transport_source", source, args["source"]), ("transport_target", target, args["target"]) }
                .Select(t => new ProblemData(t.Item1, t.Item3.Span) { Value = Node(t.Item2, t.Item3.Value), Dimensions = Dimensions(t.Item2), StoredLength = t.Item2.Shape.Length })
                .ToArray();
            foreach (var d in data) _p.Data.Add(d);
            _p.Transport = new TransportDeclaration(data[0], data[1], data[2], epsilon, node.Span);
        }

        private bool CheckMarginal(TensorNode marginal, ExprNode at, int length, string which, string side, TensorNode cost)
        {
            if (marginal.FamilyCount > 0 || marginal.IsPacked || marginal.Shape.Columns != 1 || marginal.Shape.Rows != length)
            {
                _b.Error(DiagnosticIds.TransportMarginalShape,
                    $"dimension mismatch: the {which} is a {Describe(marginal)}, but the cost is a {cost.Shape} and has {length} {side}; give a vector({length})", at.Span);
                return false;
            }
            if (Known(marginal) is { } values && values.Any(v => !(v > 0) || double.IsInfinity(v)))
            {
                var bad = values.First(v => !(v > 0) || double.IsInfinity(v));
                _b.Error(DiagnosticIds.TransportMarginalValues,
                    $"the {which} has the entry {Real(bad)}; marginal entries must be positive and finite (Sinkhorn divides by them in the log domain): drop the empty bins or add a small mass to them", at.Span);
                return false;
            }
            return true;
        }

        /// <summary>
        /// The entries of data known at compile time (numbers, lists, csv tables, and elementwise arithmetic, exp, log,
        /// sqrt and total of those), row-major; null for anything computed by loops or generators (checked at creation).
        /// </summary>
        private static double[]? Known(TensorNode n)
        {
            switch (n.Op)
            {
                case TensorOp.Constant: return Enumerable.Repeat(n.Number, n.Shape.Length).ToArray();
                case TensorOp.Data: return n.Data?.Value is { } inner && n.FamilyCount == 0 ? Known(inner) : null;
                case TensorOp.Generate: return n.Table;
                case TensorOp.Stack:
                {
                    var all = new List<double>();
                    foreach (var a in n.Args)
                        if (Known(a) is { } part) all.AddRange(part);
                        else return null;
                    return all.Count == n.Shape.Length ? all.ToArray() : null;
                }
                case TensorOp.Total: return Known(n.Args[0]) is { } t ? new[] { t.Sum() } : null;
                case TensorOp.Negate: return Map(n.Args[0], v => -v);
                case TensorOp.Exp: return Map(n.Args[0], Math.Exp);
                case TensorOp.Log: return Map(n.Args[0], Math.Log);
                case TensorOp.Sqrt: return Map(n.Args[0], Math.Sqrt);
                case TensorOp.Add: return Zip(n, (x, y) => x + y);
                case TensorOp.Subtract: return Zip(n, (x, y) => x - y);
                case TensorOp.Multiply: return Zip(n, (x, y) => x * y);
                case TensorOp.Divide: return Zip(n, (x, y) => x / y);
                default: return null;
            }
        }

        private static double[]? Map(TensorNode a, Func<double, double> f) => Known(a) is { } v ? v.Select(f).ToArray() : null;

        /// <summary>An elementwise operation (a scalar operand broadcasts).</summary>
        private static double[]? Zip(TensorNode n, Func<double, double, double> f)
        {
            if (n.Args.Length != 2 || Known(n.Args[0]) is not { } x || Known(n.Args[1]) is not { } y) return null;
            int length = n.Shape.Length;
            if (!(x.Length == length || x.Length == 1) || !(y.Length == length || y.Length == 1)) return null;
            var r = new double[length];
            for (int k = 0; k < length; k++) r[k] = f(x[x.Length == 1 ? 0 : k], y[y.Length == 1 ? 0 : k]);
            return r;
        }
    }
}
