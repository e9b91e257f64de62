using System;
using System.Collections.Generic;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Semantics.Builtins;

namespace RlSpec.Compiler.Semantics
{
    /// <summary>What an expression's value depends on; decides where it may appear and where it is computed.</summary>
    [Flags]
    public enum Dep
    {
        None = 0,
        /// <summary>Parameters or constant lets: computed once when the model is created.</summary>
        Param = 1,
        /// <summary>The current state's variables.</summary>
        State = 2,
        /// <summary>Random variables (<c>let x ~ ...</c>): enumerated over their support.</summary>
        Random = 4,
        /// <summary>The step index <c>t</c> of a finite-horizon model.</summary>
        Step = 8,
        /// <summary>Successor state variables (<c>x'</c>), in rewards.</summary>
        Next = 16,
        /// <summary>Index variables of sums, comprehensions and action families.</summary>
        Local = 32,
        /// <summary>
        /// Seeded random draws of a problem instance (<c>gaussian_vector(d, seed = 7)</c>): computed once when the
        /// model is created, from the instance seed, so never known at compile time.
        /// </summary>
        Instance = 64,
    }

    /// <summary>A type-checked expression. Built by <see cref="Binder"/>; read by the evaluator and the emitter.</summary>
    public abstract class BoundExpr
    {
        protected BoundExpr(RType type, Dep deps, SourceSpan span)
        {
            Type = type;
            Deps = deps;
            Span = span;
        }

        public RType Type { get; }

        public Dep Deps { get; }

        public SourceSpan Span { get; }

        public bool HasError => Type.IsError;
    }

    /// <summary>A literal: long, double or bool.</summary>
    public sealed class BoundLiteral : BoundExpr
    {
        public BoundLiteral(object value, RType type, SourceSpan span) : base(type, Dep.None, span) { Value = value; }

        public object Value { get; }
    }

    /// <summary>An expression that already failed to bind; reported once, silent afterwards.</summary>
    public sealed class BoundError : BoundExpr
    {
        public BoundError(SourceSpan span) : base(RType.Error, Dep.None, span) { }
    }

    public sealed class BoundParam : BoundExpr
    {
        public BoundParam(ParamSymbol param, SourceSpan span) : base(param.Type, Dep.Param, span) { Param = param; }

        public ParamSymbol Param { get; }
    }

    /// <summary>A constant let (state-dependent lets are expanded in place).</summary>
    public sealed class BoundLet : BoundExpr
    {
        public BoundLet(LetSymbol let, SourceSpan span) : base(let.Value!.Type, Dep.Param | (let.Value.Deps & Dep.Instance), span) { Let = let; }

        public LetSymbol Let { get; }
    }

    /// <summary><c>x</c> (current state) or <c>x'</c> (successor).</summary>
    public sealed class BoundStateVar : BoundExpr
    {
        public BoundStateVar(StateVarSymbol variable, bool next, SourceSpan span)
            : base(variable.Type, next ? Dep.Next : Dep.State, span)
        {
            Variable = variable;
            IsNext = next;
        }

        public StateVarSymbol Variable { get; }

        public bool IsNext { get; }
    }

    public sealed class BoundRandom : BoundExpr
    {
        public BoundRandom(RandomSymbol random, SourceSpan span) : base(RType.Int, Dep.Random, span) { Random = random; }

        public RandomSymbol Random { get; }
    }

    public sealed class BoundLocal : BoundExpr
    {
        public BoundLocal(LocalSymbol local, SourceSpan span) : base(local.Type, Dep.Local, span) { Local = local; }

        public LocalSymbol Local { get; }
    }

    /// <summary>
    /// The instance seed a seeded built-in (<c>gaussian_vector(d, seed = 7)</c>) combines with its own seed: a
    /// hidden last argument, a value of the emitted <c>Create</c>, so per-run instances differ.
    /// </summary>
    public sealed class BoundInstanceSeed : BoundExpr
    {
        public BoundInstanceSeed(SourceSpan span) : base(RType.Int, Dep.Instance, span) { }
    }

    /// <summary>The step index <c>t</c> of a finite-horizon model.</summary>
    public sealed class BoundStep : BoundExpr
    {
        public BoundStep(SourceSpan span) : base(RType.Int, Dep.Step, span) { }
    }

    public sealed class BoundEnumValue : BoundExpr
    {
        public BoundEnumValue(EnumValueSymbol value, SourceSpan span) : base(RType.EnumOf(value.Type), Dep.None, span) { Value = value; }

        public EnumValueSymbol Value { get; }
    }

    public sealed class BoundUnary : BoundExpr
    {
        public BoundUnary(string op, BoundExpr operand, RType type, SourceSpan span) : base(type, operand.Deps, span)
        {
            Op = op;
            Operand = operand;
        }

        public string Op { get; }

        public BoundExpr Operand { get; }
    }

    /// <summary>
    /// A left-associative chain of operators of one precedence level, bound from a
    /// <see cref="Syntax.ChainExpr"/>: <c>((First op1 x1) op2 x2) ...</c>. Flat, so that the evaluator,
    /// the folder and the emitter walk a chain of any length with a loop.
    /// </summary>
    public sealed class BoundChain : BoundExpr
    {
        public BoundChain(BoundExpr first, IReadOnlyList<BoundChainLink> links, SourceSpan span)
            : base(links[links.Count - 1].Type, DepsOf(first, links), span)
        {
            First = first;
            Links = links;
        }

        public BoundExpr First { get; }

        public IReadOnlyList<BoundChainLink> Links { get; }

        private static Dep DepsOf(BoundExpr first, IReadOnlyList<BoundChainLink> links)
        {
            var deps = first.Deps;
            foreach (var link in links) deps |= link.Operand.Deps;
            return deps;
        }
    }

    /// <summary>One step of a <see cref="BoundChain"/>: the operator, its right operand, and the type and span of the chain up to here.</summary>
    public sealed class BoundChainLink
    {
        public BoundChainLink(string op, BoundExpr operand, RType type, SourceSpan span)
        {
            Op = op;
            Operand = operand;
            Type = type;
            Span = span;
        }

        public string Op { get; }

        public BoundExpr Operand { get; }

        public RType Type { get; }

        public SourceSpan Span { get; }
    }

    public sealed class BoundBinary : BoundExpr
    {
        public BoundBinary(string op, BoundExpr left, BoundExpr right, RType type, SourceSpan span)
            : base(type, left.Deps | right.Deps, span)
        {
            Op = op;
            Left = left;
            Right = right;
        }

        public string Op { get; }

        public BoundExpr Left { get; }

        public BoundExpr Right { get; }
    }

    public sealed class BoundIf : BoundExpr
    {
        public BoundIf(BoundExpr condition, BoundExpr then, BoundExpr otherwise, RType type, SourceSpan span)
            : base(type, condition.Deps | then.Deps | otherwise.Deps, span)
        {
            Condition = condition;
            Then = then;
            Else = otherwise;
        }

        public BoundExpr Condition { get; }

        public BoundExpr Then { get; }

        public BoundExpr Else { get; }
    }

    /// <summary>A call of a built-in function; its table entry says how it evaluates and emits.</summary>
    public sealed class BoundCall : BoundExpr
    {
        public BoundCall(BuiltinFunction function, IReadOnlyList<BoundExpr> arguments, RType type, SourceSpan span)
            : base(type, Union(arguments), span)
        {
            Function = function;
            Arguments = arguments;
        }

        public BuiltinFunction Function { get; }

        public IReadOnlyList<BoundExpr> Arguments { get; }

        internal static Dep Union(IEnumerable<BoundExpr> items)
        {
            var d = Dep.None;
            foreach (var e in items) d |= e.Deps;
            return d;
        }
    }

    public sealed class BoundIndex : BoundExpr
    {
        public BoundIndex(BoundExpr target, BoundExpr index, RType type, SourceSpan span)
            : base(type, target.Deps | index.Deps, span)
        {
            Target = target;
            Index = index;
        }

        public BoundExpr Target { get; }

        public BoundExpr Index { get; }
    }

    public sealed class BoundList : BoundExpr
    {
        public BoundList(IReadOnlyList<BoundExpr> elements, RType type, SourceSpan span)
            : base(type, BoundCall.Union(elements), span)
        {
            Elements = elements;
        }

        public IReadOnlyList<BoundExpr> Elements { get; }
    }

    /// <summary><c>[body for i in lo..hi]</c> or <c>sum(i in lo..hi, body)</c>.</summary>
    public sealed class BoundLoop : BoundExpr
    {
        public BoundLoop(bool isSum, LocalSymbol variable, BoundExpr lo, BoundExpr hi, BoundExpr body, RType type, SourceSpan span)
            : base(type, LoopDeps(variable, lo, hi, body), span)
        {
            IsSum = isSum;
            Variable = variable;
            Lo = lo;
            Hi = hi;
            Body = body;
        }

        public bool IsSum { get; }

        private static Dep LoopDeps(LocalSymbol variable, BoundExpr lo, BoundExpr hi, BoundExpr body)
        {
            var deps = lo.Deps | hi.Deps | body.Deps;
            // The loop variable is bound here: it does not make the loop depend on a local.
            bool outerLocal = (lo.Deps & Dep.Local) != 0 || (hi.Deps & Dep.Local) != 0;
            foreach (var l in BoundTree.FreeLocals(body))
                if (l != variable) outerLocal = true;
            return outerLocal ? deps : deps & ~Dep.Local;
        }

        public LocalSymbol Variable { get; }

        public BoundExpr Lo { get; }

        public BoundExpr Hi { get; }

        public BoundExpr Body { get; }
    }

    /// <summary>A distribution: <c>poisson(4) truncated 0..cap</c>, <c>bernoulli(p)</c>, <c>normal(m, s)</c>, ...</summary>
    public sealed class BoundDistribution : BoundExpr
    {
        public BoundDistribution(DistributionFamily family, IReadOnlyList<BoundExpr> arguments, BoundExpr? lo, BoundExpr? hi, bool clamp, RType type, SourceSpan span)
            : base(type, BoundCall.Union(arguments) | (lo?.Deps ?? Dep.None) | (hi?.Deps ?? Dep.None), span)
        {
            Family = family;
            Arguments = arguments;
            Lo = lo;
            Hi = hi;
            Clamp = clamp;
        }

        public DistributionFamily Family { get; }

        public IReadOnlyList<BoundExpr> Arguments { get; }

        /// <summary>Truncation range, when given.</summary>
        public BoundExpr? Lo { get; }

        public BoundExpr? Hi { get; }

        /// <summary>True for <c>clamped</c> (tail mass moved to the ends), false for <c>truncated</c> (renormalized).</summary>
        public bool Clamp { get; }

        public bool IsTruncated => Lo != null;

        /// <summary>
        /// True when a draw (and the mean) of this distribution comes from a precomputed finite distribution the model
        /// creates once: truncated ones, and constant ones with a list parameter (categorical), whose list would otherwise
        /// be allocated on every draw. Shared by the emitter and the CLI's interpreter.
        /// </summary>
        public bool UsesFiniteForm =>
            IsTruncated || (Family.Finite != null && (Deps & ~Dep.Param) == Dep.None && System.Linq.Enumerable.Any(Family.Parameters, p => p.Type.Kind == TypeKind.List));
    }
}
