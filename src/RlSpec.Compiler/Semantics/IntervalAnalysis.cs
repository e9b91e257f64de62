using System;
using System.Collections.Generic;
using System.Linq;

namespace RlSpec.Compiler.Semantics
{
    /// <summary>
    /// Proves integer operations free of overflow by interval arithmetic (abstract interpretation over
    /// intervals, Cousot &amp; Cousot 1977). Every int value gets a range from what it reads: parameters
    /// (their values in force), state variables (their declared ranges), action-family indices, sum and
    /// comprehension indices, random variables (their supports) and the step t. An operation whose result
    /// range fits in the 32-bit integers cannot overflow in any state and is emitted as plain C#; the
    /// others are emitted as checked operations that name the expression when they fail. Guards are not
    /// used to narrow ranges, so the analysis is sound but may check an operation a guard makes safe.
    /// </summary>
    /// <remarks>
    /// The proof is made with the parameters in force; the generated <c>Create</c> may be called with
    /// others. So the analysis also finds how far the int parameters can grow (by powers of two, up to the
    /// whole int range) with the same operations proven, and emitted code refuses parameters outside that
    /// envelope instead of computing with a proof that no longer holds.
    /// </remarks>
    public static class IntervalAnalysis
    {
        /// <summary>
        /// Proves what can be proven of the expressions <paramref name="walk"/> visits (a model kind's IR,
        /// all of it: every expression the emitter writes must be visited, since checks are found by node).
        /// <paramref name="walk"/> runs several times, with different parameter ranges.
        /// </summary>
        public static OverflowProof Prove(IReadOnlyList<ParamSymbol> parameters, Action<IntervalAnalyzer> walk)
        {
            var exact = new IntervalAnalyzer(p => PointOf(p), int.MaxValue);
            walk(exact);
            var unproven = exact.Unproven;
            var envelope = FindEnvelope(parameters, walk, unproven.Count);
            return new OverflowProof(unproven, envelope);
        }

        private static Interval PointOf(ParamSymbol p) => p.Value is long v ? Interval.Point(v) : Interval.Int32;

        /// <summary>
        /// An int parameter widened to magnitude |v|·2^<paramref name="exponent"/>, keeping its sign: from 0
        /// (<paramref name="awayFromZero"/> false) or from ±1 (true, for parameters used as divisors).
        /// </summary>
        private static Interval Widened(ParamSymbol p, int exponent, bool awayFromZero)
        {
            if (!(p.Value is long v)) return Interval.Int32;
            var magnitude = Interval.Saturate(Math.Max(1, Math.Abs(v)) * Math.Pow(2, exponent));
            long near = awayFromZero && v != 0 ? 1 : 0;
            // A parameter is an int: widening never goes past the int range.
            return (v >= 0 ? new Interval(near, magnitude) : new Interval(-magnitude, -near)).ClampToInt32();
        }

        /// <summary>
        /// The largest widening of all int parameters at once under which no more operations are unproven
        /// than with their exact values, found by bisection (more widening never proves more). A parameter
        /// widened past the int range keeps only its sign; when no widening keeps the proof, the envelope
        /// is the values in force.
        /// </summary>
        private static IReadOnlyList<ParamEnvelope> FindEnvelope(IReadOnlyList<ParamSymbol> parameters, Action<IntervalAnalyzer> walk, int unprovenCount)
        {
            var ints = parameters.Where(p => p.Value is long).ToList();
            if (ints.Count == 0) return Array.Empty<ParamEnvelope>();
            bool HoldsWith(Func<ParamSymbol, Interval> ranges)
            {
                var a = new IntervalAnalyzer(ranges, unprovenCount);
                walk(a);
                return a.Unproven.Count <= unprovenCount;
            }
            // Some models: the parameters only appear where any int is safe.
            if (HoldsWith(_ => Interval.Int32)) return Array.Empty<ParamEnvelope>();
            int Largest(bool awayFromZero)
            {
                // lo = -1 stands for "only the values in force"; 2^32 covers every int.
                int lo = -1, hi = 33;
                while (hi - lo > 1)
                {
                    int mid = (lo + hi) / 2;
                    if (HoldsWith(p => Widened(p, mid, awayFromZero))) lo = mid;
                    else hi = mid;
                }
                return lo;
            }
            // Ranges from 0 first (a parameter 0 is often a legal size); from 1 only when no range from 0 keeps
            // the proof (the parameter divides, say).
            int fromZero = Largest(false);
            int fromOne = fromZero >= 0 ? -1 : Largest(true);
            bool away = fromOne > fromZero;
            int exponent = Math.Max(fromZero, fromOne);
            var result = new List<ParamEnvelope>();
            foreach (var p in ints)
            {
                var range = exponent < 0 ? PointOf(p) : Widened(p, exponent, away);
                result.Add(new ParamEnvelope(p, Math.Max(range.Lo, int.MinValue), Math.Min(range.Hi, int.MaxValue)));
            }
            return result;
        }
    }

    /// <summary>
    /// One pass of the interval analysis with given parameter ranges: a model kind's walker visits its
    /// expressions with <see cref="Visit"/>, after declaring the ranges only it knows (action-family
    /// indices with <see cref="SetLocal"/>, the step with <see cref="SetStep"/>). State variables, lets
    /// and random variables get their ranges from their declarations.
    /// </summary>
    public sealed class IntervalAnalyzer
    {
        private readonly Func<ParamSymbol, Interval> _param;
        private readonly Dictionary<LetSymbol, Interval> _lets = new Dictionary<LetSymbol, Interval>();
        private readonly Dictionary<LocalSymbol, Interval> _locals = new Dictionary<LocalSymbol, Interval>();
        private readonly Dictionary<StateVarSymbol, Interval> _vars = new Dictionary<StateVarSymbol, Interval>();
        private readonly Dictionary<RandomSymbol, Interval> _randoms = new Dictionary<RandomSymbol, Interval>();
        private Interval _step = Interval.Point(0);

        // A pass that only asks "no more than this many unproven?" stops as soon as the answer is no.
        private readonly int _limit;

        /// <param name="limit">A pass that only asks "at most this many unproven?" may stop once <see cref="Exceeded"/>.</param>
        public IntervalAnalyzer(Func<ParamSymbol, Interval> param, int limit)
        {
            _param = param;
            _limit = limit;
        }

        /// <summary>More operations are unproven than the limit: the walker may stop.</summary>
        public bool Exceeded => Unproven.Count > _limit;

        /// <summary>Declares the range of an index (e.g. an action family's) for what is visited next.</summary>
        public void SetLocal(LocalSymbol local, Interval range) => _locals[local] = range;

        public void RemoveLocal(LocalSymbol local) => _locals.Remove(local);

        /// <summary>Declares the range of the step index t.</summary>
        public void SetStep(Interval range) => _step = range;

        /// <summary>The values lo..hi can take, visiting both bounds.</summary>
        public Interval Range(BoundExpr lo, BoundExpr hi) => Span(Visit(lo), Visit(hi));

        /// <summary>The operations found unproven so far.</summary>
        public HashSet<object> Unproven { get; } = new HashSet<object>();

        private Interval Let(LetSymbol l)
        {
            if (_lets.TryGetValue(l, out var known)) return known;
            var value = l.Value is null ? Interval.Int32 : Visit(l.Value);
            _lets[l] = value;
            return value;
        }

        private Interval Var(StateVarSymbol v)
        {
            if (_vars.TryGetValue(v, out var known)) return known;
            Interval range = v.Kind switch
            {
                StateVarKind.Enum => new Interval(0, v.Enum!.Values.Count - 1),
                StateVarKind.Bool => new Interval(0, 1),
                _ => Span(Visit(v.Lo!), Visit(v.Hi!)),
            };
            _vars[v] = range;
            return range;
        }

        /// <summary>The values from a lower bound's range to an upper bound's range (a loop or a range lo..hi).</summary>
        private static Interval Span(Interval lo, Interval hi) => new Interval(lo.Lo, Math.Max(lo.Lo, hi.Hi));

        private Interval Random(RandomSymbol r)
        {
            if (_randoms.TryGetValue(r, out var known)) return known;
            var range = r.Distribution is null ? Interval.Int32 : Support(r.Distribution);
            _randoms[r] = range;
            return range;
        }

        /// <summary>The values a discrete distribution can take: its truncation range, or its natural support.</summary>
        public Interval Support(BoundDistribution d)
        {
            var args = d.Arguments.Select(Visit).ToList();
            if (d.Lo != null)
            {
                var lo = Visit(d.Lo);
                var hi = Visit(d.Hi!);
                return Span(lo, hi);
            }
            return d.Family.Name switch
            {
                "bernoulli" => new Interval(0, 1),
                "binomial" => new Interval(0, Math.Max(0, args[0].Hi)),
                "uniform" => Span(args[0], args[1]),
                "categorical" => new Interval(0, Math.Max(0, Length(d.Arguments[0]).Hi - 1)),
                _ => Interval.Int32,
            };
        }

        /// <summary>How many elements a list may have.</summary>
        private Interval Length(BoundExpr list) => list switch
        {
            BoundList l => Interval.Point(l.Elements.Count),
            BoundLet l when l.Let.Value != null => Length(l.Let.Value),
            BoundIf i => Length(i.Then).Union(Length(i.Else)),
            BoundLoop { IsSum: false } c => new Interval(0, Math.Max(0, Visit(c.Hi).Hi - Visit(c.Lo).Lo + 1)),
            _ => new Interval(0, int.MaxValue),
        };

        /// <summary>Records <paramref name="op"/> as unproven when its exact result range leaves int; returns the range it can produce.</summary>
        private Interval Result(object op, Interval exact)
        {
            if (!exact.FitsInt32) Unproven.Add(op);
            return exact.ClampToInt32();
        }

        /// <summary>
        /// The range of an int (or enum) expression; for a list, the range of its int elements. Visits every
        /// sub-expression, recording the unproven operations. Recursion depth is the expression's nesting,
        /// which the parser limits; flat operator chains nest only on one side.
        /// </summary>
        public Interval Visit(BoundExpr e)
        {
            switch (e)
            {
                case BoundLiteral l: return l.Value is long n ? Interval.Point(n) : Interval.Int32;
                case BoundParam p: return p.Type.Kind == TypeKind.Int ? _param(p.Param) : Interval.Int32;
                case BoundLet l: return Let(l.Let);
                case BoundStateVar v: return Var(v.Variable);
                case BoundRandom r: return Random(r.Random);
                case BoundLocal l: return _locals.TryGetValue(l.Local, out var local) ? local : Interval.Int32;
                case BoundStep _: return _step;
                case BoundEnumValue v: return Interval.Point(v.Value.Ordinal);
                case BoundUnary u:
                {
                    var x = Visit(u.Operand);
                    return u.Op == "-" && u.Type.Kind == TypeKind.Int ? Result(u, -x) : Interval.Int32;
                }
                case BoundBinary b: return Binary(b);
                case BoundChain c: return Chain(c);
                case BoundIf i:
                {
                    Visit(i.Condition);
                    var t = Visit(i.Then);
                    var f = Visit(i.Else);
                    return t.Union(f);
                }
                case BoundCall c: return Call(c);
                case BoundIndex x:
                {
                    var elements = Visit(x.Target);
                    Visit(x.Index);
                    return elements;
                }
                case BoundList l:
                {
                    Interval? hull = null;
                    foreach (var item in l.Elements)
                    {
                        var r = Visit(item);
                        hull = hull is { } h ? h.Union(r) : r;
                    }
                    return hull ?? Interval.Point(0);
                }
                case BoundLoop loop: return Loop(loop);
                case BoundDistribution d:
                    Support(d);
                    return Interval.Int32;
                default:
                    // A node this analysis does not know: visit what it contains, and assume nothing of its value.
                    foreach (var child in BoundTree.Children(e)) Visit(child);
                    return Interval.Int32;
            }
        }

        private Interval Binary(BoundBinary b)
        {
            var l = Visit(b.Left);
            var r = Visit(b.Right);
            if (b.Type.Kind != TypeKind.Int) return Interval.Int32;
            return b.Op == "^" ? Power(b, l, r) : Arithmetic(b, b.Op, l, r);
        }

        /// <summary>
        /// A chain step by step, as it is computed: each link applies its operator to the value so far and
        /// its operand. Each link that may overflow is recorded (the link is the key the emitter asks about).
        /// </summary>
        private Interval Chain(BoundChain c)
        {
            var acc = Visit(c.First);
            foreach (var link in c.Links)
            {
                var r = Visit(link.Operand);
                acc = link.Type.Kind == TypeKind.Int ? Arithmetic(link, link.Op, acc, r) : Interval.Int32;
            }
            return acc;
        }

        /// <summary>The range of the int operation <paramref name="op"/> on <paramref name="l"/> and <paramref name="r"/>, recording <paramref name="key"/> when unproven.</summary>
        private Interval Arithmetic(object key, string op, Interval l, Interval r)
        {
            switch (op)
            {
                case "+": return Result(key, l + r);
                case "-": return Result(key, l - r);
                case "*": return Result(key, l * r);
                case "%":
                {
                    // Remainder in 0..|b|-1; a divisor that may be 0 (or -1 with int.MinValue, which C# rejects) needs a check.
                    if (r.Contains(0) || (r.Contains(-1) && l.Contains(int.MinValue))) Unproven.Add(key);
                    return new Interval(0, Math.Max(0, r.Magnitude - 1));
                }
                default: return Interval.Int32;
            }
        }

        private Interval Power(BoundBinary b, Interval baseRange, Interval exponent)
        {
            if (exponent.Lo < 0) Unproven.Add(b); // fails at run time; the checked power names the expression
            long m = baseRange.Magnitude;
            if (m <= 1) return new Interval(-1, 1);
            long e = Math.Max(0, exponent.Hi);
            double top = Math.Pow(m, Math.Min(e, 64));
            var magnitude = Interval.Saturate(top);
            var exact = baseRange.Lo >= 0 ? new Interval(0, magnitude) : new Interval(-magnitude, magnitude);
            return Result(b, exact);
        }

        private Interval Call(BoundCall c)
        {
            var args = c.Arguments.Select(Visit).ToList();
            if (c.Type.Kind != TypeKind.Int) return Interval.Int32;
            switch (c.Function.Name)
            {
                case "min":
                case "max":
                {
                    // One argument: a list, whose element range is args[0].
                    bool min = c.Function.Name == "min";
                    long lo = args[0].Lo, hi = args[0].Hi;
                    foreach (var a in args)
                    {
                        lo = min ? Math.Min(lo, a.Lo) : Math.Max(lo, a.Lo);
                        hi = min ? Math.Min(hi, a.Hi) : Math.Max(hi, a.Hi);
                    }
                    return new Interval(lo, hi);
                }
                case "abs":
                {
                    var x = args[0];
                    // Math.Abs(int.MinValue) throws in C#, so abs never wraps: no check needed.
                    return (x.Lo >= 0 ? x : x.Hi <= 0 ? -x : new Interval(0, x.Magnitude)).ClampToInt32();
                }
                case "clamp":
                    // clamp(x, lo, hi) returns lo, hi, or x between them.
                    return new Interval(Math.Min(args[1].Lo, args[2].Lo), Math.Max(args[1].Hi, args[2].Hi));
                case "len":
                    return Length(c.Arguments[0]);
                default:
                    // floor, ceil, round: from a real, whose range is not tracked.
                    return Interval.Int32;
            }
        }

        private Interval Loop(BoundLoop loop)
        {
            var lo = Visit(loop.Lo);
            var hi = Visit(loop.Hi);
            // The loop itself: `for (i = lo; i <= hi; i++)` never ends when hi is int.MaxValue (i++ wraps),
            // and a list's length hi - lo + 1 wraps past int.MaxValue. Keyed by the index symbol, the
            // loop node being the key of an int sum's additions.
            if (hi.Hi >= int.MaxValue || hi.Hi - lo.Lo + 1 > int.MaxValue) Unproven.Add(loop.Variable);
            _locals[loop.Variable] = Span(lo, hi);
            var body = Visit(loop.Body);
            _locals.Remove(loop.Variable);
            if (!loop.IsSum) return body;
            if (loop.Type.Kind != TypeKind.Int) return Interval.Int32;
            // Every partial sum of k <= count terms lies in [min(0, count*lo), max(0, count*hi)].
            var count = Math.Max(0, hi.Hi - lo.Lo + 1);
            var total = Interval.Point(count) * body;
            return Result(loop, new Interval(Math.Min(0, total.Lo), Math.Max(0, total.Hi)));
        }
    }
}
