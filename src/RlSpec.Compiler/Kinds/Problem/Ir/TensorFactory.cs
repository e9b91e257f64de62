using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Diagnostics;

namespace RlSpec.Compiler.Kinds.Problem.Ir
{
    /// <summary>
    /// Builds tensor nodes, hash-consed: a node with the same operation, shape, arguments and attributes as
    /// one built before is that node (common subexpressions are shared, so X·Xᵀ written in the objective and
    /// in a metric is computed once per evaluation). Computes what each node depends on as it is built.
    /// </summary>
    public sealed class TensorFactory
    {
        private readonly Dictionary<string, TensorNode> _nodes = new Dictionary<string, TensorNode>();
        private int _next;

        public TensorNode Constant(double value, SourceSpan span) =>
            Make(TensorOp.Constant, Shape.Scalar, new TensorNode[0], span, "c" + value.ToString("R"), n => n.Number = value);

        public TensorNode Variable(ProblemVariable v, SourceSpan span) =>
            Make(TensorOp.Variable, v.Shape, new TensorNode[0], span, "var:" + v.Name, n => { n.Variable = v; n.DependsOnVariables = true; });

        public TensorNode Data(ProblemData d, Shape shape, int familyCount, SourceSpan span) =>
            Make(TensorOp.Data, shape, new TensorNode[0], span, "data:" + d.Name, n => { n.Data = d; n.FamilyCount = familyCount; });

        public TensorNode Round(SourceSpan span) => Make(TensorOp.Round, Shape.Scalar, new TensorNode[0], span, "t", n => n.DependsOnRound = true);

        public TensorNode LoopIndex(LoopVariable loop, SourceSpan span) =>
            Make(TensorOp.LoopIndex, Shape.Scalar, new TensorNode[0], span, "i:" + loop.GetHashCode(), n => { n.Loop = loop; n.FreeLoops.Add(loop); });

        public TensorNode Element(TensorNode baseNode, IndexTerm[] indices, Shape shape, SourceSpan span) =>
            Make(TensorOp.Element, shape, new[] { baseNode }, span, "el:" + string.Join(",", indices.Select(i => i.Key)), n =>
            {
                n.Indices = indices;
                foreach (var i in indices)
                {
                    if (i.Variable != null) n.FreeLoops.Add(i.Variable);
                    if (i.Modulus > 0) n.DependsOnRound = true;
                }
            });

        public TensorNode Op(TensorOp op, Shape shape, SourceSpan span, params TensorNode[] args) => Make(op, shape, args, span, "");

        public TensorNode Power(TensorNode arg, double exponent, SourceSpan span) =>
            Make(TensorOp.Power, arg.Shape, new[] { arg }, span, "p" + exponent.ToString("R"), n => n.Number = exponent);

        public TensorNode Loop(TensorOp op, LoopVariable loop, TensorNode body, Shape shape, int familyCount, SourceSpan span) =>
            Make(op, shape, new[] { body }, span, "loop:" + loop.GetHashCode(), n => { n.Loop = loop; n.FamilyCount = familyCount; });

        public TensorNode Stack(TensorNode[] rows, Shape shape, SourceSpan span) => Make(TensorOp.Stack, shape, rows, span, "");

        public TensorNode Generate(string generator, IReadOnlyDictionary<string, double> args, Shape shape, int familyCount, SourceSpan span) =>
            Make(TensorOp.Generate, shape, new TensorNode[0], span, "gen:" + generator + string.Join(",", args.OrderBy(a => a.Key).Select(a => a.Key + "=" + a.Value.ToString("R"))) + "#" + _next,
                n => { n.Generator = generator; n.GeneratorArgs = args; n.FamilyCount = familyCount; });

        /// <summary>Numbers read from a data file (<c>csv("path")</c>): a data leaf like a generator's, never shared with another let.</summary>
        public TensorNode Table(double[] values, string path, Shape shape, SourceSpan span) =>
            Make(TensorOp.Generate, shape, new TensorNode[0], span, "csv:" + path + "#" + _next,
                n => { n.Generator = "csv"; n.Table = values; n.GeneratorArgs = new Dictionary<string, double> { ["seed"] = -1 }; });

        private TensorNode Make(TensorOp op, Shape shape, TensorNode[] args, SourceSpan span, string extra, System.Action<TensorNode>? configure = null)
        {
            var key = $"{op}|{shape.Rows}x{shape.Columns}|{string.Join(",", args.Select(a => a.Id))}|{extra}";
            if (_nodes.TryGetValue(key, out var existing)) return existing;
            var node = new TensorNode(_next++, op, shape, args, span);
            foreach (var a in args)
            {
                node.DependsOnVariables |= a.DependsOnVariables;
                node.DependsOnRound |= a.DependsOnRound;
                node.FreeLoops.UnionWith(a.FreeLoops);
            }
            configure?.Invoke(node);
            if (op is TensorOp.Sum or TensorOp.Comprehension) node.FreeLoops.Remove(node.Loop!);
            _nodes[key] = node;
            return node;
        }
    }
}
