using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Mdp.Binding
{
    /// <summary>
    /// The MDP kind's bind stage: after the shared binder has declared every name and bound params,
    /// lets and random variables, binds state variables, actions, the criterion, init, rules, rewards
    /// and tables into a <see cref="BoundMdp"/>. The parts live in MdpBinder.*.cs, one concern per file.
    /// </summary>
    internal sealed partial class MdpBinder
    {
        private readonly Binder _b;
        private readonly BoundMdp _m;

        private MdpBinder(Binder binder)
        {
            _b = binder;
            _m = new BoundMdp(binder.Model);
        }

        public static BoundMdp Bind(Binder binder) => new MdpBinder(binder).Run();

        private BoundMdp Run()
        {
            var members = _b.Node.Members;
            // The symbols MdpKind.Declare put into the scope, in declaration order.
            foreach (var node in members.OfType<StateVarNode>())
                if (_b.TryGetSymbol(node.Name.Text, out var s) && s is StateVarSymbol v && v.Span == node.Name.Span) _m.StateVars.Add(v);
            foreach (var node in members.OfType<ActionNode>())
                if (_b.TryGetSymbol(node.Name.Text, out var s) && s is ActionSymbol a && a.Span == node.Name.Span) _m.Actions.Add(a);

            BindStateVars(members);
            BindActions(members);
            BindCriterion(members);
            foreach (var member in members)
            {
                switch (member)
                {
                    case InitNode init: BindInit(init); break;
                    case RuleNode rule: BindRule(rule); break;
                    case DefaultNode d: BindDefault(d); break;
                    case RewardNode reward: BindReward(reward); break;
                    case TransitionTableNode table: BindTransitionTable(table); break;
                    case RewardTableNode table: BindRewardTable(table); break;
                }
            }
            if (_m.StateVars.Count == 0)
                _b.Error(DiagnosticIds.NoStateVariables, $"model '{_m.Name}' declares no state variable; add e.g. `state s in 0..N-1`", _b.Node.NameSpan);
            if (_m.Actions.Count == 0)
                _b.Error(DiagnosticIds.NoActions, $"model '{_m.Name}' declares no action; add e.g. `action left, right`", _b.Node.NameSpan);
            return _m;
        }

        private Symbol Declared(string name)
        {
            _b.TryGetSymbol(name, out var symbol);
            return symbol;
        }
    }
}
