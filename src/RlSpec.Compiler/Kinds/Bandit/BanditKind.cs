using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RlSpec.Compiler.Kinds.Bandit.Binding;
using RlSpec.Compiler.Kinds.Bandit.Emit;
using RlSpec.Compiler.Kinds.Bandit.Ir;
using RlSpec.Compiler.Kinds.Bandit.Lowering;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Bandit
{
    /// <summary>
    /// The <c>bandit</c> kind: stochastic arms (distributions), linear arms (feature vectors with
    /// <c>reward(x) ~ normal(...)</c>) or, with the <c>adversarial</c> modifier, a number of arms whose
    /// rewards are <c>reward(t, a) = ...</c>. Bind (<see cref="BanditBinder"/>) gives a <see cref="BoundBandit"/>,
    /// lowering (<see cref="BanditLowering"/>) the <see cref="BanditIr"/>, and <see cref="BanditEmitter"/> a C#
    /// struct implementing <c>RlSpec.Runtime.Bandits.IBandit</c>.
    /// </summary>
    public sealed class BanditKind : ModelKind<BoundBandit, BanditIr>
    {
        /// <summary>The modifier of adversarial bandits: <c>bandit Name adversarial { ... }</c>.</summary>
        public const string Adversarial = "adversarial";

        public override string Keyword => "bandit";

        public override IReadOnlyList<string> Modifiers { get; } = new[] { Adversarial };

        public override string MemberSummary =>
            "param, let, arms, and a reward function (reward(x) ~ normal(...) for linear bandits, reward(t, a) = ... for adversarial ones)";

        public override IReadOnlyList<string> MemberWords { get; } = new[] { "param", "let", "arms", "reward" };

        public override bool Allows(MemberNode member) =>
            member is SettingNode { Key.Text: "arms" } or RewardFunctionNode;

        /// <summary>Seeded draws (<c>gaussian_vector(d, seed = 7)</c>) make random instances: the emitted Create takes an instance seed.</summary>
        public override void Prepare(Binder binder) => binder.InstanceDrawsAvailable = true;

        /// <summary>
        /// The setting of a bandit declaration, read from its syntax as the binder decides it: adversarial with
        /// the modifier, linear with a one-parameter <c>reward(x)</c>, else stochastic. For kinds that run on a
        /// bandit (an experiment checks that its algorithms fit) before or without binding it.
        /// </summary>
        public static BanditSetting SettingOf(ModelNode bandit) =>
            bandit.Modifiers?.Any(m => m.Text == Adversarial) == true ? BanditSetting.Adversarial
            : bandit.Members.OfType<RewardFunctionNode>().Any(r => r.Parameters.Count == 1) ? BanditSetting.Linear
            : BanditSetting.Stochastic;

        public override BoundBandit? Bind(Binder binder) => BanditBinder.Bind(binder);

        public override BanditIr? Lower(BoundBandit bound, Binder binder, CancellationToken cancellationToken) =>
            BanditLowering.Lower(bound, binder, cancellationToken);

        public override EmittedCode Emit(BanditIr ir) => new EmittedCode(ir.TypeName, BanditEmitter.Emit(ir));
    }
}
