using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Kinds.Mdp.Binding;
using RlSpec.Compiler.Kinds.Mdp.Ir;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Kinds.Mdp.Lowering
{
    /// <summary>
    /// The checks lowering makes with the parameters in force: empty ranges, the size of the state
    /// space, distribution parameters, constant probabilities, constant successors, tables. Checks that
    /// need every state are made by the runtime validator before a solve.
    /// </summary>
    internal sealed partial class MdpLowering
    {
        private void CheckStateSpace(MdpIr ir)
        {
            double size = 1;
            var factors = new List<string>();
            foreach (var v in _m.StateVars)
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
                    _b.Node.NameSpan);
                return;
            }
            ir.StateCount = (long)size;
        }

        private void CheckRandoms()
        {
            foreach (var r in _m.Declaration.Randoms)
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
            var problem = d.Family.Check(args.ToArray());
            if (problem != null)
            {
                Error(DiagnosticIds.InvalidDistributionParameter, problem.Message, problem.Argument is { } k ? d.Arguments[k].Span : d.Span);
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
                var (natLo, natHi) = d.Family.NaturalSupport(args.ToArray());
                if (!d.Clamp && (hi < natLo || lo > natHi))
                {
                    Error(DiagnosticIds.EmptySupport,
                        $"{d.Family.Name}(...) puts no probability on {lo}..{hi} (its support is {natLo}..{(natHi == long.MaxValue ? "infinity" : natHi.ToString(CultureInfo.InvariantCulture))}), so truncating to it leaves nothing",
                        d.Span);
                }
            }
            else if (d.Family.IsDiscrete && !d.Family.IsUnbounded)
            {
                // A bounded family is enumerated over its natural support (binomial(n, p): n + 1 values).
                var (natLo, natHi) = d.Family.NaturalSupport(args.ToArray());
                if (natHi - natLo >= 10_000_000)
                    Error(DiagnosticIds.SupportTooLarge,
                        $"{d.Family.Name}(...) has {(natHi - natLo + 1).ToString("N0", CultureInfo.InvariantCulture)} values, more than the 10,000,000 that can be enumerated", d.Span);
            }
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

        private bool IsSuccessor(BoundAssignment a) => !_m.Init.Any(b => b.Assignments.Contains(a));

        private void CheckInit()
        {
            if (_m.Init.Count == 0) return;
            CheckBranches(_m.Init, _m.InitSpan!.Value, "the initial");
        }

        private void CheckTables(MdpIr ir)
        {
            long n = ir.StateCount;
            if (_m.TransitionTables.Count > 0 || _m.RewardTable != null)
            {
                if (n > 10_000)
                {
                    var span = _m.TransitionTables.Count > 0 ? _m.TransitionTables[0].Span : _m.RewardTableSpan;
                    Error(DiagnosticIds.TableShape, $"explicit tables are for small models, and this one has {n:N0} states; describe the transitions with rules instead", span);
                    return;
                }
            }
            foreach (var t in _m.TransitionTables)
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
            if (_m.RewardTable is { HasError: false } rt && TryEval(rt, out var rv))
            {
                var rows = (object[])rv;
                long a = ir.ActionCount;
                if (rows.Length != n || rows.Any(r => ((object[])r).Length != a))
                    Error(DiagnosticIds.TableShape, $"the reward table must have {n} rows (states) of {a} entries (actions), reward[s][a]", rt.Span);
            }
        }

        private void CheckRewards()
        {
            foreach (var r in _m.Rewards)
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
