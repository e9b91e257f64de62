using System.Collections.Generic;
using System.Linq;

namespace RlSpec.Compiler.Semantics.Builtins
{
    /// <summary>Names the language defines: the built-in functions and the distribution families.</summary>
    public static class BuiltinNames
    {
        /// <summary>True for a function or distribution name, which models cannot declare.</summary>
        public static bool IsBuiltin(string name) =>
            BuiltinFunctions.TryGet(name, out _) || DistributionFamilies.TryGet(name, out _);

        /// <summary>All names, functions first, in table order (for suggestions).</summary>
        public static IEnumerable<string> All =>
            BuiltinFunctions.All.Select(f => f.Name).Concat(DistributionFamilies.All.Select(d => d.Name));
    }
}
