using System.Collections.Generic;
using RlSpec.Compiler.Kinds.Bandit.Binding;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Semantics.Builtins;

namespace RlSpec.Compiler.Kinds.Bandit.Ir
{
    // The bandit's intermediate form: what lowering decided (the setting, the arm groups in order, the
    // counts and means with the parameters in force, which rewards need a range check at run time) and
    // the source text of every arm group and reward, quoted once at lowering. The emitter reads only this.

    /// <summary>A bandit ready for emission.</summary>
    public sealed class BanditIr
    {
        public BanditIr(string name, string typeName, string sourcePath, BanditSetting setting)
        {
            Name = name;
            TypeName = typeName;
            SourcePath = sourcePath;
            Setting = setting;
        }

        public string Name { get; }

        /// <summary>The C# type name (the model name, escaped or suffixed when it would clash).</summary>
        public string TypeName { get; }

        public string SourcePath { get; }

        public BanditSetting Setting { get; }

        public List<ParamSymbol> Params { get; } = new List<ParamSymbol>();

        /// <summary>Constant lets, then lets drawn from the instance seed, each in dependency order.</summary>
        public List<LetSymbol> Lets { get; } = new List<LetSymbol>();

        /// <summary>Stochastic: the arm groups in arm order.</summary>
        public List<IrArmGroup> ArmGroups { get; } = new List<IrArmGroup>();

        /// <summary>Stochastic: the one distribution of every arm, or null when the arms mix distributions.</summary>
        public ArmDistribution? SingleDistribution { get; internal set; }

        /// <summary>Stochastic: the distributions the arms use, in table order.</summary>
        public List<ArmDistribution> Distributions { get; } = new List<ArmDistribution>();

        /// <summary>Linear: the feature vectors in arm order.</summary>
        public List<IrFeatures> Features { get; } = new List<IrFeatures>();

        public IrLinearReward? LinearReward { get; internal set; }

        /// <summary>Adversarial: the number of arms (an int expression of the parameters).</summary>
        public BoundExpr? ArmCountExpression { get; internal set; }

        public string ArmCountText { get; internal set; } = "";

        public IrAdversary? Adversary { get; internal set; }

        /// <summary>The number of arms with the parameters in force; null when only Create knows (seeded or computed feature lists).</summary>
        public long? ArmCount { get; internal set; }

        /// <summary>Each arm's exact mean with the parameters in force, when known at compile time (stochastic arms with constant parameters).</summary>
        public IReadOnlyList<double>? Means { get; internal set; }
    }

    /// <summary>Arms of one distribution: one call, or a comprehension over Index in Lo..Hi; Text is the source.</summary>
    public sealed record IrArmGroup(ArmDistribution Distribution, IReadOnlyList<BoundExpr> Arguments, LocalSymbol? Index, BoundExpr? Lo, BoundExpr? Hi, string Text);

    /// <summary>One arm's feature vector, or a list of them (<see cref="IsList"/>); Text is the source.</summary>
    public sealed record IrFeatures(BoundExpr Value, bool IsList, string Text);

    /// <summary><c>reward(x) ~ normal(Mean, NoiseSigma)</c>, Mean reading the arm's features x.</summary>
    public sealed record IrLinearReward(LocalSymbol Features, BoundExpr Mean, BoundExpr NoiseSigma, string Text);

    /// <summary>
    /// <c>reward(t, a) = Body</c>. <see cref="NeedsRangeCheck"/>: some value or draw could not be shown to lie in
    /// [0, 1] at compile time, so the emitted code checks each reward.
    /// </summary>
    public sealed record IrAdversary(LocalSymbol Step, LocalSymbol Arm, AdversaryTerm Body, string Text, bool NeedsRangeCheck, bool UsesLoops);
}
