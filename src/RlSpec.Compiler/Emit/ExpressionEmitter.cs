using System;
using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Emit
{
    /// <summary>Where the values an expression reads live in emitted code, for one method body.</summary>
    internal sealed class EmitScope
    {
        public EmitScope(NameTable names) { Names = names; }

        /// <summary>Local names of this method: loops and temporaries take fresh ones from here.</summary>
        public NameTable Names { get; }

        public Dictionary<StateVarSymbol, string> State { get; } = new Dictionary<StateVarSymbol, string>();

        public Dictionary<StateVarSymbol, string> Next { get; } = new Dictionary<StateVarSymbol, string>();

        public Dictionary<RandomSymbol, string> Random { get; } = new Dictionary<RandomSymbol, string>();

        public Dictionary<LocalSymbol, string> Locals { get; } = new Dictionary<LocalSymbol, string>();

        public string? Step { get; set; }
    }

    /// <summary>
    /// Translates bound expressions into C# expressions with the language's semantics (real division,
    /// remainder in 0..b-1, ...), parenthesized by C# precedence. Sums and list comprehensions become
    /// loops written before the statement that uses them.
    /// </summary>
    internal sealed class ExpressionEmitter
    {
        private const int Primary = 15, Unary = 14, Multiplicative = 13, Additive = 12, Relational = 10, Equality = 9, And = 5, Or = 4, Conditional = 2;

        private readonly MdpFields _fields;
        private readonly EmitScope _scope;
        private readonly CodeWriter _w;
        private readonly OverflowProof? _overflow;

        /// <param name="overflow">Which integer operations need an overflow check; null checks none (as before the analysis).</param>
        public ExpressionEmitter(MdpFields fields, EmitScope scope, CodeWriter writer, OverflowProof? overflow = null)
        {
            _fields = fields;
            _scope = scope;
            _w = writer;
            _overflow = overflow;
        }

        /// <summary>True when the interval analysis could not prove <paramref name="op"/> free of overflow.</summary>
        private bool Checked(BoundExpr op) => _overflow != null && _overflow.NeedsCheck(op);

        /// <summary>The expression as written, with its line: the string a checked operation reports when it fails.</summary>
        private static string Site(BoundExpr op) =>
            CSharpNames.String($"{BoundPrinter.Print(op)} (line {op.Span.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)})");

        /// <summary>The C# type of a value of type <paramref name="t"/>.</summary>
        public static string TypeOf(RType t) => t.Kind switch
        {
            TypeKind.Int => "int",
            TypeKind.Enum => "int",
            TypeKind.Real => "double",
            TypeKind.Bool => "bool",
            TypeKind.List => TypeOf(t.Element!) + "[]",
            _ => "double",
        };

        public string Emit(BoundExpr e) => EmitP(e).Code;

        /// <summary>Emits <paramref name="e"/> as a value of <paramref name="target"/>: an int list literal inside a real table becomes double[].</summary>
        public string EmitAs(BoundExpr e, RType target) =>
            e is BoundList l && target.Kind == TypeKind.List ? EmitList(l, target) : Emit(e);

        private string EmitList(BoundList l, RType type)
        {
            var element = type.Element!;
            var items = l.Elements.Select(x => x is BoundList inner && element.Kind == TypeKind.List
                ? EmitList(inner, element)
                : element.Kind == TypeKind.Real && x.Type.Kind == TypeKind.Int ? "(double)" + Wrap(x, Unary) : Emit(x));
            return $"new {TypeOf(type)} {{ {string.Join(", ", items)} }}";
        }

        private (string Code, int Prec) EmitP(BoundExpr e)
        {
            switch (e)
            {
                case BoundLiteral l:
                    return l.Value switch
                    {
                        long i => (CSharpNames.Int(i), i < 0 ? Unary : Primary),
                        double d => (CSharpNames.Real(d), d < 0 ? Unary : Primary),
                        bool b => (b ? "true" : "false", Primary),
                        _ => throw new InvalidOperationException("unknown literal"),
                    };
                case BoundParam p: return (_fields.Param(p.Param), Primary);
                case BoundLet l: return (_fields.Let(l.Let), Primary);
                case BoundEnumValue v: return (CSharpNames.Int(v.Value.Ordinal), Primary);
                case BoundStateVar v:
                    return ((v.IsNext ? _scope.Next : _scope.State).TryGetValue(v.Variable, out var name)
                        ? name : throw new InvalidOperationException($"no value for {v.Variable.Name}"), Primary);
                case BoundRandom r: return (_scope.Random[r.Random], Primary);
                case BoundLocal l: return (_scope.Locals[l.Local], Primary);
                case BoundStep _: return (_scope.Step ?? "0", Primary);
                case BoundUnary u:
                    if (u.Op == "-" && u.Type.Kind == TypeKind.Int && Checked(u))
                        return ($"CheckedArithmetic.Negate({Emit(u.Operand)}, {Site(u)})", Primary);
                    return (u.Op + Wrap(u.Operand, Unary), Unary);
                case BoundBinary b: return Binary(b);
                case BoundIf i:
                    return ($"{Wrap(i.Condition, Or)} ? {Wrap(i.Then, Conditional + 1)} : {Wrap(i.Else, Conditional)}", Conditional);
                case BoundCall c: return (Call(c), Primary);
                case BoundIndex x: return ($"{Wrap(x.Target, Primary)}[{Emit(x.Index)}]", Primary);
                case BoundList l: return (EmitList(l, l.Type), Primary);
                case BoundLoop loop: return (Loop(loop), Primary);
                case BoundDistribution d: return (Mean(d), Primary);
                default: throw new InvalidOperationException("cannot emit " + e.GetType().Name);
            }
        }

        private string Wrap(BoundExpr e, int minPrec)
        {
            var (code, prec) = EmitP(e);
            return prec < minPrec ? "(" + code + ")" : code;
        }

        private (string, int) Binary(BoundBinary b)
        {
            switch (b.Op)
            {
                case "^":
                    if (b.Type.Kind == TypeKind.Int && Checked(b))
                        return ($"CheckedArithmetic.Power({Emit(b.Left)}, {Emit(b.Right)}, {Site(b)})", Primary);
                    return b.Type.Kind == TypeKind.Int
                        ? ($"Functions.IntPow({Emit(b.Left)}, {Emit(b.Right)})", Primary)
                        : ($"Math.Pow({Emit(b.Left)}, {Emit(b.Right)})", Primary);
                case "%":
                    if (Checked(b)) return ($"CheckedArithmetic.Remainder({Emit(b.Left)}, {Emit(b.Right)}, {Site(b)})", Primary);
                    return ($"Functions.Mod({Emit(b.Left)}, {Emit(b.Right)})", Primary);
                case "+":
                case "-":
                case "*":
                    if (b.Type.Kind == TypeKind.Int && Checked(b))
                    {
                        var method = b.Op == "+" ? "Add" : b.Op == "-" ? "Subtract" : "Multiply";
                        return ($"CheckedArithmetic.{method}({Emit(b.Left)}, {Emit(b.Right)}, {Site(b)})", Primary);
                    }
                    break;
                case "/":
                {
                    // Division is real division: make sure C# does not divide integers.
                    var left = b.Left.Type.Kind == TypeKind.Int ? "(double)" + Wrap(b.Left, Unary) : Wrap(b.Left, Multiplicative);
                    return ($"{left} / {Wrap(b.Right, Multiplicative + 1)}", Multiplicative);
                }
            }
            int prec = b.Op switch
            {
                "*" => Multiplicative,
                "+" or "-" => Additive,
                "<" or "<=" or ">" or ">=" => Relational,
                "==" or "!=" => Equality,
                "&&" => And,
                _ => Or,
            };
            return ($"{Wrap(b.Left, prec)} {b.Op} {Wrap(b.Right, prec + 1)}", prec);
        }

        private string Call(BoundCall c)
        {
            var args = c.Arguments.Select(Emit).ToList();
            switch (c.Function)
            {
                case "min":
                case "max":
                {
                    var m = c.Function == "min" ? "Min" : "Max";
                    if (args.Count == 1) return $"Functions.{m}({args[0]})";
                    var acc = $"Math.{m}({args[0]}, {args[1]})";
                    for (int k = 2; k < args.Count; k++) acc = $"Math.{m}({acc}, {args[k]})";
                    return acc;
                }
                case "abs": return c.Type.Kind == TypeKind.Int && Checked(c) ? $"CheckedArithmetic.Abs({args[0]}, {Site(c)})" : $"Math.Abs({args[0]})";
                case "clamp":
                    return c.Type.Kind == TypeKind.Int
                        ? $"Functions.Clamp({args[0]}, {args[1]}, {args[2]})"
                        : $"Functions.Clamp((double){Wrap(c.Arguments[0], Unary)}, {args[1]}, {args[2]})";
                case "floor": return $"Functions.Floor({args[0]})";
                case "ceil": return $"Functions.Ceil({args[0]})";
                case "round": return $"Functions.Round({args[0]})";
                case "exp": return $"Math.Exp({args[0]})";
                case "log": return $"Math.Log({args[0]})";
                case "sqrt": return $"Math.Sqrt({args[0]})";
                case "len": return $"{Wrap(c.Arguments[0], Primary)}.Length";
            }
            throw new InvalidOperationException("unknown function " + c.Function);
        }

        /// <summary>A sum becomes an accumulation loop; a comprehension fills an array.</summary>
        private string Loop(BoundLoop loop)
        {
            var lo = Emit(loop.Lo);
            var hi = Emit(loop.Hi);
            var index = _scope.Names.Fresh(loop.Variable.Name);
            _scope.Locals[loop.Variable] = index;
            string result;
            if (loop.IsSum)
            {
                result = _scope.Names.Fresh("sum");
                _w.Line($"{TypeOf(loop.Type)} {result} = 0;");
                _w.Open($"for (int {index} = {lo}; {index} <= {hi}; {index}++)");
                var body = Emit(loop.Body);
                if (loop.Type.Kind == TypeKind.Int && Checked(loop)) _w.Line($"{result} = CheckedArithmetic.Add({result}, {body}, {Site(loop)});");
                else _w.Line($"{result} += {body};");
                _w.Close();
            }
            else
            {
                result = _scope.Names.Fresh("list");
                var element = TypeOf(loop.Type.Element!);
                var loName = _scope.Names.Fresh("lo");
                _w.Line($"int {loName} = {lo};");
                var inner = element.EndsWith("[]", StringComparison.Ordinal)
                    ? element.Substring(0, element.IndexOf('[')) + "[" + $"Math.Max(0, {hi} - {loName} + 1)" + "]" + element.Substring(element.IndexOf('['))
                    : $"{element}[Math.Max(0, {hi} - {loName} + 1)]";
                _w.Line($"var {result} = new {inner};");
                _w.Open($"for (int {index} = {loName}; {index} <= {hi}; {index}++)");
                var body = Emit(loop.Body);
                _w.Line($"{result}[{index} - {loName}] = {body};");
                _w.Close();
            }
            _scope.Locals.Remove(loop.Variable);
            return result;
        }

        /// <summary>The mean of a reward distribution: closed forms, or the precomputed finite distribution.</summary>
        private string Mean(BoundDistribution d)
        {
            if (d.IsTruncated) return _fields.Distribution(d) + ".Mean";
            var a = d.Arguments.Select(x => Wrap(x, Multiplicative + 1)).ToList();
            return d.Family switch
            {
                "bernoulli" => Emit(d.Arguments[0]),
                "binomial" => $"{a[0]} * {a[1]}",
                "poisson" => Emit(d.Arguments[0]),
                "geometric" => $"(1 - {a[0]}) / {a[0]}",
                "uniform" => $"({Emit(d.Arguments[0])} + {Emit(d.Arguments[1])}) / 2.0",
                "categorical" => $"Functions.CategoricalMean({Emit(d.Arguments[0])})",
                "normal" => Emit(d.Arguments[0]),
                _ => throw new InvalidOperationException("unknown distribution " + d.Family),
            };
        }

        /// <summary>C# that creates the <c>FiniteDistribution</c> of a random variable or truncated reward.</summary>
        public string CreateDistribution(BoundDistribution d)
        {
            var args = d.Arguments.Select(Emit).ToList();
            string? lo = d.Lo is null ? null : Emit(d.Lo), hi = d.Hi is null ? null : Emit(d.Hi);
            var clamp = d.Clamp ? "true" : "false";
            switch (d.Family)
            {
                case "poisson": return $"FiniteDistribution.Poisson({args[0]}, {lo}, {hi}, clamp: {clamp})";
                case "geometric": return $"FiniteDistribution.Geometric({args[0]}, {lo}, {hi}, clamp: {clamp})";
            }
            var baseCall = d.Family switch
            {
                "bernoulli" => $"FiniteDistribution.Bernoulli({args[0]})",
                "binomial" => $"FiniteDistribution.Binomial({args[0]}, {args[1]})",
                "uniform" => $"FiniteDistribution.Uniform({args[0]}, {args[1]})",
                "categorical" => $"FiniteDistribution.Categorical({args[0]})",
                _ => throw new InvalidOperationException("not a discrete distribution: " + d.Family),
            };
            return lo is null ? baseCall : $"{baseCall}.Restricted({lo}, {hi}, clamp: {clamp})";
        }
    }
}
