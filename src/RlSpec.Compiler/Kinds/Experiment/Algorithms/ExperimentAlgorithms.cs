using System.Collections.Generic;
using System.Linq;

namespace RlSpec.Compiler.Kinds.Experiment.Algorithms
{
    /// <summary>
    /// Every algorithm an experiment can compare, from the three tables (<see cref="BanditAlgorithms"/>,
    /// <see cref="EpisodicAlgorithms"/>, <see cref="PolicyOptimizationAlgorithms"/>), so that an algorithm of
    /// the wrong family is recognised and refused with the reason rather than as unknown.
    /// </summary>
    public static class ExperimentAlgorithms
    {
        private const BanditFits Bandits = BanditFits.Stochastic | BanditFits.Linear | BanditFits.Adversarial;

        public static bool TryGet(string name, out BanditAlgorithm algorithm) =>
            BanditAlgorithms.TryGet(name, out algorithm) || EpisodicAlgorithms.TryGet(name, out algorithm) || PolicyOptimizationAlgorithms.TryGet(name, out algorithm)
            || GameDynamicsAlgorithms.TryGet(name, out algorithm);

        /// <summary>The algorithms listed in messages for a target: the bandit table for a bandit, the MDP tables for an mdp.</summary>
        public static IEnumerable<string> NamesFor(BanditFits family) =>
            (family & Bandits) != 0 ? BanditAlgorithms.Names
            : (family & BanditFits.Game) != 0 ? GameDynamicsAlgorithms.Names
            : EpisodicAlgorithms.Names.Concat(PolicyOptimizationAlgorithms.Names);

        /// <summary>Every algorithm of the three tables.</summary>
        public static IEnumerable<BanditAlgorithm> All => BanditAlgorithms.All.Concat(EpisodicAlgorithms.All).Concat(PolicyOptimizationAlgorithms.All)
            .Concat(GameDynamicsAlgorithms.All.Select(d => d.Algorithm));
    }
}
