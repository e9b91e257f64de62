using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Kinds.Problem.Binding;
using RlSpec.Compiler.Kinds.Problem.Emit;
using RlSpec.Compiler.Kinds.Problem.Ir;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Kinds.Problem.Lowering
{
    /// <summary>
    /// Schedules a bound problem for reverse-mode differentiation: orders the objective's nodes, finds the
    /// sums whose adjoint is a compile-time constant (a sum that enters the objective only through + − and
    /// multiplication or division by constants, like <c>sum(...) / (2 m)</c>) and fuses their backward pass
    /// into the forward loop, and marks the finite sum (those fused sums over the first such range).
    /// </summary>
    internal static class ProblemLowering
    {
        public static ProblemIr Lower(BoundProblem p, Binder binder, CancellationToken cancellationToken)
        {
            var typeName = CSharpNames.TypeName(binder.Model.Name, ProblemEmitter.MemberNames);
            var ir = new ProblemIr(binder.Model.Name, typeName, CSharpNames.PortablePath(binder.Model.Source.Path), p);
            ir.Dimension = p.Variables.Sum(v => v.Shape.Length);
            if (p.Transport != null) return ir; // no objective: the data is all there is to emit
            ir.ObjectiveOrder.AddRange(Order(new[] { p.Objective }));
            foreach (var pair in ConstantAdjoints(ir.ObjectiveOrder, p.Objective))
                ir.FusedSums[pair.Key] = pair.Value;
            var first = ir.ObjectiveOrder.FirstOrDefault(n => ir.FusedSums.ContainsKey(n));
            if (first != null)
            {
                ir.Terms = first.Loop!.Count;
                foreach (var s in ir.FusedSums.Keys)
                    if (s.Loop!.Lo == first.Loop.Lo && s.Loop.Hi == first.Loop.Hi) ir.FiniteSums.Add(s);
            }
            var metricRoots = new List<TensorNode>();
            foreach (var m in p.Metrics)
                metricRoots.Add(m.Eigenvalues && GramFactor(m.Value) is { } b ? b : m.Value);
            ir.MetricOrder.AddRange(Order(metricRoots));
            return ir;
        }

        /// <summary>B when <paramref name="m"/> is B·Bᵀ with B thinner than tall (its spectrum is that of the small Bᵀ·B, plus zeros).</summary>
        internal static TensorNode? GramFactor(TensorNode m) =>
            m.Op == TensorOp.MatrixProduct && m.Args[1].Op == TensorOp.Transpose && m.Args[1].Args[0] == m.Args[0] && m.Args[0].Shape.Columns < m.Args[0].Shape.Rows
                ? m.Args[0] : null;

        /// <summary>Post-order over arguments (a sum's body before the sum): every node after what it reads.</summary>
        internal static List<TensorNode> Order(IEnumerable<TensorNode> roots)
        {
            var order = new List<TensorNode>();
            var seen = new HashSet<TensorNode>();
            // Iterative, so a deep expression cannot overflow the stack.
            var stack = new Stack<(TensorNode Node, int Next)>();
            foreach (var root in roots)
            {
                if (!seen.Add(root)) continue;
                stack.Push((root, 0));
                while (stack.Count > 0)
                {
                    var (node, next) = stack.Pop();
                    if (next < node.Args.Length)
                    {
                        stack.Push((node, next + 1));
                        var a = node.Args[next];
                        if (seen.Add(a)) stack.Push((a, 0));
                    }
                    else order.Add(node);
                }
            }
            return order;
        }

        /// <summary>
        /// The sums outside every loop whose adjoint ∂f/∂sum is a constant: a backward sweep over the
        /// top-level scalar nodes where a partial derivative is known only through + − and products or
        /// quotients with constants (null marks "depends on values").
        /// </summary>
        private static Dictionary<TensorNode, double> ConstantAdjoints(List<TensorNode> order, TensorNode root)
        {
            var adj = new Dictionary<TensorNode, double?> { [root] = 1.0 };
            // A top-level node read inside a loop gets adjoint from each iteration: not a constant.
            foreach (var n in order)
                if (n.Home != null)
                    foreach (var arg in n.Args)
                        if (arg.Home == null) adj[arg] = null;
            for (int k = order.Count - 1; k >= 0; k--)
            {
                var n = order[k];
                if (n.Home != null || !adj.TryGetValue(n, out var a)) continue;
                for (int j = 0; j < n.Args.Length; j++)
                {
                    var arg = n.Args[j];
                    if (!arg.DependsOnVariables || arg.Home != null) continue;
                    double? partial = null;
                    if (n.Shape.IsScalar && arg.Shape.IsScalar)
                    {
                        var other = n.Args.Length == 2 ? n.Args[1 - j] : null;
                        partial = n.Op switch
                        {
                            TensorOp.Add => 1,
                            TensorOp.Subtract => j == 0 ? 1 : -1,
                            TensorOp.Negate => -1,
                            TensorOp.Multiply when other!.Op == TensorOp.Constant => other.Number,
                            TensorOp.Divide when j == 0 && other!.Op == TensorOp.Constant => 1 / other.Number,
                            _ => null,
                        };
                    }
                    double? contribution = a is null || partial is null ? null : a * partial;
                    adj[arg] = adj.TryGetValue(arg, out var before) ? (before is null || contribution is null ? null : before + contribution) : contribution;
                }
            }
            var result = new Dictionary<TensorNode, double>();
            foreach (var pair in adj)
                if (pair.Key.Op == TensorOp.Sum && pair.Value is double v && v != 0 && pair.Key.Home == null) result[pair.Key] = v;
            return result;
        }
    }
}
