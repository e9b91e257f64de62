using System;

namespace RlSpec.Runtime.Modeling;

/// <summary>
/// An integer operation of a model overflowed the 32-bit integers at run time. It carries the
/// model's expression text and the operands, so the validator can say which expression overflowed
/// in which state (RLS0308) instead of letting the value wrap around in silence.
/// </summary>
public sealed class IntegerOverflowException : OverflowException
{
    public IntegerOverflowException(string expression, string operation)
        : base($"integer overflow in {expression}: {operation} is outside the 32-bit integers {int.MinValue}..{int.MaxValue}")
    {
        Expression = expression;
        Operation = operation;
    }

    /// <summary>The model's expression as written in the .rlspec file (with its line), e.g. <c>s * s * s (line 7)</c>.</summary>
    public string Expression { get; }

    /// <summary>The operation with its operand values, e.g. <c>1666681 * 1291</c>.</summary>
    public string Operation { get; }
}
