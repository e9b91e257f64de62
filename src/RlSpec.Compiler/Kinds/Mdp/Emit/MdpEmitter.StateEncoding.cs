using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Kinds.Mdp.Binding;
using RlSpec.Compiler.Kinds.Mdp.Ir;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Kinds.Mdp.Emit
{
    /// <summary>States as mixed-radix indices: encoding, decoding, StateIndex and IsTerminal.</summary>
    internal sealed partial class MdpEmitter
    {
        /// <summary>C# for the index of the state whose variables have the given values.</summary>
        private string IndexCode(IReadOnlyList<string> values)
        {
            var terms = new List<string>();
            for (int k = 0; k < _ir.StateVariables.Count; k++)
            {
                var v = _ir.StateVariables[k];
                var (lo, _, stride) = _layout[v.Symbol];
                var value = v.Kind == StateVarKind.Bool ? $"({values[k]} ? 1 : 0)" : values[k];
                var offset = v.Kind == StateVarKind.Range ? $"({value} - {lo})" : value;
                terms.Add(k == _ir.StateVariables.Count - 1 ? offset : $"{offset} * {stride}");
            }
            return string.Join(" + ", terms);
        }

        /// <summary>
        /// C# that is true when <paramref name="value"/> is outside the variable's range. The 32-bit offset
        /// (uint)(value - lo) is exact: it wraps only for values below lo, and then to at least
        /// value - lo + 2^32 >= count, because lo + count - 1 = hi <= int.MaxValue.
        /// </summary>
        private static string OutsideCode(StateVarKind kind, string value, string lo, string count) =>
            kind == StateVarKind.Range ? $"(uint)({value} - {lo}) >= (uint){count}" : $"(uint){value} >= (uint){count}";

        /// <summary>Writes locals holding the variables of <paramref name="stateExpr"/>.</summary>
        private void DecodeState(string stateExpr, EmitScope scope)
        {
            int n = _ir.StateVariables.Count;
            for (int k = 0; k < n; k++)
            {
                var v = _ir.StateVariables[k];
                var (lo, count, stride) = _layout[v.Symbol];
                var local = scope.State[v.Symbol];
                string digit = n == 1 ? stateExpr : k == 0 ? $"{stateExpr} / {stride}" : k == n - 1 ? $"{stateExpr} % {count}" : $"{stateExpr} / {stride} % {count}";
                switch (v.Kind)
                {
                    case StateVarKind.Bool: _w.Line($"bool {local} = {(n == 1 ? digit : "(" + digit + ")")} != 0;"); break;
                    case StateVarKind.Enum: _w.Line($"int {local} = {digit};"); break;
                    default: _w.Line($"int {local} = {lo} + {(n == 1 || k == n - 1 ? digit : "(" + digit + ")")};"); break;
                }
            }
        }

        /// <summary>A method's scope with a local name for each state variable.</summary>
        private EmitScope NewScope(params string[] reserved)
        {
            // Locals must not hide the type parameter or the nested types the method may name.
            var names = new NameTable(reserved.Concat(new[] { "TVisitor", "State", "Action", "ActionKind" }));
            var scope = new EmitScope(names);
            foreach (var v in _ir.StateVariables) scope.State[v.Symbol] = names.Fresh(v.Name);
            return scope;
        }

        /// <summary>StateIndex: variables to index, with range checks.</summary>
        private void WriteStateIndex()
        {
            _w.Line("/// <summary>The index of the state with these variable values.</summary>");
            // Public parameter names: the variables' own names (keywords escaped), no local to avoid here.
            var scope = new EmitScope(new NameTable());
            foreach (var v in _ir.StateVariables) scope.State[v.Symbol] = CSharpNames.Identifier(v.Name);
            var args = string.Join(", ", _ir.StateVariables.Select(v => $"{(v.Kind == StateVarKind.Bool ? "bool" : "int")} {scope.State[v.Symbol]}"));
            _w.Open($"public int StateIndex({args})");
            foreach (var v in _ir.StateVariables.Where(v => v.Kind != StateVarKind.Bool))
            {
                var (lo, count, _) = _layout[v.Symbol];
                _w.Line($"if ({OutsideCode(v.Kind, scope.State[v.Symbol], lo, count)}) throw new {GlobalNames.ArgumentOutOfRangeException}({CSharpNames.String(v.Name)}, {scope.State[v.Symbol]}, \"outside the range of {v.Name}\");");
            }
            _w.Line($"return {IndexCode(_ir.StateVariables.Select(v => scope.State[v.Symbol]).ToList())};");
            _w.Close();
            _w.Line();
        }

        /// <summary>IsTerminal: the <c>until</c> condition on the decoded state.</summary>
        private void WriteIsTerminal()
        {
            if (_ir.Terminal is null)
            {
                _w.Line("/// <summary>The model declares no terminal states.</summary>");
                _w.Line("public bool IsTerminal(int state) => false;");
                _w.Line();
                return;
            }
            _w.Line($"/// <summary>Terminal states: until <c>{CSharpNames.XmlDoc(_ir.Terminal.Text)}</c> (line {_ir.Terminal.Line}).</summary>");
            _w.Open("public bool IsTerminal(int state)");
            var scope = NewScope("state");
            DecodeState("state", scope);
            var ex = new ExpressionEmitter(_fields, scope, _w, _ir.Overflow);
            _w.Line($"return {ex.Emit(_ir.Terminal.Condition)};");
            _w.Close();
            _w.Line();
        }
    }
}
