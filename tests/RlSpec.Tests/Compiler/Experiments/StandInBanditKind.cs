using System.Collections.Generic;
using System.Threading;
using RlSpec.Compiler.Kinds;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Tests.Compiler.Experiments;

/// <summary>
/// Until the registry has the real <c>bandit</c> kind, the experiment's binding tests declare their bandits
/// with this test-only kind: it accepts what a bandit declaration holds (arms, reward functions, the
/// <c>adversarial</c> modifier), binds only the shared parts and emits nothing. With the real kind registered,
/// <see cref="ExperimentTestKinds.Registry"/> uses it instead.
/// </summary>
public sealed class StandInBanditKind : ModelKind
{
    public override string Keyword => "bandit";

    public override IReadOnlyList<string> Modifiers { get; } = new[] { "adversarial" };

    public override string MemberSummary => "arms and reward functions";

    public override bool Allows(MemberNode member) => member is SettingNode { Key.Text: "arms" } or RewardFunctionNode;

    public override EmittedCode? Compile(Binder binder, CancellationToken cancellationToken) => null;
}

/// <summary>The registry the experiment tests compile with.</summary>
public static class ExperimentTestKinds
{
    public static KindRegistry Registry { get; } =
        RlSpec.Compiler.Kinds.KindRegistry.Default.TryGet("bandit", out _) ? KindRegistry.Default : KindRegistry.Default.With(new StandInBanditKind());
}
