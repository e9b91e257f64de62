using System.Collections.Generic;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Semantics
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

    /// <summary>A transition rule for one action (or the default rule when <see cref="Action"/> is null).</summary>
    public sealed record BoundRule(int Id, ActionSymbol? Action, LocalSymbol? Index, BoundExpr? Guard, IReadOnlyList<BoundBranch> Branches, string Text, SourceSpan Span);

    /// <summary>A reward term; all matching terms add up. <see cref="Value"/> may be a distribution (its mean counts).</summary>
    public sealed record BoundReward(ActionSymbol? Action, LocalSymbol? Index, BoundExpr? Guard, BoundExpr Value, string Text, SourceSpan Span);

    /// <summary>An explicit |S| x |S| transition table for one (non-family) action, evaluated at compile time.</summary>
    public sealed record BoundTransitionTable(ActionSymbol Action, BoundExpr Table, SourceSpan Span);

    /// <summary>The result of binding one model: symbols, typed expressions, and the rules in source order.</summary>
    public sealed class BoundModel
    {
        public BoundModel(ModelNode node) { Node = node; }

        public ModelNode Node { get; }

        public string Name => Node.Name;

        public string Kind => Node.Kind;

        public bool HasErrors { get; internal set; }

        public List<ParamSymbol> Params { get; } = new List<ParamSymbol>();

        /// <summary>Constant lets in dependency order; they become fields.</summary>
        public List<LetSymbol> ConstantLets { get; } = new List<LetSymbol>();

        public List<RandomSymbol> Randoms { get; } = new List<RandomSymbol>();

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

        /// <summary>True when some rule, probability or reward reads the step index t.</summary>
        public bool UsesStep { get; internal set; }

        /// <summary>Evaluates constants with the parameters in force (defaults or overrides).</summary>
        public ConstantEvaluator Evaluator { get; } = new ConstantEvaluator();
    }
}
