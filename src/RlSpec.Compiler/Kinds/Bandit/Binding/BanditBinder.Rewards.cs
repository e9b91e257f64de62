using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Semantics.Builtins;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Bandit.Binding
{
    /// <summary>The reward functions: <c>reward(x) ~ normal(mean, sd)</c> (linear) and <c>reward(t, a) = ...</c> (adversarial).</summary>
    internal sealed partial class BanditBinder
    {
        private string Signature(RewardFunctionNode r) =>
            $"reward({string.Join(", ", r.Parameters.Select(p => p.Text))})";

        /// <summary>A stochastic bandit's rewards are its arms' distributions; a reward function means another setting.</summary>
        private void RefuseStochasticReward(RewardFunctionNode reward)
        {
            _b.Error(DiagnosticIds.RewardFunctionShape,
                reward.Parameters.Count == 2
                    ? $"{Signature(reward)} is an adversarial bandit's reward; declare `bandit {_m.Name} adversarial {{ arms K ... }}`"
                    : reward.Parameters.Count == 1
                        ? $"{Signature(reward)} is a linear bandit's reward, whose arms are feature vectors; these arms are distributions, which are their own rewards"
                        : $"the arms' distributions are this bandit's rewards; remove {Signature(reward)}",
                reward.Span);
        }

        /// <summary><c>reward(x) ~ normal(mean, sd)</c>: the mean reads the arm's feature vector x, the noise sd is a constant.</summary>
        private void BindLinearReward(RewardFunctionNode? reward)
        {
            if (reward is null)
            {
                _b.Error(DiagnosticIds.LinearRewardMissing,
                    $"the arms of '{_m.Name}' are feature vectors, so it is a linear bandit and needs its reward, e.g. `reward(x) ~ normal(dot(theta, x), 0.1)`",
                    _m.ArmsSpan);
                return;
            }
            if (reward.Parameters.Count != 1)
            {
                _b.Error(DiagnosticIds.RewardFunctionShape,
                    reward.Parameters.Count == 2
                        ? $"{Signature(reward)} is an adversarial bandit's reward; a linear bandit's reward reads the arm's feature vector: `reward(x) ~ normal(dot(theta, x), 0.1)`"
                        : $"a linear bandit's reward reads one feature vector: `reward(x) ~ normal(dot(theta, x), 0.1)`",
                    reward.Span);
                return;
            }
            if (!reward.IsDistribution || reward.Value is not CallExpr { Function.Text: "normal" } normal || normal.Arguments.Count != 2 || normal.Arguments.Any(a => a.Name != null))
            {
                _b.Error(DiagnosticIds.RewardFunctionShape,
                    $"a linear bandit's reward is the mean plus Gaussian noise: write `{Signature(reward)} ~ normal(mean, sd)`, e.g. `reward(x) ~ normal(dot(theta, x), 0.1)`",
                    reward.Value.Span);
                return;
            }
            var x = Parameter(reward.Parameters[0], RType.ListOf(RType.Real));
            if (x is null) return;
            _b.PushLocal(x);
            var mean = _b.Check(_b.Bind(normal.Arguments[0].Value), RType.Real, InstanceValues, "the mean of the reward");
            _b.PopLocal();
            var sd = _b.Check(_b.Bind(normal.Arguments[1].Value), RType.Real, Dep.Param, "the noise standard deviation");
            if (mean.HasError || sd.HasError) return;
            _m.LinearReward = new BoundLinearReward(x, mean, sd, reward.Span);
        }

        /// <summary><c>reward(t, a) = term</c>: choices with <c>if</c>, draws from the adversary stream, numbers.</summary>
        private void BindAdversarialReward(RewardFunctionNode? reward)
        {
            if (reward is null)
            {
                _b.Error(DiagnosticIds.AdversarialRewardMissing,
                    $"adversarial bandit '{_m.Name}' needs its rewards: add e.g. `reward(t, a) = if a == 0 then bernoulli(0.7) else bernoulli(0.5)`",
                    _b.Node.NameSpan);
                return;
            }
            if (reward.Parameters.Count != 2 || reward.IsDistribution)
            {
                _b.Error(DiagnosticIds.RewardFunctionShape,
                    $"an adversarial bandit's reward is a function of the step and the arm: write `reward(t, a) = ...` (draws such as bernoulli(0.9) go inside the expression)",
                    reward.Span);
                return;
            }
            var t = Parameter(reward.Parameters[0], RType.Int);
            var a = Parameter(reward.Parameters[1], RType.Int);
            if (t is null || a is null) return;
            if (t.Name == a.Name)
            {
                _b.Error(DiagnosticIds.DuplicateDeclaration, $"the reward's parameters are both called '{a.Name}'; name them e.g. (t, a)", reward.Parameters[1].Span);
                return;
            }
            _b.PushLocal(t);
            _b.PushLocal(a);
            var body = BindTerm(reward.Value);
            _b.PopLocal();
            _b.PopLocal();
            if (body != null) _m.AdversarialReward = new BoundAdversarialReward(t, a, body, reward.Span);
        }

        private AdversaryTerm? BindTerm(ExprNode node)
        {
            switch (node)
            {
                case IfExpr i:
                {
                    var condition = _b.Check(_b.Bind(i.Condition), RType.Bool, InstanceValues, "the condition of `if`");
                    var then = BindTerm(i.Then);
                    var otherwise = BindTerm(i.Else);
                    if (condition.HasError || then is null || otherwise is null) return null;
                    return new AdversaryChoice(condition, then, otherwise, i.Span);
                }
                case CallExpr call when ArmDistributions.TryGet(call.Function.Text, out var distribution):
                {
                    var args = BindArmArguments(call, distribution);
                    return args is null ? null : new AdversaryDraw(distribution, args, call.Span);
                }
                case CallExpr call when DistributionFamilies.TryGet(call.Function.Text, out _):
                    _b.Error(DiagnosticIds.UnknownArmDistribution,
                        $"{call.Function.Text}(...) cannot be an adversary's draw; draws are {ArmDistributions.Names} (and must lie in [0, 1])", call.Function.Span);
                    return null;
                default:
                {
                    var value = _b.Check(_b.Bind(node), RType.Real, InstanceValues, "the reward of an adversarial bandit");
                    return value.HasError ? null : new AdversaryValue(value, node.Span);
                }
            }
        }
    }
}
