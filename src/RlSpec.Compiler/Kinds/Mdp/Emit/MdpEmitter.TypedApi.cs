using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Kinds.Mdp.Ir;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Kinds.Mdp.Emit
{
    /// <summary>
    /// The typed C# API over the dense indices solvers use: a <c>State</c> record with one PascalCase
    /// property per state variable, an <c>Action</c> record carrying a family's index, conversions both
    /// ways, and a label parser so that looking up one state never builds every state's label.
    /// </summary>
    internal sealed partial class MdpEmitter
    {
        /// <summary>Names a record struct already has: a state variable's property takes another.</summary>
        private static readonly string[] RecordMembers =
        {
            "State", "Equals", "GetHashCode", "ToString", "GetType", "Deconstruct", "PrintMembers", "EqualityContract", "MemberwiseClone", "Finalize",
        };

        private readonly Dictionary<StateVarSymbol, string> _stateProperties = new Dictionary<StateVarSymbol, string>();
        private readonly Dictionary<IrAction, string> _actionKinds = new Dictionary<IrAction, string>();

        /// <summary>PascalCase names of the State properties and the ActionKind members, unique in their type.</summary>
        private void PrepareTypedNames()
        {
            var properties = new NameTable(RecordMembers);
            foreach (var v in _ir.StateVariables) _stateProperties[v.Symbol] = properties.Fresh(CSharpNames.Pascal(v.Name));
            var kinds = new NameTable();
            foreach (var a in _ir.Actions) _actionKinds[a] = kinds.Fresh(CSharpNames.Pascal(a.Name));
        }

        /// <summary>The nested <c>State</c> record: one property per state variable, in declaration order.</summary>
        private void WriteStateType()
        {
            PrepareTypedNames();
            _w.Line($"/// <summary>A state of <c>{_ir.Name}</c>: the values of its state variables.</summary>");
            foreach (var v in _ir.StateVariables)
            {
                var what = v.Kind == StateVarKind.Enum ? ", as the index of its value" : "";
                _w.Line($"/// <param name=\"{_stateProperties[v.Symbol]}\">State variable <c>{v.Name}</c> ({CSharpNames.XmlDoc(VarText(v))}){what}.</param>");
            }
            var properties = _ir.StateVariables.Select(v => $"{(v.Kind == StateVarKind.Bool ? "bool" : "int")} {_stateProperties[v.Symbol]}");
            _w.Line($"public readonly record struct State({string.Join(", ", properties)});");
            _w.Line();
        }

        /// <summary>The nested <c>ActionKind</c> enumeration (one member per declared action) and the <c>Action</c> record.</summary>
        private void WriteActionTypes()
        {
            _w.Line($"/// <summary>The actions of <c>{_ir.Name}</c> as declared; a family is one member.</summary>");
            _w.Open("public enum ActionKind");
            foreach (var a in _ir.Actions)
            {
                _w.Line($"/// <summary>Action <c>{ActionText(a)}</c>.</summary>");
                _w.Line(_actionKinds[a] + ",");
            }
            _w.Close();
            _w.Line();
            _w.Line($"/// <summary>An action of <c>{_ir.Name}</c>: which declared action and, for a family, its index.</summary>");
            _w.Line("/// <param name=\"Kind\">Which declared action.</param>");
            _w.Line("/// <param name=\"Index\">A family's index, e.g. 3 in <c>order(3)</c>; 0 for an action that is not a family.</param>");
            _w.Open("public readonly record struct Action(ActionKind Kind, int Index = 0)");
            _w.Line("/// <summary>The action as the .rlspec file writes it, e.g. <c>right</c> or <c>order(3)</c>.</summary>");
            _w.Open("public override string ToString() => Kind switch");
            foreach (var a in _ir.Actions)
            {
                _w.Line(a.IsFamily
                    ? $"ActionKind.{_actionKinds[a]} => string.Create({GlobalNames.InvariantCulture}, $\"{a.Name}({{Index}})\"),"
                    : $"ActionKind.{_actionKinds[a]} => {CSharpNames.String(a.Name)},");
            }
            _w.Line("_ => Kind.ToString(),");
            _w.Close(";");
            _w.Close();
            _w.Line();
        }

        /// <summary>An action as the summary shows it: <c>order(q in 0..10)</c>.</summary>
        private static string ActionText(IrAction a) =>
            a.IsFamily ? $"{a.Name}({a.Index!.Name} in {Show(a.LoValue)}..{Show(a.HiValue)})" : a.Name;

        /// <summary>StateOf (index to State) and IndexOf (State to index).</summary>
        private void WriteStateOf()
        {
            _w.Line("/// <summary>The state with index <paramref name=\"index\"/> (0..StateCount-1).</summary>");
            _w.Open("public State StateOf(int index)");
            var scope = NewScope("index");
            _w.Line($"if ((uint)index >= (uint){_stateCount}) throw new {GlobalNames.ArgumentOutOfRangeException}(\"index\", index, \"no such state\");");
            DecodeState("index", scope);
            _w.Line($"return new State({string.Join(", ", _ir.StateVariables.Select(v => scope.State[v.Symbol]))});");
            _w.Close();
            _w.Line();
            _w.Line("/// <summary>The index of <paramref name=\"state\"/>; throws when a variable is outside its range.</summary>");
            _w.Line($"public int IndexOf(State state) => StateIndex({string.Join(", ", _ir.StateVariables.Select(v => "state." + _stateProperties[v.Symbol]))});");
            _w.Line();
        }

        /// <summary>TryParseState: reads a label variable by variable, checks each range, and computes the index.</summary>
        private void WriteTryParseState()
        {
            _w.Line("/// <summary>");
            _w.Line("/// The index of the state labelled <paramref name=\"label\"/>, e.g. <c>(x=2, y=1)</c> as <see cref=\"StateLabel\"/> writes it;");
            _w.Line("/// false when no state has that label. Parses the label: other states' labels are never built.");
            _w.Line("/// </summary>");
            _w.Open("public bool TryParseState(string label, out int state)");
            var scope = NewScope("label", "state", "reader");
            _w.Line("state = -1;");
            _w.Line($"var reader = new {GlobalNames.StateLabelReader}(label);");
            foreach (var v in _ir.StateVariables)
            {
                var local = scope.State[v.Symbol];
                var name = CSharpNames.String(v.Name);
                switch (v.Kind)
                {
                    case StateVarKind.Bool:
                        _w.Line($"if (!reader.TryRead({name}, out bool {local})) return false;");
                        break;
                    case StateVarKind.Enum:
                        _w.Line($"if (!reader.TryRead({name}, {_enumNames[v.Symbol]}, out int {local})) return false;");
                        break;
                    default:
                        var (lo, count, _) = _layout[v.Symbol];
                        _w.Line($"if (!reader.TryRead({name}, out int {local}) || {OutsideCode(StateVarKind.Range, local, lo, count)}) return false;");
                        break;
                }
            }
            _w.Line("if (!reader.End()) return false;");
            _w.Line($"state = {IndexCode(_ir.StateVariables.Select(v => scope.State[v.Symbol]).ToList())};");
            _w.Line("return true;");
            _w.Close();
            _w.Line();
        }

        /// <summary>ActionOf (index to Action) and IndexOf (Action to index).</summary>
        private void WriteActionOf()
        {
            _w.Line("/// <summary>The action with index <paramref name=\"index\"/> (0..ActionCount-1).</summary>");
            _w.Open("public Action ActionOf(int index)");
            foreach (var a in _ir.Actions)
            {
                if (a.IsFamily)
                {
                    var (first, lo) = _actionFields[a];
                    _w.Line($"if (index >= {first} && index < {NextFirst(a)}) return new Action(ActionKind.{_actionKinds[a]}, {lo} + (index - {first}));");
                }
                else _w.Line($"if (index == {FixedActionIndex(a)}) return new Action(ActionKind.{_actionKinds[a]});");
            }
            _w.Line($"throw new {GlobalNames.ArgumentOutOfRangeException}(\"index\", index, \"no such action\");");
            _w.Close();
            _w.Line();
            _w.Line("/// <summary>The index of <paramref name=\"action\"/>; throws when it is not an action of this instance.</summary>");
            _w.Open("public int IndexOf(Action action)");
            _w.Open("switch (action.Kind)");
            foreach (var a in _ir.Actions)
            {
                if (a.IsFamily)
                {
                    var (first, lo) = _actionFields[a];
                    _w.Line($"case ActionKind.{_actionKinds[a]} when (uint)(action.Index - {lo}) < (uint)({NextFirst(a)} - {first}): return {first} + (action.Index - {lo});");
                }
                else _w.Line($"case ActionKind.{_actionKinds[a]} when action.Index == 0: return {FixedActionIndex(a)};");
            }
            _w.Close();
            _w.Line($"throw new {GlobalNames.ArgumentOutOfRangeException}(\"action\", action, \"no such action\");");
            _w.Close();
            _w.Line();
        }

        /// <summary>The index of an action that is not a family: a field when a family comes before it, else a constant.</summary>
        private string FixedActionIndex(IrAction a) =>
            _actionFields.TryGetValue(a, out var f) ? f.First : CSharpNames.Int(a.Ordinal);
    }
}
