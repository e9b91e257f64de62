using System;
using System.Collections.Generic;

namespace RlSpec.Compiler.Data
{
    /// <summary>
    /// Resolves a data file's path, as written in a model (relative to the .rlspec file), against the .rlspec file's
    /// own path by string operations only (no file system: the generator host may not touch it). Both '/' and '\'
    /// separate folders; "." and ".." are resolved; the result uses '/'.
    /// </summary>
    public static class DataFilePaths
    {
        /// <summary>The full path of <paramref name="relative"/> next to <paramref name="specPath"/> (an absolute relative is kept).</summary>
        public static string Resolve(string specPath, string relative)
        {
            var spec = Normalize(specPath);
            var rel = relative.Replace('\\', '/');
            if (IsAbsolute(rel)) return Normalize(rel);
            int slash = spec.LastIndexOf('/');
            var folder = slash >= 0 ? spec.Substring(0, slash + 1) : "";
            return Normalize(folder + rel);
        }

        /// <summary>'/' separators with "." and ".." folded away (a leading ".." that cannot fold is kept).</summary>
        public static string Normalize(string path)
        {
            var p = path.Replace('\\', '/');
            bool rooted = p.StartsWith("/", StringComparison.Ordinal);
            var parts = new List<string>();
            foreach (var part in p.Split('/'))
            {
                if (part.Length == 0 || part == ".") continue;
                if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..") parts.RemoveAt(parts.Count - 1);
                else parts.Add(part);
            }
            return (rooted ? "/" : "") + string.Join("/", parts);
        }

        private static bool IsAbsolute(string p) =>
            p.StartsWith("/", StringComparison.Ordinal) || (p.Length >= 2 && p[1] == ':' && char.IsLetter(p[0]));
    }
}
