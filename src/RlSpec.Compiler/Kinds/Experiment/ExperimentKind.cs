using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RlSpec.Compiler.Kinds.Experiment.Binding;
using RlSpec.Compiler.Kinds.Experiment.Emit;
using RlSpec.Compiler.Kinds.Experiment.Ir;
using RlSpec.Compiler.Kinds.Experiment.Lowering;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Experiment
{
    /// <summary>
    /// The <c>experiment</c> kind: <c>experiment NAME on BANDIT { horizon ..., runs ..., compare ... }</c>
    /// compares learning algorithms on a bandit declared in the same file, and <c>experiment NAME on MDP
    /// { episodes ... }</c> (online RL) or <c>{ iterations ... }</c> (policy optimization) on an mdp. Bind
    /// (<see cref="ExperimentBinder"/>) checks the settings against the algorithm table and the bandit's
    /// setting, lowering (<see cref="ExperimentLowering"/>) applies the defaults, and
    /// <see cref="ExperimentEmitter"/> writes a static class whose <c>Run</c> calls the runtime's experiment engine.
    /// </summary>
    public sealed class ExperimentKind : ModelKind<BoundExperiment, ExperimentIr>
    {
        public override string Keyword => "experiment";

        public override TargetUse Target => TargetUse.Required;

        public override string MemberSummary => "param, let, " + string.Join(", ", ExperimentBinder.SettingWords);

        public override IReadOnlyList<string> MemberWords { get; } = new[] { "param", "let" }.Concat(ExperimentBinder.SettingWords).ToList();

        public override bool Allows(MemberNode member) =>
            member is HorizonNode || member is SettingNode s && ExperimentBinder.SettingWords.Contains(s.Key.Text);

        public override BoundExperiment? Bind(Binder binder) => ExperimentBinder.Bind(binder);

        public override ExperimentIr? Lower(BoundExperiment bound, Binder binder, CancellationToken cancellationToken) =>
            ExperimentLowering.Lower(bound);

        public override EmittedCode Emit(ExperimentIr ir) => new EmittedCode(ir.TypeName, ExperimentEmitter.Emit(ir));
    }
}
