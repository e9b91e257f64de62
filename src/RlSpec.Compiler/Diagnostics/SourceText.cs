using System.Text;

namespace RlSpec.Compiler.Diagnostics
{
    /// <summary>
    /// The text of one .rlspec file, so that later stages can quote what the user wrote: lowering takes
    /// each rule's text from its span once, and the emitter prints that text in comments.
    /// </summary>
    public sealed class SourceText
    {
        public SourceText(string path, string text)
        {
            Path = path;
            Text = text;
        }

        public string Path { get; }

        public string Text { get; }

        /// <summary>
        /// The text of <paramref name="span"/> exactly as written, on one line: each run of whitespace
        /// (line breaks included) becomes one space.
        /// </summary>
        public string Quote(SourceSpan span)
        {
            int start = System.Math.Max(0, System.Math.Min(span.Start, Text.Length));
            int end = System.Math.Max(start, System.Math.Min(span.Start + span.Length, Text.Length));
            var sb = new StringBuilder(end - start);
            bool space = false;
            for (int k = start; k < end; k++)
            {
                var c = Text[k];
                if (char.IsWhiteSpace(c))
                {
                    space = true;
                    continue;
                }
                if (space && sb.Length > 0) sb.Append(' ');
                space = false;
                sb.Append(c);
            }
            return sb.ToString();
        }
    }
}
