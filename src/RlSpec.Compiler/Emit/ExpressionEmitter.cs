using System;
using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Semantics.Builtins;

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

    /// <summary>Where an emitted model keeps parameters, constant lets and precomputed distributions: each kind's field naming.</summary>
    internal interface IFieldNames
    {
        string Param(ParamSymbol p);

        string Let(LetSymbol l);

        /// <summary>The field holding the finite form of a truncated distribution.</summary>
        string Distribution(BoundDistribution d);
    }

    /// <summary>
    /// Translates bound expressions into C# expressions with the language's semantics (real division,
    /// remainder in 0..b-1, ...), parenthesized by C# precedence. Sums and list comprehensions become
    /// loops written before the statement that uses them.
    /// </summary>
    internal sealed class ExpressionEmitter
    {
        private const int Primary = 15, Unary = 14, Multiplicative = 13, Additive = 12, Relational = 10, Equality = 9, And = 5, Or = 4, Conditional = 2;

        private readonly IFieldNames _fields;
        private readonly EmitScope _scope;
        private readonly CodeWriter _w;
        private readonly OverflowProof? _overflow;

        /// <param name="overflow">Which integer operations need an overflow check; null checks none.</param>
        public ExpressionEmitter(IFieldNames fields, EmitScope scope, CodeWriter writer, OverflowProof? overflow = null)
        {
            _fields = fields;
            _scope = scope;
            _w = writer;
            _overflow = overflow;
        }

        /// <summary>True when the interval analysis could not prove <paramref name="op"/> free of overflow.</summary>
        private bool Checked(BoundExpr op) => _overflow != null && _overflow.NeedsCheck(op);

        /// <summary>The expression as written and where it starts: what a checked operation reports when it fails.</summary>
        private static string Site(BoundExpr op) =>
            $"{CSharpNames.String(BoundPrinter.Print(op))}, {CSharpNames.Int(op.Span.Line)}, {CSharpNames.Int(op.Span.Column)}";

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

        /// <summary>A built-in call, as its table entry writes it.</summary>
        private string Call(BoundCall c) => c.Function.EmitCall(new Arguments(this, c.Arguments), c.Type);

        /// <summary>The arguments' C# for a built-in's table entry, parenthesized by C# precedence here.</summary>
        private sealed class Arguments : IArgumentCode
        {
            private readonly ExpressionEmitter _emitter;
            private readonly IReadOnlyList<BoundExpr> _args;

            public Arguments(ExpressionEmitter emitter, IReadOnlyList<BoundExpr> args)
            {
                _emitter = emitter;
                _args = args;
            }

            public int Count => _args.Count;

            public string Code(int k) => _emitter.Emit(_args[k]);

            public string Factor(int k) => _emitter.Wrap(_args[k], Multiplicative + 1);

            public string Unary(int k) => _emitter.Wrap(_args[k], ExpressionEmitter.Unary);

            public string Primary(int k) => _emitter.Wrap(_args[k], ExpressionEmitter.Primary);

            public RType Type(int k) => _args[k].Type;
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

        /// <summary>The mean of a reward distribution: its family's closed form, or the precomputed finite distribution's.</summary>
        private string Mean(BoundDistribution d) =>
            d.IsTruncated ? _fields.Distribution(d) + ".Mean" : d.Family.Mean(new Arguments(this, d.Arguments));

        /// <summary>C# that creates the <c>FiniteDistribution</c> of a random variable or truncated reward.</summary>
        public string CreateDistribution(BoundDistribution d)
        {
            var finite = d.Family.Finite ?? throw new InvalidOperationException("not a discrete distribution: " + d.Family.Name);
            string? lo = d.Lo is null ? null : Emit(d.Lo), hi = d.Hi is null ? null : Emit(d.Hi);
            return finite(new Arguments(this, d.Arguments), lo, hi, d.Clamp ? "true" : "false");
        }

        /// <summary>C# that draws one value of an untruncated distribution from the random stream <paramref name="rng"/>.</summary>
        public string SampleDistribution(BoundDistribution d, string rng) => d.Family.Sample(new Arguments(this, d.Arguments), rng);
    }
}
