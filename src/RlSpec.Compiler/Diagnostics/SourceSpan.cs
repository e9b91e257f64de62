using System;

namespace RlSpec.Compiler.Diagnostics
{
    /// <summary>A range of a .rlspec file: 1-based line and column of its start and end, and character offsets.</summary>
    public readonly record struct SourceSpan(string Path, int Line, int Column, int EndLine, int EndColumn, int Start, int Length)
    {
        /// <summary>A span for the whole file, used when no better place exists.</summary>
        public static SourceSpan FileStart(string path) => new(path, 1, 1, 1, 1, 0, 0);

        /// <summary>The smallest span that covers both.</summary>
        public SourceSpan To(SourceSpan end)
        {
            if (end.Start + end.Length <= Start) return this;
            return new SourceSpan(Path, Line, Column, end.EndLine, end.EndColumn, Start, Math.Max(Length, end.Start + end.Length - Start));
        }

        /// <summary>From the start of <paramref name="first"/> to the end of <paramref name="last"/>.</summary>
        public static SourceSpan Covering(SourceSpan first, SourceSpan last) =>
            new(first.Path, first.Line, first.Column, last.EndLine, last.EndColumn, first.Start, Math.Max(0, last.Start + last.Length - first.Start));

        public override string ToString() => $"{Path}({Line},{Column})";
    }
}
