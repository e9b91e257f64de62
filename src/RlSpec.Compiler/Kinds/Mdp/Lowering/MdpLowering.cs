using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Kinds.Mdp.Binding;
using RlSpec.Compiler.Kinds.Mdp.Ir;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Kinds.Mdp.Lowering
{
    /// <summary>
    /// The MDP kind's lower stage: from a <see cref="BoundMdp"/> to the <see cref="MdpIr"/>. Lays the
    /// state space out in mixed radix, expands action families, orders each action's rules (first
    /// match wins) and splits its rewards into those fixed by (state, action) and those that depend on
    /// the outcome, evaluates constants with the parameters in force, and quotes the source text of
    /// every rule, outcome and reward once. The checks that need numbers live in MdpLowering.Checks.cs.
    /// </summary>
    internal sealed partial class MdpLowering : KindLowering
    {
        /// <summary>Index type limit: states are C# ints.</summary>
        public const long MaxStates = int.MaxValue;

        private readonly BoundMdp _m;
        private readonly SourceText _source;

        /// <summary>A state variable's range is empty or too large: checks against the ranges would only repeat that mistake.</summary>
        private bool _stateSpaceFailed;

        private MdpLowering(BoundMdp model, Binder binder)
            : base(binder, model.Evaluator)
        {
            _m = model;
            _source = model.Declaration.Source;
        }

        public static MdpIr? Lower(BoundMdp model, Binder binder, CancellationToken cancellationToken) =>
            new MdpLowering(model, binder).Run(cancellationToken);

        private MdpIr? Run(CancellationToken ct)
        {
            var d = _m.Declaration;
            var ir = new MdpIr(d.Name, CSharpNames.TypeName(d.Name, Emit.MdpEmitter.MemberNames), d.Node.Span.Path) { UsesStep = d.UsesStep };
            CheckStateSpace(ir);
            CheckRandoms();
            ct.ThrowIfCancellationRequested();
            foreach (var rule in _m.Rules) CheckBranches(rule.Branches, rule.Span, "this rule's");
            if (_m.Default != null) CheckBranches(_m.Default.Branches, _m.Default.Span, "this rule's");
            CheckInit();
            LayOutActions(ir);
            CheckTables(ir);
            CheckRewards();
            if (_failed) return null;

            ir.Params.AddRange(d.Params);
            ir.ConstantLets.AddRange(d.ConstantLets);
            foreach (var r in d.Randoms) ir.Randoms.Add(new IrRandom(r, r.Name, r.Distribution!, _source.Quote(r.Distribution!.Span)));
            foreach (var r in _m.Rewards)
                foreach (var dist in BoundTree.Descendants(r.Value).OfType<BoundDistribution>())
                    if (dist.IsTruncated && !ir.RewardDistributions.Contains(dist)) ir.RewardDistributions.Add(dist);
            LayOutStateVariables(ir);
            ir.Criterion = new IrCriterion(_m.Criterion,
                _m.Discount, _m.Discount is null ? null : _eval.Evaluate(_m.Discount),
                _m.Horizon, _m.Horizon is null ? 0 : _eval.EvaluateInt(_m.Horizon));
            if (_m.Until != null) ir.Terminal = new IrTerminal(ConstantFolder.Fold(_m.Until), _source.Quote(_m.Until.Span), _m.Until.Span.Line);
            ir.Init.AddRange(_m.Init.Select(Branch));
            ir.InitLine = _m.InitSpan?.Line;
            foreach (var r in _m.Rules) ir.RuleLocations.Add((r.Span.Line, r.Span.Column));
            if (_m.Default != null)
            {
                ir.Default = Rule(_m.Default, ir.RuleLocations.Count);
                ir.RuleLocations.Add((_m.Default.Span.Line, _m.Default.Span.Column));
            }
            foreach (var t in _m.TransitionTables)
            {
                ir.TransitionTables.Add(new IrTransitionTable(t.Action, t.Action.Name, t.Table, t.Span.Line, ir.RuleLocations.Count));
                ir.RuleLocations.Add((t.Span.Line, t.Span.Column));
            }
            foreach (var r in _m.Rewards) ir.RewardLocations.Add((r.Span.Line, r.Span.Column));
            if (_m.RewardTable != null)
            {
                // The table is a reward term too: a NaN or infinite entry is reported at the table.
                ir.RewardTable = new IrRewardTable(_m.RewardTable, _m.RewardTableSpan.Line, ir.RewardLocations.Count);
                ir.RewardLocations.Add((_m.RewardTableSpan.Line, _m.RewardTableSpan.Column));
            }
            BuildActions(ir);
            ir.Overflow = MdpOverflowAnalysis.Prove(ir);
            return ir;
        }

        // ---- IR nodes with their source text --------------------------------------------------------

        private IrRule Rule(BoundRule r, int id) =>
            new IrRule(id, r.Index, Fold(r.Guard), r.Branches.Select(Branch).ToList(),
                r.HeadSpan is { } head ? _source.Quote(head) : "default", r.Span.Line);

        private IrBranch Branch(BoundBranch b) =>
            new IrBranch(b.Assignments.Select(a => a with { Value = ConstantFolder.Fold(a.Value) }).ToList(), Fold(b.Probability), _source.Quote(b.Span));

        private IrReward Reward(BoundReward r) =>
            new IrReward(r.Index, Fold(r.Guard), ConstantFolder.Fold(r.Value), r.HeadSpan is { } head ? _source.Quote(head) : "reward", _source.Quote(r.Value.Span), r.Span.Line, RewardId(r));

        /// <summary>Each reward's id, its position among the model's rewards (a table: a search per reward made lowering quadratic).</summary>
        private Dictionary<BoundReward, int>? _rewardIds;

        private int RewardId(BoundReward r)
        {
            if (_rewardIds is null)
            {
                _rewardIds = new Dictionary<BoundReward, int>(ReferenceComparer<BoundReward>.Instance);
                for (int i = 0; i < _m.Rewards.Count; i++) _rewardIds[_m.Rewards[i]] = i;
            }
            return _rewardIds[r];
        }

        private static BoundExpr? Fold(BoundExpr? e) => e is null ? null : ConstantFolder.Fold(e);

        /// <summary>A reward that reads the successor or a random variable is added per outcome; others once per (state, action).</summary>
        private static bool OutcomeDependent(BoundReward r) =>
            (((r.Guard?.Deps ?? Dep.None) | r.Value.Deps) & (Dep.Next | Dep.Random)) != 0;
    }
}
