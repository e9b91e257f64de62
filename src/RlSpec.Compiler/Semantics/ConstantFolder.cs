using System;
using System.Collections.Generic;

namespace RlSpec.Compiler.Semantics
{
    /// <summary>
    /// Folds operators and built-in calls whose operands are all literals into one literal, as lowering
    /// builds a kind's IR (<c>1 - 0.25</c> becomes <c>0.75</c>). Parameters are never folded: a model is
    /// created with any values of them. Folding gives exactly what the emitted C# would compute: values
    /// are folded only where the evaluator and C# agree (integers that fit a C# int, no division by
    /// zero, no integer powers), and anything else is left for C#.
    /// </summary>
    public static class ConstantFolder
    {
        public static BoundExpr Fold(BoundExpr e)
        {
            switch (e)
            {
                case BoundUnary u:
                {
                    var operand = Fold(u.Operand);
                    var folded = operand == u.Operand ? u : new BoundUnary(u.Op, operand, u.Type, u.Span);
                    return operand is BoundLiteral ? Literal(folded) : folded;
                }
                case BoundBinary b:
                {
                    var left = Fold(b.Left);
                    var right = Fold(b.Right);
                    var folded = left == b.Left && right == b.Right ? b : new BoundBinary(b.Op, left, right, b.Type, b.Span);
                    // An integer power loops in 64 bits at compile time and in 32 bits in C#: leave it to C#.
                    if (b.Op == "^" && b.Type.Kind == TypeKind.Int) return folded;
                    return left is BoundLiteral && right is BoundLiteral ? Literal(folded) : folded;
                }
                case BoundIf i:
                {
                    var c = Fold(i.Condition);
                    var t = Fold(i.Then);
                    var f = Fold(i.Else);
                    var folded = c == i.Condition && t == i.Then && f == i.Else ? i : new BoundIf(c, t, f, i.Type, i.Span);
                    return c is BoundLiteral && t is BoundLiteral && f is BoundLiteral ? Literal(folded) : folded;
                }
                case BoundCall call:
                {
                    var args = new List<BoundExpr>(call.Arguments.Count);
                    bool changed = false, literals = true;
                    foreach (var a in call.Arguments)
                    {
                        var x = Fold(a);
                        changed |= x != a;
                        literals &= x is BoundLiteral;
                        args.Add(x);
                    }
                    var folded = changed ? new BoundCall(call.Function, args, call.Type, call.Span) : call;
                    return literals ? Literal(folded) : folded;
                }
                default:
                    return e;
            }
        }

        /// <summary>The literal value of an expression of literals, or the expression itself when C# should compute it.</summary>
        private static BoundExpr Literal(BoundExpr e)
        {
            object value;
            try
            {
                value = new ConstantEvaluator().Evaluate(e);
            }
            catch (EvaluationException)
            {
                return e;
            }
            catch (InvalidCastException)
            {
                return e;
            }
            switch (e.Type.Kind)
            {
                case TypeKind.Int when value is long l && l >= int.MinValue && l <= int.MaxValue:
                    return new BoundLiteral(l, RType.Int, e.Span);
                case TypeKind.Real when value is double d && !double.IsNaN(d) && !double.IsInfinity(d):
                    return new BoundLiteral(d, RType.Real, e.Span);
                case TypeKind.Real when value is long l:
                    return new BoundLiteral((double)l, RType.Real, e.Span);
                case TypeKind.Bool when value is bool b:
                    return new BoundLiteral(b, RType.Bool, e.Span);
                default:
                    return e;
            }
        }
    }
}
