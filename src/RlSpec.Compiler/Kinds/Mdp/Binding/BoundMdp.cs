using System.Collections.Generic;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Kinds.Mdp.Binding
{
    /// <summary>Which optimality criterion a model declared.</summary>
    public enum CriterionKind
    {
        Discounted,
        FiniteHorizon,
        TotalReward,
        AverageReward,
    }

    /// <summary>One <c>x' = e</c> (or <c>x = e</c> in <c>init</c>).</summary>
    public sealed record BoundAssignment(StateVarSymbol Variable, BoundExpr Value, SourceSpan Span);

    /// <summary>One outcome of a rule: assignments (others keep their value) and a probability (null = 1).</summary>
    public sealed record BoundBranch(IReadOnlyList<BoundAssignment> Assignments, BoundExpr? Probability, SourceSpan Span);

    /// <summary>
    /// A transition rule for one action (or the default rule when <see cref="Action"/> is null);
    /// <see cref="HeadSpan"/> covers <c>action (when guard)?</c>.
    /// </summary>
    public sealed record BoundRule(int Id, ActionSymbol? Action, LocalSymbol? Index, BoundExpr? Guard, IReadOnlyList<BoundBranch> Branches, SourceSpan? HeadSpan, SourceSpan Span);

    /// <summary>
    /// A reward term; all matching terms add up. <see cref="Value"/> may be a distribution (its mean
    /// counts). <see cref="HeadSpan"/> covers <c>reward action when guard</c>, null for a bare <c>reward:</c>.
    /// </summary>
    public sealed record BoundReward(ActionSymbol? Action, LocalSymbol? Index, BoundExpr? Guard, BoundExpr Value, SourceSpan? HeadSpan, SourceSpan Span);

    /// <summary>An explicit |S| x |S| transition table for one (non-family) action, evaluated at compile time.</summary>
    public sealed record BoundTransitionTable(ActionSymbol Action, BoundExpr Table, SourceSpan Span);

    /// <summary>An MDP after binding: the shared declaration plus state variables, actions, criterion, rules and rewards in source order.</summary>
    public sealed class BoundMdp
    {
        public BoundMdp(BoundModel declaration) { Declaration = declaration; }

        /// <summary>Params, lets, random variables and the evaluator, bound by the shared binder.</summary>
        public BoundModel Declaration { get; }

        public string Name => Declaration.Name;

        public ConstantEvaluator Evaluator => Declaration.Evaluator;

        public List<StateVarSymbol> StateVars { get; } = new List<StateVarSymbol>();

        public List<ActionSymbol> Actions { get; } = new List<ActionSymbol>();

        public List<BoundBranch> Init { get; } = new List<BoundBranch>();

        public SourceSpan? InitSpan { get; internal set; }

        public CriterionKind Criterion { get; internal set; }

        public BoundExpr? Discount { get; internal set; }

        public BoundExpr? Horizon { get; internal set; }

        public BoundExpr? Until { get; internal set; }

        public BoundRule? Default { get; internal set; }

        public List<BoundRule> Rules { get; } = new List<BoundRule>();

        public List<BoundReward> Rewards { get; } = new List<BoundReward>();

        public List<BoundTransitionTable> TransitionTables { get; } = new List<BoundTransitionTable>();

        public BoundExpr? RewardTable { get; internal set; }

        public SourceSpan RewardTableSpan { get; internal set; }
    }
}
