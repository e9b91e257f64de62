using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Antlr4.Runtime;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Syntax.Generated;
using P = RlSpec.Compiler.Syntax.Generated.RlSpecParser;

namespace RlSpec.Compiler.Syntax
{
    /// <summary>Turns a syntactically valid ANTLR parse tree into the immutable AST.</summary>
    internal sealed class AstBuilder
    {
        private readonly string _path;
        private readonly DiagnosticBag _diagnostics;

        public AstBuilder(string path, DiagnosticBag diagnostics)
        {
            _path = path;
            _diagnostics = diagnostics;
        }

        public FileNode BuildFile(P.FileContext file) =>
            new FileNode(_path, file.model().Select(BuildModel).ToList());

        private SourceSpan Span(ParserRuleContext c) => Spans.Of(_path, c);

        private SourceSpan Span(IToken t) => Spans.Of(_path, t);

        private Identifier Id(IToken t) => new Identifier(t.Text, Span(t));

        private ModelNode BuildModel(P.ModelContext m) =>
            new ModelNode(m.kind.Text, Span(m.kind), m.name.Text, Span(m.name), m.member().SelectMany(BuildMember).ToList(), Span(m),
                m.target is null ? null : Id(m.target), m._modifier.Select(Id).ToList());

        private IEnumerable<MemberNode> BuildMember(P.MemberContext member)
        {
            switch (member)
            {
                case P.ParamMemberContext c:
                    foreach (var d in c.paramDecl())
                        yield return new ParamNode(Id(d.name), d.type?.Text, Expr(d.expr()), Span(d));
                    break;
                case P.LetMemberContext c:
                    yield return new LetNode(Id(c.name), Expr(c.expr()), Span(c));
                    break;
                case P.RandomMemberContext c:
                    yield return new RandomNode(Id(c.name), Expr(c.expr()), Span(c));
                    break;
                case P.StateMemberContext c:
                    foreach (var v in c.stateVar())
                        yield return StateVar(v);
                    break;
                case P.ActionMemberContext c:
                    foreach (var a in c.actionDecl())
                    {
                        yield return new ActionNode(Id(a.name), a.index is null ? null : Id(a.index),
                            a.lo is null ? null : Expr(a.lo), a.hi is null ? null : Expr(a.hi),
                            a.guard is null ? null : Expr(a.guard), Span(a));
                    }
                    break;
                case P.InitMemberContext c:
                    yield return new InitNode(c.initBranch().Select(b => new InitBranchNode(
                        b.initAssignment().Select(a => new InitAssignmentNode(Id(a.name), Expr(a.expr()), Span(a))).ToList(),
                        b.prob is null ? null : Expr(b.prob), Span(b))).ToList(), Span(c));
                    break;
                case P.DiscountMemberContext c:
                    yield return new DiscountNode(Expr(c.expr()), Span(c));
                    break;
                case P.HorizonMemberContext c:
                    yield return new HorizonNode(Expr(c.expr()), Span(c));
                    break;
                case P.AverageMemberContext c:
                    yield return new AverageNode(Span(c));
                    break;
                case P.UntilMemberContext c:
                    yield return new UntilNode(Expr(c.expr()), Span(c));
                    break;
                case P.DefaultMemberContext c:
                    yield return new DefaultNode(Branches(c.outcomes()), Span(c));
                    break;
                case P.TransitionTableMemberContext c:
                    yield return new TransitionTableNode(Id(c.name), Expr(c.expr()), Span(c));
                    break;
                case P.RewardTableMemberContext c:
                    yield return new RewardTableNode(Expr(c.expr()), Span(c));
                    break;
                case P.RewardMemberContext c:
                    yield return new RewardNode(c.actionRef() is { } r ? ActionRef(r) : null,
                        c.guard is null ? null : Expr(c.guard), Expr(c.value), Span(c));
                    break;
                case P.RewardFunctionMemberContext c:
                    yield return new RewardFunctionNode(c.ID().Select(t => Id(t.Symbol)).ToList(), c.op.Type == P.TILDE, Expr(c.value), Span(c));
                    break;
                case P.VariableMemberContext c:
                    yield return new VariableNode(Id(c.word), Id(c.name), Expr(c.shape), c.domain is null ? null : Expr(c.domain), c.init is null ? null : Expr(c.init), Span(c));
                    break;
                case P.SaddleMemberContext c:
                    yield return new SaddleNode(Id(c.minWord), c._minVars.Select(Id).ToList(), Id(c.maxWord), c._maxVars.Select(Id).ToList(), Expr(c.body), Span(c));
                    break;
                case P.SettingMemberContext c:
                    yield return new SettingNode(Id(c.key), c.argument().Select(Argument).ToList(), Span(c));
                    break;
                case P.RuleMemberContext c:
                    yield return new RuleNode(ActionRef(c.actionRef()), c.guard is null ? null : Expr(c.guard), Branches(c.outcomes()), Span(c));
                    break;
            }
        }

        private StateVarNode StateVar(P.StateVarContext v) => v switch
        {
            P.RangeStateVarContext r => new RangeStateVarNode(Id(r.name), Expr(r.lo), Expr(r.hi), Span(r)),
            P.BoolStateVarContext b => new BoolStateVarNode(Id(b.name), Span(b)),
            P.EnumStateVarContext e => new EnumStateVarNode(Id(e.name), e.ID().Skip(1).Select(t => Id(t.Symbol)).ToList(), Span(e)),
            _ => throw new System.InvalidOperationException("unknown state variable form"),
        };

        private ArgumentNode Argument(P.ArgumentContext a) =>
            new ArgumentNode(a.name is null ? null : Id(a.name), Expr(a.expr()), Span(a));

        private ActionRefNode ActionRef(P.ActionRefContext r) =>
            new ActionRefNode(Id(r.name), r.index is null ? null : Id(r.index), Span(r));

        private List<BranchNode> Branches(P.OutcomesContext outcomes) =>
            outcomes.branch().Select(b => b.outcome() switch
            {
                P.StayOutcomeContext _ => new BranchNode(new AssignmentNode[0], true, b.prob is null ? null : Expr(b.prob), Span(b)),
                P.AssignOutcomeContext a => new BranchNode(
                    a.assignment().Select(x => new AssignmentNode(Id(x.name), Expr(x.expr()), Span(x))).ToList(),
                    false, b.prob is null ? null : Expr(b.prob), Span(b)),
                _ => throw new System.InvalidOperationException("unknown outcome form"),
            }).ToList();

        private ExprNode Expr(P.ExprContext e)
        {
            var span = Span(e);
            switch (e)
            {
                case P.PrimaryExprContext p: return Primary(p.primary());
                case P.IndexExprContext c: return new IndexExpr(Expr(c.expr(0)), Expr(c.index), span);
                case P.PowerExprContext c: return new BinaryExpr("^", Expr(c.expr(0)), Expr(c.expr(1)), span);
                case P.UnaryExprContext c: return new UnaryExpr(c.op.Text, Expr(c.expr()), span);
                case P.MultiplyExprContext _:
                case P.AddExprContext _:
                case P.CompareExprContext _:
                case P.AndExprContext _:
                case P.OrExprContext _:
                    return Chain(e, span);
                case P.TruncateExprContext c:
                    return new TruncateExpr(Expr(c.expr(0)), c.op.Type == RlSpecLexer.CLAMPED, Expr(c.lo), Expr(c.hi), span);
                case P.IfExprContext c: return new IfExpr(Expr(c.cond), Expr(c.then), Expr(c.otherwise), span);
                default: throw new System.InvalidOperationException("unknown expression form");
            }
        }

        /// <summary>
        /// ANTLR parses <c>a + b + c</c> into a left-deep tree, ((a + b) + c); it is walked down its left
        /// spine with a loop, not with recursion, so a flat chain of any length builds in constant stack.
        /// </summary>
        private ExprNode Chain(P.ExprContext e, SourceSpan span)
        {
            var level = e.GetType();
            var links = new List<ChainLink>();
            var node = e;
            while (node.GetType() == level)
            {
                var (left, op, right) = Operands(node);
                links.Add(new ChainLink(op.Text, Span(op), Expr(right)));
                node = left;
            }
            links.Reverse();
            return new ChainExpr(Expr(node), links, span);
        }

        private static (P.ExprContext Left, IToken Op, P.ExprContext Right) Operands(P.ExprContext e) => e switch
        {
            P.MultiplyExprContext c => (c.expr(0), c.op, c.expr(1)),
            P.AddExprContext c => (c.expr(0), c.op, c.expr(1)),
            P.CompareExprContext c => (c.expr(0), c.op, c.expr(1)),
            P.AndExprContext c => (c.expr(0), c.op, c.expr(1)),
            P.OrExprContext c => (c.expr(0), c.op, c.expr(1)),
            _ => throw new System.InvalidOperationException("not a chain operator"),
        };

        private ExprNode Primary(P.PrimaryContext p)
        {
            var span = Span(p);
            switch (p)
            {
                case P.IntLiteralContext c:
                {
                    var text = c.GetText().Replace("_", "");
                    if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v <= int.MaxValue)
                        return new IntLiteral(v, span);
                    _diagnostics.Add(new Diagnostic(DiagnosticIds.InvalidNumber, Severity.Error,
                        $"the integer {c.GetText()} is larger than {int.MaxValue}; write it as a real (e.g. {text}.0) if a real is meant", span));
                    return new IntLiteral(0, span);
                }
                case P.RealLiteralContext c:
                {
                    var text = c.GetText().Replace("_", "");
                    if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && !double.IsInfinity(v))
                        return new RealLiteral(v, span);
                    _diagnostics.Add(new Diagnostic(DiagnosticIds.InvalidNumber, Severity.Error,
                        $"the number {c.GetText()} is out of the range of a double", span));
                    return new RealLiteral(0, span);
                }
                case P.BoolLiteralContext c: return new BoolLiteral(c.TRUE() != null, span);
                case P.SumExprContext c: return new SumExpr(Id(c.var), Expr(c.lo), Expr(c.hi), Expr(c.body), span);
                case P.CallExprContext c:
                    return new CallExpr(Id(c.name), c.argument().Select(Argument).ToList(), span);
                case P.StringLiteralContext c:
                {
                    var text = c.GetText();
                    return new StringLiteral(text.Substring(1, text.Length - 2).Replace("\\\"", "\"").Replace("\\\\", "\\"), span);
                }
                case P.PrimedNameContext c: return new NameExpr(c.name.Text, true, span);
                case P.NameContext c: return new NameExpr(c.name.Text, false, span);
                case P.ParenExprContext c: return Expr(c.expr());
                case P.ComprehensionExprContext c: return new ComprehensionExpr(Expr(c.element), Id(c.var), Expr(c.lo), Expr(c.hi), span);
                case P.ListExprContext c: return new ListExpr(c.expr().Select(Expr).ToList(), span);
                default: throw new System.InvalidOperationException("unknown primary form");
            }
        }
    }
}
