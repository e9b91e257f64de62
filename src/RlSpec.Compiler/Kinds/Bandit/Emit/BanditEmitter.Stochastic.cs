using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Kinds.Bandit.Binding;
using RlSpec.Compiler.Kinds.Bandit.Ir;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Semantics.Builtins;

namespace RlSpec.Compiler.Kinds.Bandit.Emit
{
    /// <summary>
    /// Stochastic arms: per-arm parameter arrays (named after the distribution's parameters when every arm
    /// has one distribution; an <c>ArmDistribution</c> per arm and its first and second parameter when they
    /// mix), filled and checked arm by arm in the constructor, and <c>Pull</c> with the exact sampler.
    /// </summary>
    internal sealed partial class BanditEmitter
    {
        /// <summary>Single distribution: one array per parameter, in parameter order.</summary>
        private readonly List<string> _parameterArrays = new List<string>();

        /// <summary>Mixed distributions: which one each arm has, and its parameters.</summary>
        private string _armDistribution = "", _first = "", _second = "";

        private bool Mixed => _ir.Setting == BanditSetting.Stochastic && _ir.SingleDistribution is null;

        private bool MixedHasSecond => _ir.Distributions.Any(d => d.Parameters.Count > 1);

        private void PrepareSettingFields()
        {
            switch (_ir.Setting)
            {
                case BanditSetting.Stochastic:
                    if (_ir.SingleDistribution is { } single)
                        foreach (var p in single.Parameters) _parameterArrays.Add(_fields.Internal(p));
                    else
                    {
                        _armDistribution = _fields.Internal("armDistribution");
                        _first = _fields.Internal("first");
                        if (MixedHasSecond) _second = _fields.Internal("second");
                    }
                    break;
                case BanditSetting.Linear:
                    PrepareLinearFields();
                    break;
            }
        }

        /// <summary>Mixed arms: the enumeration of the distributions they use.</summary>
        private void WriteSettingTypes()
        {
            if (!Mixed) return;
            _w.Line("/// <summary>The distributions of this bandit's arms.</summary>");
            _w.Open("private enum ArmDistribution : byte");
            foreach (var d in _ir.Distributions)
                _w.Line($"/// <summary><c>{d.Name}({string.Join(", ", d.Parameters)})</c>.</summary>").Line(CSharpNames.Pascal(d.Name) + ",");
            _w.Close();
            _w.Line();
        }

        private void WriteSettingFields()
        {
            switch (_ir.Setting)
            {
                case BanditSetting.Stochastic:
                    if (_ir.SingleDistribution is { } single)
                        _w.Line($"// Arms: each arm's {single.Name}({string.Join(", ", single.Parameters)}) parameters and exact mean, by arm.");
                    else
                        _w.Line($"// Arms: each arm's distribution, its parameters ({(MixedHasSecond ? "first and second" : "first")}, as the distribution lists them) and exact mean, by arm.");
                    _w.Line($"private readonly int {_armCount};");
                    if (Mixed)
                    {
                        _w.Line($"private readonly ArmDistribution[] {_armDistribution};");
                        _w.Line($"private readonly double[] {_first};");
                        if (MixedHasSecond) _w.Line($"private readonly double[] {_second};");
                    }
                    foreach (var a in _parameterArrays) _w.Line($"private readonly double[] {a};");
                    _w.Line($"private readonly double[] {_means};");
                    _w.Line($"private readonly double {_rewardLow}, {_rewardHigh};");
                    break;
                case BanditSetting.Linear:
                    WriteLinearFields();
                    break;
                default:
                    _w.Line("// Arms: how many; their rewards are computed per step (Rewards).");
                    _w.Line($"private readonly int {_armCount};");
                    _w.Line($"private readonly double {_rewardLow}, {_rewardHigh};");
                    break;
            }
        }

        /// <summary>The reward range every arm of one distribution shares, or NaN where it depends on the arm's parameters.</summary>
        private static (double Low, double High) FixedRange(ArmDistribution d) =>
            d.Range(Enumerable.Repeat(double.NaN, d.Parameters.Count).ToArray());

        private void WriteStochasticConstruction(EmitScope scope)
        {
            var ex = new ExpressionEmitter(_fields, scope, _w);
            _w.Line();
            _w.Line("// Arms, in declaration order: each arm's parameters, checked, and its exact mean.");
            var armCount = scope.Names.Fresh("armCount");
            var counts = _ir.ArmGroups.Select(g => GroupCount(g, ex)).ToList();
            // Literal counts add up here; a count from parameters stays an expression.
            long literal = counts.Where(c => long.TryParse(c, out _)).Sum(long.Parse);
            var terms = counts.Where(c => !long.TryParse(c, out _)).ToList();
            if (literal > 0 || terms.Count == 0) terms.Insert(0, CSharpNames.Int(literal));
            _w.Line($"int {armCount} = {string.Join(" + ", terms)};");
            _w.Line($"if ({armCount} < 1) throw new {GlobalNames.ArgumentOutOfRangeException}(\"arms\", {armCount}, \"the bandit needs at least one arm\");");
            _w.Line($"{_armCount} = {armCount};");
            if (Mixed)
            {
                _w.Line($"{_armDistribution} = new ArmDistribution[{armCount}];");
                _w.Line($"{_first} = new double[{armCount}];");
                if (MixedHasSecond) _w.Line($"{_second} = new double[{armCount}];");
            }
            foreach (var a in _parameterArrays) _w.Line($"{a} = new double[{armCount}];");
            _w.Line($"{_means} = new double[{armCount}];");

            // The reward range: fixed by the distributions, except where an arm's parameters set it (uniform).
            double low = double.PositiveInfinity, high = double.NegativeInfinity;
            bool perArm = false;
            foreach (var d in _ir.Distributions)
            {
                var (l, h) = FixedRange(d);
                if (double.IsNaN(l) || double.IsNaN(h)) { perArm = true; continue; }
                low = System.Math.Min(low, l);
                high = System.Math.Max(high, h);
            }
            string? lowLocal = null, highLocal = null;
            if (perArm)
            {
                lowLocal = scope.Names.Fresh("rewardLow");
                highLocal = scope.Names.Fresh("rewardHigh");
                _w.Line($"double {lowLocal} = {CSharpNames.Real(low)}, {highLocal} = {CSharpNames.Real(high)};");
            }
            var arm = scope.Names.Fresh("arm");
            _w.Line($"int {arm} = 0;");
            foreach (var g in _ir.ArmGroups) WriteArmGroup(g, scope, arm, lowLocal, highLocal);
            _w.Line($"{_rewardLow} = {lowLocal ?? CSharpNames.Real(low)};");
            _w.Line($"{_rewardHigh} = {highLocal ?? CSharpNames.Real(high)};");
        }

        /// <summary>The C# number of arms of a group: 1, or the size of its range (a literal when the range is).</summary>
        private static string GroupCount(IrArmGroup g, ExpressionEmitter ex)
        {
            if (g.Index is null) return "1";
            if (g.Lo is BoundLiteral { Value: long lo } && g.Hi is BoundLiteral { Value: long hi }) return CSharpNames.Int(System.Math.Max(0, hi - lo + 1));
            return $"{GlobalNames.Math}.Max(0, {ex.Emit(g.Hi!)} - ({ex.Emit(g.Lo!)}) + 1)";
        }

        /// <summary>
        /// One group of arms: a loop over the comprehension's index (or a block for one arm) that computes the
        /// parameters, refuses values outside the distribution's domain with the arm's index, and stores them.
        /// </summary>
        private void WriteArmGroup(IrArmGroup g, EmitScope outer, string arm, string? lowLocal, string? highLocal)
        {
            // Siblings reuse local names: each group has its own block.
            var scope = new EmitScope(outer.Names.Clone()) { InstanceSeed = outer.InstanceSeed };
            var ex = new ExpressionEmitter(_fields, scope, _w);
            var d = g.Distribution;
            _w.Line($"// {CSharpNames.Comment(g.Text)}");
            if (g.Index is { } index)
            {
                var i = scope.Names.Fresh(index.Name);
                scope.Locals[index] = i;
                _w.Open($"for (int {i} = {ex.Emit(g.Lo!)}; {i} <= {ex.Emit(g.Hi!)}; {i}++, {arm}++)");
            }
            else _w.Open();
            var locals = d.Parameters.Select(p => scope.Names.Fresh(p)).ToArray();
            for (int k = 0; k < locals.Length; k++) _w.Line($"double {locals[k]} = {ex.Emit(g.Arguments[k])};");
            _w.Line($"if (!({d.ValidCode(locals)})) throw new {GlobalNames.ArgumentOutOfRangeException}(\"arms\", $\"arm {{{arm}}}: {d.Name}({string.Join(", ", d.Parameters)}) needs {d.Requirement}\");");
            if (Mixed)
            {
                _w.Line($"{_armDistribution}[{arm}] = ArmDistribution.{CSharpNames.Pascal(d.Name)};");
                _w.Line($"{_first}[{arm}] = {locals[0]};");
                if (locals.Length > 1) _w.Line($"{_second}[{arm}] = {locals[1]};");
            }
            else
                for (int k = 0; k < locals.Length; k++) _w.Line($"{_parameterArrays[k]}[{arm}] = {locals[k]};");
            _w.Line($"{_means}[{arm}] = {d.MeanCode(locals)};");
            var (fixedLow, _) = FixedRange(d);
            if (double.IsNaN(fixedLow) && lowLocal != null)
            {
                var (l, h) = d.RangeCode(locals);
                _w.Line($"{lowLocal} = {GlobalNames.Math}.Min({lowLocal}, {l});");
                _w.Line($"{highLocal} = {GlobalNames.Math}.Max({highLocal}, {h});");
            }
            if (g.Index is null) _w.Line($"{arm}++;");
            _w.Close();
        }

        /// <summary>Stochastic: one draw of the arm's distribution; mixed arms switch on the arm's distribution.</summary>
        private void WriteStochasticPull()
        {
            if (_ir.SingleDistribution is { } single)
            {
                var args = _parameterArrays.Select(a => $"{a}[arm]").ToArray();
                _w.Line($"public double Pull(int arm, ref {GlobalNames.RandomStream} random) => {single.SampleCode(args, "random")};");
                return;
            }
            _w.Line($"public double Pull(int arm, ref {GlobalNames.RandomStream} random) => {_armDistribution}[arm] switch");
            _w.Line("{");
            _w.Indent();
            foreach (var d in _ir.Distributions)
            {
                var args = d.Parameters.Count == 1 ? new[] { $"{_first}[arm]" } : new[] { $"{_first}[arm]", $"{_second}[arm]" };
                _w.Line($"ArmDistribution.{CSharpNames.Pascal(d.Name)} => {d.SampleCode(args, "random")},");
            }
            _w.Line($"_ => throw new {GlobalNames.InvalidOperationException}(\"no such arm distribution\"),");
            _w.Outdent();
            _w.Line("};");
        }

        /// <summary>
        /// <c>Distribution(arm)</c>: the runtime's name of each arm's reward family, which the experiment engine
        /// reads to know whether a family-specific bound applies (Lai-Robbins for all-Bernoulli arms).
        /// </summary>
        private void WriteDistribution()
        {
            string head = $"public {GlobalNames.RewardDistribution} Distribution(int arm) => ";
            switch (_ir.Setting)
            {
                case BanditSetting.Stochastic when _ir.SingleDistribution is { } single:
                    _w.Line($"/// <summary>Every arm is {CSharpNames.XmlDoc(single.Name)}.</summary>");
                    _w.Line(head + RuntimeDistribution(single) + ";");
                    break;
                case BanditSetting.Stochastic:
                    _w.Line("/// <summary>The reward family of <paramref name=\"arm\"/>.</summary>");
                    _w.Line(head + $"{_armDistribution}[arm] switch");
                    _w.Line("{");
                    _w.Indent();
                    foreach (var d in _ir.Distributions) _w.Line($"ArmDistribution.{CSharpNames.Pascal(d.Name)} => {RuntimeDistribution(d)},");
                    _w.Line($"_ => {GlobalNames.RewardDistribution}.Other,");
                    _w.Outdent();
                    _w.Line("};");
                    break;
                case BanditSetting.Linear:
                    _w.Line("/// <summary>Every arm's reward is its mean plus Gaussian noise.</summary>");
                    _w.Line(head + $"{GlobalNames.RewardDistribution}.Gaussian;");
                    break;
                default:
                    _w.Line("/// <summary>An adversary's rewards follow no fixed distribution.</summary>");
                    _w.Line(head + $"{GlobalNames.RewardDistribution}.Other;");
                    break;
            }
            _w.Line();
        }

        /// <summary>The runtime's <c>RewardDistribution</c> member for a distribution of the language.</summary>
        private static string RuntimeDistribution(ArmDistribution d) => GlobalNames.RewardDistribution + "." + d.Name switch
        {
            "bernoulli" => "Bernoulli",
            "normal" => "Gaussian",
            "beta" => "Beta",
            "uniform" => "Uniform",
            "exponential" => "Exponential",
            _ => "Other",
        };
    }
}
