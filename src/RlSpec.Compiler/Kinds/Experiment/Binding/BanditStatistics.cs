using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Kinds.Experiment.Algorithms;

namespace RlSpec.Compiler.Kinds.Experiment.Binding
{
    /// <summary>One statistic an experiment on a bandit can record: its .rlspec name, the engine's name for it, and where it is defined.</summary>
    public sealed record BanditStatistic(string Name, string EngineName, BanditFits Fits, bool PerArm, bool AtEndOnly, string Meaning);

    /// <summary>
    /// The statistics an experiment on a bandit records (docs/experiments.md). <c>reward</c> is a keyword
    /// of the language (the reward of an MDP), so the cumulative reward is recorded as <c>cumulative_reward</c>.
    /// </summary>
    public static class BanditStatistics
    {
        private const BanditFits All = BanditFits.Stochastic | BanditFits.Linear | BanditFits.Adversarial;
        private const BanditFits Independent = BanditFits.Stochastic | BanditFits.Linear;

        public static readonly IReadOnlyList<BanditStatistic> Known = new[]
        {
            new BanditStatistic("regret", "Regret", All, false, false, "pseudo-regret sum of (mu* - mu of the arm pulled); adversarial: best arm in hindsight minus the rewards collected"),
            new BanditStatistic("realized_regret", "RealizedRegret", All, false, false, "t mu* minus the rewards collected"),
            new BanditStatistic("cumulative_reward", "Reward", All, false, false, "the rewards collected so far"),
            new BanditStatistic("counts", "Counts", All, true, false, "pulls of each arm so far"),
            new BanditStatistic("best_arm_rate", "BestArmRate", Independent, false, false, "the fraction of pulls of an optimal arm"),
            new BanditStatistic("error", "Error", Independent, false, true, "best-arm identification: 1 when the recommended arm is not optimal"),
        };

        public static BanditStatistic? Find(string name) => Known.FirstOrDefault(s => s.Name == name);

        public static IEnumerable<string> Names => Known.Select(s => s.Name);
    }
}
