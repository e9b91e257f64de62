using System.Linq;
using RlSpec.Compiler.Kinds.Experiment.Algorithms;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Experiment.Binding
{
    /// <summary>
    /// The setting of the bandit an experiment runs on, read from the bandit's declaration as the
    /// language defines it (docs/language.md): the modifier <c>adversarial</c> makes an adversarial bandit,
    /// a reward function <c>reward(x) ~ ...</c> over feature vectors a linear one, and arms with reward
    /// distributions a stochastic one. The experiment needs it at compile time, to refuse an algorithm
    /// that does not fit (LinUCB on Bernoulli arms) before anything runs. The bandit kind decides the same
    /// way (a stochastic bandit with a reward function, or feature-vector arms without one, is its own
    /// error), so for every bandit that compiles the two agree.
    /// </summary>
    internal static class TargetFamily
    {
        public static BanditFits Of(ModelNode bandit)
        {
            if (bandit.Modifiers?.Any(m => m.Text == Bandit.BanditKind.Adversarial) == true) return BanditFits.Adversarial;
            if (bandit.Members.OfType<RewardFunctionNode>().Any()) return BanditFits.Linear;
            return BanditFits.Stochastic;
        }

        public static string Describe(BanditFits family) => family switch
        {
            BanditFits.Adversarial => "an adversarial bandit",
            BanditFits.Linear => "a linear bandit",
            _ => "a stochastic bandit",
        };
    }
}
