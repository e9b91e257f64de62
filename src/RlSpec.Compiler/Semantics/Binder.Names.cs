using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Semantics
{
    /// <summary>User names: reserved ones, and suggestions for a misspelt one.</summary>
    public sealed partial class Binder
    {
        /// <summary>Names the language gives a meaning (the step index).</summary>
        private static readonly HashSet<string> Reserved = new HashSet<string>(StringComparer.Ordinal) { "t" };

        /// <summary>Names starting with '_' are kept for the emitted code; 't' is the step index of finite-horizon models.</summary>
        public bool CheckUserName(string name, SourceSpan span)
        {
            if (name.StartsWith("_", StringComparison.Ordinal))
            {
                Error(DiagnosticIds.ReservedName, $"names starting with '_' are reserved; rename '{name}'", span);
                return false;
            }
            if (StepIndexAvailable && Reserved.Contains(name))
            {
                Error(DiagnosticIds.ReservedName, $"'{name}' is the step index of a finite-horizon model; choose another name", span);
                return false;
            }
            return true;
        }

        public static string Suggest(string name, IEnumerable<Symbol> candidates)
        {
            // One-letter names are too short for edit distance to mean anything: only a case slip counts.
            var best = candidates.Select(c => c.Name)
                .Select(c => (Name: c, Distance: string.Equals(c, name, StringComparison.OrdinalIgnoreCase) ? 0 : EditDistance.Between(name, c)))
                .Where(x => name.Length < 3 ? x.Distance == 0 : x.Distance <= Math.Max(1, name.Length / 3))
                .OrderBy(x => x.Distance).FirstOrDefault();
            return best.Name is null ? "" : $"; did you mean '{best.Name}'?";
        }
    }
}
