using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Kinds.Bandit.Binding;
using RlSpec.Compiler.Kinds.Bandit.Ir;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Semantics.Builtins;

namespace RlSpec.Compiler.Kinds.Bandit.Lowering
{
    /// <summary>
    /// The bandit kind's lower stage: from a <see cref="BoundBandit"/> to the <see cref="BanditIr"/>. Counts
    /// the arms and checks every arm's parameters with the parameters in force (reporting the arm's index),
    /// checks feature vectors known at compile time for one length, folds what an adversary's reward can be
    /// to keep it in [0, 1], and quotes the source of each arm group and reward once.
    /// </summary>
    internal sealed class BanditLowering : KindLowering
    {
        /// <summary>
        /// The most arms a bandit may have: every arm costs a few arrays' entries, and an experiment's
        /// per-arm statistics scale with it. A million arms is far beyond the literature's experiments.
        /// </summary>
        public const long MaxArms = 1_000_000;

        private readonly BoundBandit _m;
        private readonly SourceText _source;

        private BanditLowering(BoundBandit model, Binder binder)
            : base(binder, model.Declaration.Evaluator)
        {
            _m = model;
            _source = model.Declaration.Source;
        }

        public static BanditIr? Lower(BoundBandit model, Binder binder, CancellationToken cancellationToken) =>
            new BanditLowering(model, binder).Run(cancellationToken);

        private BanditIr? Run(CancellationToken ct)
        {
            var d = _m.Declaration;
            var ir = new BanditIr(d.Name, CSharpNames.TypeName(d.Name, Emit.BanditEmitter.MemberNames), d.Node.Span.Path, _m.Setting);
            ir.Params.AddRange(d.Params);
            ir.Lets.AddRange(d.ConstantLets);
            ir.Lets.AddRange(d.InstanceLets);
            switch (_m.Setting)
            {
                case BanditSetting.Stochastic: LowerStochastic(ir); break;
                case BanditSetting.Linear: LowerLinear(ir); break;
                default: LowerAdversarial(ir); break;
            }
            ct.ThrowIfCancellationRequested();
            return _failed ? null : ir;
        }

        // ---- Stochastic ------------------------------------------------------------------------

        private void LowerStochastic(BanditIr ir)
        {
            long total = 0;
            var means = new List<double>();
            bool meansKnown = true;
            foreach (var g in _m.ArmGroups)
            {
                ir.ArmGroups.Add(new IrArmGroup(g.Distribution, g.Arguments.Select(ConstantFolder.Fold).ToList(), g.Index, g.Lo, g.Hi, _source.Quote(g.Span)));
                if (!ir.Distributions.Contains(g.Distribution)) ir.Distributions.Add(g.Distribution);
                long count = 1, first = 0;
                if (g.Index != null)
                {
                    if (!TryEval(g.Lo!, out var lo) || !TryEval(g.Hi!, out var hi)) return;
                    first = (long)lo;
                    count = Math.Max(0, (long)hi - (long)lo + 1);
                }
                if (total + count > MaxArms)
                {
                    var (at, note) = _b.Blame(g.Span, g.Lo, g.Hi);
                    Error(DiagnosticIds.TooManyArms, $"the bandit has more than {MaxArms:N0} arms{note}; use fewer arms", at);
                    return;
                }
                if (!CheckArms(g, first, count, total, means)) meansKnown = false;
                if (_failed) return;
                total += count;
            }
            if (total < 1)
            {
                var (at, note) = _b.Blame(_m.ArmsSpan, _m.ArmGroups.SelectMany(g => new[] { g.Lo, g.Hi }).ToArray());
                Error(DiagnosticIds.NoArms, $"the bandit has no arms (every range in `arms` is empty){note}; a bandit needs at least one arm", at);
                return;
            }
            ir.SingleDistribution = ir.Distributions.Count == 1 ? ir.Distributions[0] : null;
            ir.ArmCount = total;
            if (meansKnown) ir.Means = means;
        }

        /// <summary>
        /// Checks each arm's parameters when they are constants (with the group's index running over its
        /// range) and adds the arms' means; false when some parameter is known only when the model is created.
        /// </summary>
        private bool CheckArms(BoundArmGroup g, long first, long count, long firstArm, List<double> means)
        {
            if (count == 0) return true;
            var values = new List<double[]>();
            foreach (var arg in g.Arguments)
            {
                if ((arg.Deps & ~(Dep.Param | Dep.Local)) != 0) return false;
                if (g.Index is null)
                {
                    if (!TryEval(arg, out var v)) return false;
                    values.Add(new[] { ConstantEvaluator.ToReal(v) });
                }
                else
                {
                    // The argument over the group's range: a comprehension the evaluator runs.
                    var list = new BoundLoop(false, g.Index, g.Lo!, g.Hi!, arg, RType.ListOf(arg.Type), arg.Span);
                    if (!TryEval(list, out var v)) return false;
                    values.Add(((object[])v).Select(ConstantEvaluator.ToReal).ToArray());
                }
            }
            for (int k = 0; k < count; k++)
            {
                var parameters = values.Select(v => v[k]).ToArray();
                var problem = g.Distribution.Check(parameters);
                if (problem != null)
                {
                    var arm = firstArm + k;
                    var where = g.Index is null ? $"arm {arm}" : $"arm {arm} ({g.Index.Name} = {first + k})";
                    var span = problem.Argument is { } p ? g.Arguments[p].Span : g.Span;
                    var (at, note) = _b.Blame(span, g.Arguments.ToArray());
                    Error(DiagnosticIds.ArmParameterOutOfRange, $"{where}: {problem.Message}{note}", at);
                    return false;
                }
                means.Add(g.Distribution.Mean(parameters));
            }
            return true;
        }

        // ---- Linear ----------------------------------------------------------------------------

        private void LowerLinear(BanditIr ir)
        {
            long? total = 0;
            int? dimension = null;
            foreach (var f in _m.Features)
            {
                ir.Features.Add(new IrFeatures(f.Value, f.IsList, _source.Quote(f.Span)));
                var lengths = KnownLengths(f);
                if (_failed) return;
                if (lengths is null) { total = null; continue; }
                foreach (var (length, at) in lengths)
                {
                    if (length < 0) continue;
                    if (dimension is null) dimension = length;
                    else if (length != dimension)
                    {
                        Error(DiagnosticIds.VectorLengthMismatch,
                            $"arm {total + lengths.IndexOf((length, at))} has {length} features but the arms before it have {dimension}; every arm's feature vector needs the same length", at);
                        return;
                    }
                }
                total += lengths.Count;
            }
            if (total is { } known)
            {
                if (known < 1) { Error(DiagnosticIds.NoArms, "the bandit has no arms; a bandit needs at least one arm", _m.ArmsSpan); return; }
                if (known > MaxArms) { Error(DiagnosticIds.TooManyArms, $"the bandit has more than {MaxArms:N0} arms; use fewer arms", _m.ArmsSpan); return; }
            }
            if (dimension == 0) { Error(DiagnosticIds.VectorLengthMismatch, "the feature vectors are empty; a linear bandit's arms need at least one feature", _m.ArmsSpan); return; }
            ir.ArmCount = total;
            var r = _m.LinearReward;
            if (r is null) return;
            if (!TryEval(r.NoiseSigma, out var sigmaValue)) return;
            var sigma = ConstantEvaluator.ToReal(sigmaValue);
            if (!(sigma >= 0) || double.IsInfinity(sigma))
            {
                var (at, note) = _b.Blame(r.NoiseSigma.Span, r.NoiseSigma);
                Error(DiagnosticIds.ArmParameterOutOfRange, $"the noise standard deviation is {CSharpNames.Real(sigma)}{note} but must be finite and not negative", at);
                return;
            }
            ir.LinearReward = new IrLinearReward(r.Features, ConstantFolder.Fold(r.Mean), r.NoiseSigma, _source.Quote(r.Span));
        }

        /// <summary>
        /// The lengths of the vectors an <c>arms</c> argument gives, with where each is written (-1 when a
        /// length is known only at Create); null when even their number is known only at Create.
        /// </summary>
        private List<(int Length, SourceSpan At)>? KnownLengths(BoundFeatures f)
        {
            if (!f.IsList) return new List<(int, SourceSpan)> { (LengthOf(f.Value), f.Value.Span) };
            switch (f.Value)
            {
                case BoundList list:
                    return list.Elements.Select(e => (LengthOf(e), e.Span)).ToList();
                case BoundLoop loop when ConstantEvaluator.IsConstant(loop.Lo) && ConstantEvaluator.IsConstant(loop.Hi):
                {
                    if (!TryEval(loop.Lo, out var lo) || !TryEval(loop.Hi, out var hi)) return null;
                    long count = Math.Max(0, (long)hi - (long)lo + 1);
                    if (count > MaxArms)
                    {
                        var (at, note) = _b.Blame(loop.Span, loop.Lo, loop.Hi);
                        Error(DiagnosticIds.TooManyArms, $"the bandit has {count:N0} arms{note}, more than {MaxArms:N0}; use fewer arms", at);
                        return null;
                    }
                    if (ConstantEvaluator.IsConstant(loop)) return Evaluated(loop);
                    return Enumerable.Repeat((-1, loop.Body.Span), (int)count).ToList();
                }
                default:
                    return ConstantEvaluator.IsConstant(f.Value) ? Evaluated(f.Value) : null;
            }
        }

        private List<(int, SourceSpan)>? Evaluated(BoundExpr e)
        {
            if (!TryEval(e, out var v)) return null;
            return ((object[])v).Select(x => (((object[])x).Length, e.Span)).ToList();
        }

        /// <summary>A vector's length when known at compile time, else -1.</summary>
        private int LengthOf(BoundExpr e)
        {
            if (e is BoundList list) return list.Elements.Count;
            if (ConstantEvaluator.IsConstant(e) && TryEval(e, out var v)) return ((object[])v).Length;
            return -1;
        }

        // ---- Adversarial -----------------------------------------------------------------------

        private void LowerAdversarial(BanditIr ir)
        {
            var countExpr = _m.ArmCount!;
            if (!TryEval(countExpr, out var countValue)) return;
            long count = (long)countValue;
            var (at, note) = _b.Blame(countExpr.Span, countExpr);
            if (count < 1) { Error(DiagnosticIds.NoArms, $"the bandit has {count} arms{note}; a bandit needs at least one arm", at); return; }
            if (count > MaxArms) { Error(DiagnosticIds.TooManyArms, $"the bandit has {count:N0} arms{note}, more than {MaxArms:N0}; use fewer arms", at); return; }
            ir.ArmCount = count;
            ir.ArmCountExpression = countExpr;
            ir.ArmCountText = _source.Quote(countExpr.Span);
            var r = _m.AdversarialReward!;
            bool needsCheck = false, loops = false;
            var body = FoldTerm(r.Body, ref needsCheck, ref loops);
            if (body is null) return;
            ir.Adversary = new IrAdversary(r.Step, r.Arm, body, _source.Quote(r.Span), needsCheck, loops);
        }

        /// <summary>
        /// Folds constants in an adversary's reward and checks that what it returns lies in [0, 1]: constant
        /// values and draws are checked here; any other value is marked for a check in the emitted code.
        /// </summary>
        private AdversaryTerm? FoldTerm(AdversaryTerm term, ref bool needsCheck, ref bool loops)
        {
            switch (term)
            {
                case AdversaryChoice c:
                {
                    loops |= HasLoop(c.Condition);
                    var then = FoldTerm(c.Then, ref needsCheck, ref loops);
                    var otherwise = FoldTerm(c.Else, ref needsCheck, ref loops);
                    return then is null || otherwise is null ? null : new AdversaryChoice(ConstantFolder.Fold(c.Condition), then, otherwise, c.Span);
                }
                case AdversaryDraw d:
                {
                    foreach (var a in d.Arguments) loops |= HasLoop(a);
                    double[]? values = null;
                    if (d.Arguments.All(ConstantEvaluator.IsConstant))
                    {
                        values = new double[d.Arguments.Count];
                        for (int k = 0; k < values.Length; k++)
                        {
                            if (!TryEval(d.Arguments[k], out var v)) return null;
                            values[k] = ConstantEvaluator.ToReal(v);
                        }
                        var problem = d.Distribution.Check(values);
                        if (problem != null)
                        {
                            Error(DiagnosticIds.ArmParameterOutOfRange, problem.Message, problem.Argument is { } p ? d.Arguments[p].Span : d.Span);
                            return null;
                        }
                    }
                    // The range with these parameters; with parameters known only at Create, NaN where it depends on them.
                    var (low, high) = d.Distribution.Range(values ?? Enumerable.Repeat(double.NaN, d.Arguments.Count).ToArray());
                    if (double.IsInfinity(low) || double.IsInfinity(high) || low < 0 || high > 1)
                    {
                        Error(DiagnosticIds.AdversarialRewardOutOfRange,
                            $"{d.Distribution.Name}(...) draws values in [{ShowBound(low)}, {ShowBound(high)}], but an adversary's rewards must lie in [0, 1]; draw with bernoulli(p), beta(a, b) or uniform(lo, hi) with 0 <= lo <= hi <= 1",
                            d.Span);
                        return null;
                    }
                    if (double.IsNaN(low) || double.IsNaN(high)) needsCheck = true;
                    return new AdversaryDraw(d.Distribution, d.Arguments.Select(ConstantFolder.Fold).ToList(), d.Span);
                }
                case AdversaryValue v:
                {
                    loops |= HasLoop(v.Value);
                    if (ConstantEvaluator.IsConstant(v.Value))
                    {
                        if (!TryEval(v.Value, out var x)) return null;
                        var reward = ConstantEvaluator.ToReal(x);
                        if (!(reward >= 0 && reward <= 1))
                        {
                            var (at, note) = _b.Blame(v.Span, v.Value);
                            Error(DiagnosticIds.AdversarialRewardOutOfRange, $"this reward is {CSharpNames.Real(reward)}{note}, but an adversary's rewards must lie in [0, 1]", at);
                            return null;
                        }
                    }
                    else needsCheck = true;
                    return new AdversaryValue(ConstantFolder.Fold(v.Value), v.Span);
                }
                default:
                    throw new InvalidOperationException("unknown adversary term");
            }
        }

        private static string ShowBound(double v) =>
            double.IsNegativeInfinity(v) ? "-infinity" : double.IsPositiveInfinity(v) ? "infinity" : double.IsNaN(v) ? "?" : v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

        private static bool HasLoop(BoundExpr e) => BoundTree.Descendants(e).Any(n => n is BoundLoop);
    }
}
