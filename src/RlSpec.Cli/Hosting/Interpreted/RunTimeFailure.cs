using System;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Kinds.Mdp.Ir;
using RlSpec.Compiler.Semantics;
using RlSpec.Runtime.Modeling;

namespace RlSpec.Cli.Hosting.Interpreted;

/// <summary>
/// What the emitted model throws where the interpreter's evaluation fails, so that <c>MdpValidator</c> reports the
/// same finding (id, message, location) through both engines: an integer overflow the compiler could not rule out is
/// CheckedArithmetic's <see cref="IntegerOverflowException"/>, a remainder by zero a <see cref="DivideByZeroException"/>
/// (naming the expression when the operation is a checked one), an index out of range an
/// <see cref="IndexOutOfRangeException"/>. Anything else is a decline: the compiled engine runs instead.
/// </summary>
internal static class RunTimeFailure
{
    public static Exception From(EvaluationException ex, MdpIr ir)
    {
        var at = ex.At ?? ex.Span;
        bool isChecked = ex.Site != null && ir.Overflow != null && ir.Overflow.NeedsCheck(ex.Site);
        switch (ex.Id)
        {
            case DiagnosticIds.IntegerOverflow when ex.Expression != null && ex.Operation != null && isChecked:
                return new IntegerOverflowException(ex.Expression, ex.Operation, at.Line, at.Column);
            case DiagnosticIds.DivisionByZero when ex.Expression != null && ex.Operation != null:
                if (!isChecked) return new DivideByZeroException();
                // As CheckedArithmetic.Remainder: the validator reads the expression from Data (RLS0307).
                var e = new DivideByZeroException($"remainder by zero in {ex.Expression} (line {at.Line}): {ex.Operation} % 0");
                e.Data[CheckedArithmetic.ExpressionKey] = ex.Expression;
                return e;
            case DiagnosticIds.IndexOutOfRange:
                return new IndexOutOfRangeException();
            default:
                return new InterpretedDeclinedException(ex.Message);
        }
    }
}
