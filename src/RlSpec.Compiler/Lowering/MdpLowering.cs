using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Lowering
{
    /// <summary>
    /// Stage 3: lays the model out (state space, actions), groups rules and rewards by action, and makes
    /// every check that needs numbers with the parameters in force: empty ranges, the size of the
    /// state space, distribution parameters, constant probabilities, constant successors, tables.
    /// Checks that need every state (state-dependent probabilities, successors) are made by the
    /// runtime validator before a solve.
    /// </summary>
    public static class MdpLowering
    {
        /// <summary>Index type limit: states are C# ints.</summary>
        public const long MaxStates = int.MaxValue;

        public static LoweredMdp? Lower(BoundModel model, DiagnosticBag diagnostics, CancellationToken cancellationToken = default)
        {
            var lowering = new Lowerer(model, diagnostics);
            return lowering.Run(cancellationToken);
        }

        private sealed class Lowerer
        {
            private readonly BoundModel _model;
            private readonly DiagnosticBag _diagnostics;
            private readonly ConstantEvaluator _eval;
            private bool _failed;

            public Lowerer(BoundModel model, DiagnosticBag diagnostics)
            {
                _model = model;
                _diagnostics = diagnostics;
                _eval = model.Evaluator;
            }

            private void Error(string id, string message, SourceSpan span)
            {
                _diagnostics.Add(new Diagnostic(id, Severity.Error, message, span));
                _failed = true;
            }

            private bool TryEval(BoundExpr e, out object value)
            {
                try
                {
                    value = _eval.Evaluate(e);
                    return true;
                }
                catch (EvaluationException ex)
                {
                    Error(ex.Id, ex.Message, ex.Span);
                    value = 0L;
                    return false;
                }
            }

            public LoweredMdp? Run(CancellationToken ct)
            {
                var lowered = new LoweredMdp(_model, CSharpNames.TypeName(_model.Name));
                CheckStateSpace(lowered);
                CheckRandoms();
                LayOutActions(lowered);
                ct.ThrowIfCancellationRequested();
                foreach (var rule in _model.Rules) CheckBranches(rule.Branches, rule.Span, "this rule's");
                if (_model.Default != null) CheckBranches(_model.Default.Branches, _model.Default.Span, "this rule's");
                CheckInit();
                CheckTables(lowered);
                CheckRewards();
                foreach (var r in _model.Rules) lowered.RuleSpans.Add(r.Span);
                if (_model.Default != null) lowered.RuleSpans.Add(_model.Default.Span);
                if (!_failed) lowered.Overflow = IntervalAnalysis.Prove(_model);
                return _failed ? null : lowered;
            }

            private void CheckStateSpace(LoweredMdp lowered)
            {
                double size = 1;
                var factors = new List<string>();
                foreach (var v in _model.StateVars)
                {
                    if (!TryEval(v.Lo!, out var loValue) || !TryEval(v.Hi!, out var hiValue)) return;
                    long lo = (long)loValue, hi = (long)hiValue;
                    if (hi < lo)
                    {
                        Error(DiagnosticIds.EmptyRange, $"the range of '{v.Name}' is {lo}..{hi}, which is empty; the upper bound must be at least the lower bound", v.Span);
                        return;
                    }
                    if (lo < int.MinValue || hi > int.MaxValue)
                    {
                        Error(DiagnosticIds.StateSpaceTooLarge, $"the range of '{v.Name}' is {lo}..{hi}, beyond the 32-bit integers that state variables hold", v.Span);
                        return;
                    }
                    size *= hi - lo + 1;
                    factors.Add($"{v.Name}: {(hi - lo + 1).ToString("N0", CultureInfo.InvariantCulture)}");
                }
                if (size > MaxStates)
                {
                    Error(DiagnosticIds.StateSpaceTooLarge,
                        $"the state space has {size.ToString(size < 1e15 ? "N0" : "E3", CultureInfo.InvariantCulture)} states ({string.Join(" x ", factors)}), " +
                        $"more than the {MaxStates.ToString("N0", CultureInfo.InvariantCulture)} that can be enumerated; make the ranges smaller (or override the parameters with -p)",
                        _model.Node.NameSpan);
                    return;
                }
                lowered.StateCount = (long)size;
            }

            private void CheckRandoms()
            {
                foreach (var r in _model.Randoms)
                {
                    if (r.Distribution is null) continue;
                    CheckDistribution(r.Distribution, r.Name);
                }
            }

            /// <summary>Checks constant distribution parameters and the support size.</summary>
            private void CheckDistribution(BoundDistribution d, string? variable)
            {
                if (!ConstantEvaluator.IsConstant(d)) return;
                var args = new List<object>();
                foreach (var a in d.Arguments)
                {
                    if (!TryEval(a, out var v)) return;
                    args.Add(v);
                }
                string? problem = null;
                SourceSpan where = d.Span;
                double P(int k) => ConstantEvaluator.ToReal(args[k]);
                switch (d.Family)
                {
                    case "bernoulli":
                    case "geometric":
                        if (!(P(0) >= 0 && P(0) <= 1) || (d.Family == "geometric" && P(0) == 0)) { problem = $"the probability p of {d.Family} is {P(0).ToString("R", CultureInfo.InvariantCulture)} but must be in {(d.Family == "geometric" ? "(0, 1]" : "[0, 1]")}"; where = d.Arguments[0].Span; }
                        break;
                    case "binomial":
                        if ((long)args[0] < 0) { problem = $"the number of trials n of binomial is {(long)args[0]} but must be at least 0"; where = d.Arguments[0].Span; }
                        else if (!(P(1) >= 0 && P(1) <= 1)) { problem = $"the probability p of binomial is {P(1).ToString("R", CultureInfo.InvariantCulture)} but must be in [0, 1]"; where = d.Arguments[1].Span; }
                        break;
                    case "poisson":
                        if (!(P(0) >= 0) || P(0) > 1e6) { problem = $"the rate of poisson is {P(0).ToString("R", CultureInfo.InvariantCulture)} but must be between 0 and 1e6"; where = d.Arguments[0].Span; }
                        break;
                    case "uniform":
                        if ((long)args[1] < (long)args[0]) { problem = $"uniform({args[0]}, {args[1]}) is empty; the upper bound must be at least the lower bound"; }
                        else if ((long)args[1] - (long)args[0] >= 10_000_000) { problem = "uniform(...) has more than 10,000,000 values"; }
                        break;
                    case "categorical":
                    {
                        var ps = ((object[])args[0]).Select(ConstantEvaluator.ToReal).ToList();
                        if (ps.Count == 0) problem = "categorical(...) needs at least one probability";
                        else if (ps.Any(p => p < 0 || double.IsNaN(p))) problem = "categorical(...) has a negative probability";
                        else if (Math.Abs(ps.Sum() - 1) > 1e-9) problem = $"the probabilities of categorical(...) sum to {ps.Sum().ToString("R", CultureInfo.InvariantCulture)}, not 1";
                        where = d.Arguments[0].Span;
                        break;
                    }
                    case "normal":
                        if (!(P(1) >= 0)) { problem = $"the standard deviation of normal is {P(1).ToString("R", CultureInfo.InvariantCulture)} but must not be negative"; where = d.Arguments[1].Span; }
                        break;
                }
                if (problem != null)
                {
                    Error(DiagnosticIds.InvalidDistributionParameter, problem, where);
                    return;
                }
                if (d.IsTruncated)
                {
                    if (!TryEval(d.Lo!, out var loValue) || !TryEval(d.Hi!, out var hiValue)) return;
                    long lo = (long)loValue, hi = (long)hiValue;
                    if (hi < lo)
                    {
                        Error(DiagnosticIds.EmptySupport, $"the range {lo}..{hi} is empty; the upper bound must be at least the lower bound", d.Lo!.Span.To(d.Hi!.Span));
                        return;
                    }
                    if (hi - lo >= 10_000_000)
                    {
                        Error(DiagnosticIds.SupportTooLarge, $"the range {lo}..{hi} has more than 10,000,000 values; random variables are enumerated, so keep their support small", d.Span);
                        return;
                    }
                    var (natLo, natHi) = NaturalSupport(d.Family, args);
                    if (!d.Clamp && (hi < natLo || lo > natHi))
                    {
                        Error(DiagnosticIds.EmptySupport,
                            $"{d.Family}(...) puts no probability on {lo}..{hi} (its support is {natLo}..{(natHi == long.MaxValue ? "infinity" : natHi.ToString(CultureInfo.InvariantCulture))}), so truncating to it leaves nothing",
                            d.Span);
                    }
                }
                else if (d.Family == "binomial" && (long)args[0] >= 10_000_000)
                {
                    Error(DiagnosticIds.SupportTooLarge, "binomial(n, p) with n of 10,000,000 or more has too many values to enumerate", d.Span);
                }
            }

            private static (long Lo, long Hi) NaturalSupport(string family, List<object> args) => family switch
            {
                "bernoulli" => (0, 1),
                "binomial" => (0, (long)args[0]),
                "uniform" => ((long)args[0], (long)args[1]),
                "categorical" => (0, ((object[])args[0]).Length - 1),
                _ => (0, long.MaxValue),
            };

            private void LayOutActions(LoweredMdp lowered)
            {
                long total = 0;
                foreach (var a in _model.Actions)
                {
                    var la = new LoweredAction(a) { Count = 1 };
                    if (a.IsFamily)
                    {
                        if (!TryEval(a.Lo!, out var loValue) || !TryEval(a.Hi!, out var hiValue)) continue;
                        long lo = (long)loValue, hi = (long)hiValue;
                        if (hi < lo)
                        {
                            Error(DiagnosticIds.EmptyRange, $"the action family '{a.Name}' ranges over {lo}..{hi}, which is empty", a.Span);
                            continue;
                        }
                        la.Count = hi - lo + 1;
                    }
                    la.Rules.AddRange(_model.Rules.Where(r => r.Action == a));
                    la.Table = _model.TransitionTables.FirstOrDefault(t => t.Action == a);
                    la.Rewards.AddRange(_model.Rewards.Where(r => r.Action is null || r.Action == a));
                    if (la.Rules.Count == 0 && la.Table is null && _model.Default is null)
                    {
                        Error(DiagnosticIds.ActionWithoutRule,
                            $"action '{a.Name}' has no transition rule; add one such as `{a.Name}{(a.IsFamily ? $"({a.Index!.Name})" : "")}: {_model.StateVars.FirstOrDefault()?.Name ?? "s"}' = ...`, or declare `default: stay`",
                            a.Span);
                    }
                    total += la.Count;
                    lowered.Actions.Add(la);
                }
                if (total > 1_000_000)
                    Error(DiagnosticIds.StateSpaceTooLarge, $"the model has {total.ToString("N0", CultureInfo.InvariantCulture)} actions; at most 1,000,000 are supported", _model.Node.NameSpan);
                lowered.ActionCount = total;
            }

            /// <summary>Checks what can be checked without a state: constant probabilities and constant successors.</summary>
            private void CheckBranches(IReadOnlyList<BoundBranch> branches, SourceSpan span, string whose)
            {
                double sum = 0;
                bool allConstant = true;
                foreach (var b in branches)
                {
                    foreach (var a in b.Assignments) CheckConstantValue(a);
                    if (b.Probability is null) { sum += 1; continue; }
                    if (!ConstantEvaluator.IsConstant(b.Probability)) { allConstant = false; continue; }
                    if (!TryEval(b.Probability, out var pv)) return;
                    var p = ConstantEvaluator.ToReal(pv);
                    if (p < 0 || double.IsNaN(p))
                    {
                        Error(DiagnosticIds.NegativeProbability, $"probability {p.ToString("R", CultureInfo.InvariantCulture)} is negative; probabilities must be in [0, 1]", b.Probability.Span);
                        return;
                    }
                    sum += p;
                }
                if (allConstant && Math.Abs(sum - 1) > 1e-9)
                {
                    Error(DiagnosticIds.ProbabilitiesDoNotSumToOne,
                        $"{whose} probabilities sum to {sum.ToString("G12", CultureInfo.InvariantCulture)}, not 1; adjust them (the difference is {(1 - sum).ToString("G6", CultureInfo.InvariantCulture)})",
                        span);
                }
            }

            private void CheckConstantValue(BoundAssignment a)
            {
                if (!ConstantEvaluator.IsConstant(a.Value) || a.Value.HasError) return;
                if (!TryEval(a.Value, out var value) || !TryEval(a.Variable.Lo!, out var lo) || !TryEval(a.Variable.Hi!, out var hi)) return;
                if (value is long v && (v < (long)lo || v > (long)hi))
                {
                    Error(DiagnosticIds.ValueOutOfDomain,
                        $"{a.Variable.Name}{(a.Span.Length > 0 && IsSuccessor(a) ? "'" : "")} = {v} is outside the range of '{a.Variable.Name}', {(long)lo}..{(long)hi}", a.Value.Span);
                }
            }

            private bool IsSuccessor(BoundAssignment a) => !_model.Init.Any(b => b.Assignments.Contains(a));

            private void CheckInit()
            {
                if (_model.Init.Count == 0) return;
                CheckBranches(_model.Init, _model.InitSpan!.Value, "the initial");
            }

            private void CheckTables(LoweredMdp lowered)
            {
                long n = lowered.StateCount;
                if (_model.TransitionTables.Count > 0 || _model.RewardTable != null)
                {
                    if (n > 10_000)
                    {
                        var span = _model.TransitionTables.Count > 0 ? _model.TransitionTables[0].Span : _model.RewardTableSpan;
                        Error(DiagnosticIds.TableShape, $"explicit tables are for small models, and this one has {n:N0} states; describe the transitions with rules instead", span);
                        return;
                    }
                }
                foreach (var t in _model.TransitionTables)
                {
                    if (t.Table.HasError || !TryEval(t.Table, out var value)) continue;
                    var rows = (object[])value;
                    if (rows.Length != n)
                    {
                        Error(DiagnosticIds.TableShape, $"the transition table of '{t.Action.Name}' has {rows.Length} rows but the model has {n} states; give one row per state", t.Table.Span);
                        continue;
                    }
                    for (int i = 0; i < rows.Length; i++)
                    {
                        var row = ((object[])rows[i]).Select(ConstantEvaluator.ToReal).ToList();
                        var rowSpan = t.Table is BoundList bl && i < bl.Elements.Count ? bl.Elements[i].Span : t.Table.Span;
                        if (row.Count != n)
                        {
                            Error(DiagnosticIds.TableShape, $"row {i} of the transition table of '{t.Action.Name}' has {row.Count} entries but the model has {n} states", rowSpan);
                            break;
                        }
                        if (row.Any(p => p < 0 || double.IsNaN(p)))
                        {
                            Error(DiagnosticIds.NegativeProbability, $"row {i} of the transition table of '{t.Action.Name}' has a negative probability", rowSpan);
                            break;
                        }
                        if (Math.Abs(row.Sum() - 1) > 1e-9)
                        {
                            Error(DiagnosticIds.TableRowSum, $"row {i} of the transition table of '{t.Action.Name}' sums to {row.Sum().ToString("G12", CultureInfo.InvariantCulture)}, not 1", rowSpan);
                            break;
                        }
                    }
                }
                if (_model.RewardTable is { HasError: false } rt && TryEval(rt, out var rv))
                {
                    var rows = (object[])rv;
                    long a = lowered.ActionCount;
                    if (rows.Length != n || rows.Any(r => ((object[])r).Length != a))
                        Error(DiagnosticIds.TableShape, $"the reward table must have {n} rows (states) of {a} entries (actions), reward[s][a]", rt.Span);
                }
            }

            private void CheckRewards()
            {
                foreach (var r in _model.Rewards)
                {
                    if (r.Value is BoundDistribution d)
                    {
                        CheckDistribution(d, null);
                        if (d.IsTruncated && !ConstantEvaluator.IsConstant(d))
                            Error(DiagnosticIds.NotConstant, "a truncated reward distribution must have constant parameters; use an untruncated one or a constant", d.Span);
                    }
                }
            }
        }
    }
}
