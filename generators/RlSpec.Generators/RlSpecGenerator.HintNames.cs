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
        internal static ImmutableArray<SpecFile> AssignHintNames(ImmutableArray<SpecText> files, string? projectDirectory = null)
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
                result.Add(new SpecFile(file.Path, prefix, file.Text, SourcePathFor(file.Path, projectDirectory)));
            }
            return result.ToImmutable();
        }

        /// <summary>
        /// The path the emitted code records for a file: relative to the project folder with '/' separators
        /// when the file is inside it, otherwise its file name; never an absolute path, so the generated
        /// code is the same on every machine.
        /// </summary>
        internal static string SourcePathFor(string path, string? projectDirectory)
        {
            if (!string.IsNullOrEmpty(projectDirectory))
            {
                var dir = projectDirectory!.Replace('\\', '/');
                if (!dir.EndsWith("/", StringComparison.Ordinal)) dir += "/";
                var full = path.Replace('\\', '/');
                if (full.StartsWith(dir, StringComparison.OrdinalIgnoreCase) && full.Length > dir.Length)
                    return full.Substring(dir.Length);
            }
            try
            {
                return Path.GetFileName(path);
            }
            catch (ArgumentException)
            {
                return "model.rlspec";
            }
        }

        /// <summary>
        /// A generated file's hint name: the file's prefix and the model's type name with C#'s keyword escape
        /// '@' removed (Roslyn refuses '@' in hint names; a model named <c>class</c> gives <c>file.class.g.cs</c>).
        /// </summary>
        internal static string HintName(string hintPrefix, string modelHintName)
        {
            var sb = new StringBuilder(hintPrefix.Length + 1 + modelHintName.Length);
            sb.Append(hintPrefix).Append('.');
            foreach (char c in modelHintName)
            {
                if (c == '@') continue;
                sb.Append(c < 128 && (char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.') ? c : '_');
            }
            return sb.ToString();
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
