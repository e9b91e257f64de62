using System.Collections.Generic;
using System.Linq;

namespace RlSpec.Compiler.Kinds.Experiment.Algorithms
{
    /// <summary>
    /// The settings an algorithm fits (flags: an algorithm may fit several): the bandit settings, and for
    /// experiments on an mdp the families of learning on MDPs (an mdp target may allow several, e.g. a
    /// discounted model is played in episodes or optimized by policy optimization).
    /// </summary>
    [System.Flags]
    public enum BanditFits
    {
        None = 0,
        /// <summary>K arms with fixed reward distributions.</summary>
        Stochastic = 1,
        /// <summary>Arms with feature vectors and a linear mean reward.</summary>
        Linear = 2,
        /// <summary>An oblivious adversary's rewards.</summary>
        Adversarial = 4,
        /// <summary>Online RL in episodes of H steps on a tabular MDP with an initial state.</summary>
        Episodic = 8,
        /// <summary>Online RL on an average-reward MDP, one trajectory (UCRL2).</summary>
        Continuing = 16,
        /// <summary>Policy optimization with exact (or sampled) gradients on a discounted MDP.</summary>
        PolicyOptimization = 32,
        /// <summary>Learning dynamics on a declared game (<see cref="GameDynamicsAlgorithms"/>; which forms: <see cref="GameDynamicForms"/>).</summary>
        Game = 128,
    }

    /// <summary>The values an algorithm parameter may take; anything else is RLS0684.</summary>
    public enum ParameterRange
    {
        /// <summary>Any finite number (the bandit table's parameters, checked by the runtime).</summary>
        Any,
        /// <summary>Greater than 0 (a step size, a prior).</summary>
        Positive,
        /// <summary>At least 0 (a bonus multiplier, a number of samples where 0 means exact).</summary>
        NonNegative,
        /// <summary>In [0, 1] (an exploration probability).</summary>
        UnitInterval,
        /// <summary>In (0, 1) (a confidence level).</summary>
        OpenUnitInterval,
        /// <summary>At least 1 (a growth factor of step sizes).</summary>
        AtLeastOne,
    }

    /// <summary>The type of an algorithm parameter, as written in .rlspec and as the runtime constructor takes it.</summary>
    public enum AlgorithmParameterType
    {
        /// <summary>A C# <c>double</c>; an integer literal is accepted.</summary>
        Real,
        /// <summary>A C# <c>int</c>.</summary>
        Int,
    }

    /// <summary>
    /// One constructor parameter of a built-in algorithm: its name (the same in .rlspec and in the C#
    /// constructor), its type, and its default. The compiler owns the defaults: the runtime constructors
    /// have none, and emitted code passes every argument explicitly.
    /// </summary>
    public sealed record AlgorithmParameter(string Name, AlgorithmParameterType Type, double Default, string Meaning, ParameterRange Range = ParameterRange.Any)
    {
        /// <summary>Whether <paramref name="value"/> is in <see cref="Range"/>.</summary>
        public bool Accepts(double value) => Range switch
        {
            ParameterRange.Positive => value > 0,
            ParameterRange.NonNegative => value >= 0,
            ParameterRange.UnitInterval => value >= 0 && value <= 1,
            ParameterRange.OpenUnitInterval => value > 0 && value < 1,
            ParameterRange.AtLeastOne => value >= 1,
            _ => true,
        };

        /// <summary>The range in words, for messages: "positive".</summary>
        public string RangeText => Range switch
        {
            ParameterRange.Positive => "positive",
            ParameterRange.NonNegative => "at least 0",
            ParameterRange.UnitInterval => "between 0 and 1",
            ParameterRange.OpenUnitInterval => "strictly between 0 and 1",
            ParameterRange.AtLeastOne => "at least 1",
            _ => "a finite number",
        };

        /// <summary>The C# type keyword of the constructor parameter.</summary>
        public string CSharpType => Type == AlgorithmParameterType.Int ? "int" : "double";
    }

    /// <summary>
    /// One built-in bandit algorithm: its .rlspec name, the runtime struct that implements it (in
    /// <c>RlSpec.Runtime.Bandits.Algorithms</c>), its parameters in constructor order, the settings it
    /// fits and whether it identifies a best arm (<c>IBestArmIdentification</c>) rather than minimising regret.
    /// </summary>
    public sealed class BanditAlgorithm
    {
        public BanditAlgorithm(string name, string typeName, BanditFits fits, bool isBestArmIdentification, string summary, params AlgorithmParameter[] parameters)
        {
            Name = name;
            TypeName = typeName;
            Fits = fits;
            IsBestArmIdentification = isBestArmIdentification;
            Summary = summary;
            Parameters = parameters;
        }

        /// <summary>The name written in <c>compare</c>: <c>kl_ucb</c>.</summary>
        public string Name { get; }

        /// <summary>The struct's name in <c>RlSpec.Runtime.Bandits.Algorithms</c>: <c>KlUcb</c>.</summary>
        public string TypeName { get; }

        /// <summary>The fully qualified C# type, spelled from <c>global::</c> for emitted code.</summary>
        public string GlobalTypeName => "global::" + RuntimeNamespace + "." + TypeName;

        /// <summary>The namespace of the runtime struct (bandit algorithms, or the learning-on-MDPs namespaces).</summary>
        public string RuntimeNamespace { get; init; } = BanditAlgorithms.RuntimeNamespace;

        public BanditFits Fits { get; }

        public bool IsBestArmIdentification { get; }

        /// <summary>One line for documentation and messages.</summary>
        public string Summary { get; }

        /// <summary>Constructor parameters, in order.</summary>
        public IReadOnlyList<AlgorithmParameter> Parameters { get; }

        public AlgorithmParameter? Parameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);

        /// <summary>The settings it fits, for messages: "stochastic and linear bandits".</summary>
        public string FitsText
        {
            get
            {
                if (LearningFitsText(Fits) is { } learning) return learning;
                var names = new List<string>();
                if ((Fits & BanditFits.Stochastic) != 0) names.Add("stochastic");
                if ((Fits & BanditFits.Linear) != 0) names.Add("linear");
                if ((Fits & BanditFits.Adversarial) != 0) names.Add("adversarial");
                return names.Count == 1 ? names[0] + " bandits"
                    : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1] + " bandits";
            }
        }
    
        /// <summary>The MDP families in words, or null for bandit algorithms.</summary>
        internal static string? LearningFitsText(BanditFits fits) =>
            (fits & BanditFits.Episodic) != 0 ? "episodic MDPs (a finite horizon, or episodes of `horizon H` steps)"
            : (fits & BanditFits.Continuing) != 0 ? "average-reward MDPs"
            : (fits & BanditFits.PolicyOptimization) != 0 ? "policy optimization on discounted MDPs"
            : (fits & BanditFits.Game) != 0 ? "games (learning dynamics)"
            : null;
    }
}
