using RlSpec.Compiler.Kinds.Mdp.Ir;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Kinds.Mdp.Lowering
{
    /// <summary>
    /// Runs the <see cref="IntervalAnalysis"/> over an MDP's IR: every expression the emitter writes, with
    /// each action family's index ranging over the family and the step t over 0..H-1. The emitter then
    /// checks exactly the integer operations left unproven.
    /// </summary>
    internal static class MdpOverflowAnalysis
    {
        public static OverflowProof Prove(MdpIr ir) => IntervalAnalysis.Prove(ir.Params, a => Walk(ir, a));

        private static void Walk(MdpIr ir, IntervalAnalyzer a)
        {
            if (ir.Criterion.Horizon != null)
            {
                var horizon = a.Visit(ir.Criterion.Horizon);
                a.SetStep(new Interval(0, System.Math.Max(0, horizon.Hi - 1)));
            }
            if (ir.Criterion.Discount != null) a.Visit(ir.Criterion.Discount);
            foreach (var l in ir.ConstantLets)
                if (l.Value != null) a.Visit(l.Value);
            foreach (var v in ir.StateVariables) a.Range(v.Lo, v.Hi);
            foreach (var r in ir.Randoms) a.Support(r.Distribution);
            foreach (var d in ir.RewardDistributions) a.Support(d);
            if (ir.Terminal != null) a.Visit(ir.Terminal.Condition);
            foreach (var b in ir.Init) Branch(b, a);
            if (ir.Default != null) Rule(ir.Default, null, a);
            foreach (var t in ir.TransitionTables) a.Visit(t.Table);
            if (ir.RewardTable != null) a.Visit(ir.RewardTable.Table);
            foreach (var action in ir.Actions)
            {
                if (a.Exceeded) return;
                Interval? family = null;
                if (action.IsFamily)
                {
                    family = a.Range(action.Lo!, action.Hi!);
                    a.SetLocal(action.Index!, family.Value);
                }
                if (action.Guard != null) a.Visit(action.Guard);
                // A pass that only asks whether the proof still holds stops at the first extra unproven operation.
                foreach (var r in action.Rules)
                    if (!a.Exceeded) Rule(r, family, a);
                foreach (var r in action.FixedRewards)
                    if (!a.Exceeded) Reward(r, family, a);
                foreach (var r in action.OutcomeRewards)
                    if (!a.Exceeded) Reward(r, family, a);
                if (action.IsFamily) a.RemoveLocal(action.Index!);
            }
        }

        private static void Rule(IrRule r, Interval? family, IntervalAnalyzer a)
        {
            if (r.Index != null && family is { } range) a.SetLocal(r.Index, range);
            if (r.Guard != null) a.Visit(r.Guard);
            foreach (var b in r.Branches) Branch(b, a);
            if (r.Index != null) a.RemoveLocal(r.Index);
        }

        private static void Reward(IrReward r, Interval? family, IntervalAnalyzer a)
        {
            if (r.Index != null && family is { } range) a.SetLocal(r.Index, range);
            if (r.Guard != null) a.Visit(r.Guard);
            a.Visit(r.Value);
            if (r.Index != null) a.RemoveLocal(r.Index);
        }

        private static void Branch(IrBranch b, IntervalAnalyzer a)
        {
            foreach (var x in b.Assignments) a.Visit(x.Value);
            if (b.Probability != null) a.Visit(b.Probability);
        }
    }
}
