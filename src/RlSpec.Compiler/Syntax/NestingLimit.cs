using System.Collections.Generic;
using Antlr4.Runtime;
using RlSpec.Compiler.Syntax.Generated;

namespace RlSpec.Compiler.Syntax
{
    /// <summary>
    /// The nesting limit, checked on the token stream before any recursive stage runs. The ANTLR parser,
    /// the AST builder, the binder, the constant folder and the emitter all recurse once per level of
    /// real nesting; a file nested deeper than <see cref="MaxDepth"/> is rejected here with one located
    /// diagnostic (as Roslyn does with CS8078), so none of them can exhaust the stack. Flat chains
    /// (<c>1 + 1 + ... + 1</c>, <c>a &amp;&amp; b &amp;&amp; ...</c>) are not nesting and have no limit.
    /// </summary>
    /// <remarks>
    /// The depth is an over-estimate computed without a parser: each open bracket (<c>( [ {</c>) is a
    /// level, and inside a bracket so is every construct that nests without brackets: each <c>if</c>
    /// (its branches extend to the end of the expression), each prefix <c>-</c> / <c>!</c> of a run,
    /// each <c>^</c> of a right-associative power chain, each postfix <c>[i]</c> of an index chain and
    /// each <c>truncated</c> / <c>clamped</c>. A separator that ends an expression (<c>, : | @ = ~</c>,
    /// <c>when</c>, a member keyword, or a name right after an operand: the next rule) resets the
    /// counts of its bracket; a binary operator ends the prefix and index runs before it.
    /// </remarks>
    internal static class NestingLimit
    {
        /// <summary>
        /// At most this many levels. docs/language.md documents it; a test compiles the deepest allowed
        /// input of every kind on a thread with a 1 MB stack (the generator runs inside the C# compiler).
        /// </summary>
        public const int MaxDepth = 256;

        private sealed class Level
        {
            public int Ifs, Prefix, Power, Index, Truncate;

            public int Sum => Ifs + Prefix + Power + Index + Truncate;
        }

        /// <summary>The first token at which the nesting exceeds <see cref="MaxDepth"/>, or null.</summary>
        public static IToken? FirstTooDeep(IList<IToken> tokens)
        {
            var levels = new List<Level> { new Level() };
            int counted = 0; // sum of all levels' counters: the depth is levels.Count - 1 + counted
            IToken? previous = null;
            foreach (var token in tokens)
            {
                if (token.Channel != TokenConstants.DefaultChannel || token.Type == TokenConstants.EOF) continue;
                var top = levels[levels.Count - 1];
                switch (token.Type)
                {
                    case RlSpecLexer.LPAREN:
                    case RlSpecLexer.LBRACK:
                    case RlSpecLexer.LBRACE:
                        // A bracket right after an operand is a postfix index (or a call): a[i][j] is a chain.
                        if (token.Type == RlSpecLexer.LBRACK && EndsOperand(previous)) { top.Index++; counted++; }
                        levels.Add(new Level());
                        break;
                    case RlSpecLexer.RPAREN:
                    case RlSpecLexer.RBRACK:
                    case RlSpecLexer.RBRACE:
                        if (levels.Count > 1)
                        {
                            counted -= top.Sum;
                            levels.RemoveAt(levels.Count - 1);
                        }
                        break;
                    case RlSpecLexer.IF:
                        top.Ifs++; counted++;
                        break;
                    case RlSpecLexer.MINUS when !EndsOperand(previous):
                    case RlSpecLexer.BANG:
                        top.Prefix++; counted++;
                        break;
                    case RlSpecLexer.CARET:
                        // -a ^ b is -(a ^ b): a prefix run stays open across '^'; an index chain ends.
                        counted -= top.Index;
                        top.Index = 0;
                        top.Power++; counted++;
                        break;
                    case RlSpecLexer.TRUNCATED:
                    case RlSpecLexer.CLAMPED:
                        top.Truncate++; counted++;
                        break;
                    case RlSpecLexer.STAR: case RlSpecLexer.SLASH: case RlSpecLexer.PERCENT:
                    case RlSpecLexer.PLUS: case RlSpecLexer.MINUS:
                    case RlSpecLexer.LT: case RlSpecLexer.LE: case RlSpecLexer.GT: case RlSpecLexer.GE:
                    case RlSpecLexer.EQ: case RlSpecLexer.NE: case RlSpecLexer.AND: case RlSpecLexer.OR:
                        // A binary operator looser than prefix operators: the runs before it are complete.
                        counted -= top.Prefix + top.Index + top.Power;
                        top.Prefix = top.Index = top.Power = 0;
                        break;
                    default:
                        if (EndsExpression(token, previous))
                        {
                            counted -= top.Sum;
                            levels[levels.Count - 1] = new Level();
                        }
                        break;
                }
                if (levels.Count - 1 + counted > MaxDepth) return token;
                previous = token;
            }
            return null;
        }

        /// <summary>A token after which a binary operator may follow: the end of an operand.</summary>
        private static bool EndsOperand(IToken? token) => token != null && token.Type switch
        {
            RlSpecLexer.ID or RlSpecLexer.INT_LIT or RlSpecLexer.REAL_LIT or RlSpecLexer.TRUE or RlSpecLexer.FALSE
                or RlSpecLexer.RPAREN or RlSpecLexer.RBRACK or RlSpecLexer.PRIME => true,
            _ => false,
        };

        /// <summary>A token that ends the expression before it at the same bracket level.</summary>
        private static bool EndsExpression(IToken token, IToken? previous) => token.Type switch
        {
            RlSpecLexer.COMMA or RlSpecLexer.COLON or RlSpecLexer.BAR or RlSpecLexer.AT or RlSpecLexer.ASSIGN
                or RlSpecLexer.TILDE or RlSpecLexer.WHEN or RlSpecLexer.FOR
                or RlSpecLexer.PARAM or RlSpecLexer.LET or RlSpecLexer.STATE or RlSpecLexer.ACTION or RlSpecLexer.INIT
                or RlSpecLexer.DISCOUNT or RlSpecLexer.HORIZON or RlSpecLexer.AVERAGE or RlSpecLexer.UNTIL
                or RlSpecLexer.DEFAULT or RlSpecLexer.TRANSITION or RlSpecLexer.REWARD => true,
            // Two operands never meet inside an expression: a name after an operand starts the next rule.
            RlSpecLexer.ID => EndsOperand(previous),
            _ => false,
        };
    }
}
