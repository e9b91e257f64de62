using System.Linq;
using RlSpec.Compiler.Kinds.Experiment.Algorithms;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Experiment.Binding
{
    /// <summary>The criterion an mdp declares, as an experiment sees it.</summary>
    public enum MdpCriterion { Discounted, FiniteHorizon, TotalReward, AverageReward }

    /// <summary>
    /// What an experiment needs to know about the mdp it runs on, read off the declaration's syntax (its own
    /// binding may come later in the file): the criterion, whether it declares an initial state, and whether
    /// it reads the step t (known when the mdp is bound before the experiment). The mdp's own binder reports
    /// any mistake in these members.
    /// </summary>
    public sealed class MdpTarget
    {
        private MdpTarget(MdpCriterion criterion, bool hasInit, bool usesStep)
        {
            Criterion = criterion;
            HasInit = hasInit;
            UsesStep = usesStep;
        }

        public MdpCriterion Criterion { get; }

        public bool HasInit { get; }

        /// <summary>True when the model reads the step t (then it has no stationary ground truth).</summary>
        public bool UsesStep { get; }

        public static MdpTarget Of(BoundModel target) => new MdpTarget(CriterionOf(target.Node), target.Node.Members.Any(m => m is InitNode), target.UsesStep);

        /// <summary>The learning families the criterion allows: episodes (finite horizon, until, or a discounted model in episodes of H), policy optimization (discounted), UCRL2 (average).</summary>
        public static BanditFits Families(ModelNode mdp) => CriterionOf(mdp) switch
        {
            MdpCriterion.Discounted => BanditFits.Episodic | BanditFits.PolicyOptimization,
            MdpCriterion.AverageReward => BanditFits.Continuing,
            _ => BanditFits.Episodic,
        };

        private static MdpCriterion CriterionOf(ModelNode mdp)
        {
            var members = mdp.Members;
            if (members.Any(m => m is HorizonNode)) return MdpCriterion.FiniteHorizon;
            if (members.Any(m => m is DiscountNode)) return MdpCriterion.Discounted;
            if (members.Any(m => m is AverageNode)) return MdpCriterion.AverageReward;
            return MdpCriterion.TotalReward;
        }

        /// <summary>"a finite-horizon mdp", for messages.</summary>
        public string Describe => Criterion switch
        {
            MdpCriterion.Discounted => "a discounted mdp",
            MdpCriterion.FiniteHorizon => "a finite-horizon mdp",
            MdpCriterion.AverageReward => "an average-reward mdp",
            _ => "a total-reward (until) mdp",
        };
    }
}
