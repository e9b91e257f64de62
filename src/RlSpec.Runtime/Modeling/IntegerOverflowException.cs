using System;

namespace RlSpec.Runtime.Modeling;

/// <summary>
/// An integer operation of a model overflowed the 32-bit integers at run time. It carries the
/// model's expression text and the operands, so the validator can say which expression overflowed
/// in which state (RLS0308) instead of letting the value wrap around in silence.
/// </summary>
public sealed class IntegerOverflowException : OverflowException
{
    public IntegerOverflowException(string expression, string operation, int line = 0, int column = 0)
        : base($"integer overflow in {expression}{(line > 0 ? $" (line {line})" : "")}: {operation} is outside the 32-bit integers {int.MinValue}..{int.MaxValue}")
    {
        Expression = expression;
        Operation = operation;
        Line = line;
        Column = column;
    }

    /// <summary>The model's expression, printed as in the .rlspec file, e.g. <c>s * s * s</c>.</summary>
    public string Expression { get; }

    /// <summary>Where the expression starts in the .rlspec file (1-based); 0 when unknown.</summary>
    public int Line { get; }

    public int Column { get; }

    /// <summary>The operation with its operand values, e.g. <c>1666681 * 1291</c>.</summary>
    public string Operation { get; }
}
