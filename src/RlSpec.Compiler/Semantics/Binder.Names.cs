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
                .Select(c => (Name: c, Distance: string.Equals(c, name, StringComparison.OrdinalIgnoreCase) ? 0 : Levenshtein(name, c)))
                .Where(x => name.Length < 3 ? x.Distance == 0 : x.Distance <= Math.Max(1, name.Length / 3))
                .OrderBy(x => x.Distance).FirstOrDefault();
            return best.Name is null ? "" : $"; did you mean '{best.Name}'?";
        }

        private static int Levenshtein(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
            for (int j = 0; j <= b.Length; j++) d[0, j] = j;
            for (int i = 1; i <= a.Length; i++)
                for (int j = 1; j <= b.Length; j++)
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            return d[a.Length, b.Length];
        }
    }
}
