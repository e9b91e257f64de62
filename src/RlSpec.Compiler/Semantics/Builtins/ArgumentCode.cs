namespace RlSpec.Compiler.Semantics.Builtins
{
    /// <summary>
    /// The C# of a call's arguments, as the expression emitter hands them to a built-in's emission
    /// entry: plain, or parenthesized as needed to stand where an operator of a given strength binds.
    /// Keeps C# precedence in the emitter and the shape of each call in the built-in's table entry.
    /// </summary>
    public interface IArgumentCode
    {
        /// <summary>Number of arguments.</summary>
        int Count { get; }

        /// <summary>Argument <paramref name="k"/> as a complete C# expression.</summary>
        string Code(int k);

        /// <summary>Argument <paramref name="k"/> ready to be an operand of <c>*</c> or <c>/</c> on either side.</summary>
        string Factor(int k);

        /// <summary>Argument <paramref name="k"/> ready to follow a unary operator or a cast.</summary>
        string Unary(int k);

        /// <summary>Argument <paramref name="k"/> ready for member access (<c>x.Length</c>).</summary>
        string Primary(int k);

        /// <summary>The type of argument <paramref name="k"/>.</summary>
        RType Type(int k);
    }
}
