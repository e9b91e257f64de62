using System;
using System.Linq;
using RlSpec.Runtime.Experiments;
using Xunit;

namespace RlSpec.Tests.Runtime.Experiments;

public class CheckpointsTests
{
    [Fact]
    public void Linear_checkpoints_end_at_the_horizon()
    {
        Assert.Equal([100L, 200, 300], Checkpoints.Linear(100).Steps(300));
        Assert.Equal([100L, 200, 250], Checkpoints.Linear(100).Steps(250));
        Assert.Equal([7L], Checkpoints.Linear(100).Steps(7));
    }

    [Fact]
    public void Logarithmic_checkpoints_are_rounded_powers_of_the_horizon_without_duplicates()
    {
        // T^(i/4) for T = 10^4: 1, 10, 100, 1000, 10000.
        Assert.Equal([1L, 10, 100, 1000, 10000], Checkpoints.Logarithmic(5).Steps(10000));
        var steps = Checkpoints.Logarithmic(50).Steps(100);
        Assert.Equal(steps.OrderBy(t => t).Distinct(), steps);
        Assert.Equal(1, steps[0]);
        Assert.Equal(100, steps[^1]);
        Assert.True(steps.Length < 50);
        var expected = Enumerable.Range(0, 50).Select(i => (long)Math.Round(Math.Pow(100, i / 49.0))).Distinct().ToArray();
        Assert.Equal(expected, steps);
    }

    [Fact]
    public void Bad_checkpoints_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Checkpoints.Linear(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Checkpoints.Logarithmic(1));
    }

    [Fact]
    public void The_default_is_about_100_linear_checkpoints()
    {
        var spec = new ExperimentSpec { Name = "E", Model = "M", Horizon = 1050, Runs = 1, Seed = 1 };
        Assert.Equal(Checkpoints.Linear(11), spec.EffectiveCheckpoints);
        Assert.Equal(96, spec.EffectiveCheckpoints.Steps(1050).Length);
    }
}
