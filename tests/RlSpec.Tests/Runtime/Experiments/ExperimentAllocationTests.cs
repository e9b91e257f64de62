using System;
using RlSpec.Runtime.Bandits;
using RlSpec.Runtime.Experiments;
using Xunit;

namespace RlSpec.Tests.Runtime.Experiments;

/// <summary>The experiment loop allocates nothing per step: a whole run of 20,000 steps allocates nothing once the workspace exists.</summary>
public class ExperimentAllocationTests
{
    private static long RunAllocates<TBandit, TAlgorithm>(TBandit bandit, TAlgorithm algorithm, Statistic[] record)
        where TBandit : struct, IBandit where TAlgorithm : struct, IBanditAlgorithm
    {
        const long T = 20_000;
        long[] checkpoints = Checkpoints.Linear(100).Steps(T);
        var layout = new SeriesLayout(record, bandit.ArmCount, checkpoints.Length);
        var workspace = new RunWorkspace(42, T, checkpoints, bandit.ArmCount, null, default);
        workspace.Prepare(bandit, BanditSetup.Of(bandit, T), layout);
        var output = new double[layout.BlockSize];
        int run = 0;
        return Allocations.Least(() => BanditLoop.Run(ref bandit, ref algorithm, workspace, new RunKey(0, run++, 0), output));
    }

    private static readonly Statistic[] All = [Statistic.Regret, Statistic.RealizedRegret, Statistic.Reward, Statistic.Counts, Statistic.BestArmRate];

    [Fact]
    public void A_stochastic_run_allocates_nothing() => Assert.Equal(0, RunAllocates(new BernoulliArms(ExperimentFixtures.Means), new PlainUcb(), All));

    [Fact]
    public void A_run_with_a_randomised_algorithm_allocates_nothing() => Assert.Equal(0, RunAllocates(new BernoulliArms(ExperimentFixtures.Means), new UniformRandom(), All));

    [Fact]
    public void An_adversarial_run_allocates_nothing() => Assert.Equal(0, RunAllocates(new UniformAdversary(6, 2), new UniformRandom(), All));
}
