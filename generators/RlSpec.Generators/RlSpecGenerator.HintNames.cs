using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Text;

namespace RlSpec.Generators
{
    public sealed partial class RlSpecGenerator
    {
        /// <summary>
        /// Drops files that were included twice (same path) and gives every file a hint prefix made of
        /// its file name; when two files in different folders share a name, the later one also gets a
        /// stable hash of its path, so Roslyn never sees the same hint name twice.
        /// </summary>
        internal static ImmutableArray<SpecFile> AssignHintNames(ImmutableArray<SpecText> files)
        {
            var seenPaths = new HashSet<string>(StringComparer.Ordinal);
            var usedPrefixes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var result = ImmutableArray.CreateBuilder<SpecFile>(files.Length);
            foreach (var file in files)
            {
                if (!seenPaths.Add(file.Path)) continue;
                var prefix = HintPrefix(file.Path);
                if (!usedPrefixes.Add(prefix))
                {
                    prefix = prefix + "." + StableHash(file.Path);
                    usedPrefixes.Add(prefix);
                }
                result.Add(new SpecFile(file.Path, prefix, file.Text));
            }
            return result.ToImmutable();
        }

        /// <summary>The file name without extension, restricted to characters that are safe in any file system.</summary>
        internal static string HintPrefix(string path)
        {
            string name;
            try
            {
                name = Path.GetFileNameWithoutExtension(path);
            }
            catch (ArgumentException)
            {
                name = "";
            }
            var sb = new StringBuilder(name.Length);
            foreach (char c in name)
                sb.Append(c < 128 && (char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.') ? c : '_');
            return sb.Length == 0 ? "model" : sb.ToString();
        }

        /// <summary>FNV-1a over the path's UTF-16 code units: the same on every machine and run (string.GetHashCode is not).</summary>
        private static string StableHash(string text)
        {
            unchecked
            {
                uint hash = 2166136261;
                foreach (char c in text)
                {
                    hash ^= c;
                    hash *= 16777619;
                }
                return hash.ToString("x8");
            }
        }
    }
}
