using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RlSpec.Compiler.Kinds.Mdp.Binding;
using RlSpec.Compiler.Kinds.Mdp.Ir;
using RlSpec.Compiler.Semantics;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Cli.Hosting.Interpreted;

/// <summary>
/// The engine that needs no C# compiler: it evaluates an mdp's IR (bound expressions, with the parameters in
/// force) state by state with the compiler's own <see cref="ConstantEvaluator"/>, and stores the result as a
/// <see cref="SparseMdp"/> through <see cref="SparseMdp.From{TModel}"/>, the same enumeration and merge the
/// compiled model goes through. It reports outcomes in the emitted code's order with the same arithmetic
/// (rules in order, first true guard, the default rule, unassigned variables staying, rewards summed in order).
/// </summary>
/// <remarks>
/// It declines (returns null with the reason) whatever it does not reproduce exactly (random variables,
/// tables, action families, the step, reward distributions, finite horizons) and every model in which
/// evaluation meets a problem (an overflow, a successor out of range, no rule matching, a probability
/// outside [0, 1] or not summing to 1): the compiled engine then runs and reports it with its diagnostics,
/// so the interpreter never gives an answer, or an error, that the compiled model would not.
/// </remarks>
public static class MdpInterpreter
{
    /// <summary>
    /// The largest model the CLI interprets by default, in evaluated outcomes (states × actions × outcome branches):
    /// below it interpreting is faster than starting the C# compiler (about 1 s); above it the compiled model wins.
    /// </summary>
    public const long AutomaticLimit = 200_000;

    /// <summary>The work of interpreting <paramref name="ir"/>: states × actions × the most branches of a rule.</summary>
    public static long Work(MdpIr ir)
    {
        long branches = 1;
        foreach (var a in ir.Actions)
            foreach (var r in a.Rules) branches = Math.Max(branches, r.Branches.Count);
        if (ir.Default != null) branches = Math.Max(branches, ir.Default.Branches.Count);
        double work = (double)ir.StateCount * Math.Max(1, ir.ActionCount) * branches;
        return work > long.MaxValue / 2 ? long.MaxValue / 2 : (long)work;
    }

    /// <summary>Why <paramref name="ir"/> cannot be interpreted, or null when it can be tried.</summary>
    public static string? Unsupported(MdpIr ir)
    {
        if (ir.Randoms.Count > 0) return "random variables";
        if (ir.RewardDistributions.Count > 0) return "reward distributions";
        if (ir.TransitionTables.Count > 0 || ir.RewardTable != null) return "explicit tables";
        if (ir.UsesStep) return "the step t";
        if (!ir.AllActionsFixed) return "action families";
        if (ir.StateCount < 1 || ir.StateCount > int.MaxValue || ir.ActionCount < 1 || ir.ActionCount > MdpIr.MaxActions) return "its size";
        foreach (var e in Expressions(ir))
            if (!Plain(e)) return "an expression the interpreter does not evaluate";
        return null;
    }

    /// <summary>
    /// The model as a sparse MDP, or null with the reason in <paramref name="declined"/>. Never throws for a model
    /// the compiler accepted: anything unexpected is a decline, and the compiled engine runs instead.
    /// </summary>
    public static SparseMdp? TryBuild(MdpIr ir, out string? declined)
    {
        declined = Unsupported(ir);
        if (declined != null) return null;
        try
        {
            var model = new InterpretedMdp(new Interpreter(ir));
            var sparse = SparseMdp.From(in model);
            declined = Check(sparse, model);
            return declined is null ? sparse : null;
        }
        catch (Exception ex) when (ex is EvaluationException or InterpretedDeclinedException or InvalidCastException or OverflowException or IndexOutOfRangeException or ArgumentException)
        {
            declined = ex.Message;
            return null;
        }
    }

    /// <summary>
    /// What the validator would report about probabilities, checked strictly: a row (and the initial distribution)
    /// must have probabilities in [0, 1] summing to 1 within 1e-12 (the validator allows more; stricter only hands
    /// borderline models to the compiled engine) and finite rewards.
    /// </summary>
    private static string? Check(SparseMdp m, InterpretedMdp source)
    {
        var p = m.Probabilities;
        var rs = m.RowStart;
        for (int r = 0; r < m.RowCount; r++)
        {
            if (!double.IsFinite(m.RowRewards[r])) return "a reward that is not finite";
            if (rs[r + 1] == rs[r]) return "a row without outcomes";
            double sum = 0;
            for (int k = rs[r]; k < rs[r + 1]; k++)
            {
                if (!(p[k] >= 0 && p[k] <= 1)) return "a probability outside [0, 1]";
                sum += p[k];
            }
            if (Math.Abs(sum - 1) > 1e-12) return "probabilities that do not sum to 1";
        }
        for (int s = 0; s < m.StateCount; s++)
            if (!m.IsTerminal(s) && m.RowGroupStart[s + 1] == m.RowGroupStart[s]) return "a state without an available action";
        var initial = source.InitialSum();
        if (Math.Abs(initial - 1) > 1e-12) return "an initial distribution that does not sum to 1";
        return null;
    }

    /// <summary>Every expression the transitions, rewards, terminal condition and initial distribution evaluate.</summary>
    private static IEnumerable<BoundExpr> Expressions(MdpIr ir)
    {
        IEnumerable<BoundExpr> Rule(IrRule r) =>
            r.Branches.SelectMany(b => b.Assignments.Select(x => x.Value).Append(b.Probability)).Append(r.Guard).Where(x => x != null)!;
        foreach (var a in ir.Actions)
        {
            if (a.Guard != null) yield return a.Guard;
            foreach (var r in a.Rules) foreach (var e in Rule(r)) yield return e;
            foreach (var r in a.FixedRewards.Concat(a.OutcomeRewards))
            {
                yield return r.Value;
                if (r.Guard != null) yield return r.Guard;
            }
        }
        if (ir.Default != null) foreach (var e in Rule(ir.Default)) yield return e;
        if (ir.Terminal != null) yield return ir.Terminal.Condition;
        foreach (var b in ir.Init)
        {
            foreach (var x in b.Assignments) yield return x.Value;
            if (b.Probability != null) yield return b.Probability;
        }
        if (ir.Criterion.Discount != null) yield return ir.Criterion.Discount;
        if (ir.Criterion.Horizon != null) yield return ir.Criterion.Horizon;
    }

    /// <summary>True when the expression (and the lets it reads) use nothing but values the interpreter has.</summary>
    private static bool Plain(BoundExpr e)
    {
        if (e.HasError) return false;
        foreach (var d in BoundTree.Descendants(e))
        {
            switch (d)
            {
                case BoundDistribution or BoundRandom or BoundStep or BoundInstanceSeed or BoundError: return false;
                case BoundLet l when l.Let.Value is null || !Plain(l.Let.Value): return false;
            }
        }
        return true;
    }
}

/// <summary>A model the interpreter will not evaluate: the compiled engine runs it instead.</summary>
internal sealed class InterpretedDeclinedException(string message) : Exception(message);
