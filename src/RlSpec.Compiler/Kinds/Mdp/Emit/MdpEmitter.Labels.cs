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
            _w.Line($"return string.Create({GlobalNames.InvariantCulture}, $\"({string.Join(", ", parts)})\");");
            _w.Close();
            _w.Line();
            _w.Line("/// <summary>An action as the user reads it, e.g. <c>right</c> or <c>order(3)</c>.</summary>");
            _w.Line("public string ActionName(int action) => ActionOf(action).ToString();");
            _w.Line();
            _w.Line("/// <summary>The name of state variable <paramref name=\"variable\"/> (in declaration order).</summary>");
            _w.Line($"public string StateVariableName(int variable) => variable switch {{ {string.Join(" ", _ir.StateVariables.Select(v => $"{v.Index} => {CSharpNames.String(v.Name)},"))} _ => \"#\" + variable.ToString({GlobalNames.InvariantCulture}) }};");
            _w.Line();
            _w.Line("/// <summary>Where rule <paramref name=\"rule\"/> is in the .rlspec file.</summary>");
            _w.Line($"public {GlobalNames.SourceLocation} RuleLocation(int rule) => (uint)rule < (uint){_ruleLines}.Length ? new {GlobalNames.SourceLocation}(SourcePath, {_ruleLines}[rule], {_ruleColumns}[rule]) : new {GlobalNames.SourceLocation}(SourcePath, 1, 1);");
            _w.Line();
            _w.Line("/// <summary>Where action <paramref name=\"action\"/> is declared in the .rlspec file (at its <c>when</c> guard if it has one).</summary>");
            _w.Open($"public {GlobalNames.SourceLocation} ActionLocation(int action)");
            foreach (var a in _ir.Actions)
            {
                var span = a.Symbol.Guard?.Span ?? a.Symbol.Span;
                var location = $"new {GlobalNames.SourceLocation}(SourcePath, {CSharpNames.Int(span.Line)}, {CSharpNames.Int(span.Column)})";
                var test = !_actionFields.TryGetValue(a, out var f) ? $"action == {CSharpNames.Int(a.Ordinal)}"
                    : a.IsFamily ? $"action >= {f.First} && action < {NextFirst(a)}" : $"action == {f.First}";
                _w.Line($"if ({test}) return {location};");
            }
            _w.Line($"return new {GlobalNames.SourceLocation}(SourcePath, 1, 1);");
            _w.Close();
            _w.Line();
            _w.Line("/// <summary>Where reward term <paramref name=\"term\"/> is in the .rlspec file.</summary>");
            _w.Line($"public {GlobalNames.SourceLocation} RewardLocation(int term) => (uint)term < (uint){_rewardLines}.Length ? new {GlobalNames.SourceLocation}(SourcePath, {_rewardLines}[term], {_rewardColumns}[term]) : new {GlobalNames.SourceLocation}(SourcePath, 1, 1);");
            _w.Line();
        }

        private void WriteConvenience()
        {
            _w.Line("/// <summary>Solves the model (the method defaults to the best one for its criterion).</summary>");
            _w.Line("/// <param name=\"options\">Method, tolerance and limits; null for the defaults.</param>");
            _w.Line($"public {GlobalNames.MdpSolution} Solve({GlobalNames.SolverOptions}? options = null) => {GlobalNames.MdpSolver}.Solve(this, options ?? new {GlobalNames.SolverOptions}());");
            _w.Line();
            _w.Line("/// <summary>Checks every state and action: probabilities, successors, rules.</summary>");
            _w.Line($"public {GlobalNames.IReadOnlyList}<{GlobalNames.ModelError}> Validate() => {GlobalNames.MdpValidator}.Validate(this);");
        }
    }
}
