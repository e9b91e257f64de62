using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
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
            var lexer = new RlSpecLexer(new AntlrInputStream(WithLineFeeds(text)), TextWriter.Null, TextWriter.Null);
            lexer.RemoveErrorListeners();
            var tokens = new CommonTokenStream(lexer);
            tokens.Fill();
            cancellationToken.ThrowIfCancellationRequested();

            // A character the lexer does not know is reported as such, before any parse error it caused.
            var unknown = tokens.GetTokens().FirstOrDefault(t => t.Type == RlSpecLexer.UNKNOWN_CHAR);

            // Nesting beyond the limit is refused before the parser (or any later stage) recurses into it.
            var tooDeep = NestingLimit.FirstTooDeep(tokens.GetTokens());
            if (tooDeep != null && (unknown is null || tooDeep.StartIndex < unknown.StartIndex))
            {
                diagnostics.Add(new Diagnostic(DiagnosticIds.NestingTooDeep, Severity.Error,
                    $"this expression nests more than {NestingLimit.MaxDepth} levels deep (brackets, `if`, prefix '-' and '!', '^' chains); " +
                    "split it into `let` definitions", Spans.Of(path, tooDeep)));
                return new FileNode(path, new ModelNode[0]);
            }

            var errors = new FirstErrorListener(path, tokens.GetTokens());
            var tree = ParseFile(tokens, errors);
            cancellationToken.ThrowIfCancellationRequested();

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

        /// <summary>
        /// Two-stage parse: the fast SLL prediction first, which is exact for every valid file of this
        /// grammar in practice; only when it fails is the file parsed again with full LL prediction and
        /// error reporting. Full-context prediction on every member made large files parse slowly.
        /// </summary>
        private static RlSpecParser.FileContext ParseFile(CommonTokenStream tokens, FirstErrorListener errors)
        {
            var parser = new RlSpecParser(tokens, TextWriter.Null, TextWriter.Null);
            parser.RemoveErrorListeners();
            parser.Interpreter.PredictionMode = PredictionMode.SLL;
            parser.ErrorHandler = new BailErrorStrategy();
            try
            {
                return parser.file();
            }
            catch (ParseCanceledException)
            {
                tokens.Seek(0);
                parser.Reset();
                parser.AddErrorListener(errors);
                parser.Interpreter.PredictionMode = PredictionMode.LL;
                parser.ErrorHandler = new DefaultErrorStrategy();
                return parser.file();
            }
        }

        /// <summary>
        /// A bare carriage return (old Mac line endings) is a line break too. The lexer counts lines at
        /// '\n' only, so a lone '\r' becomes '\n'; the length is unchanged, so offsets stay valid.
        /// </summary>
        private static string WithLineFeeds(string text)
        {
            if (text.IndexOf('\r') < 0) return text;
            var chars = text.ToCharArray();
            for (int k = 0; k < chars.Length; k++)
            {
                if (chars[k] == '\r' && (k + 1 == chars.Length || chars[k + 1] != '\n')) chars[k] = '\n';
            }
            return new string(chars);
        }

        private static string Printable(string text)
        {
            var c = text.Length > 0 ? text[0] : '?';
            return c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : text;
        }

        /// <summary>Keeps the first syntax error, phrased for a person.</summary>
        private sealed class FirstErrorListener : BaseErrorListener
        {
            /// <summary>The keywords that start a member: a misspelled one is reported as such.</summary>
            private static readonly string[] MemberKeywords =
            {
                "param", "let", "state", "action", "init", "discount", "horizon", "average", "until", "default", "transition", "reward",
            };

            private readonly string _path;
            private readonly IList<IToken> _tokens;
            private HashSet<string>? _actions;

            public FirstErrorListener(string path, IList<IToken> tokens)
            {
                _path = path;
                _tokens = tokens;
            }

            public Diagnostic? First { get; private set; }

            public override void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
            {
                if (First != null) return;
                var parser = recognizer as Antlr4.Runtime.Parser;
                if (MisspelledKeyword(parser, offendingSymbol) is { } misspelled)
                {
                    First = misspelled;
                    return;
                }
                if (RuleWithoutColon(parser, offendingSymbol) is { } colon)
                {
                    First = colon;
                    return;
                }
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

            /// <summary>
            /// <c>dicount 0.96</c> or <c>rewrad cut when ...</c>: a name at the start of a member is read as
            /// the action of a transition rule, so the parser stumbles over the next word. When that name
            /// is no declared action and is one typo away from a member keyword, the name is the mistake.
            /// </summary>
            private Diagnostic? MisspelledKeyword(Antlr4.Runtime.Parser? parser, IToken? offending)
            {
                RuleContext? context = parser?.Context;
                while (context != null && context is not RlSpecParser.MemberContext) context = context.Parent;
                // `parm N = 3` parses as far as the setting `parm N`; the parser then fails at `=`, between members.
                var start = (context as ParserRuleContext)?.Start ?? SettingJustBefore(parser, offending)?.Start;
                if (start is null || start.Type != RlSpecLexer.ID) return null;
                // Only right after the name: an error further into a rule is a mistake of its own.
                if (offending != null && offending.TokenIndex > start.TokenIndex + 2) return null;
                if (DeclaredActions().Contains(start.Text)) return null;
                var keyword = EditDistance.Closest(start.Text, MemberKeywords);
                if (keyword is null) return null;
                return new Diagnostic(DiagnosticIds.SyntaxError, Severity.Error,
                    $"unknown keyword '{start.Text}'; did you mean '{keyword}'?", Spans.Of(_path, start));
            }

            /// <summary>
            /// <c>left s' = 0</c> with the colon missing parses as far as the setting <c>left s'</c> and fails at
            /// <c>=</c>; when <c>left</c> is a declared action, the mistake is right after it, and is said there.
            /// </summary>
            private Diagnostic? RuleWithoutColon(Antlr4.Runtime.Parser? parser, IToken? offending)
            {
                var setting = SettingJustBefore(parser, offending);
                if (setting is null || !DeclaredActions().Contains(setting.key.Text)) return null;
                var next = _tokens[setting.key.TokenIndex + 1];
                return new Diagnostic(DiagnosticIds.SyntaxError, Severity.Error,
                    $"unexpected '{next.Text}'; expected one of 'when', ':'", Spans.Of(_path, next));
            }

            /// <summary>The setting member the parser completed just before failing at <paramref name="offending"/>, if any.</summary>
            private static RlSpecParser.SettingMemberContext? SettingJustBefore(Antlr4.Runtime.Parser? parser, IToken? offending)
            {
                if (offending is null || parser?.Context is not RlSpecParser.ModelContext model || model.ChildCount == 0) return null;
                for (int i = model.ChildCount - 1; i >= 0; i--)
                {
                    if (model.GetChild(i) is not RlSpecParser.MemberContext member) continue;
                    return member is RlSpecParser.SettingMemberContext setting && setting.Stop != null && setting.Stop.TokenIndex + 1 == offending.TokenIndex
                        ? setting
                        : null;
                }
                return null;
            }

            /// <summary>The names after <c>action</c> (and after its commas), found on the tokens since the parse failed.</summary>
            private HashSet<string> DeclaredActions()
            {
                if (_actions != null) return _actions;
                _actions = new HashSet<string>();
                bool inAction = false, expectName = false;
                int depth = 0;
                foreach (var t in _tokens)
                {
                    if (t.Channel != TokenConstants.DefaultChannel) continue;
                    switch (t.Type)
                    {
                        case RlSpecLexer.ACTION: inAction = true; expectName = true; depth = 0; continue;
                        case RlSpecLexer.LPAREN: case RlSpecLexer.LBRACK: depth++; break;
                        case RlSpecLexer.RPAREN: case RlSpecLexer.RBRACK: depth--; break;
                        case RlSpecLexer.COMMA when inAction && depth == 0: expectName = true; continue;
                        case RlSpecLexer.ID when expectName: _actions.Add(t.Text); break;
                        case RlSpecLexer.COLON: case RlSpecLexer.RBRACE: case RlSpecLexer.ASSIGN:
                        case RlSpecLexer.PARAM: case RlSpecLexer.LET: case RlSpecLexer.STATE: case RlSpecLexer.INIT:
                        case RlSpecLexer.DISCOUNT: case RlSpecLexer.HORIZON: case RlSpecLexer.AVERAGE: case RlSpecLexer.UNTIL:
                        case RlSpecLexer.DEFAULT: case RlSpecLexer.TRANSITION: case RlSpecLexer.REWARD:
                            inAction = false;
                            break;
                    }
                    expectName = false;
                }
                return _actions;
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
