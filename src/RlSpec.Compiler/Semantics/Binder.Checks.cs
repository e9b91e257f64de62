using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Semantics
{
    /// <summary>Checks on bound expressions: the type a place needs and what a value there may read.</summary>
    public sealed partial class Binder
    {

        /// <summary>Binds an expression that must be a constant of the given type (evaluated at compile time).</summary>
        public BoundExpr Constant(ExprNode node, RType type, string where) =>
            Check(Bind(node), type, Dep.Param, where);

        public static bool Assignable(RType from, RType to)
        {
            if (from.IsError || to.IsError) return true;
            if (from == to) return true;
            if (to.Kind == TypeKind.Real && from.Kind == TypeKind.Int) return true;
            if (to.Kind == TypeKind.List && from.Kind == TypeKind.List) return Assignable(from.Element!, to.Element!);
            if (to.Kind == TypeKind.Enum && from.Kind == TypeKind.Enum) return from.Enum == to.Enum;
            if (to.Kind == TypeKind.Distribution && from.Kind == TypeKind.Distribution) return true;
            return false;
        }

        /// <summary>
        /// Checks an expression's type and what it reads. Reports the first offending node and returns
        /// a <see cref="BoundError"/> so that nothing is reported twice.
        /// </summary>
        public BoundExpr Check(BoundExpr e, RType type, Dep allowed, string where)
        {
            if (e.HasError) { Model.HasErrors = true; return e; }
            if (!Assignable(e.Type, type))
            {
                var hint = type.Kind == TypeKind.Int && e.Type.Kind == TypeKind.Real ? "; use floor(...), ceil(...) or round(...) to make an integer"
                    : type.Kind == TypeKind.Bool ? "; compare with ==, <, ... to make a condition"
                    : e.Type.Kind == TypeKind.Distribution ? "; a distribution can only be a reward or a random variable (`let x ~ ...`)"
                    : "";
                Error(DiagnosticIds.TypeMismatch, $"{where} must be {Article(type)}, but this is {Article(e.Type)}{hint}", e.Span);
                return new BoundError(e.Span);
            }
            var bad = e.Deps & ~allowed;
            if (bad == 0) return e;
            var culprit = BoundTree.Descendants(e).LastOrDefault(n => IsLeaf(n) && (n.Deps & bad) != 0) ?? e;
            if ((bad & Dep.Next) != 0)
                Error(DiagnosticIds.PrimedOutsideReward, $"{where} cannot read a successor variable ({Describe(culprit)}); successors x' can only be read in rewards", culprit.Span);
            else if ((bad & Dep.Random) != 0)
                Error(DiagnosticIds.RandomNotAllowed,
                    $"{where} cannot read the random variable {Describe(culprit)}; random variables can be read in successors, probabilities and rewards", culprit.Span);
            else if ((bad & (Dep.State | Dep.Step | Dep.Local)) != 0)
                Error(DiagnosticIds.NotConstant,
                    allowed == Dep.Param
                        ? $"{where} must be a constant (parameters, lets and numbers), but it reads {Describe(culprit)}"
                        : $"{where} cannot read {Describe(culprit)}", culprit.Span);
            else
                Error(DiagnosticIds.NotConstant, $"{where} cannot read {Describe(culprit)}", culprit.Span);
            return new BoundError(e.Span);
        }

        private static bool IsLeaf(BoundExpr n) =>
            n is BoundStateVar or BoundRandom or BoundStep or BoundLocal or BoundParam or BoundLet;

        private static string Describe(BoundExpr e) => e switch
        {
            BoundStateVar v => v.IsNext ? $"the successor {v.Variable.Name}'" : $"the state variable '{v.Variable.Name}'",
            BoundRandom r => $"'{r.Random.Name}'",
            BoundStep _ => "the step t",
            BoundLocal l => $"the index '{l.Local.Name}'",
            _ => "a value that is not allowed here",
        };

        private static string Article(RType t) => t.WithArticle();
    }
}
