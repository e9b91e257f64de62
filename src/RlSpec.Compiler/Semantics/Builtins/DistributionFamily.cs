using System;
using System.Collections.Generic;

namespace RlSpec.Compiler.Semantics.Builtins
{
    /// <summary>A parameter of a distribution family: its name (for messages) and type.</summary>
    public sealed record DistributionParameter(string Name, RType Type);

    /// <summary>What is wrong with a distribution's constant parameters, and which argument (null: the whole call).</summary>
    public sealed record ParameterProblem(string Message, int? Argument);

    /// <summary>
    /// One distribution family, everything the compiler knows about it in one place: parameters and
    /// their types, whether it is discrete and bounded, the checks on constant parameters, its natural
    /// support, and the C# for its mean, for its finite (enumerable) form and for drawing a sample.
    /// </summary>
    public sealed class DistributionFamily
    {
        public DistributionFamily(
            string name,
            IReadOnlyList<DistributionParameter> parameters,
            bool isDiscrete,
            bool isUnbounded,
            Func<object[], ParameterProblem?> check,
            Func<object[], (long Lo, long Hi)> naturalSupport,
            Func<IArgumentCode, string> mean,
            Func<IArgumentCode, string?, string?, string, string>? finite,
            Func<IArgumentCode, string, string> sample)
        {
            Name = name;
            Parameters = parameters;
            IsDiscrete = isDiscrete;
            IsUnbounded = isUnbounded;
            Check = check;
            NaturalSupport = naturalSupport;
            Mean = mean;
            Finite = finite;
            Sample = sample;
        }

        public string Name { get; }

        public IReadOnlyList<DistributionParameter> Parameters { get; }

        /// <summary>Integer support (usable as a random variable); otherwise continuous, usable where its mean is meant.</summary>
        public bool IsDiscrete { get; }

        /// <summary>The support is unbounded: a random variable needs <c>truncated</c> or <c>clamped</c>.</summary>
        public bool IsUnbounded { get; }

        /// <summary>Checks constant parameter values (long, double, object[]); null when they are fine.</summary>
        public Func<object[], ParameterProblem?> Check { get; }

        /// <summary>The support with these parameter values; <c>long.MaxValue</c> as the upper end means infinite.</summary>
        public Func<object[], (long Lo, long Hi)> NaturalSupport { get; }

        /// <summary>C# for the mean (a closed form); used for rewards when planning.</summary>
        public Func<IArgumentCode, string> Mean { get; }

        /// <summary>
        /// C# creating the runtime's <c>FiniteDistribution</c> from the arguments, the truncation bounds
        /// (null when untruncated) and the <c>clamp</c> flag literal; null for continuous families.
        /// </summary>
        public Func<IArgumentCode, string?, string?, string, string>? Finite { get; }

        /// <summary>
        /// C# drawing one value with the runtime's <c>RlSpec.Runtime.Randomness.Sampling</c>, given the
        /// arguments and the name of a <c>RandomStream</c> variable (passed by ref). For the untruncated
        /// family; a truncated or clamped one samples its precomputed <c>FiniteDistribution</c>.
        /// </summary>
        public Func<IArgumentCode, string, string> Sample { get; }
    }
}
