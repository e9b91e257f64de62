using System.Linq;
using System.Text.Json;
using RlSpec.Models;
using RlSpec.Runtime.Bandits.Algorithms;
using RlSpec.Runtime.Experiments;
using Xunit;

namespace RlSpec.Tests.Runtime.Experiments;

/// <summary>
/// <c>sweep ucb_alpha(alpha = [0.5, 1, 2, 4])</c> of examples/bandits/bernoulli9.rlspec, run through its
/// generated class: one result per value, the swept algorithm built with that value (its numbers equal a run
/// of UcbAlpha(value) alone), the others unchanged from value to value, and the JSON names the parameter.
/// </summary>
public class AlgorithmSweepTests
{
    [Fact]
    public void Each_sweep_value_runs_the_algorithm_with_that_value_and_leaves_the_others_alone()
    {
        var spec = AlphaSweep.Spec(runs: 6);
        var result = AlphaSweep.Run(spec, AlphaSweep.Algorithms(), new RunOptions { Threads = 2 });
        Assert.Equal(4, result.SweepCount);
        Assert.Equal("ucb_alpha.alpha", result.Spec.Sweep!.Parameter);
        double[] alphas = [0.5, 1, 2, 4];
        var plain = new ExperimentSpec
        {
            Name = spec.Name, Model = spec.Model, Horizon = spec.Horizon, Runs = spec.Runs, Seed = spec.Seed,
            Checkpoints = spec.Checkpoints, Record = spec.Record,
        };
        var ucb1 = result.Curves(Statistic.Regret, 0)[0].Mean;
        for (int s = 0; s < 4; s++)
        {
            var curves = result.Curves(Statistic.Regret, s);
            Assert.Equal(ucb1, curves[0].Mean); // ucb1 is not swept: the same numbers for every value
            double alpha = alphas[s];
            var alone = AlphaSweep.Run(plain, [new AlgorithmEntry<UcbAlpha>("ucb_alpha", "a", [], () => new UcbAlpha(alpha))], new RunOptions { Threads = 1 });
            Assert.Equal(alone.Curves(Statistic.Regret)[0].Mean, curves[1].Mean);
        }
        Assert.NotEqual(result.Curves(Statistic.Regret, 0)[1].Mean, result.Curves(Statistic.Regret, 3)[1].Mean);

        var json = JsonDocument.Parse(ExperimentFixtures.Json(result)).RootElement;
        Assert.Equal("ucb_alpha.alpha", json.GetProperty("sweep").GetProperty("parameter").GetString());
        Assert.Equal(["0.5", "1", "2", "4"], json.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("sweep").GetString()!).ToArray());
        var csvSweeps = ExperimentFixtures.Csv(result).Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[2]).Distinct();
        Assert.Equal(["0.5", "1", "2", "4"], csvSweeps.ToArray());
    }
}
