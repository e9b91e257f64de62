using System.Linq;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Kinds.Bandit.Binding;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Kinds.Bandit.Emit
{
    /// <summary>
    /// Linear arms: the feature vectors flattened arm-major, the dimension, each arm's mean from
    /// <c>reward(x)</c> computed once in the constructor, the noise level, and <c>Pull</c> as one normal draw.
    /// </summary>
    internal sealed partial class BanditEmitter
    {
        private static readonly RType Vector = RType.ListOf(RType.Real);
        private static readonly RType Vectors = RType.ListOf(Vector);

        private string _features = "", _dimension = "", _noiseSigma = "";

        private void PrepareLinearFields()
        {
            _dimension = _fields.Internal("dimension");
            _features = _fields.Internal("features");
            _noiseSigma = _fields.Internal("noiseSigma");
        }

        private void WriteLinearFields()
        {
            _w.Line("// Arms: the feature vectors x_a, arm-major (x_a[j] is at a * dimension + j).");
            _w.Line($"private readonly int {_armCount}, {_dimension};");
            _w.Line($"private readonly double[] {_features};");
            _w.Line();
            _w.Line("// Reward: each arm's mean and the Gaussian noise level.");
            _w.Line($"private readonly double[] {_means};");
            _w.Line($"private readonly double {_noiseSigma};");
            _w.Line($"private readonly double {_rewardLow}, {_rewardHigh};");
        }

        private void WriteLinearConstruction(EmitScope scope, ExpressionEmitter ex)
        {
            _w.Line();
            _w.Line($"// Arms: the feature vectors {CSharpNames.Comment(string.Join(", ", _ir.Features.Select(f => f.Text)))}, one length for all.");
            var arms = scope.Names.Fresh("arms");
            if (_ir.Features.Count == 1 && _ir.Features[0].IsList)
                _w.Line($"double[][] {arms} = {ex.EmitAs(_ir.Features[0].Value, Vectors)};");
            else if (_ir.Features.All(f => !f.IsList))
                _w.Line($"double[][] {arms} = {{ {string.Join(", ", _ir.Features.Select(f => ex.EmitAs(f.Value, Vector)))} }};");
            else
            {
                var list = scope.Names.Fresh("armList");
                _w.Line($"var {list} = new global::System.Collections.Generic.List<double[]>();");
                foreach (var f in _ir.Features)
                    _w.Line(f.IsList ? $"{list}.AddRange({ex.EmitAs(f.Value, Vectors)});" : $"{list}.Add({ex.EmitAs(f.Value, Vector)});");
                _w.Line($"double[][] {arms} = {list}.ToArray();");
            }
            var armCount = scope.Names.Fresh("armCount");
            var dimension = scope.Names.Fresh("dimension");
            // The copy loop and the mean loop are siblings: each names its index from its own copy of the scope.
            var arm = scope.Names.Clone().Fresh("arm");
            _w.Line($"int {armCount} = {arms}.Length;");
            _w.Line($"if ({armCount} < 1) throw new {GlobalNames.ArgumentOutOfRangeException}(\"arms\", {armCount}, \"the bandit needs at least one arm\");");
            _w.Line($"int {dimension} = {arms}[0].Length;");
            _w.Line($"if ({dimension} < 1) throw new {GlobalNames.ArgumentOutOfRangeException}(\"arms\", {dimension}, \"the feature vectors need at least one entry\");");
            _w.Line($"{_armCount} = {armCount};");
            _w.Line($"{_dimension} = {dimension};");
            _w.Line($"{_features} = new double[{armCount} * {dimension}];");
            _w.Open($"for (int {arm} = 0; {arm} < {armCount}; {arm}++)");
            _w.Line($"if ({arms}[{arm}].Length != {dimension}) throw new {GlobalNames.ArgumentException}($\"arm {{{arm}}} has {{{arms}[{arm}].Length}} features but arm 0 has {{{dimension}}}; every arm needs the same number\");");
            _w.Line($"{GlobalNames.Array}.Copy({arms}[{arm}], 0, {_features}, {arm} * {dimension}, {dimension});");
            _w.Close();

            var reward = _ir.LinearReward!;
            _w.Line();
            _w.Line($"// Reward: {CSharpNames.Comment(reward.Text)}; each arm's mean, then the noise level.");
            var sigma = scope.Names.Fresh("noiseSigma");
            _w.Line($"double {sigma} = {ex.Emit(reward.NoiseSigma)};");
            _w.Line($"if (!({sigma} >= 0 && double.IsFinite({sigma}))) throw new {GlobalNames.ArgumentOutOfRangeException}(\"reward\", {sigma}, \"the noise standard deviation must be finite and not negative\");");
            _w.Line($"{_noiseSigma} = {sigma};");
            _w.Line($"{_means} = new double[{armCount}];");
            var inner = new EmitScope(scope.Names.Clone()) { InstanceSeed = scope.InstanceSeed };
            var innerEx = new ExpressionEmitter(_fields, inner, _w);
            var meanArm = inner.Names.Fresh("arm");
            var x = inner.Names.Fresh(reward.Features.Name);
            inner.Locals[reward.Features] = x;
            _w.Open($"for (int {meanArm} = 0; {meanArm} < {armCount}; {meanArm}++)");
            _w.Line($"double[] {x} = {arms}[{meanArm}];");
            _w.Line($"{_means}[{meanArm}] = {innerEx.Emit(reward.Mean)};");
            _w.Close();
            _w.Line($"{_rewardLow} = double.NegativeInfinity;");
            _w.Line($"{_rewardHigh} = double.PositiveInfinity;");
        }
    }
}
