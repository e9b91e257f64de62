using System.Collections.Generic;
using System.Globalization;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Kinds.Mdp.Ir;

namespace RlSpec.Compiler.Kinds.Mdp.Emit
{
    /// <summary>
    /// Actions with many fixed rewards: their terms go into methods of at most <see cref="RewardChunkSize"/>
    /// terms each, which the action's method calls in order. The C# compiler's work on one method grows
    /// faster than linearly with its length (flow analysis over every local and branch), so a model with
    /// 100,000 <c>reward</c> lines compiles in time proportional to its size only when no single method
    /// holds them all. Models with fewer terms per action are emitted exactly as before.
    /// </summary>
    internal sealed partial class MdpEmitter
    {
        /// <summary>The most fixed reward terms one emitted method holds.</summary>
        internal const int RewardChunkSize = 256;

        /// <summary>True when action <paramref name="a"/>'s fixed rewards are split across chunk methods.</summary>
        private static bool HasRewardChunks(IrAction a) => a.FixedRewards.Count > RewardChunkSize;

        /// <summary>
        /// Writes the chunk methods of <paramref name="a"/>'s fixed rewards (for Transitions, or for Sample when
        /// <paramref name="sampling"/>) and returns their names in order. Each takes the running total and returns
        /// it with its terms added, so the terms are summed in the same order as when written inline.
        /// </summary>
        private List<string> WriteRewardChunks(IrAction a, bool sampling)
        {
            var names = new List<string>();
            var terms = a.FixedRewards;
            for (int start = 0, chunk = 0; start < terms.Count; start += RewardChunkSize, chunk++)
            {
                int end = System.Math.Min(terms.Count, start + RewardChunkSize);
                var name = _members.Fresh((sampling ? _sampleMethods[a] : _actionMethods[a]) + "Rewards" + chunk.ToString(CultureInfo.InvariantCulture));
                names.Add(name);
                var scope = sampling
                    ? NewScope("state", "action", "step", RandomName, "reward")
                    : NewScope("state", "action", "step", "visitor", "reward");
                scope.Step = "step";
                string? indexName = null;
                if (a.IsFamily)
                {
                    indexName = scope.Names.Fresh(a.Index!.Name);
                    scope.Locals[a.Index] = indexName;
                }
                string index = a.IsFamily ? $"int {indexName}, " : "";
                _w.Line($"/// <summary>Rewards {start + 1}..{end} of <c>{a.Name}</c> (lines {terms[start].Line}..{terms[end - 1].Line}), added to <paramref name=\"reward\"/>.</summary>");
                if (sampling)
                {
                    _w.Open($"private double {name}(int state, int action, {index}int step, ref {GlobalNames.RandomStream} {RandomName}, double reward)");
                }
                else
                {
                    _w.Open($"private double {name}<TVisitor>(int state, int action, {index}int step, ref TVisitor visitor, double reward) {VisitorConstraint}");
                }
                var ex = sampling
                    ? new ExpressionEmitter(_fields, scope, _w) { RandomStream = RandomName }
                    : new ExpressionEmitter(_fields, scope, _w, _ir.Overflow);
                DecodeState("state", scope);
                for (int i = start; i < end; i++) WriteRewardTerm(terms[i], "reward", ex, a, scope, report: !sampling);
                _w.Line("return reward;");
                _w.Close();
                _w.Line();
            }
            return names;
        }

        /// <summary>The calls to <paramref name="chunks"/> that add every fixed reward to <paramref name="target"/>.</summary>
        private void WriteRewardChunkCalls(IrAction a, IReadOnlyList<string> chunks, string target, string? indexName, bool sampling)
        {
            string index = a.IsFamily ? indexName + ", " : "";
            string source = sampling ? $"ref {RandomName}" : "ref visitor";
            _w.Line($"// Its {a.FixedRewards.Count} rewards, in methods of at most {RewardChunkSize}.");
            foreach (var chunk in chunks) _w.Line($"{target} = {chunk}(state, action, {index}step, {source}, {target});");
        }
    }
}
