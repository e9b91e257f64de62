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

        /// <summary>The emitted value (a <c>ulong</c>) of the instance seed seeded draws combine with; null where there is none.</summary>
        public string? InstanceSeed { get; set; }
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
        private const int Primary = 15, Unary = 14, Multiplicative = 13, Additive = 12, Relational = 10, Equality = 9, And = 5, Or = 4, ConditionalPrec = 2;

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
        private bool Checked(object op) => _overflow != null && _overflow.NeedsCheck(op);

        /// <summary>The expression as written and where it starts: what a checked operation reports when it fails.</summary>
        private static string Site(BoundExpr op) =>
            $"{CSharpNames.String(BoundPrinter.Print(op))}, {CSharpNames.Int(op.Span.Line)}, {CSharpNames.Int(op.Span.Column)}";

        /// <summary>The site of a chain's step: the chain up to link <paramref name="links"/>-1, from where the chain starts.</summary>
        private static string Site(BoundChain c, int links) =>
            $"{CSharpNames.String(BoundPrinter.Print(c, links))}, {CSharpNames.Int(c.Span.Line)}, {CSharpNames.Int(c.Span.Column)}";

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

        /// <summary>
        /// When set, the name of a <c>RandomStream</c> local: distributions are drawn from it (the generative
        /// step) instead of replaced by their means (the exact side).
        /// </summary>
        public string? RandomStream { get; set; }

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
                case BoundInstanceSeed _: return (_scope.InstanceSeed ?? throw new InvalidOperationException("no instance seed here"), Primary);
                case BoundUnary u:
                    if (u.Op == "-" && u.Type.Kind == TypeKind.Int && Checked(u))
                        return ($"{GlobalNames.CheckedArithmetic}.Negate({Emit(u.Operand)}, {Site(u)})", Primary);
                {
                    // `-(-5)`, never `--5`: C# would read two minus signs as the decrement operator.
                    var operand = Wrap(u.Operand, Unary);
                    return (u.Op + (u.Op == "-" && operand.StartsWith("-", StringComparison.Ordinal) ? "(" + operand + ")" : operand), Unary);
                }
                case BoundBinary b: return Binary(b);
                case BoundChain c: return Chain(c);
                case BoundIf i:
                {
                    var condition = Wrap(i.Condition, Or);
                    Conditional++;
                    var then = Wrap(i.Then, ConditionalPrec + 1);
                    var otherwise = Wrap(i.Else, ConditionalPrec);
                    Conditional--;
                    return ($"{condition} ? {then} : {otherwise}", ConditionalPrec);
                }
                case BoundCall c: return (Call(c), Primary);
                case BoundIndex x: return ($"{Wrap(x.Target, Primary)}[{Emit(x.Index)}]", Primary);
                case BoundList l: return (EmitList(l, l.Type), Primary);
                case BoundLoop loop: return (Loop(loop), Primary);
                case BoundDistribution d: return (RandomStream is null ? Mean(d) : Draw(d, RandomStream), Primary);
                default: throw new InvalidOperationException("cannot emit " + e.GetType().Name);
            }
        }

        private string Wrap(BoundExpr e, int minPrec)
        {
            var (code, prec) = EmitP(e);
            return prec < minPrec ? "(" + code + ")" : code;
        }

        private (string, int) Binary(BoundBinary b) =>
            Apply(b.Op, EmitP(b.Left), b.Left.Type, b.Right, b.Type, b, () => Site(b));

        /// <summary>
        /// <c>left op right</c> in C#, where <paramref name="left"/> is already emitted (with its C# precedence)
        /// and has type <paramref name="leftType"/>: shared by binaries and each step of a chain. An int
        /// operation the overflow proof did not cover (<paramref name="key"/>: the binary or the chain link)
        /// is a checked call reporting <paramref name="site"/>.
        /// </summary>
        private (string, int) Apply(string op, (string Code, int Prec) left, RType leftType, BoundExpr right, RType type, object key, Func<string> site)
        {
            string WrapLeft(int minPrec) => left.Prec < minPrec ? "(" + left.Code + ")" : left.Code;
            switch (op)
            {
                case "^":
                    if (type.Kind == TypeKind.Int && Checked(key))
                        return ($"{GlobalNames.CheckedArithmetic}.Power({left.Code}, {Emit(right)}, {site()})", Primary);
                    return type.Kind == TypeKind.Int
                        ? ($"{GlobalNames.Functions}.IntPow({left.Code}, {Emit(right)})", Primary)
                        : ($"{GlobalNames.Math}.Pow({left.Code}, {Emit(right)})", Primary);
                case "%":
                    if (Checked(key)) return ($"{GlobalNames.CheckedArithmetic}.Remainder({left.Code}, {Emit(right)}, {site()})", Primary);
                    return ($"{GlobalNames.Functions}.Mod({left.Code}, {Emit(right)})", Primary);
                case "+":
                case "-":
                case "*":
                    if (type.Kind == TypeKind.Int && Checked(key))
                    {
                        var method = op == "+" ? "Add" : op == "-" ? "Subtract" : "Multiply";
                        return ($"{GlobalNames.CheckedArithmetic}.{method}({left.Code}, {Emit(right)}, {site()})", Primary);
                    }
                    break;
                case "/":
                    // Division is real division: make sure C# does not divide integers.
                    return ($"{(leftType.Kind == TypeKind.Int ? "(double)" + WrapLeft(Unary) : WrapLeft(Multiplicative))} / {Wrap(right, Multiplicative + 1)}", Multiplicative);
            }
            int prec = op switch
            {
                "*" => Multiplicative,
                "+" or "-" => Additive,
                "<" or "<=" or ">" or ">=" => Relational,
                "==" or "!=" => Equality,
                "&&" => And,
                _ => Or,
            };
            return ($"{WrapLeft(prec)} {op} {Wrap(right, prec + 1)}", prec);
        }

        /// <summary>
        /// Operator links per emitted C# expression. A longer chain is split: every <see cref="ChunkSize"/>
        /// links the value so far goes into a local, so that C# never sees an expression too complex for
        /// it (CS8078), whatever the length of the chain.
        /// </summary>
        public const int ChunkSize = 256;

        /// <summary>
        /// How many enclosing constructs evaluate what is being emitted only sometimes (a branch of `if`,
        /// an operand after `&&` or `||`, or a caller's guarded statement). Splitting a chain there would
        /// compute its first part unconditionally, so chains are split only where this is zero.
        /// </summary>
        public int Conditional { get; set; }

        /// <summary>A chain in a loop, left to right as C# associates it; split into locals when long.</summary>
        private (string, int) Chain(BoundChain c)
        {
            var acc = EmitP(c.First);
            var type = c.First.Type;
            for (int k = 0; k < c.Links.Count; k++)
            {
                var link = c.Links[k];
                // The chain so far is computed whenever the chain is: it can move into a statement before.
                if (k > 0 && k % ChunkSize == 0 && Conditional == 0)
                {
                    var part = _scope.Names.Fresh("part");
                    _w.Line($"{TypeOf(type)} {part} = {acc.Code};");
                    acc = (part, Primary);
                }
                // The right operand of && or || is evaluated only sometimes.
                bool shortCircuit = link.Op is "&&" or "||";
                if (shortCircuit) Conditional++;
                var upTo = k + 1;
                acc = Apply(link.Op, acc, type, link.Operand, link.Type, link, () => Site(c, upTo));
                if (shortCircuit) Conditional--;
                type = link.Type;
            }
            return acc;
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
            // Unless the interval analysis proves hi < int.MaxValue (and the length within int), the loop
            // ends by comparing with hi (i++ would wrap past it) and a list's length is checked.
            bool unbounded = Checked(loop.Variable);
            if (unbounded)
            {
                var last = _scope.Names.Fresh("last");
                _w.Line($"int {last} = {hi};");
                hi = last;
            }
            string result;
            if (loop.IsSum)
            {
                result = _scope.Names.Fresh("sum");
                _w.Line($"{TypeOf(loop.Type)} {result} = 0;");
                _w.Open($"for (int {index} = {lo}; {index} <= {hi}; {index}++)");
                var body = Emit(loop.Body);
                if (loop.Type.Kind == TypeKind.Int && Checked(loop)) _w.Line($"{result} = {GlobalNames.CheckedArithmetic}.Add({result}, {body}, {Site(loop)});");
                else _w.Line($"{result} += {body};");
                if (unbounded) _w.Line($"if ({index} == {hi}) break;");
                _w.Close();
            }
            else
            {
                result = _scope.Names.Fresh("list");
                var element = TypeOf(loop.Type.Element!);
                var loName = _scope.Names.Fresh("lo");
                _w.Line($"int {loName} = {lo};");
                var length = unbounded
                    ? $"{GlobalNames.CheckedArithmetic}.RangeLength({loName}, {hi}, {Site(loop)})"
                    : $"{GlobalNames.Math}.Max(0, {hi} - {loName} + 1)";
                var inner = element.EndsWith("[]", StringComparison.Ordinal)
                    ? element.Substring(0, element.IndexOf('[')) + "[" + length + "]" + element.Substring(element.IndexOf('['))
                    : $"{element}[{length}]";
                _w.Line($"var {result} = new {inner};");
                _w.Open($"for (int {index} = {loName}; {index} <= {hi}; {index}++)");
                var body = Emit(loop.Body);
                _w.Line($"{result}[{index} - {loName}] = {body};");
                if (unbounded) _w.Line($"if ({index} == {hi}) break;");
                _w.Close();
            }
            _scope.Locals.Remove(loop.Variable);
            return result;
        }

        /// <summary>The mean of a reward distribution: the precomputed finite distribution's when it has one, else its family's closed form.</summary>
        private string Mean(BoundDistribution d) =>
            DrawnFromFiniteForm(d) ? _fields.Distribution(d) + ".Mean" : d.Family.Mean(new Arguments(this, d.Arguments));

        /// <summary>
        /// True when a draw of <paramref name="d"/> comes from a precomputed finite distribution (a field the
        /// kind must create): truncated ones, and constant ones with a list parameter (categorical), whose
        /// list would otherwise be allocated on every draw.
        /// </summary>
        public static bool DrawnFromFiniteForm(BoundDistribution d) => d.UsesFiniteForm;

        /// <summary>One draw of a reward distribution: from its precomputed finite distribution when it has one, else by its family's sampler.</summary>
        private string Draw(BoundDistribution d, string rng) =>
            DrawnFromFiniteForm(d) ? $"{_fields.Distribution(d)}.Sample(ref {rng})" : SampleDistribution(d, rng);

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
