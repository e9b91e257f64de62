using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using RlSpec.Compiler.Diagnostics;

namespace RlSpec.Generators
{
    public sealed partial class RlSpecGenerator
    {
        /// <summary>
        /// Model names are C# type names in one namespace, shared by the whole project, so a name may be
        /// declared in one file only. The declaration in the first file (ordinal order of paths) is kept;
        /// every other one gets RLS0500 at its name and is not emitted, so the build shows one located
        /// error per duplicate instead of dozens of C# errors in generated code.
        /// </summary>
        internal static ModelClashes FindClashes(ImmutableArray<CompiledFile> files)
        {
            var first = new Dictionary<string, (string Path, ModelDeclaration Declaration)>(StringComparer.Ordinal);
            var skipped = new List<string>();
            var diagnostics = new List<Diagnostic>();
            foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                foreach (var declaration in file.Declarations)
                {
                    if (!first.TryGetValue(declaration.TypeName, out var kept))
                    {
                        first[declaration.TypeName] = (file.Path, declaration);
                        continue;
                    }
                    skipped.Add(ModelClashes.Key(file.Path, declaration.TypeName));
                    var where = kept.Path == file.Path
                        ? $"line {kept.Declaration.NameSpan.Line}"
                        : $"{kept.Path}({kept.Declaration.NameSpan.Line},{kept.Declaration.NameSpan.Column})";
                    diagnostics.Add(new Diagnostic(GeneratorDiagnosticIds.DuplicateModelInProject, Severity.Error,
                        $"a model named '{declaration.Name}' is already declared in {where}; model names become C# types in namespace RlSpec.Models, shared by the whole project, so rename one of them",
                        declaration.NameSpan));
                }
            }
            return new ModelClashes(new EquatableArray<string>(skipped), new EquatableArray<Diagnostic>(diagnostics));
        }

        /// <summary>
        /// Where a model's name is written: the first <c>kind Name</c> outside comments. The compiler's
        /// result names the model but carries no position, so the generator finds it in the text it
        /// already has; if it cannot, the file's start is the location.
        /// </summary>
        internal static SourceSpan LocateModelName(string path, string text, string kind, string name)
        {
            int line = 1, column = 1;
            for (int i = 0; i < text.Length;)
            {
                char c = text[i];
                if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
                {
                    while (i < text.Length && text[i] != '\n' && text[i] != '\r') { i++; column++; }
                    continue;
                }
                if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
                {
                    int end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    int stop = end < 0 ? text.Length : end + 2;
                    for (; i < stop; i++) Advance(text, i, ref line, ref column);
                    continue;
                }
                if (IsWordStart(text, i) && Matches(text, i, kind))
                {
                    int j = i + kind.Length, l = line, col = column + kind.Length;
                    if (j < text.Length && char.IsWhiteSpace(text[j]))
                    {
                        while (j < text.Length && char.IsWhiteSpace(text[j])) { Advance(text, j, ref l, ref col); j++; }
                        if (Matches(text, j, name) && (j + name.Length == text.Length || !IsWordChar(text[j + name.Length])))
                            return new SourceSpan(path, l, col, l, col + name.Length, j, name.Length);
                    }
                }
                Advance(text, i, ref line, ref column);
                i++;
            }
            return SourceSpan.FileStart(path);
        }

        private static void Advance(string text, int i, ref int line, ref int column)
        {
            // \r\n, \n and a bare \r each end one line.
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))) { line++; column = 1; }
            else if (text[i] != '\r') column++;
        }

        private static bool Matches(string text, int at, string word) =>
            at + word.Length <= text.Length && string.CompareOrdinal(text, at, word, 0, word.Length) == 0;

        private static bool IsWordStart(string text, int i) => i == 0 || !IsWordChar(text[i - 1]);

        private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
    }
}
