namespace RlSpec.Compiler.Semantics
{
    public enum TypeKind
    {
        Error,
        Int,
        Real,
        Bool,
        Enum,
        List,
        Distribution,
    }

    /// <summary>
    /// The type of an expression. Distributions are discrete with finite or countable integer support
    /// (<see cref="IsDiscrete"/>) or continuous (usable only where their mean is meant: rewards).
    /// </summary>
    public sealed record RType(TypeKind Kind, RType? Element = null, EnumSymbol? Enum = null, bool IsDiscrete = false)
    {
        public static readonly RType Error = new RType(TypeKind.Error);
        public static readonly RType Int = new RType(TypeKind.Int);
        public static readonly RType Real = new RType(TypeKind.Real);
        public static readonly RType Bool = new RType(TypeKind.Bool);
        public static readonly RType DiscreteDistribution = new RType(TypeKind.Distribution, IsDiscrete: true);
        public static readonly RType ContinuousDistribution = new RType(TypeKind.Distribution, IsDiscrete: false);

        public static RType ListOf(RType element) => new RType(TypeKind.List, element);

        public static RType EnumOf(EnumSymbol e) => new RType(TypeKind.Enum, Enum: e);

        public bool IsNumeric => Kind == TypeKind.Int || Kind == TypeKind.Real;

        public bool IsError => Kind == TypeKind.Error || (Element?.IsError ?? false);

        /// <summary>The type with its indefinite article, for messages: "an int", "a list of real".</summary>
        public string WithArticle()
        {
            var s = ToString();
            return (s.Length > 0 && "aeiou".IndexOf(s[0]) >= 0 ? "an " : "a ") + s;
        }

        public override string ToString() => Kind switch
        {
            TypeKind.Int => "int",
            TypeKind.Real => "real",
            TypeKind.Bool => "bool",
            TypeKind.Enum => Enum!.Name,
            TypeKind.List => $"list of {Element}",
            TypeKind.Distribution => IsDiscrete ? "discrete distribution" : "continuous distribution",
            _ => "error",
        };
    }
}
