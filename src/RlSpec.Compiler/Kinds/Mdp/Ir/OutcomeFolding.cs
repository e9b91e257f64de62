using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Kinds.Mdp.Binding;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Kinds.Mdp.Ir
{
    /// <summary>One successor variable of a folded rule: its assignment and the random variables (in index order) its value reads.</summary>
    public sealed record FoldedVariable(IrStateVariable Variable, BoundAssignment Assignment, IReadOnlyList<RandomSymbol> Randoms);

    /// <summary>
    /// Outcome folding (issue 11), decided once for both engines: the emitter writes the folded body from this plan
    /// and the CLI's interpreter evaluates the same plan, so the two build the same successors in the same order.
    /// When a rule's successor variables read disjoint sets of independent random variables, its successor
    /// distribution is the product of one marginal per variable.
    /// </summary>
    public static class OutcomeFolding
    {
        /// <summary>Most doubles the marginals of one folded rule may keep (on the stack in emitted code); larger ranges use the unfolded loops.</summary>
        public const int StackLimit = 4096;

        /// <summary>
        /// The folded variables when the rule folds: one branch with no probability, no assignment reads a successor, at
        /// least two assigned integer (range or enumeration) variables read random variables, and no random variable is
        /// read by two of them; outcome rewards must not read successors (they are averaged over their own random variables).
        /// Null when the rule does not fold.
        /// </summary>
        public static IReadOnlyList<FoldedVariable>? Plan(MdpIr ir, IrRule rule, IReadOnlyList<IrReward> outcomeRewards)
        {
            if (rule.Branches.Count != 1) return null;
            var b = rule.Branches[0];
            if (b.Probability != null) return null;
            foreach (var r in outcomeRewards)
                if ((((r.Guard?.Deps ?? Dep.None) | r.Value.Deps) & Dep.Next) != 0) return null;
            var plan = new List<FoldedVariable>();
            var seen = new HashSet<RandomSymbol>();
            foreach (var a in b.Assignments)
            {
                if ((a.Value.Deps & Dep.Next) != 0) return null;
                var randoms = BoundTree.Randoms(new[] { a.Value });
                if (randoms.Count == 0) continue;
                var v = ir.StateVariables.First(x => x.Symbol == a.Variable);
                if (v.Kind == StateVarKind.Bool) return null;
                foreach (var r in randoms)
                    if (!seen.Add(r)) return null; // shared by two successor variables: not independent
                plan.Add(new FoldedVariable(v, a, randoms));
            }
            return plan.Count >= 2 ? plan : null;
        }
    }
}
