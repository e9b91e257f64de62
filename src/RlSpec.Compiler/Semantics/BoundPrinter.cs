using System.Globalization;
using System.Linq;
using System.Text;

namespace RlSpec.Compiler.Semantics
{
    /// <summary>
    /// Prints a bound expression back in RlSpec syntax, for messages that name an expression (integer
    /// overflow): names as declared, operators with the grammar's precedence. Long expressions are cut
    /// at <see cref="MaxLength"/> characters, so a message stays one line even for a huge model.
    /// </summary>
    public static class BoundPrinter
    {
        /// <summary>Printed text longer than this ends in "...".</summary>
        public const int MaxLength = 120;

        public static string Print(BoundExpr e)
        {
            var sb = new StringBuilder();
            Write(e, sb);
            return Cut(sb);
        }

        /// <summary>A chain up to and including link <paramref name="links"/>-1: what one step of it has computed (N * N in N * N * 7).</summary>
        public static string Print(BoundChain c, int links)
        {
            var sb = new StringBuilder();
            Chain(c, links, sb);
            return Cut(sb);
        }

        private static string Cut(StringBuilder sb) => sb.Length > MaxLength ? sb.ToString(0, MaxLength - 3) + "..." : sb.ToString();

        private static void Chain(BoundChain c, int links, StringBuilder sb)
        {
            int p = Precedence(c.Links[0].Op);
            Wrap(c.First, p, sb);
            for (int k = 0; k < links && sb.Length <= MaxLength; k++)
            {
                sb.Append(' ').Append(c.Links[k].Op).Append(' ');
                Wrap(c.Links[k].Operand, p + 1, sb);
            }
        }

        private static void Write(BoundExpr e, StringBuilder sb)
        {
            // Stop early: the text is cut anyway, and a flat sum of 100,000 terms must not be printed whole.
            if (sb.Length > MaxLength) return;
            switch (e)
            {
                case BoundLiteral l: sb.Append(Literal(l.Value)); break;
                case BoundParam p: sb.Append(p.Param.Name); break;
                case BoundLet l: sb.Append(l.Let.Name); break;
                case BoundStateVar v: sb.Append(v.Variable.Name).Append(v.IsNext ? "'" : ""); break;
                case BoundRandom r: sb.Append(r.Random.Name); break;
                case BoundLocal l: sb.Append(l.Local.Name); break;
                case BoundStep _: sb.Append('t'); break;
                case BoundEnumValue v: sb.Append(v.Value.Name); break;
                case BoundUnary u: sb.Append(u.Op); Wrap(u.Operand, 8, sb); break;
                case BoundBinary b:
                {
                    int p = Precedence(b.Op);
                    Wrap(b.Left, p + (b.Op == "^" ? 1 : 0), sb);
                    sb.Append(' ').Append(b.Op).Append(' ');
                    Wrap(b.Right, p + (b.Op == "^" ? 0 : 1), sb);
                    break;
                }
                case BoundChain c: Chain(c, c.Links.Count, sb); break;
                case BoundIf i:
                    sb.Append("if "); Write(i.Condition, sb);
                    sb.Append(" then "); Write(i.Then, sb);
                    sb.Append(" else "); Write(i.Else, sb);
                    break;
                case BoundCall c when c.Function.IsSeeded:
                {
                    // The instance seed is hidden; the seed is written by name, as in the source.
                    sb.Append(c.Function.Name).Append('(');
                    for (int k = 0; k < c.Arguments.Count - 2; k++) { Write(c.Arguments[k], sb); sb.Append(", "); }
                    sb.Append("seed = "); Write(c.Arguments[c.Arguments.Count - 2], sb); sb.Append(')');
                    break;
                }
                case BoundCall c: sb.Append(c.Function.Name); List("(", c.Arguments, ")", sb); break;
                case BoundIndex x: Wrap(x.Target, 10, sb); sb.Append('['); Write(x.Index, sb); sb.Append(']'); break;
                case BoundList l: List("[", l.Elements, "]", sb); break;
                case BoundLoop loop:
                    if (loop.IsSum)
                    {
                        sb.Append("sum(").Append(loop.Variable.Name).Append(" in ");
                        Write(loop.Lo, sb); sb.Append(".."); Write(loop.Hi, sb);
                        sb.Append(", "); Write(loop.Body, sb); sb.Append(')');
                    }
                    else
                    {
                        sb.Append('['); Write(loop.Body, sb);
                        sb.Append(" for ").Append(loop.Variable.Name).Append(" in ");
                        Write(loop.Lo, sb); sb.Append(".."); Write(loop.Hi, sb); sb.Append(']');
                    }
                    break;
                case BoundDistribution d:
                    sb.Append(d.Family.Name); List("(", d.Arguments, ")", sb);
                    if (d.Lo != null)
                    {
                        sb.Append(d.Clamp ? " clamped " : " truncated ");
                        Write(d.Lo, sb); sb.Append(".."); Write(d.Hi!, sb);
                    }
                    break;
                default: sb.Append('?'); break;
            }
        }

        private static void List(string open, System.Collections.Generic.IReadOnlyList<BoundExpr> items, string close, StringBuilder sb)
        {
            sb.Append(open);
            for (int k = 0; k < items.Count && sb.Length <= MaxLength; k++)
            {
                if (k > 0) sb.Append(", ");
                Write(items[k], sb);
            }
            sb.Append(close);
        }

        private static string Literal(object value) => value switch
        {
            long l => l.ToString(CultureInfo.InvariantCulture),
            double d => RealText(d),
            bool b => b ? "true" : "false",
            _ => "?",
        };

        /// <summary>A real as the user would write it: always with a '.' or an exponent, so it reads as a real.</summary>
        public static string RealText(double d)
        {
            var s = d.ToString("R", CultureInfo.InvariantCulture);
            return s.IndexOfAny(new[] { '.', 'E', 'e', 'N', 'I' }) >= 0 ? s : s + ".0";
        }

        /// <summary>Binding strength as in the grammar (see <see cref="Syntax.Printer"/>): higher binds tighter.</summary>
        private static int Precedence(string op) => op switch
        {
            "^" => 9,
            "*" or "/" or "%" => 7,
            "+" or "-" => 6,
            "<" or "<=" or ">" or ">=" or "==" or "!=" => 5,
            "&&" => 4,
            "||" => 3,
            _ => 0,
        };

        private static int Precedence(BoundExpr e) => e switch
        {
            BoundBinary b => Precedence(b.Op),
            BoundChain c => Precedence(c.Links[0].Op),
            BoundUnary _ => 8,
            BoundDistribution { Lo: not null } => 2,
            BoundIf _ => 1,
            BoundLiteral { Value: long l } when l < 0 => 8,
            BoundLiteral { Value: double d } when d < 0 => 8,
            _ => 10,
        };

        private static void Wrap(BoundExpr e, int minimum, StringBuilder sb)
        {
            if (Precedence(e) < minimum)
            {
                sb.Append('(');
                Write(e, sb);
                sb.Append(')');
            }
            else Write(e, sb);
        }
    }
}
