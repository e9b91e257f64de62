using System.Collections.Generic;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Lowering
{
    /// <summary>
    /// An MDP ready for emission: the bound model plus its layout (state variables in mixed radix,
    /// actions with their families expanded), each action's rules and reward terms in order, and the
    /// sizes evaluated with the parameters in force.
    /// </summary>
    public sealed class LoweredMdp
    {
        public LoweredMdp(BoundModel model, string typeName)
        {
            Model = model;
            TypeName = typeName;
        }

        public BoundModel Model { get; }

        /// <summary>The C# type name (the model name, escaped if it is a C# keyword).</summary>
        public string TypeName { get; }

        public string SourcePath => Model.Node.Span.Path;

        public List<LoweredAction> Actions { get; } = new List<LoweredAction>();

        /// <summary>Number of states with the parameters in force.</summary>
        public long StateCount { get; internal set; }

        /// <summary>Number of actions (families expanded) with the parameters in force.</summary>
        public long ActionCount { get; internal set; }

        /// <summary>Rule locations by rule id; the default rule, if any, is last.</summary>
        public List<SourceSpan> RuleSpans { get; } = new List<SourceSpan>();

        /// <summary>Which integer operations need an overflow check, and the parameter values the proof holds for.</summary>
        public OverflowProof? Overflow { get; internal set; }

        /// <summary>The explicit reward table reward[s][a], when declared.</summary>
        public BoundExpr? RewardTable => Model.RewardTable;
    }

    /// <summary>One declared action (or family) with what applies to it.</summary>
    public sealed class LoweredAction
    {
        public LoweredAction(ActionSymbol symbol) { Symbol = symbol; }

        public ActionSymbol Symbol { get; }

        /// <summary>Its transition rules, first match wins.</summary>
        public List<BoundRule> Rules { get; } = new List<BoundRule>();

        /// <summary>Its explicit transition table, instead of rules.</summary>
        public BoundTransitionTable? Table { get; internal set; }

        /// <summary>The reward terms that can apply to it (for any action or naming it).</summary>
        public List<BoundReward> Rewards { get; } = new List<BoundReward>();

        /// <summary>Number of concrete actions: 1, or the size of the family.</summary>
        public long Count { get; internal set; }
    }
}
