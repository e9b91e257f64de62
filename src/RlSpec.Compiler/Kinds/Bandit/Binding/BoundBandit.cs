using System.Collections.Generic;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Semantics.Builtins;

namespace RlSpec.Compiler.Kinds.Bandit.Binding
{
    /// <summary>The three bandit settings (the runtime's <c>BanditFamily</c>).</summary>
    public enum BanditSetting
    {
        /// <summary>Arms with fixed reward distributions.</summary>
        Stochastic,
        /// <summary>Arms are feature vectors; the reward is normal(⟨θ, x⟩, σ).</summary>
        Linear,
        /// <summary><c>adversarial</c>: every arm's reward at step t is an expression of (t, a) and draws.</summary>
        Adversarial,
    }

    /// <summary>A bandit after binding: the shared parts (params, lets) and its arms and reward.</summary>
    public sealed class BoundBandit
    {
        public BoundBandit(BoundModel declaration) { Declaration = declaration; }

        public BoundModel Declaration { get; }

        public string Name => Declaration.Name;

        public BanditSetting Setting { get; internal set; }

        /// <summary>The <c>arms</c> setting's span (the declaration's name when it is missing).</summary>
        public SourceSpan ArmsSpan { get; internal set; }

        /// <summary>Stochastic: groups of arms in declaration order, one per argument of <c>arms</c>.</summary>
        public List<BoundArmGroup> ArmGroups { get; } = new List<BoundArmGroup>();

        /// <summary>Linear: the feature vectors, in arm order: one vector, or a list of them, per argument of <c>arms</c>.</summary>
        public List<BoundFeatures> Features { get; } = new List<BoundFeatures>();

        /// <summary>Linear: <c>reward(x) ~ normal(mean, sd)</c>.</summary>
        public BoundLinearReward? LinearReward { get; internal set; }

        /// <summary>Adversarial: the number of arms.</summary>
        public BoundExpr? ArmCount { get; internal set; }

        /// <summary>Adversarial: <c>reward(t, a) = ...</c>.</summary>
        public BoundAdversarialReward? AdversarialReward { get; internal set; }
    }

    /// <summary>
    /// Arms of one distribution: one call (<c>normal(0, 1)</c>) or a comprehension over an index
    /// (<c>[bernoulli(0.1 * i) for i in 1..9]</c>); the arguments may read the index.
    /// </summary>
    public sealed record BoundArmGroup(ArmDistribution Distribution, IReadOnlyList<BoundExpr> Arguments, LocalSymbol? Index, BoundExpr? Lo, BoundExpr? Hi, SourceSpan Span);

    /// <summary>Feature vectors of a linear bandit: one arm's (<see cref="IsList"/> false) or a list of arms' (true).</summary>
    public sealed record BoundFeatures(BoundExpr Value, bool IsList, SourceSpan Span);

    /// <summary><c>reward(x) ~ normal(mean, sd)</c>: the mean reads the arm's features x; sd is a constant.</summary>
    public sealed record BoundLinearReward(LocalSymbol Features, BoundExpr Mean, BoundExpr NoiseSigma, SourceSpan Span);

    /// <summary><c>reward(t, a) = term</c>.</summary>
    public sealed record BoundAdversarialReward(LocalSymbol Step, LocalSymbol Arm, AdversaryTerm Body, SourceSpan Span);

    /// <summary>An adversary's reward: a choice, a draw, or a value.</summary>
    public abstract record AdversaryTerm(SourceSpan Span);

    /// <summary><c>if condition then a else b</c>.</summary>
    public sealed record AdversaryChoice(BoundExpr Condition, AdversaryTerm Then, AdversaryTerm Else, SourceSpan Span) : AdversaryTerm(Span);

    /// <summary>One draw from the adversary stream, e.g. <c>bernoulli(0.9)</c>.</summary>
    public sealed record AdversaryDraw(ArmDistribution Distribution, IReadOnlyList<BoundExpr> Arguments, SourceSpan Span) : AdversaryTerm(Span);

    /// <summary>A number computed from t, a, parameters and lets.</summary>
    public sealed record AdversaryValue(BoundExpr Value, SourceSpan Span) : AdversaryTerm(Span);
}
