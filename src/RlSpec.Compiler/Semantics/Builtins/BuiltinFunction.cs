using System;
using System.Collections.Generic;
using RlSpec.Compiler.Diagnostics;

namespace RlSpec.Compiler.Semantics.Builtins
{
    /// <summary>How a call types: its result type, or the mistake and where it is.</summary>
    public readonly struct CallTyping
    {
        private CallTyping(RType? type, string? error, SourceSpan span)
        {
            Type = type;
            Error = error;
            ErrorSpan = span;
        }

        public RType? Type { get; }

        public string? Error { get; }

        public SourceSpan ErrorSpan { get; }

        public static CallTyping Ok(RType type) => new CallTyping(type, null, default);

        public static CallTyping Fail(string message, SourceSpan span) => new CallTyping(null, message, span);
    }

    /// <summary>
    /// One built-in function, everything the compiler knows about it in one place: arity, typing,
    /// compile-time evaluation, and the C# it becomes. The binder, the constant evaluator and the
    /// expression emitter ask this entry; none of them dispatches on the function's name.
    /// </summary>
    public sealed class BuiltinFunction
    {
        public BuiltinFunction(
            string name,
            int minArguments,
            int maxArguments,
            Func<IReadOnlyList<BoundExpr>, SourceSpan, CallTyping> type,
            Func<object[], BoundCall, object> evaluate,
            Func<IArgumentCode, RType, string> emit,
            bool seeded = false)
        {
            IsSeeded = seeded;
            Name = name;
            MinArguments = minArguments;
            MaxArguments = maxArguments;
            TypeCall = type;
            EvaluateCall = evaluate;
            EmitCall = emit;
        }

        public string Name { get; }

        /// <summary>
        /// A seeded random draw (<c>gaussian_vector(d, seed = 7)</c>): takes <c>seed = ...</c> by name, is bound with
        /// the seed and then the instance seed (<see cref="BoundInstanceSeed"/>) after its positional arguments,
        /// and is never evaluated at compile time.
        /// </summary>
        public bool IsSeeded { get; }

        public int MinArguments { get; }

        /// <summary>-1 means any number.</summary>
        public int MaxArguments { get; }

        /// <summary>The result type from the (already bound, error-free) arguments and the call's span.</summary>
        public Func<IReadOnlyList<BoundExpr>, SourceSpan, CallTyping> TypeCall { get; }

        /// <summary>
        /// The value at compile time from the arguments' values (long, double, bool, object[]); throws
        /// <see cref="EvaluationException"/> for a value outside the function's domain.
        /// </summary>
        public Func<object[], BoundCall, object> EvaluateCall { get; }

        /// <summary>The C# expression (primary: needs no parentheses) from the arguments' C# and the result type.</summary>
        public Func<IArgumentCode, RType, string> EmitCall { get; }
    }
}
