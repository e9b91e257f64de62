using RlSpec.Compiler.Kinds.Bandit;
using RlSpec.Compiler.Kinds.Bandit.Binding;
using RlSpec.Compiler.Kinds.Experiment.Algorithms;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Experiment.Binding
{
    /// <summary>
    /// The setting of the bandit an experiment runs on, as the algorithm table's flags. The bandit kind
    /// decides it (<see cref="BanditKind.SettingOf"/>, from the declaration's syntax), so the experiment can
    /// refuse an algorithm that does not fit (LinUCB on Bernoulli arms) before anything runs.
    /// </summary>
    internal static class TargetFamily
    {
        public static BanditFits Of(ModelNode bandit) => BanditKind.SettingOf(bandit) switch
        {
            BanditSetting.Adversarial => BanditFits.Adversarial,
            BanditSetting.Linear => BanditFits.Linear,
            _ => BanditFits.Stochastic,
        };

        public static string Describe(BanditFits family) => family switch
        {
            BanditFits.Adversarial => "an adversarial bandit",
            BanditFits.Linear => "a linear bandit",
            BanditFits.Game => "a game",
            _ => "a stochastic bandit",
        };
    }
}
