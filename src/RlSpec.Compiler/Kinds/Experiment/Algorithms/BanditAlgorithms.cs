using System.Collections.Generic;
using System.Linq;

namespace RlSpec.Compiler.Kinds.Experiment.Algorithms
{
    /// <summary>
    /// The table of built-in bandit algorithms: the only place in the compiler that knows their names.
    /// It matches the runtime structs in <c>RlSpec.Runtime.Bandits.Algorithms</c> (a test checks by
    /// reflection that every type exists, implements the right interface and has a public constructor
    /// with exactly these parameter names and types). The defaults live here and only here: the runtime
    /// constructors take every argument, and emitted code passes each one explicitly.
    /// </summary>
    public static class BanditAlgorithms
    {
        /// <summary>The namespace of the runtime structs.</summary>
        public const string RuntimeNamespace = "RlSpec.Runtime.Bandits.Algorithms";

        private const BanditFits Independent = BanditFits.Stochastic | BanditFits.Linear;
        private const AlgorithmParameterType Real = AlgorithmParameterType.Real, Int = AlgorithmParameterType.Int;

        private static AlgorithmParameter P(string name, AlgorithmParameterType type, double @default, string meaning) =>
            new AlgorithmParameter(name, type, @default, meaning);

        /// <summary>Every built-in algorithm, in the order messages list them.</summary>
        public static readonly IReadOnlyList<BanditAlgorithm> All = new[]
        {
            new BanditAlgorithm("ucb1", "Ucb1", Independent, false, "UCB1 (Auer, Cesa-Bianchi and Fischer 2002)"),
            new BanditAlgorithm("ucb_alpha", "UcbAlpha", Independent, false, "UCB with exploration factor alpha",
                P("alpha", Real, 4.0, "exploration factor")),
            new BanditAlgorithm("moss", "Moss", Independent, false, "MOSS (Audibert and Bubeck 2009), tuned to the horizon"),
            new BanditAlgorithm("kl_ucb", "KlUcb", Independent, false, "KL-UCB for Bernoulli rewards in [0, 1] (Garivier and Cappe 2011)",
                P("c", Real, 0.0, "the c of the log(t) + c log(log(t)) exploration")),
            new BanditAlgorithm("kl_ucb_gaussian", "KlUcbGaussian", Independent, false, "KL-UCB for Gaussian rewards",
                P("sigma", Real, 1.0, "the rewards' standard deviation"), P("c", Real, 0.0, "the c of the log(t) + c log(log(t)) exploration")),
            new BanditAlgorithm("thompson", "Thompson", Independent, false, "Thompson sampling, Beta-Bernoulli (rewards in [0, 1] by a Bernoulli trial)"),
            new BanditAlgorithm("thompson_gaussian", "ThompsonGaussian", Independent, false, "Thompson sampling with a Gaussian prior",
                P("sigma", Real, 1.0, "the rewards' standard deviation")),
            new BanditAlgorithm("bayes_ucb", "BayesUcb", Independent, false, "Bayes-UCB (Kaufmann, Cappe and Garivier 2012)",
                P("c", Real, 0.0, "the c of the 1 - 1/(t log(t)^c) quantile")),
            new BanditAlgorithm("epsilon_greedy", "EpsilonGreedy", Independent, false, "epsilon-greedy with a fixed epsilon",
                P("epsilon", Real, 0.1, "the exploration probability")),
            new BanditAlgorithm("decaying_epsilon_greedy", "DecayingEpsilonGreedy", Independent, false, "epsilon-greedy with epsilon_t = min(1, c K / (d^2 t)) (Auer et al. 2002)",
                P("c", Real, 5.0, "the c of epsilon_t"), P("d", Real, 0.1, "the gap d of epsilon_t")),
            new BanditAlgorithm("explore_then_commit", "ExploreThenCommit", Independent, false, "explore-then-commit",
                P("m", Int, 0, "pulls of each arm before committing; 0 tunes it from the horizon")),
            new BanditAlgorithm("successive_elimination", "SuccessiveElimination", Independent, false, "successive elimination (Even-Dar, Mannor and Mansour 2006)",
                P("delta", Real, 0.05, "the confidence level")),
            new BanditAlgorithm("exp3", "Exp3", BanditFits.Stochastic | BanditFits.Linear | BanditFits.Adversarial, false, "EXP3 (Auer et al. 2002)",
                P("eta", Real, 0.0, "the learning rate; 0 tunes it to the horizon, sqrt(2 ln K / (T K)); negative: anytime")),
            new BanditAlgorithm("exp3_ix", "Exp3Ix", BanditFits.Stochastic | BanditFits.Linear | BanditFits.Adversarial, false, "EXP3-IX (Neu 2015)",
                P("eta", Real, 0.0, "the learning rate, same convention as exp3; gamma = eta / 2")),
            new BanditAlgorithm("linucb", "LinUcb", BanditFits.Linear, false, "LinUCB (Li et al. 2010)",
                P("alpha", Real, 1.0, "the width of the confidence ellipsoid"), P("lambda", Real, 1.0, "the ridge regularisation")),
            new BanditAlgorithm("oful", "Oful", BanditFits.Linear, false, "OFUL (Abbasi-Yadkori, Pal and Szepesvari 2011)",
                P("delta", Real, 0.05, "the confidence level"), P("lambda", Real, 1.0, "the ridge regularisation"), P("s", Real, 1.0, "a bound on the norm of theta")),
            new BanditAlgorithm("lin_thompson", "LinThompson", BanditFits.Linear, false, "linear Thompson sampling (Agrawal and Goyal 2013)",
                P("v", Real, 1.0, "the posterior scale"), P("lambda", Real, 1.0, "the ridge regularisation")),
            new BanditAlgorithm("successive_halving", "SuccessiveHalving", Independent, true, "sequential halving for best-arm identification (Karnin, Koren and Somekh 2013)"),
            new BanditAlgorithm("successive_rejects", "SuccessiveRejects", Independent, true, "successive rejects for best-arm identification (Audibert, Bubeck and Munos 2010)"),
        };

        private static readonly Dictionary<string, BanditAlgorithm> ByName = All.ToDictionary(a => a.Name);

        public static bool TryGet(string name, out BanditAlgorithm algorithm) => ByName.TryGetValue(name, out algorithm!);

        /// <summary>The names, in table order, for messages.</summary>
        public static IEnumerable<string> Names => All.Select(a => a.Name);
    }
}
