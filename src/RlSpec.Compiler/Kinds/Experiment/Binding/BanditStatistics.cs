using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Kinds.Experiment.Algorithms;

namespace RlSpec.Compiler.Kinds.Experiment.Binding
{
    /// <summary>One statistic an experiment can record (on a bandit, or on an mdp for the learning families): its .rlspec name, the engine's name for it, and where it is defined.</summary>
    public sealed record BanditStatistic(string Name, string EngineName, BanditFits Fits, bool PerArm, bool AtEndOnly, string Meaning);

    /// <summary>
    /// The statistics an experiment on a bandit records (docs/experiments.md). <c>reward</c> is a keyword
    /// of the language (the reward of an MDP), so the cumulative reward is recorded as <c>cumulative_reward</c>.
    /// </summary>
    public static class BanditStatistics
    {
        private const BanditFits All = BanditFits.Stochastic | BanditFits.Linear | BanditFits.Adversarial | Online;
        private const BanditFits Online = BanditFits.Episodic | BanditFits.Continuing;
        private const BanditFits Po = BanditFits.PolicyOptimization;
        private const BanditFits Independent = BanditFits.Stochastic | BanditFits.Linear;

        public static readonly IReadOnlyList<BanditStatistic> Known = new[]
        {
            new BanditStatistic("regret", "Regret", All, false, false, "pseudo-regret sum of (mu* - mu of the arm pulled); adversarial: best arm in hindsight minus the rewards collected"),
            new BanditStatistic("realized_regret", "RealizedRegret", All, false, false, "t mu* minus the rewards collected"),
            new BanditStatistic("cumulative_reward", "Reward", All, false, false, "the rewards collected so far"),
            new BanditStatistic("counts", "Counts", All & ~Online, true, false, "pulls of each arm so far"),
            new BanditStatistic("best_arm_rate", "BestArmRate", Independent, false, false, "the fraction of pulls of an optimal arm"),
            new BanditStatistic("error", "Error", Independent, false, true, "best-arm identification: 1 when the recommended arm is not optimal"),
            new BanditStatistic("suboptimality", "Suboptimality", Po, false, false, "V*(rho) - V of the current policy from the start distribution rho"),
            new BanditStatistic("regularized_gap", "RegularizedGap", Po, false, false, "the gap of the entropy-regularized value (equal to suboptimality without regularization)"),
            new BanditStatistic("policy_distance", "PolicyDistance", Po, false, false, "max over states of the l1 distance of the policy to the optimal one"),
            new BanditStatistic("duality_gap", "DualityGap", BanditFits.Game, false, false, "the duality gap of the last iterate (zero-sum games)"),
            new BanditStatistic("average_duality_gap", "AverageDualityGap", BanditFits.Game, false, false, "the duality gap of the average iterate (zero-sum games)"),
            new BanditStatistic("nash_conv", "NashConv", BanditFits.Game, false, false, "NashConv (sum of the best-response gains) of the last iterate"),
            new BanditStatistic("average_nash_conv", "AverageNashConv", BanditFits.Game, false, false, "NashConv of the average iterate"),
            new BanditStatistic("equilibrium_distance", "EquilibriumDistance", BanditFits.Game, false, false, "l2 distance of the last iterate to the unique equilibrium"),
            new BanditStatistic("average_equilibrium_distance", "AverageEquilibriumDistance", BanditFits.Game, false, false, "l2 distance of the average iterate to the unique equilibrium"),
            new BanditStatistic("value_error", "ValueError", BanditFits.Game, false, false, "Markov games: max over states of |V_t(s) - V*(s)|, the value estimate against Shapley's values"),
            new BanditStatistic("qre_distance", "QreDistance", BanditFits.Game, false, false, "Markov games, regularized dynamics: distance to the QRE of the dynamic's temperature, the larger of the policies' l2 distance and the values' sup distance"),
        };

        public static BanditStatistic? Find(string name) => Known.FirstOrDefault(s => s.Name == name);

        public static IEnumerable<string> Names => Known.Select(s => s.Name);

        /// <summary>The statistics that fit a target's family, for messages.</summary>
        public static IEnumerable<string> NamesFor(BanditFits family)
        {
            const BanditFits bandits = BanditFits.Stochastic | BanditFits.Linear | BanditFits.Adversarial;
            var mask = (family & bandits) != 0 ? bandits : family;
            return Known.Where(s => (s.Fits & mask) != 0).Select(s => s.Name);
        }
    }
}
