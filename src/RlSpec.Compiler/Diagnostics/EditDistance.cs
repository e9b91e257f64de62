using System;
using System.Collections.Generic;

namespace RlSpec.Compiler.Diagnostics
{
    /// <summary>
    /// Spelling distance for "did you mean" suggestions: the optimal string alignment distance
    /// (insertions, deletions, substitutions and swaps of two neighbouring letters each cost 1), so
    /// that the common typo <c>rewrad</c> is one step from <c>reward</c>.
    /// </summary>
    public static class EditDistance
    {
        public static int Between(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
            for (int j = 0; j <= b.Length; j++) d[0, j] = j;
            for (int i = 1; i <= a.Length; i++)
            {
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                        d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
            return d[a.Length, b.Length];
        }

        /// <summary>
        /// The candidate closest to <paramref name="word"/>, if it is close enough to be a typo: at most
        /// one edit for short words, two for words of five letters or more. Ties go to the earlier candidate.
        /// </summary>
        public static string? Closest(string word, IEnumerable<string> candidates)
        {
            string? best = null;
            int bestDistance = int.MaxValue;
            foreach (var c in candidates)
            {
                if (c == word) continue;
                var distance = string.Equals(c, word, StringComparison.OrdinalIgnoreCase) ? 0 : Between(word, c);
                int allowed = Math.Min(word.Length, c.Length) >= 5 ? 2 : 1;
                if (distance <= allowed && distance < bestDistance)
                {
                    best = c;
                    bestDistance = distance;
                }
            }
            return best;
        }
    }
}
