using System.Collections.Generic;
using RlSpec.Compiler.Diagnostics;

namespace RlSpec.Compiler.Syntax
{
    // The abstract syntax tree: immutable records, one per construct, each with its source span.
    // Built from the ANTLR parse tree by AstBuilder; nothing downstream sees ANTLR types.

    /// <summary>A parsed .rlspec file.</summary>
    public sealed record FileNode(string Path, IReadOnlyList<ModelNode> Models);

    /// <summary><c>kind Name (on Target)? modifier* { members }</c>.</summary>
    public sealed record ModelNode(string Kind, SourceSpan KindSpan, string Name, SourceSpan NameSpan, IReadOnlyList<MemberNode> Members, SourceSpan Span,
        Identifier? Target = null, IReadOnlyList<Identifier>? Modifiers = null);

    /// <summary>A name with where it was written.</summary>
    public sealed record Identifier(string Text, SourceSpan Span);

    // ---- Members ------------------------------------------------------------------------------

    public abstract record MemberNode(SourceSpan Span);

    /// <summary><c>param name (: type)? = default</c>.</summary>
    public sealed record ParamNode(Identifier Name, string? DeclaredType, ExprNode Default, SourceSpan Span) : MemberNode(Span);

    /// <summary><c>let name = expr</c>.</summary>
    public sealed record LetNode(Identifier Name, ExprNode Value, SourceSpan Span) : MemberNode(Span);

    /// <summary><c>let name ~ distribution</c>: a random variable with finite support.</summary>
    public sealed record RandomNode(Identifier Name, ExprNode Distribution, SourceSpan Span) : MemberNode(Span);

    public abstract record StateVarNode(Identifier Name, SourceSpan Span) : MemberNode(Span);

    /// <summary><c>state x in lo..hi</c>.</summary>
    public sealed record RangeStateVarNode(Identifier Name, ExprNode Lo, ExprNode Hi, SourceSpan Span) : StateVarNode(Name, Span);

    /// <summary><c>state b : bool</c>.</summary>
    public sealed record BoolStateVarNode(Identifier Name, SourceSpan Span) : StateVarNode(Name, Span);

    /// <summary><c>state light in {red, green}</c>.</summary>
    public sealed record EnumStateVarNode(Identifier Name, IReadOnlyList<Identifier> Values, SourceSpan Span) : StateVarNode(Name, Span);

    /// <summary><c>action name</c> or <c>action name(i in lo..hi)</c>, optionally <c>when guard</c>.</summary>
    public sealed record ActionNode(Identifier Name, Identifier? Index, ExprNode? Lo, ExprNode? Hi, ExprNode? Guard, SourceSpan Span) : MemberNode(Span);

    /// <summary><c>init x = e, y = e @ p | ...</c>.</summary>
    public sealed record InitNode(IReadOnlyList<InitBranchNode> Branches, SourceSpan Span) : MemberNode(Span);

    public sealed record InitBranchNode(IReadOnlyList<InitAssignmentNode> Assignments, ExprNode? Probability, SourceSpan Span);

    public sealed record InitAssignmentNode(Identifier Name, ExprNode Value, SourceSpan Span);

    /// <summary><c>discount γ</c>.</summary>
    public sealed record DiscountNode(ExprNode Value, SourceSpan Span) : MemberNode(Span);

    /// <summary><c>horizon H</c>.</summary>
    public sealed record HorizonNode(ExprNode Value, SourceSpan Span) : MemberNode(Span);

    /// <summary><c>average</c>.</summary>
    public sealed record AverageNode(SourceSpan Span) : MemberNode(Span);

    /// <summary><c>until condition</c>: the terminal states.</summary>
    public sealed record UntilNode(ExprNode Condition, SourceSpan Span) : MemberNode(Span);

    /// <summary><c>default: outcomes</c>: applies to any enabled action no rule matches.</summary>
    public sealed record DefaultNode(IReadOnlyList<BranchNode> Branches, SourceSpan Span) : MemberNode(Span);

    /// <summary><c>transition action = [[...]]</c>: an explicit |S| x |S| table.</summary>
    public sealed record TransitionTableNode(Identifier Action, ExprNode Table, SourceSpan Span) : MemberNode(Span);

    /// <summary><c>reward = [[...]]</c>: reward[s][a].</summary>
    public sealed record RewardTableNode(ExprNode Table, SourceSpan Span) : MemberNode(Span);

    /// <summary><c>reward (action)? (when guard)? : value</c>.</summary>
    public sealed record RewardNode(ActionRefNode? Action, ExprNode? Guard, ExprNode Value, SourceSpan Span) : MemberNode(Span);

    /// <summary><c>action (when guard)? : outcomes</c>: a guarded probabilistic transition rule.</summary>
    /// <summary>
    /// <c>reward(x) ~ normal(dot(theta, x), 0.1)</c> or <c>reward(t, a) = ...</c>: a reward as a function of its
    /// parameters, drawn (<c>~</c>) or computed (<c>=</c>). Which parameters a kind expects is the kind's call.
    /// </summary>
    public sealed record RewardFunctionNode(IReadOnlyList<Identifier> Parameters, bool IsDistribution, ExprNode Value, SourceSpan Span) : MemberNode(Span);

    /// <summary>
    /// A setting <c>key value, name = value, ...</c> (<c>runs 1000</c>, <c>arms ...</c>, <c>compare ucb1, kl_ucb</c>):
    /// the declaration's kind gives the key its meaning and binds the arguments.
    /// </summary>
    public sealed record SettingNode(Identifier Key, IReadOnlyList<ArgumentNode> Arguments, SourceSpan Span) : MemberNode(Span);

    /// <summary>
    /// <c>var X : matrix(n, k) in ball(1) init gaussian(scale = 1e-3)</c>: a variable of an optimization
    /// problem with its shape, domain and initialization (the <c>problem</c> kind; <see cref="Word"/> should be <c>var</c>).
    /// </summary>
    public sealed record VariableNode(Identifier Word, Identifier Name, ExprNode Shape, ExprNode? Domain, ExprNode? Init, SourceSpan Span) : MemberNode(Span);

    /// <summary><c>min x max y f(x, y)</c>: a saddle-point objective (the <c>problem</c> kind).</summary>
    public sealed record SaddleNode(Identifier MinWord, IReadOnlyList<Identifier> MinVariables, Identifier MaxWord, IReadOnlyList<Identifier> MaxVariables, ExprNode Body, SourceSpan Span) : MemberNode(Span);

    public sealed record RuleNode(ActionRefNode Action, ExprNode? Guard, IReadOnlyList<BranchNode> Branches, SourceSpan Span) : MemberNode(Span);

    /// <summary><c>name</c> or <c>name(i)</c> in a rule head.</summary>
    public sealed record ActionRefNode(Identifier Name, Identifier? Index, SourceSpan Span);

    /// <summary>One branch of a rule: an outcome and its probability (absent means 1).</summary>
    public sealed record BranchNode(IReadOnlyList<AssignmentNode> Assignments, bool IsStay, ExprNode? Probability, SourceSpan Span);

    /// <summary><c>x' = expr</c>.</summary>
    public sealed record AssignmentNode(Identifier Name, ExprNode Value, SourceSpan Span);

    // ---- Expressions --------------------------------------------------------------------------

    public abstract record ExprNode(SourceSpan Span);

    public sealed record IntLiteral(long Value, SourceSpan Span) : ExprNode(Span);

    public sealed record RealLiteral(double Value, SourceSpan Span) : ExprNode(Span);

    /// <summary>A double-quoted string: a label or a title, nothing else.</summary>
    public sealed record StringLiteral(string Value, SourceSpan Span) : ExprNode(Span);

    public sealed record BoolLiteral(bool Value, SourceSpan Span) : ExprNode(Span);

    public sealed record NameExpr(string Name, bool Primed, SourceSpan Span) : ExprNode(Span);

    public sealed record UnaryExpr(string Op, ExprNode Operand, SourceSpan Span) : ExprNode(Span);

    /// <summary><c>a ^ b</c>: the one right-associative binary operator (a chain of them is real nesting).</summary>
    public sealed record BinaryExpr(string Op, ExprNode Left, ExprNode Right, SourceSpan Span) : ExprNode(Span);

    /// <summary>
    /// A left-associative chain of operators of one precedence level (<c>* / %</c>, <c>+ -</c>,
    /// comparisons, <c>&amp;&amp;</c>, <c>||</c>): <c>a + b - c</c> is <c>First = a</c>, <c>Links = [+ b, - c]</c>
    /// and means <c>(a + b) - c</c>. Kept flat, never as a left-deep tree of binaries, so that every stage
    /// handles a chain of 100,000 terms with a loop; only real nesting counts toward the nesting limit.
    /// </summary>
    public sealed record ChainExpr(ExprNode First, IReadOnlyList<ChainLink> Links, SourceSpan Span) : ExprNode(Span)
    {
        /// <summary>The span of the chain up to and including link <paramref name="k"/>: the left operand of link k + 1.</summary>
        public SourceSpan SpanThrough(int k) => k < 0 ? First.Span : First.Span.To(Links[k].Operand.Span);
    }

    /// <summary>One operator of a <see cref="ChainExpr"/> and its right operand.</summary>
    public sealed record ChainLink(string Op, SourceSpan OpSpan, ExprNode Operand);

    public sealed record IfExpr(ExprNode Condition, ExprNode Then, ExprNode Else, SourceSpan Span) : ExprNode(Span);

    public sealed record CallExpr(Identifier Function, IReadOnlyList<ArgumentNode> Arguments, SourceSpan Span) : ExprNode(Span);

    public sealed record ArgumentNode(Identifier? Name, ExprNode Value, SourceSpan Span);

    public sealed record IndexExpr(ExprNode Target, ExprNode Index, SourceSpan Span) : ExprNode(Span);

    public sealed record ListExpr(IReadOnlyList<ExprNode> Elements, SourceSpan Span) : ExprNode(Span);

    /// <summary><c>[element for var in lo..hi]</c>.</summary>
    public sealed record ComprehensionExpr(ExprNode Element, Identifier Variable, ExprNode Lo, ExprNode Hi, SourceSpan Span) : ExprNode(Span);

    /// <summary><c>sum(var in lo..hi, body)</c>.</summary>
    public sealed record SumExpr(Identifier Variable, ExprNode Lo, ExprNode Hi, ExprNode Body, SourceSpan Span) : ExprNode(Span);

    /// <summary><c>dist truncated lo..hi</c> (renormalized) or <c>dist clamped lo..hi</c> (tails moved to the ends).</summary>
    public sealed record TruncateExpr(ExprNode Distribution, bool Clamp, ExprNode Lo, ExprNode Hi, SourceSpan Span) : ExprNode(Span);
}
