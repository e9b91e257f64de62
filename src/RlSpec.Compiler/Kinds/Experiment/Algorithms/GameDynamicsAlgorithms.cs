using System.Collections.Generic;
using System.Linq;

namespace RlSpec.Compiler.Kinds.Experiment.Algorithms
{
    /// <summary>The game forms a learning dynamic runs on (flags), as the experiment sees the declared game.</summary>
    [System.Flags]
    public enum GameDynamicForms
    {
        None = 0,
        /// <summary>A two-player game with payoff matrices: zero_sum, bimatrix, symmetric, random, or a preference game's P − 1/2.</summary>
        Matrix = 1,
        /// <summary>A regularized preference game (the runtime's <c>PreferenceGame</c>).</summary>
        Preference = 2,
        /// <summary>A two-player zero-sum Markov game (the runtime's <c>MarkovGame</c>).</summary>
        Markov = 4,
    }

    /// <summary>A learning dynamic of the table: the algorithm (name, runtime type, parameters) and the game forms it fits.</summary>
    public sealed record GameDynamic(BanditAlgorithm Algorithm, GameDynamicForms Forms)
    {
        /// <summary>The runtime game object the constructor takes first: <c>BimatrixGame</c>, <c>PreferenceGame</c> or <c>MarkovGame</c>.</summary>
        public string GameType => Forms switch
        {
            GameDynamicForms.Preference => "PreferenceGame",
            GameDynamicForms.Markov => "MarkovGame",
            _ => "BimatrixGame",
        };

        /// <summary>The <c>GameModel</c> property that holds that object: <c>Bimatrix</c>, <c>Preference</c> or <c>Markov</c>.</summary>
        public string GameProperty => Forms switch
        {
            GameDynamicForms.Preference => "Preference",
            GameDynamicForms.Markov => "Markov",
            _ => "Bimatrix",
        };
    }

    /// <summary>
    /// The table of built-in learning dynamics for experiments on a <c>game</c>: the only place in the compiler that knows
    /// their names. It matches the runtime classes in <c>RlSpec.Runtime.Games.Dynamics</c> (a test checks by reflection that
    /// each type exists, implements IGameDynamics, and has a public constructor taking the game object of its form and then
    /// exactly these parameters). The compiler owns the defaults: the constructors have none.
    /// </summary>
    public static class GameDynamicsAlgorithms
    {
        /// <summary>The namespace of the runtime classes.</summary>
        public const string RuntimeNamespace = "RlSpec.Runtime.Games.Dynamics";

        private const AlgorithmParameterType Real = AlgorithmParameterType.Real;
        private const GameDynamicForms Matrix = GameDynamicForms.Matrix;

        private static GameDynamic D(string name, string typeName, GameDynamicForms forms, string summary, params AlgorithmParameter[] parameters) =>
            new GameDynamic(new BanditAlgorithm(name, typeName, BanditFits.Game, false, summary, parameters) { RuntimeNamespace = RuntimeNamespace }, forms);

        private static AlgorithmParameter Eta(double @default) => new AlgorithmParameter("eta", Real, @default, "the step size", ParameterRange.Positive);

        /// <summary>Every built-in dynamic, in the order messages list them.</summary>
        public static readonly IReadOnlyList<GameDynamic> All = new[]
        {
            D("mwu", "MultiplicativeWeights", Matrix, "multiplicative weights / Hedge in self-play (Freund and Schapire 1999)", Eta(0.1)),
            // 1/8 is the largest step of the last-iterate guarantee (Wei, Lee, Zhang and Luo 2021); 0.1 is below it.
            D("omwu", "OptimisticMultiplicativeWeights", Matrix, "optimistic multiplicative weights (Daskalakis and Panageas 2019; Wei et al. 2021)", Eta(0.1)),
            D("mirror_prox", "MirrorProx", Matrix, "mirror prox in the entropic geometry (Nemirovski 2004)", Eta(0.1)),
            D("extragradient", "ProjectedExtragradient", Matrix, "projected extragradient (Korpelevich 1976)", Eta(0.1)),
            D("gda", "ProjectedGradientDescentAscent", Matrix, "projected gradient descent-ascent", Eta(0.1)),
            D("ogda", "ProjectedOptimisticGradientDescentAscent", Matrix, "projected optimistic gradient descent-ascent (Popov 1980; Daskalakis et al. 2018)", Eta(0.1)),
            D("fictitious_play", "FictitiousPlay", Matrix, "simultaneous fictitious play (Brown 1951; Robinson 1951)"),
            D("regret_matching", "RegretMatching", Matrix, "regret matching (Hart and Mas-Colell 2000)"),
            D("regret_matching_plus", "RegretMatchingPlus", Matrix, "regret matching+ (Tammelin 2014)"),
            D("nash_md", "NashMirrorDescent", GameDynamicForms.Preference, "Nash-MD on a regularized preference game (Munos et al. 2024); eta = 0 is the schedule 2/(beta (t+2))",
                new AlgorithmParameter("eta", Real, 0, "the step size (0: the decreasing schedule)", ParameterRange.NonNegative)),
            D("nash_mirror_prox", "NashMirrorProx", GameDynamicForms.Preference, "Nash mirror prox on a regularized preference game", Eta(0.1)),
            D("entropy_omwu", "EntropyRegularizedMarkovOmwu", GameDynamicForms.Markov, "entropy-regularized OMWU for Markov games (Cen, Chi, Du and Xiao 2023)", Eta(0.1),
                new AlgorithmParameter("tau", Real, 0.1, "the entropy temperature", ParameterRange.Positive)),
            D("minimax_q", "MinimaxQ", GameDynamicForms.Markov, "minimax-Q with samples (Littman 1994)"),
        };

        private static readonly Dictionary<string, GameDynamic> ByName = All.ToDictionary(a => a.Algorithm.Name);

        public static bool TryGet(string name, out BanditAlgorithm algorithm)
        {
            bool found = ByName.TryGetValue(name, out var d);
            algorithm = d?.Algorithm!;
            return found;
        }

        /// <summary>The table row of an algorithm of this table, or null.</summary>
        public static GameDynamic? Find(string name) => ByName.TryGetValue(name, out var d) ? d : null;

        /// <summary>The names, in table order, for messages.</summary>
        public static IEnumerable<string> Names => All.Select(a => a.Algorithm.Name);

        /// <summary>The names of the dynamics that fit <paramref name="forms"/>.</summary>
        public static IEnumerable<string> NamesFor(GameDynamicForms forms) => All.Where(a => (a.Forms & forms) != 0).Select(a => a.Algorithm.Name);
    }
}
