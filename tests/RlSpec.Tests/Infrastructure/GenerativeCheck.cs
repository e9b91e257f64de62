using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using MathNet.Numerics.Distributions;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Tests.Infrastructure;

/// <summary>
/// Checks a model's generative step against its exact side: for each tested (state, action, step),
/// many draws of <see cref="IGenerativeMdp.Sample"/> are compared with the probabilities that
/// <see cref="IMdp.Transitions{TVisitor}"/> reports, by a chi-square test of the successor
/// frequencies, and the sampled reward's mean with the exact expected reward Σ p·r, within a
/// normal-quantile margin. Both use the same per-pair level, the family level divided by the
/// number of pairs (Bonferroni). An action that Transitions rejects must sample −1, and vice versa.
/// </summary>
internal static class GenerativeCheck
{
    public readonly record struct Pair(int State, int Action, int Step);

    public sealed record PairResult(Pair Pair, bool Available, string? Failure, ChiSquare.Result Fit, double SampledMeanReward, double ExpectedReward, double RewardMargin);

    public sealed record Report(string Model, double PairLevel, IReadOnlyList<PairResult> Pairs)
    {
        public IEnumerable<PairResult> Failures => Pairs.Where(p => p.Failure is not null);
        public bool Passed => !Failures.Any();

        public override string ToString()
        {
            var text = new StringBuilder($"{Model}: {Pairs.Count} pairs at level {PairLevel:G3} each, {Failures.Count()} failed");
            foreach (var f in Failures.Take(10)) text.Append($"\n  (state {f.Pair.State}, action {f.Pair.Action}, step {f.Pair.Step}): {f.Failure}");
            return text.ToString();
        }
    }

    /// <summary>
    /// The pairs to test: every (state, action) when there are at most <paramref name="maxPairs"/>, else
    /// <paramref name="maxPairs"/> distinct pairs drawn with a fixed seed. The step is 0 unless the model
    /// is time-dependent, then a random step below its horizon (or below 10).
    /// </summary>
    public static List<Pair> ChoosePairs(IMdp model, int maxPairs, ulong seed)
    {
        var random = RandomStream.Create(seed, 0);
        int horizon = model.Criterion.Kind == CriterionKind.FiniteHorizon ? model.Criterion.Horizon : 10;
        int Step() => model.IsTimeDependent ? random.NextInt(Math.Max(1, horizon)) : 0;
        long all = (long)model.StateCount * model.ActionCount;
        var pairs = new List<Pair>();
        if (all <= maxPairs)
        {
            for (int s = 0; s < model.StateCount; s++)
                for (int a = 0; a < model.ActionCount; a++) pairs.Add(new Pair(s, a, Step()));
            return pairs;
        }
        var seen = new HashSet<long>();
        while (pairs.Count < maxPairs)
        {
            long index = random.NextLong(0, all - 1);
            if (seen.Add(index)) pairs.Add(new Pair((int)(index / model.ActionCount), (int)(index % model.ActionCount), Step()));
        }
        return pairs;
    }

    /// <summary>Runs the check; <paramref name="pairLevel"/> is the level of each pair's tests (already Bonferroni-corrected by the caller).</summary>
    public static Report Run<TModel>(TModel model, IReadOnlyList<Pair> pairs, int samples, ulong seed, double pairLevel) where TModel : struct, IGenerativeMdp
    {
        var results = new List<PairResult>();
        // Counts by successor in a dense array (only the touched entries are read and cleared).
        var countByState = new long[model.StateCount];
        var touched = new List<int>();
        double z = Normal.InvCDF(0, 1, 1 - pairLevel / 2);
        for (int i = 0; i < pairs.Count; i++)
        {
            var pair = pairs[i];
            var collector = new Collector();
            var visitor = new CollectingVisitor(collector);
            bool available = model.Transitions(pair.State, pair.Action, pair.Step, ref visitor);

            var random = RandomStream.Create(seed, (ulong)i);
            double rewardSum = 0, rewardSquares = 0;
            string? failure = null;
            for (int k = 0; k < samples; k++)
            {
                int next = model.Sample(pair.State, pair.Action, pair.Step, ref random, out double reward);
                if (next < 0)
                {
                    if (available) { failure = $"Sample says the action is unavailable, Transitions says it is available (draw {k})"; break; }
                    continue;
                }
                if (!available) { failure = $"Sample returned successor {next} for an action Transitions says is unavailable"; break; }
                if (next >= countByState.Length) { failure = $"Sample returned {next}, not a state"; break; }
                if (countByState[next]++ == 0) touched.Add(next);
                rewardSum += reward;
                rewardSquares += reward * reward;
            }
            var counts = new Dictionary<int, long>();
            foreach (int t in touched) { counts[t] = countByState[t]; countByState[t] = 0; }
            touched.Clear();
            if (failure is not null || !available)
            {
                results.Add(new PairResult(pair, available, failure, default, 0, 0, 0));
                continue;
            }

            // Cells: every successor with exact probability, then any sampled successor it lacks (probability 0).
            var successors = collector.Probability.Keys.Union(counts.Keys).OrderBy(s => s).ToArray();
            var observed = successors.Select(s => counts.GetValueOrDefault(s)).ToArray();
            var expected = successors.Select(s => collector.Probability.GetValueOrDefault(s)).ToArray();
            var fit = ChiSquare.Test(observed, expected);
            if (fit.PValue < pairLevel) failure = $"successor frequencies do not fit the exact probabilities ({fit})";

            double mean = rewardSum / samples;
            double variance = Math.Max(0, rewardSquares / samples - mean * mean) * samples / (samples - 1.0);
            double margin = z * Math.Sqrt(variance / samples) + 1e-9 * (1 + Math.Abs(collector.ExpectedReward));
            if (failure is null && Math.Abs(mean - collector.ExpectedReward) > margin)
                failure = $"sampled mean reward {mean:G10} differs from the expected reward {collector.ExpectedReward:G10} by more than {margin:G3}";
            results.Add(new PairResult(pair, true, failure, fit, mean, collector.ExpectedReward, margin));
        }
        return new Report(model.Name, pairLevel, results);
    }

    private sealed class Collector
    {
        public readonly Dictionary<int, double> Probability = new();
        public double ExpectedReward;
    }

    private readonly struct CollectingVisitor(Collector collector) : ITransitionVisitor
    {
        public static bool Validating => false;

        public void Outcome(int next, double probability, double reward)
        {
            collector.Probability[next] = collector.Probability.GetValueOrDefault(next) + probability;
            collector.ExpectedReward += probability * reward;
        }

        public void BeginRule(int rule) { }
        public void OutOfRange(int variable, long value, double probability) { }
        public void NoMatchingRule() { }
    }
}
