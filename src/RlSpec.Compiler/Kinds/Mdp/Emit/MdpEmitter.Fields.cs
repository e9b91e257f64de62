using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Kinds.Mdp.Binding;
using RlSpec.Compiler.Kinds.Mdp.Ir;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Kinds.Mdp.Emit
{
    /// <summary>The struct's fields: parameters, lets, distributions, layout, tables and rule locations.</summary>
    internal sealed partial class MdpEmitter
    {
        private void PrepareFields()
        {
            foreach (var d in _ir.RewardDistributions) _fields.Distribution(d);
            foreach (var v in _ir.StateVariables)
            {
                var baseName = v.Name.Length > 0 ? char.ToLowerInvariant(v.Name[0]) + v.Name.Substring(1) : v.Name;
                _layout[v.Symbol] = (_fields.Internal(baseName + "Lo"), _fields.Internal(baseName + "Count"), _fields.Internal(baseName + "Stride"));
                if (v.Kind == StateVarKind.Enum) _enumNames[v.Symbol] = _fields.Internal(baseName + "Names");
            }
            _stateCount = _fields.Internal("stateCount");
            foreach (var a in _ir.Actions)
            {
                if (a.IsFamily || !_ir.AllActionsFixed)
                    _actionFields[a] = (_fields.Internal(a.Name + "First"), a.IsFamily ? _fields.Internal(a.Name + "Lo") : "");
                _actionMethods[a] = _members.Fresh(CSharpNames.Pascal(a.Name));
            }
            _actionCount = _fields.Internal("actionCount");
            _criterion = _fields.Internal("criterion");
            foreach (var t in _ir.TransitionTables) _tableFields[t.Action] = _fields.Internal(t.Action.Name + "Table");
            if (_ir.RewardTable != null) _rewardTable = _fields.Internal("rewardTable");
            _ruleLines = _fields.Internal("ruleLines");
            _ruleColumns = _fields.Internal("ruleColumns");
        }

        private void WriteFields()
        {
            if (_ir.Params.Count > 0)
            {
                _w.Line("// Parameters: the values this instance was created with.");
                foreach (var p in _ir.Params)
                    _w.Line($"private readonly {ExpressionEmitter.TypeOf(p.Type)} {_fields.Param(p)};");
                _w.Line();
            }
            if (_ir.ConstantLets.Count > 0)
            {
                _w.Line("// Constants derived from the parameters (lets).");
                foreach (var l in _ir.ConstantLets)
                    _w.Line($"private readonly {ExpressionEmitter.TypeOf(l.Value!.Type)} {_fields.Let(l)};");
                _w.Line();
            }
            if (_ir.Randoms.Count > 0 || _fields.Distributions.Any())
            {
                _w.Line("// Random variables and reward distributions, as finite distributions.");
                foreach (var r in _ir.Randoms) _w.Line($"private readonly FiniteDistribution {_fields.Random(r.Symbol)};");
                foreach (var d in _fields.Distributions) _w.Line($"private readonly FiniteDistribution {d.Value};");
                _w.Line();
            }
            _w.Line("// State space: " + string.Join(" x ", _ir.StateVariables.Select(VarText)) + " (mixed radix, last variable fastest).");
            foreach (var v in _ir.StateVariables)
            {
                var (lo, count, stride) = _layout[v.Symbol];
                _w.Line($"private readonly int {lo}, {count}, {stride};");
                if (_enumNames.TryGetValue(v.Symbol, out var names))
                    _w.Line($"private static readonly string[] {names} = {{ {string.Join(", ", v.EnumValues!.Select(CSharpNames.String))} }};");
            }
            _w.Line($"private readonly int {_stateCount};");
            _w.Line();
            _w.Line("// Actions, in declaration order; a family takes one index per member.");
            foreach (var a in _ir.Actions)
            {
                if (_actionFields.TryGetValue(a, out var f))
                    _w.Line(a.IsFamily ? $"private readonly int {f.First}, {f.Lo};" : $"private readonly int {f.First};");
            }
            _w.Line($"private readonly int {_actionCount};");
            _w.Line($"private readonly Criterion {_criterion};");
            foreach (var t in _tableFields) _w.Line($"private readonly double[] {t.Value}; // transition table of {t.Key.Name}, row-major |S| x |S|");
            if (_rewardTable.Length > 0) _w.Line($"private readonly double[] {_rewardTable}; // reward[s][a], row-major |S| x |A|");
            _w.Line();
            _w.Line("// Where each rule is in the source, by rule id (for validation messages).");
            var spans = _ir.RuleLocations;
            _w.Line($"private static readonly int[] {_ruleLines} = {{ {string.Join(", ", spans.Select(s => CSharpNames.Int(s.Line)))} }};");
            _w.Line($"private static readonly int[] {_ruleColumns} = {{ {string.Join(", ", spans.Select(s => CSharpNames.Int(s.Column)))} }};");
            _w.Line();
        }
    }
}
