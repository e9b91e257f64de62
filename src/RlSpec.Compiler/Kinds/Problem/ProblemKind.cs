using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RlSpec.Compiler.Kinds.Problem.Binding;
using RlSpec.Compiler.Kinds.Problem.Emit;
using RlSpec.Compiler.Kinds.Problem.Ir;
using RlSpec.Compiler.Kinds.Problem.Lowering;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Problem
{
    /// <summary>
    /// The <c>problem</c> kind: an optimization problem with scalar, vector and matrix variables (each with
    /// a domain and an initialization), data from seeded generators, an objective (<c>minimize f</c> or
    /// <c>min x max y f</c>), tracked metrics and an optional l1 regularizer. Bind (<see cref="ProblemBinder"/>)
    /// gives tensor nodes with shapes, lowering (<see cref="ProblemLowering"/>) schedules reverse-mode
    /// differentiation, and <see cref="ProblemEmitter"/> writes a struct implementing
    /// <c>RlSpec.Runtime.Optimization.ICompositeProblem</c>. docs/optimization.md is the reference.
    /// </summary>
    public sealed class ProblemKind : ModelKind<BoundProblem, ProblemIr>
    {
        public override string Keyword => "problem";

        public override bool BindsOwnLets => true;

        public override string MemberSummary =>
            "param, let (data), var (variables), minimize or min ... max ... (the objective), track (metrics), regularize l1(x, lambda), optimum x = ..., gap radius = R, and for entropic optimal transport transport cost = C, source = a, target = b, epsilon = e";

        public override IReadOnlyList<string> MemberWords { get; } = new[] { "param", "let", "var", "minimize", "track", "regularize", "optimum", "gap", "transport" };

        public override bool Allows(MemberNode member) =>
            member is LetNode or RandomNode or VariableNode or SaddleNode || member is SettingNode { Key.Text: "minimize" or "track" or "regularize" or "optimum" or "gap" or "transport" };

        public override BoundProblem? Bind(Binder binder) => ProblemBinder.Bind(binder);

        public override ProblemIr? Lower(BoundProblem bound, Binder binder, CancellationToken cancellationToken) =>
            ProblemLowering.Lower(bound, binder, cancellationToken);

        public override EmittedCode Emit(ProblemIr ir) => new EmittedCode(ir.TypeName, ProblemEmitter.Emit(ir));

        /// <summary>
        /// The non-smooth operations of a problem declaration's objective and regularizers (abs, relu, norm1/l1,
        /// norm2/frobenius, regularize l1), each with the sub-gradient the compiled gradient takes at its kink:
        /// read from the syntax, for a kind that runs methods on the problem and warns when one needs smoothness.
        /// </summary>
        public static IReadOnlyList<NonsmoothFact> NonsmoothOperations(ModelNode problem)
        {
            var facts = new List<NonsmoothFact>();
            foreach (var m in problem.Members)
            {
                ExprNode? body = m switch
                {
                    SaddleNode s => s.Body,
                    SettingNode { Key.Text: "minimize" } s when s.Arguments.Count == 1 => s.Arguments[0].Value,
                    SettingNode { Key.Text: "regularize" } s when s.Arguments.Count == 1 => s.Arguments[0].Value,
                    _ => null,
                };
                if (body != null) Collect(body, facts);
            }
            return facts;
        }

        private static void Collect(ExprNode e, List<NonsmoothFact> facts)
        {
            var stack = new Stack<ExprNode>();
            stack.Push(e);
            while (stack.Count > 0)
            {
                switch (stack.Pop())
                {
                    case CallExpr c:
                        if (ProblemBinder.SubGradients.TryGetValue(c.Function.Text, out var sub)) facts.Add(new NonsmoothFact(c.Function.Text, sub, c.Span));
                        foreach (var a in c.Arguments) stack.Push(a.Value);
                        break;
                    case ChainExpr ch:
                        stack.Push(ch.First);
                        foreach (var l in ch.Links) stack.Push(l.Operand);
                        break;
                    case BinaryExpr b: stack.Push(b.Left); stack.Push(b.Right); break;
                    case UnaryExpr u: stack.Push(u.Operand); break;
                    case SumExpr s: stack.Push(s.Body); break;
                    case IndexExpr x: stack.Push(x.Target); stack.Push(x.Index); break;
                }
            }
        }
    }
}
