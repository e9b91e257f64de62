using System;
using System.Collections.Generic;
using RlSpec.Compiler.Kinds.Mdp.Ir;
using RlSpec.Compiler.Semantics;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Cli.Hosting.Interpreted;

/// <summary>
/// The engine that needs no C# compiler: it evaluates an mdp's IR (bound expressions, with the parameters in
/// force) state by state with the compiler's own <see cref="ConstantEvaluator"/> in its run-time mode, exactly as
/// the emitted code orders the work (see <see cref="Interpreter"/>): random variables over the same finite forms,
/// folded rules through the same <see cref="OutcomeFolding"/> plan, action families, the step <c>t</c>, reward
/// distributions' means. The validator runs on the interpreted model itself, so a model error is reported with the
/// compiled engine's id, message and location; a valid stationary model is then stored as a <see cref="SparseMdp"/>
/// through <see cref="SparseMdp.From{TModel}"/>, the same enumeration and merge the compiled model goes through.
/// </summary>
/// <remarks>
/// It declines (returns null with the reason) only explicit transition and reward tables (a table's literal is
/// not evaluated here), a model too large for one sparse model, and an evaluation it cannot reproduce exactly
/// (e.g. an integer overflow inside an operator chain, whose run-time message names the chain differently):
/// the compiled engine then runs instead.
/// </remarks>
internal static class MdpInterpreter
{
    /// <summary>
    /// The largest model the CLI interprets by default, in evaluated outcomes (states × actions × outcomes of a
    /// rule, a folded rule counting the sum of its marginals' loops): below it interpreting is faster than starting
    /// the C# compiler (about 1 s); above it the compiled model wins (docs/performance.md, issue 11).
    /// </summary>
    public const long AutomaticLimit = 200_000;

    /// <summary>The work of interpreting <paramref name="ir"/>: states × actions × the most outcomes one rule enumerates.</summary>
    public static long Work(MdpIr ir)
    {
        double outcomes = 1;
        foreach (var a in ir.Actions)
        {
            foreach (var r in a.Rules) outcomes = Math.Max(outcomes, Outcomes(ir, r, a));
            if (ir.Default != null) outcomes = Math.Max(outcomes, Outcomes(ir, ir.Default, a));
        }
        double work = (double)ir.StateCount * Math.Max(1, ir.ActionCount) * outcomes;
        return work > long.MaxValue / 2 ? long.MaxValue / 2 : (long)work;
    }

    /// <summary>The outcomes one evaluation of <paramref name="rule"/> enumerates: the product of its random variables' supports times its branches, or for a folded rule the sum of its marginals' loops.</summary>
    private static double Outcomes(MdpIr ir, IrRule rule, IrAction action)
    {
        double Product(IEnumerable<RandomSymbol> randoms)
        {
            double p = 1;
            foreach (var r in randoms) p *= SupportOf(ir, r);
            return p;
        }
        if (OutcomeFolding.Plan(ir, rule, action.OutcomeRewards) is { } plan)
        {
            double sum = 0;
            foreach (var f in plan) sum += Product(f.Randoms);
            foreach (var r in action.OutcomeRewards) sum += Product(BoundTree.Randoms(new[] { r.Guard, r.Value }));
            return Math.Max(1, sum);
        }
        var exprs = new List<BoundExpr?>();
        foreach (var b in rule.Branches)
        {
            foreach (var x in b.Assignments) exprs.Add(x.Value);
            exprs.Add(b.Probability);
        }
        foreach (var r in action.OutcomeRewards) { exprs.Add(r.Guard); exprs.Add(r.Value); }
        return Product(BoundTree.Randoms(exprs)) * Math.Max(1, rule.Branches.Count);
    }

    /// <summary>A random variable's support size with the parameters in force (its truncation bounds), 1 when unknown.</summary>
    private static double SupportOf(MdpIr ir, RandomSymbol r)
    {
        foreach (var x in ir.Randoms)
        {
            if (x.Symbol != r) continue;
            try
            {
                var eval = new ConstantEvaluator();
                if (x.Distribution.Lo != null && x.Distribution.Hi != null)
                    return Math.Max(1, (double)(long)eval.Evaluate(x.Distribution.Hi) - (long)eval.Evaluate(x.Distribution.Lo) + 1);
            }
            catch (Exception e) when (e is EvaluationException or InvalidCastException)
            {
                // Not a constant: counted as one value.
            }
        }
        return 1;
    }

    /// <summary>Why <paramref name="ir"/> cannot be interpreted, or null when it can be tried.</summary>
    public static string? Unsupported(MdpIr ir)
    {
        if (ir.TransitionTables.Count > 0 || ir.RewardTable != null) return "explicit tables";
        if (ir.StateCount < 1 || ir.StateCount > int.MaxValue || ir.ActionCount < 1 || ir.ActionCount > MdpIr.MaxActions) return "its size";
        return null;
    }

    /// <summary>
    /// The model as an interpreted host, or null with the reason in <paramref name="declined"/>. The host of a model the
    /// validator finds errors in refuses to solve it with those errors, as the compiled model's solve does. Never throws
    /// for a model the compiler accepted: anything unexpected is a decline, and the compiled engine runs instead.
    /// </summary>
    public static InterpretedModel? TryBuild(MdpIr ir, out string? declined)
    {
        declined = Unsupported(ir);
        if (declined != null) return null;
        try
        {
            var model = new InterpretedMdp(new Interpreter(ir));
            var errors = MdpValidator.Validate(in model);
            if (errors.Count > 0 || model.IsTimeDependent) return new InterpretedModel(model, null, errors);
            return new InterpretedModel(model, SparseMdp.From(in model), errors);
        }
        catch (Exception ex) when (ex is EvaluationException or InterpretedDeclinedException or InvalidCastException or OverflowException or IndexOutOfRangeException or ArgumentException or KeyNotFoundException or NullReferenceException)
        {
            declined = ex.Message;
            return null;
        }
    }
}

/// <summary>
/// An interpreted model: the interpreter as an <see cref="IMdp"/>, the validator's findings on it (empty for a valid
/// model), and the sparse model the solvers run on (null when the model has errors or reads the step <c>t</c>).
/// </summary>
internal sealed record InterpretedModel(InterpretedMdp Model, SparseMdp? Sparse, IReadOnlyList<ModelError> Errors);

/// <summary>A model the interpreter will not evaluate: the compiled engine runs it instead.</summary>
internal sealed class InterpretedDeclinedException(string message) : Exception(message);
