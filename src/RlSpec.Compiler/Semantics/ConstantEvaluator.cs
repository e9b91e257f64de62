using System;
using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Diagnostics;

namespace RlSpec.Compiler.Semantics
{
    /// <summary>An expression that cannot be evaluated: division by zero, index out of range, ...</summary>
    public sealed class EvaluationException : Exception
    {
        public EvaluationException(string id, string message, SourceSpan span) : base(message)
        {
            Id = id;
            Span = span;
        }

        public string Id { get; }

        public SourceSpan Span { get; }

        /// <summary>For an integer overflow or a remainder by zero: the expression as written (e.g. <c>n * n</c>), for the run-time message.</summary>
        public string? Expression { get; set; }

        /// <summary>For an integer overflow: the operation with its operands (e.g. <c>100000 * 100000</c>); for a remainder by zero: the left operand.</summary>
        public string? Operation { get; set; }

        /// <summary>The operation that failed (the key of the overflow proof), when known.</summary>
        public object? Site { get; set; }

        /// <summary>Where emitted code's run-time message places the failure (a chain's start), when it differs from <see cref="Span"/>.</summary>
        public SourceSpan? At { get; set; }
    }

    /// <summary>
    /// Evaluates constant expressions (parameters, constant lets, literals, loops) at compile time,
    /// for the checks that need numbers: sizes, ranges, discount, constant probabilities, tables.
    /// Values are <c>long</c>, <c>double</c>, <c>bool</c> or <c>object[]</c> (lists); enums are ordinals.
    /// The emitted C# computes the same expressions again at run time, where parameters can change.
    /// </summary>
    public sealed class ConstantEvaluator
    {
        private readonly Dictionary<LetSymbol, object> _lets = new Dictionary<LetSymbol, object>();
        private readonly Dictionary<LocalSymbol, long> _locals = new Dictionary<LocalSymbol, long>();

        public static bool IsConstant(BoundExpr e) => (e.Deps & ~Dep.Param) == 0 && !e.HasError;

        /// <summary>
        /// The values of state variables (current and successor), when evaluating at run time in a state (the CLI's IR
        /// interpreter); null while compiling, where a state variable is not a constant.
        /// </summary>
        public Func<BoundStateVar, object>? StateValues { get; set; }

        /// <summary>
        /// The values of what exists only at run time (a random variable's current value, the step, a reward
        /// distribution's mean), for the CLI's IR interpreter; null while compiling.
        /// </summary>
        public Func<BoundExpr, object>? RunTimeValues { get; set; }

        /// <summary>
        /// Run-time semantics, as emitted C# computes (the CLI's IR interpreter): a real division by zero is IEEE
        /// infinity or NaN there, for the model's validator to report, not an error of the expression.
        /// </summary>
        public bool RunTime { get; set; }

        /// <summary>Gives the local <paramref name="local"/> (an action family's index) a value, for the IR interpreter.</summary>
        public void SetLocal(LocalSymbol local, long value) => _locals[local] = value;

        public object Evaluate(BoundExpr e)
        {
            switch (e)
            {
                case BoundLiteral l: return l.Value;
                case BoundParam p: return p.Param.Value;
                case BoundEnumValue v: return (long)v.Value.Ordinal;
                case BoundLet l:
                    // Only a constant let has one value; one that reads the state is computed at each use.
                    if (!IsConstant(l.Let.Value!)) return Evaluate(l.Let.Value!);
                    if (!_lets.TryGetValue(l.Let, out var cached))
                    {
                        cached = Evaluate(l.Let.Value!);
                        _lets[l.Let] = cached;
                    }
                    return cached;
                case BoundStateVar v when StateValues != null: return StateValues(v);
                case BoundRandom or BoundStep or BoundDistribution when RunTimeValues != null: return RunTimeValues(e);
                case BoundLocal l:
                    if (_locals.TryGetValue(l.Local, out var value)) return value;
                    throw new EvaluationException(DiagnosticIds.NotConstant, $"'{l.Local.Name}' has no value here", e.Span);
                case BoundUnary u:
                {
                    var x = Evaluate(u.Operand);
                    if (u.Op == "!") return !(bool)x;
                    return x is long i ? (object)CheckInt(-i, u, $"-({i})") : -(double)x;
                }
                case BoundBinary b: return Binary(b);
                case BoundChain c: return Chain(c);
                case BoundIf i: return (bool)Evaluate(i.Condition) ? Convert(Evaluate(i.Then), i.Type) : Convert(Evaluate(i.Else), i.Type);
                case BoundCall c: return Call(c);
                case BoundIndex x:
                {
                    var list = (object[])Evaluate(x.Target);
                    var index = (long)Evaluate(x.Index);
                    if (index < 0 || index >= list.Length)
                        throw new EvaluationException(DiagnosticIds.IndexOutOfRange,
                            $"index {index} is out of range: the list has {list.Length} elements (indices 0..{list.Length - 1})", x.Index.Span);
                    return Convert(list[index], x.Type);
                }
                case BoundList l:
                {
                    var items = new object[l.Elements.Count];
                    for (int k = 0; k < items.Length; k++) items[k] = Convert(Evaluate(l.Elements[k]), l.Type.Element!);
                    return items;
                }
                case BoundLoop loop:
                {
                    long lo = (long)Evaluate(loop.Lo), hi = (long)Evaluate(loop.Hi);
                    if (!loop.IsSum && hi - lo + 1 > 10_000_000)
                        throw new EvaluationException(DiagnosticIds.SupportTooLarge, $"the list would have {hi - lo + 1} elements; at most 10,000,000 are allowed", loop.Span);
                    // A constant sum is added up while compiling (in every host, the generator too): bounded like a list.
                    if (loop.IsSum && hi - lo + 1 > 10_000_000)
                        throw new EvaluationException(DiagnosticIds.SupportTooLarge, $"the constant sum has {hi - lo + 1} terms; at most 10,000,000 are added up while compiling; use a closed form (e.g. n * (n + 1) / 2) or fewer terms", loop.Span);
                    var items = new List<object>();
                    double sumReal = 0;
                    long sumInt = 0;
                    for (long k = lo; k <= hi; k++)
                    {
                        _locals[loop.Variable] = k;
                        var v = Evaluate(loop.Body);
                        if (!loop.IsSum) items.Add(Convert(v, loop.Type.Element!));
                        else if (v is long li) sumInt = CheckInt(sumInt + li, loop, $"the sum reaches {sumInt} + {li}");
                        else sumReal += (double)v;
                    }
                    _locals.Remove(loop.Variable);
                    if (!loop.IsSum) return items.ToArray();
                    return loop.Type.Kind == TypeKind.Int ? (object)sumInt : sumReal + sumInt;
                }
                default:
                    throw new EvaluationException(DiagnosticIds.NotConstant, "this expression is not a constant", e.Span);
            }
        }

        public double EvaluateReal(BoundExpr e) => ToReal(Evaluate(e));

        public long EvaluateInt(BoundExpr e) => (long)Evaluate(e);

        public static double ToReal(object v) => v is long l ? l : v is bool b ? (b ? 1 : 0) : (double)v;

        private static object Convert(object v, RType type) => type.Kind == TypeKind.Real && v is long l ? (double)l : v;

        /// <summary>
        /// A chain in a loop: each step is the binary operator applied to the value so far (as a literal)
        /// and the next operand, so chains get exactly the semantics (and checks) of <see cref="Binary"/>.
        /// </summary>
        private object Chain(BoundChain c)
        {
            var value = Evaluate(c.First);
            var type = c.First.Type;
            for (int k = 0; k < c.Links.Count; k++)
            {
                var link = c.Links[k];
                var upTo = k;
                // An overflow names the chain up to this step (N * N, not 100000 * N); built only on error.
                try
                {
                    value = Binary(new BoundBinary(link.Op, new BoundLiteral(value, type, c.First.Span), link.Operand, link.Type, link.Span),
                        () => upTo == c.Links.Count - 1 ? c : new BoundChain(c.First, c.Links.Take(upTo + 1).ToList(), link.Span));
                }
                catch (EvaluationException ex) when (ex.Site != null)
                {
                    // At run time emitted code names the step as the chain up to it, from where the chain starts, and the
                    // overflow proof knows the step by its link (the IR interpreter reports what emitted code reports).
                    ex.Site = link;
                    ex.Expression = BoundPrinter.Print(c, upTo + 1);
                    ex.At = c.Span;
                    throw;
                }
                type = link.Type;
            }
            return value;
        }

        /// <summary>
        /// Integers are 32-bit, as in emitted code: a result outside int is an error here (RLS0227),
        /// never a value that emitted code would compute differently. Operands are in int, so the
        /// long arithmetic before this check is exact.
        /// </summary>
        private long CheckInt(long value, BoundExpr at, string operation, Func<BoundExpr>? siteOf = null)
        {
            if (value >= int.MinValue && value <= int.MaxValue) return value;
            var site = siteOf?.Invoke() ?? at;
            throw Overflow(site, operation, RealHint(site));
        }

        /// <summary>The RLS0227 error for <paramref name="at"/>, e.g. "integer overflow in N * N (100000 * 100000); use a real (write 100000.0) or smaller values".</summary>
        public static EvaluationException Overflow(BoundExpr at, string operation, string realHint) =>
            new EvaluationException(DiagnosticIds.IntegerOverflow,
                $"integer overflow in {BoundPrinter.Print(at)} ({operation}); use a real (write {realHint}) or smaller values", at.Span)
            { Expression = BoundPrinter.Print(at), Operation = operation, Site = at };

        /// <summary>An int operand to write as a real, for the fix-it: N * N with N = 100000 gives "100000.0".</summary>
        private string RealHint(BoundExpr at)
        {
            if (at is BoundLoop) return "1.0 * ... in the sum's body";
            var first = at is BoundBinary b ? b.Left : at is BoundChain c ? c.First : at is BoundUnary u ? u.Operand : at;
            try
            {
                if (Evaluate(first) is long n) return BoundPrinter.RealText(n);
            }
            catch (EvaluationException)
            {
                // The operand cannot be evaluated alone: suggest the form instead.
            }
            return "1.0 * ...";
        }

        /// <summary>floor, ceil and round give ints: a whole real outside the 32-bit range (or NaN) has no such value.</summary>
        public static long ToInt32(double whole, BoundCall at)
        {
            if (whole >= int.MinValue && whole <= int.MaxValue) return (long)whole;
            throw new EvaluationException(DiagnosticIds.IntegerOverflow,
                $"integer overflow in {BoundPrinter.Print(at)} ({BoundPrinter.RealText(whole)} is outside the 32-bit integers); keep the value real (drop {at.Function.Name}) or use smaller values", at.Span);
        }

        private object Binary(BoundBinary b, Func<BoundExpr>? siteOf = null)
        {
            if (b.Op == "&&") return (bool)Evaluate(b.Left) && (bool)Evaluate(b.Right);
            if (b.Op == "||") return (bool)Evaluate(b.Left) || (bool)Evaluate(b.Right);
            var l = Evaluate(b.Left);
            var r = Evaluate(b.Right);
            if (l is bool lb && r is bool rb)
                return b.Op == "==" ? lb == rb : lb != rb;
            if (l is long li && r is long ri)
            {
                switch (b.Op)
                {
                    case "+": return CheckInt(li + ri, b, $"{li} + {ri}", siteOf);
                    case "-": return CheckInt(li - ri, b, $"{li} - {ri}", siteOf);
                    case "*": return CheckInt(li * ri, b, $"{li} * {ri}", siteOf);
                    case "%":
                        if (ri == 0)
                            throw new EvaluationException(DiagnosticIds.DivisionByZero, "remainder by zero", b.Span)
                            { Expression = BoundPrinter.Print(b), Operation = li.ToString(System.Globalization.CultureInfo.InvariantCulture), Site = b };
                        // As Functions.Mod in emitted code: the remainder in 0..|b|-1.
                        return li % ri < 0 ? li % ri + Math.Abs(ri) : li % ri;
                    case "^":
                        if (b.Type.Kind == TypeKind.Int)
                        {
                            if (ri < 0) throw new EvaluationException(DiagnosticIds.TypeMismatch, $"integer power with negative exponent {ri}; write a real base (e.g. 2.0^{ri})", b.Span);
                            // |base| <= 1 cannot overflow (and must not loop ri times); other bases overflow within 32 steps.
                            if (li == 0) return ri == 0 ? 1L : 0L;
                            if (li == 1) return 1L;
                            if (li == -1) return ri % 2 == 0 ? 1L : -1L;
                            long p = 1;
                            for (long k = 0; k < ri; k++) p = CheckInt(p * li, b, $"{li} ^ {ri}");
                            return p;
                        }
                        break;
                    case "<": return li < ri;
                    case "<=": return li <= ri;
                    case ">": return li > ri;
                    case ">=": return li >= ri;
                    case "==": return li == ri;
                    case "!=": return li != ri;
                }
            }
            double x = ToReal(l), y = ToReal(r);
            switch (b.Op)
            {
                case "+": return x + y;
                case "-": return x - y;
                case "*": return x * y;
                case "/":
                    if (y == 0 && !RunTime) throw new EvaluationException(DiagnosticIds.DivisionByZero, "division by zero", b.Span);
                    return x / y;
                case "^": return Math.Pow(x, y);
                case "<": return x < y;
                case "<=": return x <= y;
                case ">": return x > y;
                case ">=": return x >= y;
                case "==": return x == y;
                case "!=": return x != y;
            }
            throw new EvaluationException(DiagnosticIds.TypeMismatch, $"operator {b.Op} cannot be evaluated here", b.Span);
        }

        private object Call(BoundCall c)
        {
            var args = new object[c.Arguments.Count];
            for (int k = 0; k < args.Length; k++) args[k] = Evaluate(c.Arguments[k]);
            // At run time emitted Math.Log and Math.Sqrt give -Infinity or NaN outside their domain, for the validator to report.
            if (RunTime && c.Function.Name == "log") return Math.Log(ToReal(args[0]));
            if (RunTime && c.Function.Name == "sqrt") return Math.Sqrt(ToReal(args[0]));
            return c.Function.EvaluateCall(args, c);
        }
    }
}
