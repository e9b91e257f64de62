using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Semantics.Builtins;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Bandit.Binding
{
    /// <summary>
    /// The bandit kind's bind stage: after the shared binder has bound params and lets, binds the
    /// <c>arms</c> setting and the <c>reward(...)</c> function, and decides the setting: adversarial when
    /// the declaration says so, linear when the arms are feature vectors, stochastic when they are
    /// distributions. The arms live in BanditBinder.Arms.cs, the rewards in BanditBinder.Rewards.cs.
    /// </summary>
    internal sealed partial class BanditBinder
    {
        /// <summary>What an arm's parameters, a reward's mean and an adversary's terms may read.</summary>
        private const Dep InstanceValues = Dep.Param | Dep.Local | Dep.Instance;

        private readonly Binder _b;
        private readonly BoundBandit _m;

        private BanditBinder(Binder binder)
        {
            _b = binder;
            _m = new BoundBandit(binder.Model);
        }

        public static BoundBandit Bind(Binder binder) => new BanditBinder(binder).Run();

        private BoundBandit Run()
        {
            SettingNode? arms = null;
            RewardFunctionNode? reward = null;
            foreach (var member in _b.Node.Members)
            {
                switch (member)
                {
                    case SettingNode s when s.Key.Text == "arms":
                        if (arms != null) _b.Error(DiagnosticIds.DuplicateBanditMember, $"the arms are already declared at line {arms.Span.Line}; list every arm in one `arms`, separated by commas", s.Key.Span);
                        else arms = s;
                        break;
                    case RewardFunctionNode r:
                        if (reward != null) _b.Error(DiagnosticIds.DuplicateBanditMember, $"the reward is already declared at line {reward.Span.Line}; a bandit has one reward function", r.Span);
                        else reward = r;
                        break;
                }
            }
            bool adversarial = _b.Model.Modifiers.Contains(BanditKind.Adversarial);
            _m.ArmsSpan = arms?.Key.Span ?? _b.Node.NameSpan;
            if (arms is null)
            {
                _b.Error(DiagnosticIds.NoArms,
                    adversarial
                        ? $"bandit '{_m.Name}' declares no arms; add their number, e.g. `arms 10`"
                        : $"bandit '{_m.Name}' declares no arms; add e.g. `arms bernoulli(0.2), bernoulli(0.5)` or `arms [bernoulli(0.1 * i) for i in 1..9]`",
                    _b.Node.NameSpan);
                return _m;
            }
            if (adversarial)
            {
                _m.Setting = BanditSetting.Adversarial;
                BindArmCount(arms);
                BindAdversarialReward(reward);
            }
            else
            {
                BindArms(arms);
                if (_m.Features.Count > 0)
                {
                    _m.Setting = BanditSetting.Linear;
                    BindLinearReward(reward);
                }
                else
                {
                    _m.Setting = BanditSetting.Stochastic;
                    if (reward != null) RefuseStochasticReward(reward);
                }
            }
            return _m;
        }

        /// <summary>A typed parameter of <c>reward(...)</c>, declared as an index variable of the reward's expression.</summary>
        private LocalSymbol? Parameter(Identifier name, RType type)
        {
            if (_b.IsDeclared(name.Text))
            {
                _b.TryGetSymbol(name.Text, out var existing);
                _b.Error(DiagnosticIds.DuplicateDeclaration, $"the reward's parameter '{name.Text}' hides the {existing.What} of that name; choose another name", name.Span);
                return null;
            }
            if (!_b.CheckUserName(name.Text, name.Span)) return null;
            return new LocalSymbol(name.Text, name.Span, type);
        }
    }
}
