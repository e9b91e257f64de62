using System.Linq;
using RlSpec.Runtime.Bandits.Algorithms;
using RlSpec.Runtime.Experiments;
using Xunit;

namespace RlSpec.Tests.Runtime.Experiments;

/// <summary>The engine with the built-in algorithms on 9 Bernoulli arms 0.1..0.9: the paired intervals separate them.</summary>
public class RealAlgorithmTests
{
    [Fact]
    public void Thompson_and_KL_UCB_beat_UCB1_by_a_paired_interval_and_stay_above_a_fraction_of_Lai_Robbins()
    {
        const long T = 3000;
        var means = Enumerable.Range(1, 9).Select(i => 0.1 * i).ToArray();
        var spec = new ExperimentSpec { Name = "Regret", Model = "Bernoulli9", Horizon = T, Runs = 60, Seed = 42, Checkpoints = Checkpoints.Logarithmic(20) };
        AlgorithmEntry[] algorithms =
        [
            new AlgorithmEntry<Ucb1>("ucb1", "UCB1", [], () => new Ucb1()),
            new AlgorithmEntry<Thompson>("thompson", "Thompson", [], () => new Thompson()),
            new AlgorithmEntry<KlUcb>("kl_ucb", "KL-UCB", [new("c", "0")], () => new KlUcb(0)),
        ];
        var result = BanditExperiment.Run(spec, algorithms, (_, _) => new BernoulliArms(means), new RunOptions { Threads = 2 });
        var regret = result.Layouts[0].Find(Statistic.Regret)!;
        int last = regret.Points - 1;
        for (int a = 1; a < 3; a++)
        {
            var d = result.Aggregate(0, a, regret, last).Difference!;
            Assert.True(d.CiHigh < 0, $"{algorithms[a].Label} − UCB1 = {d.Mean} [{d.CiLow}, {d.CiHigh}]");
        }
        // Far from asymptotic at T = 3000, but no policy's mean regret is far below C ln T (here 60.2).
        double bound = LaiRobbins.BernoulliConstant(means) * System.Math.Log(T);
        for (int a = 0; a < 3; a++) Assert.True(result.Aggregate(0, a, regret, last).Summary.Mean > 0.3 * bound);
    }
}
