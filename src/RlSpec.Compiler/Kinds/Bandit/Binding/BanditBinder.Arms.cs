using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Semantics.Builtins;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Bandit.Binding
{
    /// <summary>The <c>arms</c> setting: distributions (stochastic), feature vectors (linear), or a number (adversarial).</summary>
    internal sealed partial class BanditBinder
    {
        /// <summary>
        /// Each argument of <c>arms</c> is a distribution call, a comprehension or list of them, or a feature
        /// vector (or a list of them). Distributions and vectors do not mix.
        /// </summary>
        private void BindArms(SettingNode arms)
        {
            foreach (var argument in arms.Arguments)
            {
                if (argument.Name != null)
                {
                    _b.Error(DiagnosticIds.NamedArgument, $"`arms` takes no named arguments; remove '{argument.Name.Text} ='", argument.Span);
                    continue;
                }
                var value = argument.Value;
                switch (value)
                {
                    case CallExpr call when IsArmCall(call):
                        BindArmGroup(call, null, null, null, call.Span);
                        break;
                    case ComprehensionExpr c when c.Element is CallExpr call && IsArmCall(call):
                        BindArmComprehension(c, call);
                        break;
                    case ListExpr list when list.Elements.Count > 0 && list.Elements.All(e => e is CallExpr call && IsArmCall(call)):
                        foreach (var e in list.Elements) BindArmGroup((CallExpr)e, null, null, null, e.Span);
                        break;
                    default:
                        BindFeatures(value);
                        break;
                }
            }
            if (_m.ArmGroups.Count > 0 && _m.Features.Count > 0)
                _b.Error(DiagnosticIds.ArmsDoNotFitSetting,
                    "the arms mix distributions (a stochastic bandit) and feature vectors (a linear bandit); declare the two as separate bandits", arms.Key.Span);
        }

        private static bool IsArmCall(CallExpr call) => ArmDistributions.TryGet(call.Function.Text, out _);

        /// <summary>Not a distribution: a feature vector or a list of them; a number or a misspelled or unsupported distribution is reported.</summary>
        private void BindFeatures(ExprNode value)
        {
            if (value is ListExpr { Elements.Count: 0 })
            {
                _b.Error(DiagnosticIds.NoArms, "`arms []` declares no arm; list the arms' distributions or feature vectors", value.Span);
                return;
            }
            if (value is CallExpr call && !BuiltinFunctions.TryGet(call.Function.Text, out _))
            {
                ReportUnknownDistribution(call);
                return;
            }
            var bound = _b.Bind(value);
            if (bound.HasError) { _b.MarkFailed(); return; }
            var type = bound.Type;
            if (type.Kind == TypeKind.Int)
            {
                _b.Error(DiagnosticIds.ArmsDoNotFitSetting,
                    $"a number of arms alone fits an adversarial bandit (`bandit {_m.Name} adversarial {{ arms ...; reward(t, a) = ... }}`); stochastic arms name their distributions, e.g. `arms [bernoulli(0.5) for i in 1..10]`",
                    value.Span);
                return;
            }
            bool vector = type.Kind == TypeKind.List && type.Element!.IsNumeric;
            bool vectors = type.Kind == TypeKind.List && type.Element!.Kind == TypeKind.List && type.Element.Element!.IsNumeric;
            if (!vector && !vectors)
            {
                _b.Error(DiagnosticIds.ArmsDoNotFitSetting,
                    $"an arm is a distribution ({ArmDistributions.Names}) or a feature vector (a list of numbers), but this is {type.WithArticle()}", value.Span);
                return;
            }
            var checkedValue = _b.Check(bound, vector ? RType.ListOf(RType.Real) : RType.ListOf(RType.ListOf(RType.Real)), Dep.Param | Dep.Instance, "the arms' feature vectors");
            if (checkedValue.HasError) return;
            _m.Features.Add(new BoundFeatures(checkedValue, !vector, value.Span));
        }

        private void ReportUnknownDistribution(CallExpr call)
        {
            var name = call.Function.Text;
            if (DistributionFamilies.TryGet(name, out _))
            {
                _b.Error(DiagnosticIds.UnknownArmDistribution,
                    $"{name}(...) is not an arm distribution; bandit arms are {ArmDistributions.Names}", call.Function.Span);
                return;
            }
            var closest = EditDistance.Closest(name, ArmDistributions.All.Select(d => d.Name));
            _b.Error(DiagnosticIds.UnknownArmDistribution,
                closest != null
                    ? $"unknown arm distribution '{name}'; did you mean '{closest}'?"
                    : $"unknown arm distribution '{name}'; bandit arms are {ArmDistributions.Names}, or feature vectors",
                call.Function.Span);
        }

        /// <summary><c>[bernoulli(0.1 * i) for i in 1..9]</c>: a group of arms over a constant range, whose parameters read the index.</summary>
        private void BindArmComprehension(ComprehensionExpr c, CallExpr call)
        {
            var lo = _b.Check(_b.Bind(c.Lo), RType.Int, Dep.Param, "a range bound");
            var hi = _b.Check(_b.Bind(c.Hi), RType.Int, Dep.Param, "a range bound");
            if (lo.HasError || hi.HasError) return;
            var name = c.Variable;
            if (_b.TryGetSymbol(name.Text, out var existing))
            {
                _b.Error(DiagnosticIds.DuplicateDeclaration, $"the index '{name.Text}' hides the {existing.What} of that name; choose another index name", name.Span);
                return;
            }
            if (!_b.CheckUserName(name.Text, name.Span)) return;
            var index = new LocalSymbol(name.Text, name.Span);
            _b.PushLocal(index);
            BindArmGroup(call, index, lo, hi, c.Span);
            _b.PopLocal();
        }

        private void BindArmGroup(CallExpr call, LocalSymbol? index, BoundExpr? lo, BoundExpr? hi, SourceSpan span)
        {
            ArmDistributions.TryGet(call.Function.Text, out var distribution);
            var args = BindArmArguments(call, distribution);
            if (args != null) _m.ArmGroups.Add(new BoundArmGroup(distribution, args, index, lo, hi, span));
        }

        /// <summary>The arguments of an arm (or adversary) distribution, by position, each a real read from parameters, lets, seeded draws and indices.</summary>
        private List<BoundExpr>? BindArmArguments(CallExpr call, ArmDistribution distribution)
        {
            var name = distribution.Name;
            var parameters = distribution.Parameters;
            var named = call.Arguments.FirstOrDefault(a => a.Name != null);
            if (named != null)
            {
                _b.Error(DiagnosticIds.NamedArgument, $"{name}(...) takes its arguments by position ({string.Join(", ", parameters)}); remove '{named.Name!.Text} ='", named.Span);
                return null;
            }
            if (call.Arguments.Count != parameters.Count)
            {
                _b.Error(DiagnosticIds.WrongArgumentCount,
                    $"{name}(...) takes {parameters.Count} argument{(parameters.Count == 1 ? "" : "s")} ({string.Join(", ", parameters)}), but {call.Arguments.Count} {(call.Arguments.Count == 1 ? "is" : "are")} given", call.Span);
                return null;
            }
            var args = new List<BoundExpr>();
            for (int k = 0; k < parameters.Count; k++)
            {
                var arg = _b.Check(_b.Bind(call.Arguments[k].Value), RType.Real, InstanceValues, $"{distribution.Descriptions[k]} of {name}(...)");
                if (arg.HasError) return null;
                args.Add(arg);
            }
            return args;
        }

        /// <summary><c>arms K</c> of an adversarial bandit: the number of arms, a constant int.</summary>
        private void BindArmCount(SettingNode arms)
        {
            var first = arms.Arguments[0].Value;
            if (arms.Arguments.Count != 1 || arms.Arguments[0].Name != null || first is CallExpr call && IsArmCall(call) || first is ComprehensionExpr || first is ListExpr)
            {
                _b.Error(DiagnosticIds.ArmsDoNotFitSetting,
                    "an adversarial bandit declares the number of its arms (`arms 10`); their rewards come from `reward(t, a) = ...`", arms.Arguments[0].Span.To(arms.Arguments[arms.Arguments.Count - 1].Span));
                return;
            }
            var count = _b.Check(_b.Bind(first), RType.Int, Dep.Param, "the number of arms");
            if (!count.HasError) _m.ArmCount = count;
        }
    }
}
