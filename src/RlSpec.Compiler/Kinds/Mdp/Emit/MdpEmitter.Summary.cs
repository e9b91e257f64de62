using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Kinds.Mdp.Binding;
using RlSpec.Compiler.Kinds.Mdp.Ir;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Kinds.Mdp.Emit
{
    /// <summary>The class summary: states, actions and criterion in English.</summary>
    internal sealed partial class MdpEmitter
    {
        private void WriteSummary(string file)
        {
            _w.Line("/// <summary>");
            _w.Line($"/// The MDP <c>{_ir.Name}</c> from {CSharpNames.Comment(file)}.");
            _w.Line("/// </summary>");
            _w.Line("/// <remarks>");
            _w.Line("/// <para>States: " + string.Join(" x ", _ir.StateVariables.Select(VarText)) + ".</para>");
            _w.Line("/// <para>Actions: " + string.Join(", ", _ir.Actions.Select(a => a.IsFamily ? $"{a.Name}({a.Index!.Name} in {Show(a.LoValue)}..{Show(a.HiValue)})" : a.Name)) + ".</para>");
            _w.Line("/// <para>Criterion: " + CriterionText() + ".</para>");
            _w.Line("/// </remarks>");
        }

        private static string VarText(IrStateVariable v) => v.Kind switch
        {
            StateVarKind.Bool => $"{v.Name} : bool",
            StateVarKind.Enum => $"{v.Name} in {{{string.Join(", ", v.EnumValues!)}}}",
            _ => $"{v.Name} in {Show(v.LoValue)}..{Show(v.HiValue)}",
        };

        private string CriterionText() => _ir.Criterion.Kind switch
        {
            CriterionKind.Discounted => "discounted, gamma = " + Show(_ir.Criterion.DiscountValue!),
            CriterionKind.FiniteHorizon => "finite horizon H = " + Show(_ir.Criterion.HorizonValue),
            CriterionKind.TotalReward => "total reward until a terminal state",
            _ => "long-run average reward",
        } + (_ir.Terminal != null && _ir.Criterion.Kind != CriterionKind.TotalReward ? ", with terminal states" : "");

        /// <summary>A constant's value with the parameters in force, for comments.</summary>
        private static string Show(object v) =>
            v is double d ? CSharpNames.Real(d) : v is bool b ? (b ? "true" : "false") : System.Convert.ToString(v, CultureInfo.InvariantCulture) ?? "?";
    }
}
