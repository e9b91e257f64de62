using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Diagnostics;

namespace RlSpec.Compiler.Kinds
{
    /// <summary>
    /// What every kind's lower stage shares: reporting an error (which marks the lowering failed, so no IR is
    /// produced) and evaluating a constant expression with the parameters in force, where an evaluation error
    /// (overflow, division by zero, a value out of range) becomes that error at the expression.
    /// </summary>
    internal abstract class KindLowering
    {
        protected readonly Binder _b;
        protected readonly ConstantEvaluator _eval;

        /// <summary>True once an error was reported: the lowering then returns no IR.</summary>
        protected bool _failed;

        protected KindLowering(Binder binder, ConstantEvaluator evaluator)
        {
            _b = binder;
            _eval = evaluator;
        }

        protected void Error(string id, string message, SourceSpan span)
        {
            _b.Error(id, message, span);
            _failed = true;
        }

        protected bool TryEval(BoundExpr e, out object value)
        {
            try
            {
                value = _eval.Evaluate(e);
                return true;
            }
            catch (EvaluationException ex)
            {
                Error(ex.Id, ex.Message, ex.Span);
                value = 0L;
                return false;
            }
        }
    }
}
