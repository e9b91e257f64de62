using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Mdp.Binding
{
    /// <summary>The optimality criterion: discount, horizon, average or total reward until terminal states.</summary>
    internal sealed partial class MdpBinder
    {
        private void BindCriterion(IReadOnlyList<MemberNode> members)
        {
            var criteria = members.Where(m => m is DiscountNode or HorizonNode or AverageNode).ToList();
            var untils = members.OfType<UntilNode>().ToList();
            if (criteria.Count > 1)
            {
                var second = criteria[1];
                bool same = second.GetType() == criteria[0].GetType();
                _b.Error(same ? DiagnosticIds.DuplicateCriterion : DiagnosticIds.ConflictingCriteria,
                    same
                        ? $"the criterion is already declared at line {criteria[0].Span.Line}; keep one"
                        : $"a model has one criterion, and line {criteria[0].Span.Line} already declares one; keep either `discount`, `horizon` or `average`",
                    second.Span);
                return;
            }
            if (untils.Count > 1)
            {
                _b.Error(DiagnosticIds.DuplicateCriterion, $"`until` is already declared at line {untils[0].Span.Line}; combine the conditions with ||", untils[1].Span);
                return;
            }
            if (untils.Count == 1)
                _m.Until = _b.Check(_b.Bind(untils[0].Condition), RType.Bool, Dep.Param | Dep.State, "the `until` condition");
            if (criteria.Count == 0)
            {
                if (untils.Count == 1)
                {
                    _m.Criterion = CriterionKind.TotalReward;
                    return;
                }
                _b.Error(DiagnosticIds.MissingCriterion,
                    $"model '{_m.Name}' has no criterion; add one of `discount 0.95`, `horizon H`, `average` or `until <terminal condition>`", _b.Node.NameSpan);
                return;
            }
            switch (criteria[0])
            {
                case DiscountNode d:
                {
                    _m.Criterion = CriterionKind.Discounted;
                    _m.Discount = _b.Constant(d.Value, RType.Real, "the discount");
                    if (_m.Discount is { HasError: false } g)
                    {
                        try
                        {
                            var gamma = _b.Evaluator.EvaluateReal(g);
                            if (!(gamma >= 0 && gamma < 1))
                                _b.Error(DiagnosticIds.DiscountOutOfRange,
                                    $"the discount is {Show(gamma)} but must be in [0, 1); for undiscounted problems use `until <terminal condition>` or `average`", d.Value.Span);
                        }
                        catch (EvaluationException e) { _b.Error(e.Id, e.Message, e.Span); }
                    }
                    break;
                }
                case HorizonNode h:
                {
                    _m.Criterion = CriterionKind.FiniteHorizon;
                    _m.Horizon = _b.Constant(h.Value, RType.Int, "the horizon");
                    if (_m.Horizon is { HasError: false } hv)
                    {
                        try
                        {
                            var horizon = _b.Evaluator.EvaluateInt(hv);
                            if (horizon < 1 || horizon > 100_000_000)
                                _b.Error(DiagnosticIds.HorizonNotPositive, $"the horizon is {horizon} but must be between 1 and 100,000,000", h.Value.Span);
                        }
                        catch (EvaluationException e) { _b.Error(e.Id, e.Message, e.Span); }
                    }
                    break;
                }
                default:
                    _m.Criterion = CriterionKind.AverageReward;
                    break;
            }
        }

        private static string Show(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    }
}
