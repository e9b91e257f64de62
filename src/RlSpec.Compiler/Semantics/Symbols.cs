using System.Collections.Generic;
using RlSpec.Compiler.Diagnostics;

namespace RlSpec.Compiler.Semantics
{
    // Named things a model declares. Symbols are created by the Binder; after binding they are read-only.

    public abstract class Symbol
    {
        protected Symbol(string name, SourceSpan span)
        {
            Name = name;
            Span = span;
        }

        public string Name { get; }

        public SourceSpan Span { get; }

        /// <summary>What the thing is, for messages: "parameter", "state variable", ...</summary>
        public abstract string What { get; }
    }

    /// <summary><c>param</c>: a typed constant a run can override.</summary>
    public sealed class ParamSymbol : Symbol
    {
        public ParamSymbol(string name, SourceSpan span, RType type, object value) : base(name, span)
        {
            Type = type;
            Value = value;
        }

        public RType Type { get; }

        /// <summary>The value in force: the default, or the override.</summary>
        public object Value { get; }

        /// <summary>The text of the command-line override (<c>-p name=text</c>) that gave <see cref="Value"/>; null for the default.</summary>
        public string? Override { get; internal set; }

        public override string What => "parameter";
    }

    /// <summary><c>let name = expr</c>. Constant lets become fields; others are expanded where used.</summary>
    public sealed class LetSymbol : Symbol
    {
        public LetSymbol(string name, SourceSpan span) : base(name, span) { }

        public BoundExpr? Value { get; internal set; }

        public bool IsConstant => Value != null && !Value.HasError && (Value.Deps & ~Dep.Param) == 0;

        /// <summary>A let computed once when the model is created from seeded random draws (<see cref="Dep.Instance"/>): a field, but not a compile-time constant.</summary>
        public bool IsInstance => Value != null && !Value.HasError && (Value.Deps & Dep.Instance) != 0 && (Value.Deps & ~(Dep.Param | Dep.Instance)) == 0;

        public override string What => "let";
    }

    /// <summary><c>let name ~ distribution</c>: a random variable with finite integer support.</summary>
    public sealed class RandomSymbol : Symbol
    {
        public RandomSymbol(string name, SourceSpan span, int index) : base(name, span) { Index = index; }

        public int Index { get; }

        public BoundDistribution? Distribution { get; internal set; }

        public override string What => "random variable";
    }

    public enum StateVarKind
    {
        Range,
        Bool,
        Enum,
    }

    /// <summary>One state variable; the state space is the product of their domains.</summary>
    public sealed class StateVarSymbol : Symbol
    {
        public StateVarSymbol(string name, SourceSpan span, int index, StateVarKind kind, EnumSymbol? enumType) : base(name, span)
        {
            Index = index;
            Kind = kind;
            Enum = enumType;
        }

        public int Index { get; }

        public StateVarKind Kind { get; }

        public EnumSymbol? Enum { get; }

        /// <summary>Lower and upper bound (inclusive) as constant expressions; for bool 0..1, for enums 0..k-1.</summary>
        public BoundExpr? Lo { get; internal set; }

        public BoundExpr? Hi { get; internal set; }

        public RType Type => Kind switch
        {
            StateVarKind.Bool => RType.Bool,
            StateVarKind.Enum => RType.EnumOf(Enum!),
            _ => RType.Int,
        };

        public override string What => "state variable";
    }

    /// <summary>The type of an enumeration state variable.</summary>
    public sealed class EnumSymbol : Symbol
    {
        public EnumSymbol(string name, SourceSpan span, IReadOnlyList<string> values) : base(name, span) { Values = values; }

        public IReadOnlyList<string> Values { get; }

        public override string What => "enumeration";
    }

    /// <summary>An enumeration value such as <c>red</c>.</summary>
    public sealed class EnumValueSymbol : Symbol
    {
        public EnumValueSymbol(string name, SourceSpan span, EnumSymbol type, int ordinal) : base(name, span)
        {
            Type = type;
            Ordinal = ordinal;
        }

        public EnumSymbol Type { get; }

        public int Ordinal { get; }

        public override string What => "enumeration value";
    }

    /// <summary>An action, or a family <c>name(i in lo..hi)</c> of actions.</summary>
    public sealed class ActionSymbol : Symbol
    {
        public ActionSymbol(string name, SourceSpan span, int ordinal) : base(name, span) { Ordinal = ordinal; }

        /// <summary>Position among the declared actions (families count once).</summary>
        public int Ordinal { get; }

        public LocalSymbol? Index { get; internal set; }

        public BoundExpr? Lo { get; internal set; }

        public BoundExpr? Hi { get; internal set; }

        public BoundExpr? Guard { get; internal set; }

        public bool IsFamily => Index != null;

        public override string What => "action";
    }

    /// <summary>A variable bound by a comprehension, a sum, or an action family's index.</summary>
    public sealed class LocalSymbol : Symbol
    {
        public LocalSymbol(string name, SourceSpan span, RType? type = null) : base(name, span) { Type = type ?? RType.Int; }

        /// <summary>An int, except a kind's typed parameters (a linear bandit's feature vector <c>x</c> in <c>reward(x)</c>).</summary>
        public RType Type { get; }

        public override string What => "index variable";
    }
}
