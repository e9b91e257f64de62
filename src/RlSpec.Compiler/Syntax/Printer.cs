using System.Globalization;
using System.Linq;
using System.Text;

namespace RlSpec.Compiler.Syntax
{
    /// <summary>
    /// Prints expressions back in RlSpec syntax, on one line, fully determined by the AST. Used for the
    /// English comments in emitted code: the text is rebuilt from tokens the lexer accepted (names are
    /// [A-Za-z0-9_], no strings), so it can never close a comment or inject code.
    /// </summary>
    public static class Printer
    {
        public static string Print(ExprNode e) => e switch
        {
            IntLiteral i => i.Value.ToString(CultureInfo.InvariantCulture),
            RealLiteral r => r.Value.ToString("R", CultureInfo.InvariantCulture),
            BoolLiteral b => b.Value ? "true" : "false",
            NameExpr n => n.Primed ? n.Name + "'" : n.Name,
            UnaryExpr u => u.Op + Wrap(u.Operand, 8),
            BinaryExpr b => $"{Wrap(b.Left, Precedence(b.Op))} {b.Op} {Wrap(b.Right, Precedence(b.Op) + (b.Op == "^" ? 0 : 1))}",
            ChainExpr c => PrintChain(c),
            IfExpr i => $"if {Print(i.Condition)} then {Print(i.Then)} else {Print(i.Else)}",
            CallExpr c => $"{c.Function.Text}({string.Join(", ", c.Arguments.Select(a => (a.Name is null ? "" : a.Name.Text + " = ") + Print(a.Value)))})",
            IndexExpr x => $"{Wrap(x.Target, 10)}[{Print(x.Index)}]",
            ListExpr l => $"[{string.Join(", ", l.Elements.Select(Print))}]",
            ComprehensionExpr c => $"[{Print(c.Element)} for {c.Variable.Text} in {Print(c.Lo)}..{Print(c.Hi)}]",
            SumExpr s => $"sum({s.Variable.Text} in {Print(s.Lo)}..{Print(s.Hi)}, {Print(s.Body)})",
            TruncateExpr t => $"{Print(t.Distribution)} {(t.Clamp ? "clamped" : "truncated")} {Print(t.Lo)}..{Print(t.Hi)}",
            _ => "?",
        };

        /// <summary>Binding strength as in the grammar: higher binds tighter.</summary>
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

        private static int Precedence(ExprNode e) => e switch
        {
            BinaryExpr b => Precedence(b.Op),
            ChainExpr c => Precedence(c.Links[0].Op),
            UnaryExpr _ => 8,
            TruncateExpr _ => 2,
            IfExpr _ => 1,
            _ => 10,
        };

        /// <summary>A chain in a loop: left-associative, so only a right operand of the same level needs parentheses.</summary>
        private static string PrintChain(ChainExpr c)
        {
            var precedence = Precedence(c.Links[0].Op);
            var text = new StringBuilder(Wrap(c.First, precedence));
            foreach (var link in c.Links)
                text.Append(' ').Append(link.Op).Append(' ').Append(Wrap(link.Operand, precedence + 1));
            return text.ToString();
        }

        private static string Wrap(ExprNode e, int minimum) =>
            Precedence(e) < minimum ? "(" + Print(e) + ")" : Print(e);
    }
}
