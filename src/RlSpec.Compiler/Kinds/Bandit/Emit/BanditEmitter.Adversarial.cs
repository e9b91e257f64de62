using System.Linq;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Kinds.Bandit.Binding;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Kinds.Bandit.Emit
{
    /// <summary>
    /// Adversarial arms: the number of arms, and <c>Rewards</c>, which evaluates <c>reward(t, a)</c> for every arm
    /// in arm order, each draw from the adversary stream, as an if/else chain of the reward's choices.
    /// </summary>
    internal sealed partial class BanditEmitter
    {
        private void WriteAdversarialConstruction(EmitScope scope, ExpressionEmitter ex)
        {
            _w.Line();
            _w.Line($"// Arms: {CSharpNames.Comment(_ir.ArmCountText)} of them; rewards lie in [0, 1].");
            var armCount = scope.Names.Fresh("armCount");
            _w.Line($"int {armCount} = {ex.Emit(_ir.ArmCountExpression!)};");
            _w.Line($"if ({armCount} < 1) throw new {GlobalNames.ArgumentOutOfRangeException}(\"arms\", {armCount}, \"the bandit needs at least one arm\");");
            _w.Line($"{_armCount} = {armCount};");
            _w.Line($"{_rewardLow} = 0.0;");
            _w.Line($"{_rewardHigh} = 1.0;");
        }

        private void WriteAdversarialRewards()
        {
            var adversary = _ir.Adversary!;
            _w.Line("/// <summary>");
            _w.Line($"/// Every arm's reward at step <paramref name=\"step\"/> (1-based), <c>{CSharpNames.XmlDoc(adversary.Text)}</c>, for the arms in order,");
            _w.Line("/// each draw from the adversary stream <paramref name=\"random\"/>; rewards lie in [0, 1].");
            _w.Line("/// </summary>");
            _w.Open($"public void Rewards(long step, ref {GlobalNames.RandomStream} random, {GlobalNames.Span}<double> rewards)");
            var scope = new EmitScope(new NameTable(new[] { "step", "random", "rewards" }));
            var ex = new ExpressionEmitter(_fields, scope, _w);
            var t = scope.Names.Fresh(adversary.Step.Name);
            var a = scope.Names.Fresh(adversary.Arm.Name);
            var reward = scope.Names.Fresh("reward");
            scope.Locals[adversary.Step] = t;
            scope.Locals[adversary.Arm] = a;
            _w.Line($"if (step < 1 || step > int.MaxValue) throw new {GlobalNames.ArgumentOutOfRangeException}(nameof(step), step, \"steps are 1, 2, ... up to int.MaxValue\");");
            _w.Line($"if (rewards.Length < {_armCount}) throw new {GlobalNames.ArgumentException}(\"the span has room for fewer rewards than there are arms\", nameof(rewards));");
            _w.Line($"int {t} = (int)step;");
            _w.Open($"for (int {a} = 0; {a} < {_armCount}; {a}++)");
            _w.Line($"// {CSharpNames.Comment(adversary.Text)}");
            _w.Line($"double {reward};");
            WriteTerm(adversary.Body, reward, ex, adversary.UsesLoops, "if");
            if (adversary.NeedsRangeCheck)
                _w.Line($"if (!({reward} >= 0 && {reward} <= 1)) throw new {GlobalNames.InvalidOperationException}($\"the reward at t = {{{t}}}, a = {{{a}}} is {{{reward}}}, outside [0, 1]\");");
            _w.Line($"rewards[{a}] = {reward};");
            _w.Close();
            _w.Close();
        }

        /// <summary>
        /// Assigns a term's value to <paramref name="target"/>: an if/else chain for choices, one line per draw or
        /// value. When a term computes loops (sums) before its value, every branch gets braces so that a branch's
        /// loops run only in that branch.
        /// </summary>
        private void WriteTerm(AdversaryTerm term, string target, ExpressionEmitter ex, bool braces, string keyword)
        {
            if (term is not AdversaryChoice c)
            {
                _w.Line($"{target} = {Leaf(term, ex)};");
                return;
            }
            _w.Line($"{keyword} ({ex.Emit(c.Condition)})");
            WriteBranch(c.Then, target, ex, braces);
            if (c.Else is AdversaryChoice && !braces)
            {
                WriteTerm(c.Else, target, ex, braces, "else if");
                return;
            }
            _w.Line("else");
            WriteBranch(c.Else, target, ex, braces);
        }

        private void WriteBranch(AdversaryTerm term, string target, ExpressionEmitter ex, bool braces)
        {
            if (braces || term is AdversaryChoice)
            {
                _w.Open();
                WriteTerm(term, target, ex, braces, "if");
                _w.Close();
                return;
            }
            _w.Indent();
            WriteTerm(term, target, ex, braces, "if");
            _w.Outdent();
        }

        private static string Leaf(AdversaryTerm term, ExpressionEmitter ex) => term switch
        {
            AdversaryDraw d => d.Distribution.SampleCode(d.Arguments.Select(ex.Emit).ToArray(), "random"),
            AdversaryValue v => ex.Emit(v.Value),
            _ => throw new System.InvalidOperationException("a choice is not a leaf"),
        };

        // ---- Members every setting has ------------------------------------------------------------

        private void WriteFeatures()
        {
            bool linear = _ir.Setting == BanditSetting.Linear;
            _w.Line(linear ? "/// <summary>The feature dimension d.</summary>" : "/// <summary>Only linear bandits have features.</summary>");
            _w.Line($"public int Dimension => {(linear ? _dimension : "0")};");
            _w.Line();
            _w.Line(linear ? "/// <summary>The feature vector x_a of <paramref name=\"arm\"/>.</summary>" : "/// <summary>Only linear bandits have features: empty.</summary>");
            _w.Line(linear
                ? $"public {GlobalNames.ReadOnlySpan}<double> Features(int arm) => new {GlobalNames.ReadOnlySpan}<double>({_features}, arm * {_dimension}, {_dimension});"
                : $"public {GlobalNames.ReadOnlySpan}<double> Features(int arm) => {GlobalNames.ReadOnlySpan}<double>.Empty;");
            _w.Line();
            _w.Line(linear ? "/// <summary>The standard deviation of the Gaussian noise.</summary>" : "/// <summary>Only linear bandits declare a noise level: NaN.</summary>");
            _w.Line($"public double NoiseSigma => {(linear ? _noiseSigma : "double.NaN")};");
            _w.Line();
        }

        private void WriteMean()
        {
            if (_ir.Setting == BanditSetting.Adversarial)
            {
                _w.Line("/// <summary>An adversary's rewards have no fixed mean: NaN.</summary>");
                _w.Line("public double Mean(int arm) => double.NaN;");
                _w.Line();
                _w.Line("/// <summary>An adversary has no best arm in advance: -1.</summary>");
                _w.Line("public int BestArm => -1;");
                _w.Line();
                return;
            }
            _w.Line("/// <summary>The exact expected reward of <paramref name=\"arm\"/>.</summary>");
            _w.Line($"public double Mean(int arm) => {_means}[arm];");
            _w.Line();
            _w.Line("/// <summary>The arm with the largest mean (the first of them on a tie).</summary>");
            _w.Open("public int BestArm");
            _w.Open("get");
            _w.Line("int best = 0;");
            _w.Line($"for (int arm = 1; arm < {_armCount}; arm++) if ({_means}[arm] > {_means}[best]) best = arm;");
            _w.Line("return best;");
            _w.Close();
            _w.Close();
            _w.Line();
        }

        private void WritePull()
        {
            switch (_ir.Setting)
            {
                case BanditSetting.Stochastic:
                    _w.Line("/// <summary>One pull of <paramref name=\"arm\"/>: a draw of its distribution from <paramref name=\"random\"/>, the (run, arm) stream.</summary>");
                    WriteStochasticPull();
                    break;
                case BanditSetting.Linear:
                    _w.Line("/// <summary>One pull of <paramref name=\"arm\"/>: its mean plus Gaussian noise, drawn from <paramref name=\"random\"/>, the (run, arm) stream.</summary>");
                    _w.Line($"public double Pull(int arm, ref {GlobalNames.RandomStream} random) => {GlobalNames.Sampling}.Normal(ref random, {_means}[arm], {_noiseSigma});");
                    break;
                default:
                    _w.Line("/// <summary>An adversary's rewards are set per step, for every arm at once: use <see cref=\"Rewards\"/>.</summary>");
                    _w.Line($"public double Pull(int arm, ref {GlobalNames.RandomStream} random) => throw new {GlobalNames.InvalidOperationException}({CSharpNames.String($"{_ir.Name} is an adversarial bandit: its rewards come from Rewards(t, ...), for every arm at once")});");
                    break;
            }
            _w.Line();
        }

        private void WriteRewards()
        {
            if (_ir.Setting == BanditSetting.Adversarial)
            {
                WriteAdversarialRewards();
                return;
            }
            _w.Line("/// <summary>Only adversarial bandits set rewards per step: use <see cref=\"Pull\"/>.</summary>");
            _w.Line($"public void Rewards(long step, ref {GlobalNames.RandomStream} random, {GlobalNames.Span}<double> rewards) => throw new {GlobalNames.InvalidOperationException}({CSharpNames.String($"{_ir.Name} is a {SettingWord} bandit: each pull draws its reward (Pull)")});");
        }
    }
}
