using System.Text;

namespace RlSpec.Compiler.Emit
{
    /// <summary>An indented text writer for emitted C# (four spaces, '\n' line ends on every platform).</summary>
    public sealed class CodeWriter
    {
        private readonly StringBuilder _text = new StringBuilder();
        private int _indent;

        public CodeWriter Line(string line = "")
        {
            if (line.Length > 0) _text.Append(' ', _indent * 4).Append(line);
            _text.Append('\n');
            return this;
        }

        public CodeWriter Open(string? header = null)
        {
            if (header != null) Line(header);
            Line("{");
            _indent++;
            return this;
        }

        public CodeWriter Close(string suffix = "")
        {
            _indent--;
            return Line("}" + suffix);
        }

        /// <summary>Indents the following lines one more level without a brace (the statement of a braceless if/else).</summary>
        public CodeWriter Indent()
        {
            _indent++;
            return this;
        }

        /// <summary>Ends an <see cref="Indent"/>.</summary>
        public CodeWriter Outdent()
        {
            _indent--;
            return this;
        }

        public override string ToString() => _text.ToString();
    }
}
