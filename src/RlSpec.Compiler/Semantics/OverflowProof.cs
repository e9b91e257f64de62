using System.Collections.Generic;

namespace RlSpec.Compiler.Semantics
{
    /// <summary>
    /// The result of <see cref="IntervalAnalysis"/> for one model: the integer operations it could not
    /// prove free of overflow (emitted code checks exactly these) and the parameter values the proof
    /// holds for (emitted <c>Create</c> refuses others).
    /// </summary>
    public sealed class OverflowProof
    {
        internal OverflowProof(HashSet<object> unproven, IReadOnlyList<ParamEnvelope> envelope)
        {
            _unproven = unproven;
            Envelope = envelope;
        }

        private readonly HashSet<object> _unproven;

        /// <summary>
        /// True when <paramref name="operation"/> (an int <c>+ - * ^ %</c>, unary <c>-</c>, <c>abs</c> or an int
        /// sum) may overflow (or, for <c>%</c>, divide by zero) and so must be emitted as a checked operation.
        /// </summary>
        /// <remarks>Keys are nodes by reference (a node shared by several rules is checked everywhere); an
        /// object rather than a <see cref="BoundExpr"/>, so a step of an operator chain can be a key too.</remarks>
        public bool NeedsCheck(object operation) => _unproven.Contains(operation);

        /// <summary>The operations that need a check.</summary>
        public IReadOnlyCollection<object> Unproven => _unproven;

        /// <summary>
        /// For each int parameter, the values for which the proof holds; a parameter absent from the list
        /// may take any int. The values in force are always inside.
        /// </summary>
        public IReadOnlyList<ParamEnvelope> Envelope { get; }
    }

    /// <summary>The range <c>Lo..Hi</c> of an int parameter within which the overflow proof holds.</summary>
    public sealed record ParamEnvelope(ParamSymbol Param, long Lo, long Hi);
}
