using System.Collections.Generic;
using System.Linq;

namespace RlSpec.Compiler.Kinds.Experiment.Algorithms
{
    /// <summary>
    /// The table of built-in online RL algorithms for experiments on an mdp: the only place in the compiler
    /// that knows their names. It matches the runtime structs in <c>RlSpec.Runtime.Learning.Episodic</c> (a test
    /// checks by reflection that each type exists, is a public struct implementing IEpisodicAlgorithm, or
    /// IContinuingAlgorithm for UCRL2, and has a public constructor with exactly these parameters). The defaults
    /// live here and only here: <c>bonus</c> 1 is the published bonus of each paper, and emitted code passes every
    /// argument explicitly.
    /// </summary>
    public static class EpisodicAlgorithms
    {
        /// <summary>The namespace of the runtime structs.</summary>
        public const string RuntimeNamespace = "RlSpec.Runtime.Learning.Episodic";

        private const AlgorithmParameterType Real = AlgorithmParameterType.Real;

        private static BanditAlgorithm A(string name, string typeName, BanditFits fits, string summary, params AlgorithmParameter[] parameters) =>
            new BanditAlgorithm(name, typeName, fits, false, summary, parameters) { RuntimeNamespace = RuntimeNamespace };

        private static AlgorithmParameter Bonus => new AlgorithmParameter("bonus", Real, 1.0, "multiplier on the published bonus (1 = the paper's constants)", ParameterRange.NonNegative);

        /// <summary>Every built-in online RL algorithm, in the order messages list them.</summary>
        public static readonly IReadOnlyList<BanditAlgorithm> All = new[]
        {
            A("ucbvi_hoeffding", "UcbviHoeffding", BanditFits.Episodic, "UCBVI with Hoeffding bonuses (Azar, Osband and Munos 2017)", Bonus),
            A("ucbvi_bernstein", "UcbviBernstein", BanditFits.Episodic, "UCBVI with Bernstein-Freedman bonuses (Azar, Osband and Munos 2017)", Bonus),
            A("mvp", "Mvp", BanditFits.Episodic, "monotonic value propagation (Zhang, Ji and Du 2021)", Bonus),
            A("q_learning_hoeffding", "QLearningHoeffding", BanditFits.Episodic, "Q-learning with UCB-Hoeffding bonuses (Jin et al. 2018)", Bonus),
            A("q_learning_bernstein", "QLearningBernstein", BanditFits.Episodic, "Q-learning with UCB-Bernstein bonuses (Jin et al. 2018)", Bonus),
            A("optimistic_q_learning", "OptimisticQLearning", BanditFits.Episodic, "optimistic Q-learning for discounted models played in episodes", Bonus),
            A("psrl", "Psrl", BanditFits.Episodic, "posterior sampling for RL (Osband, Russo and Van Roy 2013): Dirichlet transitions, conjugate rewards",
                new AlgorithmParameter("prior", Real, 1.0, "the Dirichlet prior's pseudo-count per successor", ParameterRange.Positive)),
            A("epsilon_greedy_q", "EpsilonGreedyQLearning", BanditFits.Episodic, "epsilon-greedy Q-learning (the baseline)",
                new AlgorithmParameter("epsilon", Real, 0.1, "the exploration probability", ParameterRange.UnitInterval)),
            // UCRL2 is an IContinuingAlgorithm: ContinuingExperiment plays it as one trajectory of `steps T`.
            A("ucrl2", "Ucrl2", BanditFits.Continuing, "UCRL2 (Jaksch, Ortner and Auer 2010) for average-reward models, one trajectory",
                new AlgorithmParameter("delta", Real, 0.05, "the confidence parameter: the regret bound holds with probability 1 - delta", ParameterRange.OpenUnitInterval)),
        };

        private static readonly Dictionary<string, BanditAlgorithm> ByName = All.ToDictionary(a => a.Name);

        public static bool TryGet(string name, out BanditAlgorithm algorithm) => ByName.TryGetValue(name, out algorithm!);

        /// <summary>The names, in table order, for messages.</summary>
        public static IEnumerable<string> Names => All.Select(a => a.Name);
    }
}
