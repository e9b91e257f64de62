using System.Collections.Generic;

namespace RlSpec.Compiler.Semantics
{
    /// <summary>The built-in functions and distribution families, with their arities.</summary>
    public static class Builtins
    {
        /// <summary>Functions: name to (min, max) argument count; max -1 means any.</summary>
        public static readonly IReadOnlyDictionary<string, (int Min, int Max)> Functions = new Dictionary<string, (int, int)>
        {
            ["min"] = (1, -1),
            ["max"] = (1, -1),
            ["abs"] = (1, 1),
            ["clamp"] = (3, 3),
            ["floor"] = (1, 1),
            ["ceil"] = (1, 1),
            ["round"] = (1, 1),
            ["exp"] = (1, 1),
            ["log"] = (1, 1),
            ["sqrt"] = (1, 1),
            ["len"] = (1, 1),
        };

        /// <summary>Distribution families: name to parameter names. Discrete ones have integer support.</summary>
        public static readonly IReadOnlyDictionary<string, string[]> Distributions = new Dictionary<string, string[]>
        {
            ["bernoulli"] = new[] { "p" },
            ["binomial"] = new[] { "n", "p" },
            ["poisson"] = new[] { "rate" },
            ["geometric"] = new[] { "p" },
            ["uniform"] = new[] { "lo", "hi" },
            ["categorical"] = new[] { "probabilities" },
            ["normal"] = new[] { "mean", "sd" },
        };

        public static bool IsDiscrete(string family) => family != "normal";

        /// <summary>Families whose support is unbounded: a random variable needs <c>truncated</c> or <c>clamped</c>.</summary>
        public static bool IsUnbounded(string family) => family == "poisson" || family == "geometric";
    }
}
