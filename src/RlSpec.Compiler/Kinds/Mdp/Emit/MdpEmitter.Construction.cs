using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Kinds.Mdp.Binding;
using RlSpec.Compiler.Kinds.Mdp.Ir;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Kinds.Mdp.Emit
{
    /// <summary>The constructor (layout, criterion, tables computed from the parameters), Create, and the model's properties.</summary>
    internal sealed partial class MdpEmitter
    {
        private IEnumerable<(ParamSymbol Param, string Arg)> ParamArgs() =>
            _ir.Params.Select(p => (p, CSharpNames.Identifier(p.Name)));

        private void WriteConstructor()
        {
            var args = string.Join(", ", ParamArgs().Select(x => $"{ExpressionEmitter.TypeOf(x.Param.Type)} {x.Arg}"));
            if (_ir.Params.Count == 0)
            {
                // A struct cannot have a private parameterless constructor; the flag only selects this one.
                args = "bool create";
            }
            _w.Open($"private {_ir.TypeName}({args})");
            var scope = new EmitScope(new NameTable(ParamArgs().Select(x => x.Arg.TrimStart('@')).Append("create")));
            var ex = new ExpressionEmitter(_fields, scope, _w, _ir.Overflow);
            foreach (var (p, arg) in ParamArgs()) _w.Line($"{_fields.Param(p)} = {arg};");
            WriteOverflowEnvelope();
            if (_ir.ConstantLets.Count > 0)
            {
                _w.Line();
                _w.Line("// Lets.");
                foreach (var l in _ir.ConstantLets)
                    _w.Line($"{_fields.Let(l)} = {ex.Emit(l.Value!)};");
            }
            if (_ir.Randoms.Count > 0 || _fields.Distributions.Any())
            {
                _w.Line();
                _w.Line("// Distributions.");
                foreach (var r in _ir.Randoms)
                    _w.Line($"{_fields.Random(r.Symbol)} = {ex.CreateDistribution(r.Distribution)};");
                foreach (var d in _fields.Distributions)
                    _w.Line($"{d.Value} = {ex.CreateDistribution(d.Key)};");
            }
            _w.Line();
            _w.Line("// State space layout.");
            var vars = _ir.StateVariables;
            foreach (var v in vars)
            {
                var (lo, count, _) = _layout[v.Symbol];
                var loCode = ex.Emit(v.Lo);
                var hiCode = ex.Emit(v.Hi);
                _w.Line($"{lo} = {loCode};");
                // The size in 64 bits: hi - lo + 1 wraps in 32 (0..2147483647 has 2^31 values).
                var values = scope.Names.Fresh("values");
                _w.Line($"long {values} = (long)({hiCode}) - {lo} + 1;");
                _w.Line($"if ({values} < 1) throw new {GlobalNames.ArgumentOutOfRangeException}({CSharpNames.String(v.Name)}, $\"{DiagnosticIds.EmptyRange}: the range of {v.Name} is {{{lo}}}..{{{hiCode}}}, which is empty\");");
                _w.Line($"if ({values} > int.MaxValue) throw new {GlobalNames.ArgumentOutOfRangeException}({CSharpNames.String(v.Name)}, $\"{DiagnosticIds.StateSpaceTooLarge}: the range of {v.Name} is {{{lo}}}..{{{hiCode}}}, {{{values}}} values, more than the 2147483647 states that can be enumerated; make it smaller\");");
                _w.Line($"{count} = (int){values};");
            }
            var size = scope.Names.Fresh("size");
            _w.Line($"long {size} = 1;");
            for (int k = vars.Count - 1; k >= 0; k--)
            {
                var (_, count, stride) = _layout[vars[k].Symbol];
                _w.Line($"{stride} = (int){size};");
                _w.Line($"{size} *= {count};");
                _w.Line($"if ({size} > int.MaxValue) throw new {GlobalNames.ArgumentOutOfRangeException}(\"states\", {size}, \"{DiagnosticIds.StateSpaceTooLarge}: the state space has more than 2147483647 states; make the ranges smaller\");");
            }
            _w.Line($"{_stateCount} = (int){size};");
            _w.Line();
            _w.Line("// Action layout.");
            if (_ir.Actions.Any(a => a.IsFamily))
            {
                // Counted in 64 bits (a family 0..2147483647 has 2^31 members) and held to the compiler's limit.
                var actions = scope.Names.Fresh("actions");
                _w.Line($"long {actions} = 0;");
                foreach (var a in _ir.Actions)
                {
                    if (!_actionFields.TryGetValue(a, out var f))
                    {
                        _w.Line($"{actions} = {CSharpNames.Int(a.Ordinal + 1)};");
                        continue;
                    }
                    _w.Line($"{f.First} = (int){actions};");
                    if (a.IsFamily)
                    {
                        var hi = ex.Emit(a.Hi!);
                        _w.Line($"{f.Lo} = {ex.Emit(a.Lo!)};");
                        _w.Line($"if ({hi} < {f.Lo}) throw new {GlobalNames.ArgumentOutOfRangeException}({CSharpNames.String(a.Name)}, \"{DiagnosticIds.EmptyRange}: the action family {a.Name} is empty\");");
                        _w.Line($"{actions} += (long)({hi}) - {f.Lo} + 1;");
                        _w.Line($"if ({actions} > {CSharpNames.Int(MdpIr.MaxActions)}) throw new {GlobalNames.ArgumentOutOfRangeException}({CSharpNames.String(a.Name)}, $\"{DiagnosticIds.StateSpaceTooLarge}: the model has {{{actions}}} or more actions; at most {MdpIr.MaxActions.ToString("N0", CultureInfo.InvariantCulture)} are supported\");");
                    }
                    else _w.Line($"{actions} += 1;");
                }
                _w.Line($"{_actionCount} = (int){actions};");
            }
            else
            {
                string offset = "0";
                foreach (var a in _ir.Actions)
                {
                    if (_actionFields.TryGetValue(a, out var f))
                    {
                        _w.Line($"{f.First} = {offset};");
                        offset = $"{f.First} + 1";
                    }
                    else offset = CSharpNames.Int(a.Ordinal + 1);
                }
                _w.Line($"{_actionCount} = {offset};");
            }
            _w.Line();
            _w.Line("// Criterion.");
            switch (_ir.Criterion.Kind)
            {
                case CriterionKind.Discounted:
                    var g = ex.Emit(_ir.Criterion.Discount!);
                    var gamma = scope.Names.Fresh("discount");
                    _w.Line($"double {gamma} = {g};");
                    _w.Line($"if (!({gamma} >= 0 && {gamma} < 1)) throw new {GlobalNames.ArgumentOutOfRangeException}(\"discount\", {gamma}, \"the discount must be in [0, 1)\");");
                    _w.Line($"{_criterion} = {GlobalNames.Criterion}.Discounted({gamma});");
                    break;
                case CriterionKind.FiniteHorizon:
                    var h = ex.Emit(_ir.Criterion.Horizon!);
                    var horizon = scope.Names.Fresh("horizon");
                    _w.Line($"int {horizon} = {h};");
                    _w.Line($"if ({horizon} < 1) throw new {GlobalNames.ArgumentOutOfRangeException}(\"horizon\", {horizon}, \"the horizon must be at least 1\");");
                    if (_ir.Criterion.Discount is { } finiteDiscount)
                    {
                        // `horizon H` with `discount g`: the discounted finite horizon.
                        var fg = scope.Names.Fresh("discount");
                        _w.Line($"double {fg} = {ex.Emit(finiteDiscount)};");
                        _w.Line($"if (!({fg} >= 0 && {fg} <= 1)) throw new {GlobalNames.ArgumentOutOfRangeException}(\"discount\", {fg}, \"the discount must be in [0, 1]\");");
                        _w.Line($"{_criterion} = {GlobalNames.Criterion}.FiniteHorizon({horizon}, {fg});");
                    }
                    else _w.Line($"{_criterion} = {GlobalNames.Criterion}.FiniteHorizon({horizon});");
                    break;
                case CriterionKind.TotalReward:
                    _w.Line($"{_criterion} = {GlobalNames.Criterion}.TotalReward();");
                    break;
                default:
                    _w.Line($"{_criterion} = {GlobalNames.Criterion}.AverageReward();");
                    break;
            }
            foreach (var t in _ir.TransitionTables)
            {
                _w.Line();
                _w.Line($"// Transition table of {t.Action.Name} (line {t.Line}).");
                _w.Line($"{_tableFields[t.Action]} = Flatten({ex.EmitAs(t.Table, RealTable)}, {_stateCount}, {_stateCount});");
            }
            if (_ir.RewardTable != null)
            {
                _w.Line();
                _w.Line($"// Reward table reward[s][a] (line {_ir.RewardTable.Line}).");
                _w.Line($"{_rewardTable} = Flatten({ex.EmitAs(_ir.RewardTable.Table, RealTable)}, {_stateCount}, {_actionCount});");
            }
            _w.Close();
            _w.Line();
            if (_ir.TransitionTables.Count > 0 || _ir.RewardTable != null)
            {
                _w.Line("/// <summary>Copies a table given as rows into one row-major array, checking its shape.</summary>");
                _w.Open("private static double[] Flatten(double[][] rows, int rowCount, int columnCount)");
                _w.Line($"if (rows.Length != rowCount) throw new {GlobalNames.ArgumentException}($\"the table has {{rows.Length}} rows, expected {{rowCount}}\");");
                _w.Line("var flat = new double[rowCount * columnCount];");
                _w.Open("for (int i = 0; i < rowCount; i++)");
                _w.Line($"if (rows[i].Length != columnCount) throw new {GlobalNames.ArgumentException}($\"row {{i}} of the table has {{rows[i].Length}} entries, expected {{columnCount}}\");");
                _w.Line($"{GlobalNames.Array}.Copy(rows[i], 0, flat, i * columnCount, columnCount);");
                _w.Close();
                _w.Line("return flat;");
                _w.Close();
                _w.Line();
            }
        }

        /// <summary>
        /// Refuses parameters outside the range for which the interval analysis proved the model's
        /// integer operations free of overflow: with them, unchecked arithmetic could wrap in silence.
        /// </summary>
        private void WriteOverflowEnvelope()
        {
            var envelope = _ir.Overflow?.Envelope;
            if (envelope is null || envelope.Count == 0) return;
            _w.Line("// Integer operations are proven free of overflow for these parameter values (see the interval analysis).");
            foreach (var e in envelope)
            {
                var arg = CSharpNames.Identifier(e.Param.Name);
                var tests = new List<string>();
                if (e.Lo > int.MinValue) tests.Add($"{arg} < {CSharpNames.Int(e.Lo)}");
                if (e.Hi < int.MaxValue) tests.Add($"{arg} > {CSharpNames.Int(e.Hi)}");
                if (tests.Count == 0) continue;
                var range = e.Hi >= int.MaxValue ? $" >= {e.Lo}" : e.Lo <= int.MinValue ? $" <= {e.Hi}" : $" in {e.Lo}..{e.Hi}";
                var message = $"the model's integer arithmetic is proven free of overflow for {e.Param.Name}{range}; use a value in that range, or reals in the model";
                _w.Line($"if ({string.Join(" || ", tests)}) throw new {GlobalNames.ArgumentOutOfRangeException}({CSharpNames.String(e.Param.Name)}, {arg}, {CSharpNames.String(message)});");
            }
        }

        private void WriteCreate()
        {
            _w.Line("/// <summary>Creates the model; parameters left out keep the defaults of the .rlspec file.</summary>");
            foreach (var p in _ir.Params)
                _w.Line($"/// <param name=\"{p.Name}\">Parameter <c>{p.Name}</c> (default {CSharpNames.XmlDoc(Show(p.Value))}).</param>");
            var args = string.Join(", ", ParamArgs().Select(x => $"{ExpressionEmitter.TypeOf(x.Param.Type)} {x.Arg} = {Literal(x.Param.Value, x.Param.Type)}"));
            var call = _ir.Params.Count == 0 ? "create: true" : string.Join(", ", ParamArgs().Select(x => x.Arg));
            _w.Line($"public static {_ir.TypeName} Create({args}) => new {_ir.TypeName}({call});");
            _w.Line();
            foreach (var p in _ir.Params)
            {
                // A parameter whose PascalCase name is a member (Name, StateCount, ...) gets no property; Create still takes it.
                var property = CSharpNames.Pascal(p.Name);
                if (_members.Fresh(property) != property) continue;
                _w.Line($"/// <summary>Parameter <c>{p.Name}</c>: the value this instance was created with.</summary>");
                _w.Line($"public {ExpressionEmitter.TypeOf(p.Type)} {property} => {_fields.Param(p)};");
                _w.Line();
            }
        }

        private static string Literal(object value, RType type) => value switch
        {
            bool b => b ? "true" : "false",
            long l when type.Kind == TypeKind.Real => CSharpNames.Real(l),
            long l => CSharpNames.Int(l),
            double d => CSharpNames.Real(d),
            _ => "default",
        };

        private void WriteProperties()
        {
            _w.Line("/// <summary>The model's name in the .rlspec file.</summary>");
            _w.Line($"public string Name => {CSharpNames.String(_ir.Name)};");
            _w.Line();
            _w.Line("/// <summary>The .rlspec file this model was compiled from (relative to the project; never a machine's directory).</summary>");
            _w.Line($"public static string SourcePath => {CSharpNames.String(CSharpNames.PortablePath(_ir.SourcePath))};");
            _w.Line();
            _w.Line("/// <summary>The number of states; states are 0..StateCount-1 (see <see cref=\"StateOf\"/>).</summary>");
            _w.Line($"public int StateCount => {_stateCount};");
            _w.Line();
            _w.Line("/// <summary>The number of actions, a family counting once per member (see <see cref=\"ActionOf\"/>).</summary>");
            _w.Line($"public int ActionCount => {_actionCount};");
            _w.Line();
            _w.Line("/// <summary>The optimality criterion the model declares.</summary>");
            _w.Line($"public {GlobalNames.Criterion} Criterion => {_criterion};");
            _w.Line();
            _w.Line("/// <summary>True when rules, probabilities or rewards read the step index <c>t</c>.</summary>");
            _w.Line($"public bool IsTimeDependent => {(_ir.UsesStep ? "true" : "false")};");
            _w.Line();
        }
    }
}
