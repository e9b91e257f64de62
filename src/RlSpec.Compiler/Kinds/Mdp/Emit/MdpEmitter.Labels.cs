using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Kinds.Mdp.Binding;
using RlSpec.Compiler.Kinds.Mdp.Ir;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Kinds.Mdp.Emit
{
    /// <summary>Labels and locations for people (state labels, action names, rule locations) and the convenience methods.</summary>
    internal sealed partial class MdpEmitter
    {
        private void WriteLabels()
        {
            _w.Line("/// <summary>A state as the user reads it, e.g. <c>(x=2, y=1)</c>.</summary>");
            _w.Open("public string StateLabel(int state)");
            var scope = NewScope("state");
            DecodeState("state", scope);
            var parts = _ir.StateVariables.Select(v => v.Kind switch
            {
                StateVarKind.Enum => $"{v.Name}={{{_enumNames[v.Symbol]}[{scope.State[v.Symbol]}]}}",
                StateVarKind.Bool => $"{v.Name}={{({scope.State[v.Symbol]} ? \"true\" : \"false\")}}",
                _ => $"{v.Name}={{{scope.State[v.Symbol]}}}",
            });
            _w.Line($"return string.Create(CultureInfo.InvariantCulture, $\"({string.Join(", ", parts)})\");");
            _w.Close();
            _w.Line();
            _w.Line("/// <summary>An action as the user reads it, e.g. <c>right</c> or <c>order(3)</c>.</summary>");
            _w.Open("public string ActionName(int action)");
            foreach (var a in _ir.Actions)
            {
                if (a.IsFamily)
                {
                    var (first, lo) = _actionFields[a];
                    _w.Line($"if (action >= {first} && action < {NextFirst(a)}) return string.Create(CultureInfo.InvariantCulture, $\"{a.Name}({{{lo} + (action - {first})}})\");");
                }
                else
                {
                    var index = _actionFields.TryGetValue(a, out var f) ? f.First : CSharpNames.Int(a.Ordinal);
                    _w.Line($"if (action == {index}) return {CSharpNames.String(a.Name)};");
                }
            }
            _w.Line("throw new ArgumentOutOfRangeException(nameof(action), action, \"no such action\");");
            _w.Close();
            _w.Line();
            _w.Line("/// <summary>The name of state variable <paramref name=\"variable\"/> (in declaration order).</summary>");
            _w.Line($"public string StateVariableName(int variable) => variable switch {{ {string.Join(" ", _ir.StateVariables.Select(v => $"{v.Index} => {CSharpNames.String(v.Name)},"))} _ => \"#\" + variable.ToString(CultureInfo.InvariantCulture) }};");
            _w.Line();
            _w.Line("/// <summary>Where rule <paramref name=\"rule\"/> is in the .rlspec file.</summary>");
            _w.Line($"public SourceLocation RuleLocation(int rule) => (uint)rule < (uint){_ruleLines}.Length ? new SourceLocation(SourcePath, {_ruleLines}[rule], {_ruleColumns}[rule]) : new SourceLocation(SourcePath, 1, 1);");
            _w.Line();
        }

        private void WriteConvenience()
        {
            _w.Line("/// <summary>Solves the model (the method defaults to the best one for its criterion).</summary>");
            _w.Line("public MdpSolution Solve(SolverOptions? options = null) => MdpSolver.Solve(this, options ?? new SolverOptions());");
            _w.Line();
            _w.Line("/// <summary>Checks every state and action: probabilities, successors, rules.</summary>");
            _w.Line("public System.Collections.Generic.IReadOnlyList<ModelError> Validate() => MdpValidator.Validate(this);");
        }
    }
}
