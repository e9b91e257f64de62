using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RlSpec.Runtime.Bandits;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.Tests.Runtime.Experiments;

/// <summary>
/// The recorded statistics of single runs against a plain loop written here: its own streams (from
/// RandomStream.Create and the documented key), its own sums, its own checkpoint logic.
/// </summary>
public class BanditLoopTests
{
    private const ulong Seed = 42;

    /// <summary>What the plain loop records at a checkpoint.</summary>
    private sealed record Point(long T, double Regret, double Realized, double Reward, long[] Counts, double BestArmRate);

    private static RandomStream Stream(int run, int purpose, int arm) => RandomStream.Create(Seed, ((ulong)run << 32) + ((ulong)purpose << 28) + (ulong)arm);

    private static (List<Point> Points, int Recommended) Reference<TAlgorithm>(TAlgorithm algorithm, double[] means, int run, long horizon, long every)
        where TAlgorithm : struct, IBanditAlgorithm
    {
        int k = means.Length;
        double best = means.Max();
        var armStreams = Enumerable.Range(0, k).Select(a => Stream(run, 0, a)).ToArray();
        var algorithmStream = Stream(run, 2, 0);
        algorithm.Reset(new BanditSetup { ArmCount = k, Horizon = horizon, RewardLow = 0, RewardHigh = 1 });
        var counts = new long[k];
        double regret = 0, reward = 0;
        var points = new List<Point>();
        for (long t = 1; t <= horizon; t++)
        {
            int arm = algorithm.Select(t, ref algorithmStream);
            double x = BernoulliArms.Draw(means[arm], ref armStreams[arm]);
            algorithm.Update(arm, x);
            counts[arm]++;
            regret += best - means[arm];
            reward += x;
            if (t % every == 0 || t == horizon)
            {
                long optimal = Enumerable.Range(0, k).Where(a => means[a] == best).Sum(a => counts[a]);
                points.Add(new Point(t, regret, t * best - reward, reward, (long[])counts.Clone(), optimal / (double)t));
            }
        }
        int recommended = algorithm is IBestArmIdentification bai ? bai.Recommend() : Array.IndexOf(counts, counts.Max());
        return (points, recommended);
    }

    private static void AssertMatches(ExperimentResult result, int position, int algorithm, List<Point> points, int recommended, double[] means)
    {
        var layout = result.Layouts[0];
        Assert.Equal(points.Select(p => p.T), result.CheckpointSteps);
        for (int c = 0; c < points.Count; c++)
        {
            var p = points[c];
            Assert.Equal(p.Regret, result.Value(0, position, algorithm, layout.Find(Statistic.Regret)!, c), 12);
            Assert.Equal(p.Realized, result.Value(0, position, algorithm, layout.Find(Statistic.RealizedRegret)!, c), 12);
            Assert.Equal(p.Reward, result.Value(0, position, algorithm, layout.Find(Statistic.Reward)!, c));
            Assert.Equal(p.BestArmRate, result.Value(0, position, algorithm, layout.Find(Statistic.BestArmRate)!, c));
            for (int a = 0; a < means.Length; a++)
                Assert.Equal(p.Counts[a], result.Value(0, position, algorithm, layout.Find(Statistic.Counts, a)!, c));
        }
        double error = means[recommended] == means.Max() ? 0 : 1;
        Assert.Equal(error, result.Value(0, position, algorithm, layout.Find(Statistic.Error)!, 0));
    }

    [Fact]
    public void Stochastic_statistics_match_a_plain_loop_for_every_algorithm_and_run()
    {
        var spec = ExperimentFixtures.Spec(runs: 4, horizon: 330);
        var result = ExperimentFixtures.Run(spec);
        var means = ExperimentFixtures.Means;
        for (int run = 0; run < 4; run++)
        {
            var (ucb, ucbRec) = Reference(new PlainUcb(), means, run, 330, 50);
            AssertMatches(result, run, 0, ucb, ucbRec, means);
            var (rr, rrRec) = Reference(new RoundRobin(), means, run, 330, 50);
            AssertMatches(result, run, 1, rr, rrRec, means);
            var (random, randomRec) = Reference(new UniformRandom(), means, run, 330, 50);
            AssertMatches(result, run, 2, random, randomRec, means);
        }
        // Round robin's pseudo-regret is exact: 66 pulls of each arm, gaps 0.4 + 0.3 + 0.2 + 0.1.
        Assert.Equal(66 * 1.0, result.Value(0, 0, 1, result.Layouts[0].Find(Statistic.Regret)!, result.CheckpointSteps.Length - 1), 10);
    }

    [Fact]
    public void A_best_arm_identification_algorithm_is_scored_by_its_recommendation()
    {
        var spec = ExperimentFixtures.Spec(runs: 30, horizon: 50, record: [Statistic.Error]);
        var means = new[] { 0.5, 0.45, 0.2 };
        var result = BanditExperiment.Run(spec, [new AlgorithmEntry<UniformAllocation>("uniform", "", [], () => new UniformAllocation())],
            (_, _) => new BernoulliArms(means), new RunOptions { Threads = 2 });
        int errors = 0;
        for (int run = 0; run < 30; run++)
        {
            var (_, recommended) = Reference(new UniformAllocation(), means, run, 50, 50);
            double expected = recommended == 0 ? 0 : 1;
            errors += (int)expected;
            Assert.Equal(expected, result.Value(0, run, 0, result.Layouts[0].Find(Statistic.Error)!, 0));
        }
        Assert.InRange(errors, 1, 29); // the test distinguishes right from wrong recommendations
        Assert.Equal(errors / 30.0, result.Aggregate(0, 0, result.Layouts[0].Find(Statistic.Error)!, 0).Summary.Mean, 12);
    }

    [Fact]
    public void Adversarial_regret_is_against_the_best_arm_in_hindsight()
    {
        const int K = 4, Run = 3;
        const long T = 200;
        var spec = ExperimentFixtures.Spec(runs: 5, horizon: T, checkpoints: Checkpoints.Linear(40),
            record: [Statistic.Regret, Statistic.RealizedRegret, Statistic.Reward, Statistic.BestArmRate, Statistic.Counts]);
        var result = BanditExperiment.Run(spec, [new AlgorithmEntry<UniformRandom>("random", "", [], () => new UniformRandom())],
            (_, _) => new UniformAdversary(K, good: 2), new RunOptions { Threads = 3 });

        var adversary = Stream(Run, 1, 0);
        var algorithmStream = Stream(Run, 2, 0);
        var bandit = new UniformAdversary(K, 2);
        var rewards = new double[K];
        var cumulative = new double[K];
        var counts = new long[K];
        double reward = 0;
        var layout = result.Layouts[0];
        int c = 0;
        for (long t = 1; t <= T; t++)
        {
            int arm = algorithmStream.NextInt(K);
            bandit.Rewards(t, ref adversary, rewards);
            for (int a = 0; a < K; a++) cumulative[a] += rewards[a];
            reward += rewards[arm];
            counts[arm]++;
            if (t % 40 != 0) continue;
            int best = Array.IndexOf(cumulative, cumulative.Max());
            Assert.Equal(2, best);
            Assert.Equal(cumulative.Max() - reward, result.Value(0, Run, 0, layout.Find(Statistic.Regret)!, c), 10);
            Assert.Equal(cumulative.Max() - reward, result.Value(0, Run, 0, layout.Find(Statistic.RealizedRegret)!, c), 10);
            Assert.Equal(reward, result.Value(0, Run, 0, layout.Find(Statistic.Reward)!, c), 10);
            Assert.Equal(counts[best] / (double)t, result.Value(0, Run, 0, layout.Find(Statistic.BestArmRate)!, c));
            Assert.Equal(counts[1], result.Value(0, Run, 0, layout.Find(Statistic.Counts, 1)!, c));
            c++;
        }
        Assert.Equal(5, c);
    }

    [Fact]
    public void The_nth_pull_of_an_arm_gives_the_same_reward_for_every_algorithm()
    {
        var trace = new StringWriter();
        var spec = ExperimentFixtures.Spec(runs: 3, horizon: 400, record: [Statistic.Reward]);
        BanditExperiment.Run(spec,
            [new AlgorithmEntry<FixedArm>("fixed", "", [], () => new FixedArm(2)), new AlgorithmEntry<RoundRobin>("rr", "", [], () => new RoundRobin()), new AlgorithmEntry<PlainUcb>("ucb", "", [], () => new PlainUcb())],
            (_, _) => new BernoulliArms(ExperimentFixtures.Means), new RunOptions { RunIndex = 1, Trace = trace });
        var lines = trace.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("sweep,run,algorithm,t,arm,reward", lines[0]);
        Assert.Equal(1 + 3 * 400, lines.Length);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(rows, r => Assert.Equal("1", r[1]));
        for (int arm = 0; arm < 5; arm++)
        {
            var perAlgorithm = Enumerable.Range(0, 3)
                .Select(a => rows.Where(r => r[2] == a.ToString() && r[4] == arm.ToString()).Select(r => r[5]).ToList()).ToList();
            int common = perAlgorithm.Min(p => p.Count);
            for (int a = 1; a < 3; a++) Assert.Equal(perAlgorithm[0].Take(common), perAlgorithm[a].Take(common));
        }
        // Arm 2 of run 1 is pulled 400 times by "fixed", 80 by round robin: the first 80 agree, and they are the stream's draws.
        var stream = Stream(1, 0, 2);
        var draws = Enumerable.Range(0, 400).Select(_ => BernoulliArms.Draw(0.3, ref stream).ToString("R")).ToList();
        Assert.Equal(draws, rows.Where(r => r[2] == "0").Select(r => r[5]));
    }

    [Fact]
    public void An_algorithm_that_selects_an_arm_out_of_range_is_reported()
    {
        var spec = ExperimentFixtures.Spec(runs: 4, horizon: 100);
        var ex = Assert.Throws<ExperimentException>(() => BanditExperiment.Run(spec,
            [new AlgorithmEntry<OutOfRange>("broken", "", [], () => new OutOfRange(17))], (_, _) => new BernoulliArms(0.5, 0.6), new RunOptions { Threads = 2 }));
        Assert.Equal(ExperimentErrorIds.InvalidArm, ex.Id);
        Assert.Contains("selected arm 2 at step 17", ex.Message);
        Assert.Contains("0..1", ex.Message);
    }
}
