using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Semantics.Builtins;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Semantics
{
    /// <summary>Lets (constants become fields, others expand where used) and random variables (finite discrete distributions).</summary>
    public sealed partial class Binder
    {
        private void BindLet(LetSymbol let)
        {
            if (let.Value != null) return;
            if (!_binding.Add(let))
            {
                Error(DiagnosticIds.NotConstant, $"'{let.Name}' is defined in terms of itself", let.Span);
                let.Value = new BoundError(let.Span);
                return;
            }
            var node = _letNodes[let];
            // A let may read an action family's index by its declared name; a name two families share
            // is left out (ambiguous), and reading it is reported as such in BindName.
            int pushed = 0;
            foreach (var (index, _) in _letIndices)
            {
                if (_letIndices.Count(x => x.Index.Name == index.Name) != 1 || _symbols.ContainsKey(index.Name)) continue;
                PushLocal(index);
                pushed++;
            }
            var value = Bind(node.Value);
            for (; pushed > 0; pushed--) PopLocal();
            if (value.Type.Kind == TypeKind.Distribution && !value.HasError)
            {
                Error(DiagnosticIds.DistributionNotAllowed,
                    $"'{let.Name}' is a distribution; declare a random variable with `let {let.Name} ~ ...` instead of `=`", node.Value.Span);
                value = new BoundError(value.Span);
            }
            if ((value.Deps & Dep.Next) != 0 && !value.HasError)
            {
                Error(DiagnosticIds.PrimedOutsideReward, $"'{let.Name}' reads a successor variable; successors can only be read in rewards", node.Value.Span);
                value = new BoundError(value.Span);
            }
            let.Value = value;
            _binding.Remove(let);
            if (let.IsConstant)
            {
                Model.ConstantLets.Add(let);
                try { Model.Evaluator.Evaluate(new BoundLet(let, let.Span)); }
                catch (EvaluationException e)
                {
                    Error(e.Id, e.Message, e.Span);
                    let.Value = new BoundError(value.Span);
                    Model.ConstantLets.Remove(let);
                }
            }
            else if (let.IsInstance)
            {
                // Drawn when the model is created: a field, like a constant, but never evaluated here.
                Model.InstanceLets.Add(let);
            }
            else if (value.Type.Kind == TypeKind.List && !value.HasError)
            {
                Error(DiagnosticIds.ListNotAllowed, $"list '{let.Name}' must be a constant (built from parameters and numbers); index it with the state instead", node.Value.Span);
                let.Value = new BoundError(value.Span);
            }
        }

        private void BindRandom(RandomSymbol random)
        {
            var node = _randomNodes[random];
            var value = Bind(node.Distribution);
            if (value.HasError) { random.Distribution = null; return; }
            if (value is not BoundDistribution dist || !dist.Type.IsDiscrete)
            {
                Error(DiagnosticIds.DistributionExpected,
                    value is BoundDistribution
                        ? $"random variable '{random.Name}' needs a discrete distribution ({string.Join(", ", DistributionFamilies.All.Where(f => f.IsDiscrete).Select(f => f.Name))}) so that its outcomes can be enumerated"
                        : $"random variable '{random.Name}' needs a distribution, e.g. `let {random.Name} ~ poisson(4) truncated 0..10`; for a plain value use `let {random.Name} = ...`",
                    node.Distribution.Span);
                return;
            }
            if (!ConstantEvaluator.IsConstant(dist))
            {
                Error(DiagnosticIds.NotConstant, $"the distribution of '{random.Name}' must not depend on the state, the step or other random variables; use parameters and lets", node.Distribution.Span);
                return;
            }
            if (dist.Family.IsUnbounded && !dist.IsTruncated)
            {
                Error(DiagnosticIds.SupportTooLarge,
                    $"{dist.Family.Name}(...) has unbounded support; add `truncated lo..hi` (renormalize) or `clamped lo..hi` (tails to the ends), e.g. `{dist.Family.Name}(...) truncated 0..20`",
                    node.Distribution.Span);
                return;
            }
            random.Distribution = dist;
        }
    }
}
