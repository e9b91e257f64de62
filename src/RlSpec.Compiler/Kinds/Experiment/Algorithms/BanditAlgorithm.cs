using System.Collections.Generic;
using System.Linq;

namespace RlSpec.Compiler.Kinds.Experiment.Algorithms
{
    /// <summary>The bandit settings an algorithm fits (flags: an algorithm may fit several).</summary>
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
    public sealed record AlgorithmParameter(string Name, AlgorithmParameterType Type, double Default, string Meaning)
    {
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
        public string GlobalTypeName => "global::" + BanditAlgorithms.RuntimeNamespace + "." + TypeName;

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
                var names = new List<string>();
                if ((Fits & BanditFits.Stochastic) != 0) names.Add("stochastic");
                if ((Fits & BanditFits.Linear) != 0) names.Add("linear");
                if ((Fits & BanditFits.Adversarial) != 0) names.Add("adversarial");
                return names.Count == 1 ? names[0] + " bandits"
                    : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1] + " bandits";
            }
        }
    }
}
