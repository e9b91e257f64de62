using System;
using System.Collections.Generic;
using System.Linq;
using RlSpec.Examples.CustomBandit;
using RlSpec.Models;
using RlSpec.Runtime.Bandits;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.Tests.Runtime.Experiments;

/// <summary>
/// The core of examples/RlSpec.Examples.CustomBandit: its UCB-Tuned struct (compiled into this project from the
/// example's file) picks the arms of a slow independent computation of the index, and run through a generated
/// experiment's C# API next to a built-in algorithm it leaves that algorithm's numbers unchanged (same seeds) and
/// beats UCB1 on the nine Bernoulli arms, as Auer, Cesa-Bianchi and Fischer (2002) report.
/// </summary>
public class CustomAlgorithmExampleTests
{
    [Fact]
    public void UcbTuned_picks_the_arm_of_an_independent_computation_of_its_index()
    {
        const int k = 4;
        var algorithm = new UcbTuned();
        algorithm.Reset(new BanditSetup { ArmCount = k, Horizon = 500, RewardLow = 0, RewardHigh = 1 });
        var history = new List<(int Arm, double Reward)>();
        var random = RandomStream.Create(5, 0);
        var unused = RandomStream.Create(6, 0);
        double[] means = [0.2, 0.5, 0.55, 0.6];
        for (long t = 1; t <= 500; t++)
        {
            int expected;
            if (t <= k) expected = (int)(t - 1);
            else
            {
                // From the whole history each time: x̄_j + sqrt(ln n / n_j · min(1/4, V_j)).
                double n = t - 1;
                var index = Enumerable.Range(0, k).Select(j =>
                {
                    var rewards = history.Where(h => h.Arm == j).Select(h => h.Reward).ToArray();
                    double mean = rewards.Average();
                    double v = rewards.Select(x => x * x).Average() - mean * mean + Math.Sqrt(2 * Math.Log(n) / rewards.Length);
                    return mean + Math.Sqrt(Math.Log(n) / rewards.Length * Math.Min(0.25, v));
                }).ToArray();
                expected = Array.IndexOf(index, index.Max());
            }
            int arm = algorithm.Select(t, ref unused);
            Assert.True(expected == arm, $"step {t}: {arm} instead of {expected}");
            double reward = random.NextDouble() < means[arm] ? 1.0 : 0.0;
            algorithm.Update(arm, reward);
            history.Add((arm, reward));
        }
        Assert.True(history.Count(h => h.Arm == 3) > history.Count(h => h.Arm == 0));
    }

    [Fact]
    public void Added_to_a_generated_experiment_it_keeps_the_built_in_numbers_and_beats_UCB1()
    {
        var spec = Regret.Spec(runs: 20);
        var ucb1 = Regret.Algorithms().Take(1).ToList();
        var both = ucb1.Append(new AlgorithmEntry<UcbTuned>("ucb_tuned", "UCB-Tuned", [], () => new UcbTuned())).ToList();
        var options = new RunOptions { Threads = 2 };
        var alone = Regret.Run(spec, ucb1, options);
        var together = Regret.Run(spec, both, options);

        var before = alone.Curves(Statistic.Regret)[0];
        var after = together.Curves(Statistic.Regret)[0];
        Assert.Equal(before.Mean, after.Mean);
        Assert.Equal(before.High, after.High);

        var series = together.Layouts[0].Find(Statistic.Regret)!;
        var difference = together.Aggregate(0, 1, series, series.Points - 1).Difference!;
        Assert.True(difference.CiHigh < 0, $"UCB-Tuned minus UCB1 at T = 10,000: {difference.Mean} [{difference.CiLow}, {difference.CiHigh}]");
    }
}
