using System.Collections.Generic;
using RlSpec.Compiler.Kinds.Mdp.Binding;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Kinds.Mdp.Ir
{
    // The MDP's intermediate form: what lowering decided (layout, rule order per action, reward split,
    // constants evaluated with the parameters in force) and the source text of every rule, outcome and
    // reward, quoted once at lowering. The emitter reads only this: no syntax, no source lookups.
    // Expressions are bound trees (plain objects; no Roslyn symbols); symbols serve as keys for the
    // names the emitter gives their values.

    /// <summary>An MDP ready for emission.</summary>
    public sealed class MdpIr
    {
        public MdpIr(string name, string typeName, string sourcePath) { Name = name; TypeName = typeName; SourcePath = sourcePath; }

        /// <summary>The most actions (a family counting once per member) a model may have: checked by the compiler and by emitted <c>Create</c>.</summary>
        public const int MaxActions = 1_000_000;

        public string Name { get; }

        /// <summary>The C# type name (the model name, escaped if it is a C# keyword).</summary>
        public string TypeName { get; }

        public string SourcePath { get; }

        public List<ParamSymbol> Params { get; } = new List<ParamSymbol>();

        /// <summary>Constant lets in dependency order.</summary>
        public List<LetSymbol> ConstantLets { get; } = new List<LetSymbol>();

        public List<IrRandom> Randoms { get; } = new List<IrRandom>();

        /// <summary>Reward distributions that need a precomputed finite form (truncated or clamped), in source order.</summary>
        public List<BoundDistribution> RewardDistributions { get; } = new List<BoundDistribution>();

        /// <summary>The state variables in mixed radix, the last one fastest.</summary>
        public List<IrStateVariable> StateVariables { get; } = new List<IrStateVariable>();

        /// <summary>Actions in declaration order with what applies to each.</summary>
        public List<IrAction> Actions { get; } = new List<IrAction>();

        /// <summary>True when no action is a family: an action's index is its ordinal.</summary>
        public bool AllActionsFixed { get; internal set; }

        public IrCriterion Criterion { get; internal set; } = null!;

        /// <summary>The <c>until</c> condition, when declared.</summary>
        public IrTerminal? Terminal { get; internal set; }

        /// <summary>The initial branches; empty when no <c>init</c> is declared (every variable at its lowest value).</summary>
        public List<IrBranch> Init { get; } = new List<IrBranch>();

        public int? InitLine { get; internal set; }

        /// <summary>The default rule, tried when no rule of an action matches.</summary>
        public IrRule? Default { get; internal set; }

        public List<IrTransitionTable> TransitionTables { get; } = new List<IrTransitionTable>();

        public IrRewardTable? RewardTable { get; internal set; }

        /// <summary>Source locations by rule id: rules, then the default rule, then transition tables.</summary>
        public List<(int Line, int Column)> RuleLocations { get; } = new List<(int, int)>();

        /// <summary>Source locations by reward term id (<see cref="IrReward.Id"/>): the reward lines in source order.</summary>
        public List<(int Line, int Column)> RewardLocations { get; } = new List<(int, int)>();

        public bool UsesStep { get; internal set; }

        /// <summary>Which integer operations need an overflow check, and the parameter values the proof holds for.</summary>
        public OverflowProof? Overflow { get; internal set; }

        /// <summary>Number of states with the parameters in force.</summary>
        public long StateCount { get; internal set; }

        /// <summary>Number of actions (families expanded) with the parameters in force.</summary>
        public long ActionCount { get; internal set; }
    }

    /// <summary>A state variable: its range as expressions (re-evaluated at Create) and as values with the parameters in force.</summary>
    public sealed record IrStateVariable(StateVarSymbol Symbol, string Name, int Index, StateVarKind Kind, IReadOnlyList<string>? EnumValues,
        BoundExpr Lo, BoundExpr Hi, long LoValue, long HiValue);

    /// <summary>A random variable <c>let x ~ d</c> with the distribution's text as written.</summary>
    public sealed record IrRandom(RandomSymbol Symbol, string Name, BoundDistribution Distribution, string DistributionText);

    /// <summary>
    /// One declared action or family: its rules in order (first match wins) or its table, and its reward
    /// terms split into those fixed by (state, action) and those that depend on the outcome.
    /// </summary>
    public sealed record IrAction(ActionSymbol Symbol, string Name, int Ordinal, LocalSymbol? Index, BoundExpr? Lo, BoundExpr? Hi,
        long LoValue, long HiValue, long Count, BoundExpr? Guard, IReadOnlyList<IrRule> Rules, IrTransitionTable? Table,
        IReadOnlyList<IrReward> FixedRewards, IReadOnlyList<IrReward> OutcomeRewards)
    {
        public bool IsFamily => Index != null;

        /// <summary>True when the default rule runs after the rules (none of them is unguarded).</summary>
        public bool FallsThrough => Table is null && (Rules.Count == 0 || System.Linq.Enumerable.All(Rules, r => r.Guard != null));
    }

    /// <summary>A rule: id (for validation messages), its family index, guard, outcomes, and its head as written.</summary>
    public sealed record IrRule(int Id, LocalSymbol? Index, BoundExpr? Guard, IReadOnlyList<IrBranch> Branches, string HeadText, int Line);

    /// <summary>One outcome: assignments (others keep their value), probability (null = 1), and its text as written.</summary>
    public sealed record IrBranch(IReadOnlyList<BoundAssignment> Assignments, BoundExpr? Probability, string Text);

    /// <summary>A reward term: id (for validation messages), head (<c>reward a when g</c>) and value as written.</summary>
    public sealed record IrReward(LocalSymbol? Index, BoundExpr? Guard, BoundExpr Value, string HeadText, string ValueText, int Line, int Id);

    /// <summary>The criterion with its constant evaluated for the summary (the discount as evaluated: long or double).</summary>
    public sealed record IrCriterion(CriterionKind Kind, BoundExpr? Discount, object? DiscountValue, BoundExpr? Horizon, long HorizonValue);

    /// <summary>The terminal condition.</summary>
    public sealed record IrTerminal(BoundExpr Condition, string Text, int Line);

    /// <summary>An explicit transition table of one action; <see cref="RuleId"/> follows the rules' ids.</summary>
    public sealed record IrTransitionTable(ActionSymbol Action, string ActionName, BoundExpr Table, int Line, int RuleId);

    /// <summary>The explicit reward table reward[s][a]; <see cref="Id"/> follows the reward terms' ids (for validation messages).</summary>
    public sealed record IrRewardTable(BoundExpr Table, int Line, int Id);
}
