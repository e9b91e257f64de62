using System.IO;
using System.Linq;
using System.Threading;
using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Syntax.Generated;

namespace RlSpec.Compiler.Syntax
{
    /// <summary>
    /// Stage 1: text to AST. Runs the ANTLR lexer and parser with listeners that turn the first
    /// lexical or syntax error into a diagnostic (later errors are usually consequences of the first,
    /// so they are dropped: one mistake, one diagnostic), then builds the AST.
    /// </summary>
    internal static class Parser
    {
        public static FileNode Parse(string path, string text, DiagnosticBag diagnostics, CancellationToken cancellationToken)
        {
            var errors = new FirstErrorListener(path);
            var lexer = new RlSpecLexer(new AntlrInputStream(text), TextWriter.Null, TextWriter.Null);
            lexer.RemoveErrorListeners();
            var tokens = new CommonTokenStream(lexer);
            var parser = new RlSpecParser(tokens, TextWriter.Null, TextWriter.Null);
            parser.RemoveErrorListeners();
            parser.AddErrorListener(errors);
            var tree = parser.file();
            cancellationToken.ThrowIfCancellationRequested();

            // A character the lexer does not know is reported as such, before any parse error it caused.
            tokens.Fill();
            var unknown = tokens.GetTokens().FirstOrDefault(t => t.Type == RlSpecLexer.UNKNOWN_CHAR);
            if (unknown != null && (errors.First is null || unknown.StartIndex <= errors.First.Span.Start))
            {
                diagnostics.Add(new Diagnostic(DiagnosticIds.UnknownCharacter, Severity.Error,
                    $"unexpected character '{Printable(unknown.Text)}'; names use letters, digits and '_', and comments start with '//'",
                    Spans.Of(path, unknown)));
                return new FileNode(path, new ModelNode[0]);
            }
            if (errors.First != null)
            {
                diagnostics.Add(errors.First);
                return new FileNode(path, new ModelNode[0]);
            }
            return new AstBuilder(path, diagnostics).BuildFile(tree);
        }

        private static string Printable(string text)
        {
            var c = text.Length > 0 ? text[0] : '?';
            return c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : text;
        }

        /// <summary>Keeps the first syntax error, phrased for a person.</summary>
        private sealed class FirstErrorListener : BaseErrorListener
        {
            private readonly string _path;

            public FirstErrorListener(string path) { _path = path; }

            public Diagnostic? First { get; private set; }

            public override void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
            {
                if (First != null) return;
                var parser = recognizer as Antlr4.Runtime.Parser;
                string expected = "";
                IntervalSet? set = null;
                try { set = parser?.GetExpectedTokens(); } catch (System.Exception) { set = null; }
                if (set != null && set.Count > 0 && set.Count <= 8)
                {
                    var names = set.ToList().Select(t => TokenName(parser!.Vocabulary, t)).Distinct().ToList();
                    expected = names.Count == 1 ? $"; expected {names[0]}" : $"; expected one of {string.Join(", ", names)}";
                }
                string message;
                if (offendingSymbol == null || offendingSymbol.Type == TokenConstants.EOF)
                {
                    message = "unexpected end of file" + expected + (expected.Length == 0 ? "; is a '}' missing?" : "");
                }
                else
                {
                    message = $"unexpected '{offendingSymbol.Text}'{expected}";
                }
                var span = offendingSymbol == null
                    ? new SourceSpan(_path, line, charPositionInLine + 1, line, charPositionInLine + 1, 0, 0)
                    : Spans.Of(_path, offendingSymbol);
                First = new Diagnostic(DiagnosticIds.SyntaxError, Severity.Error, message, span);
            }

            private static string TokenName(IVocabulary vocabulary, int type)
            {
                if (type == TokenConstants.EOF) return "end of file";
                var literal = vocabulary.GetLiteralName(type);
                if (literal != null) return literal; // already quoted: 'when'
                return type switch
                {
                    RlSpecLexer.ID => "a name",
                    RlSpecLexer.INT_LIT => "an integer",
                    RlSpecLexer.REAL_LIT => "a number",
                    _ => vocabulary.GetDisplayName(type),
                };
            }
        }
    }

    /// <summary>Source spans from ANTLR tokens and contexts.</summary>
    internal static class Spans
    {
        public static SourceSpan Of(string path, IToken token)
        {
            var length = token.Type == TokenConstants.EOF ? 0 : System.Math.Max(0, token.StopIndex - token.StartIndex + 1);
            var (endLine, endColumn) = End(token);
            return new SourceSpan(path, token.Line, token.Column + 1, endLine, endColumn, System.Math.Max(0, token.StartIndex), length);
        }

        public static SourceSpan Of(string path, ParserRuleContext context)
        {
            var start = context.Start;
            var stop = context.Stop ?? context.Start;
            if (stop.StopIndex < start.StartIndex) stop = start;
            var (endLine, endColumn) = End(stop);
            return new SourceSpan(path, start.Line, start.Column + 1, endLine, endColumn, start.StartIndex, System.Math.Max(0, stop.StopIndex - start.StartIndex + 1));
        }

        private static (int Line, int Column) End(IToken token)
        {
            var text = token.Type == TokenConstants.EOF ? "" : token.Text ?? "";
            var line = token.Line;
            var column = token.Column + 1;
            foreach (var c in text)
            {
                if (c == '\n') { line++; column = 1; }
                else column++;
            }
            return (line, column);
        }
    }
}
