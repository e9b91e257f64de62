using System;
using System.Linq;
using RlSpec.Runtime.Bandits;
using RlSpec.Runtime.Bandits.Algorithms;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.Tests.Runtime.Bandits;

/// <summary>Select and Update allocate nothing once Reset has run, for every built-in algorithm.</summary>
public class BanditAllocationTests
{
    private const int Arms = 10;

    private static long Allocated<T>(T algorithm, BanditSetup setup) where T : struct, IBanditAlgorithm
    {
        algorithm.Reset(setup);
        var random = RandomStream.Create(1, 2);
        var rewards = new RandomStream[setup.ArmCount];
        for (int a = 0; a < rewards.Length; a++) rewards[a] = RandomStream.Create(1, (ulong)(3 + a));
        long t = 0;
        // Rewards in (0, 1) and {0, 1} alike, so every branch (e.g. Thompson's Bernoulli trial) runs.
        void Steps()
        {
            for (int i = 0; i < 2000; i++)
            {
                int a = algorithm.Select(++t, ref random);
                double u = rewards[a].NextDouble();
                algorithm.Update(a, i % 3 == 0 ? u : u < 0.3 + 0.05 * a ? 1 : 0);
            }
        }
        return Allocations.Least(Steps);
    }

    private static readonly BanditSetup Bounded = new() { ArmCount = Arms, Horizon = 100_000, RewardLow = 0, RewardHigh = 1 };

    private static BanditSetup Linear()
    {
        var r = RandomStream.Create(4, 0);
        return new BanditSetup
        {
            ArmCount = Arms,
            Horizon = 100_000,
            Dimension = 5,
            Features = Enumerable.Range(0, Arms * 5).Select(_ => Sampling.Normal(ref r, 0, 0.5)).ToArray(),
            NoiseSigma = 0.1,
        };
    }

    [Fact] public void Ucb1_allocates_nothing() => Assert.Equal(0, Allocated(new Ucb1(), Bounded));
    [Fact] public void Ucb_alpha_allocates_nothing() => Assert.Equal(0, Allocated(new UcbAlpha(4), Bounded));
    [Fact] public void Moss_allocates_nothing() => Assert.Equal(0, Allocated(new Moss(), Bounded));
    [Fact] public void Kl_ucb_allocates_nothing() => Assert.Equal(0, Allocated(new KlUcb(3), Bounded));
    [Fact] public void Kl_ucb_gaussian_allocates_nothing() => Assert.Equal(0, Allocated(new KlUcbGaussian(1, 0), Bounded));
    [Fact] public void Thompson_allocates_nothing() => Assert.Equal(0, Allocated(new Thompson(), Bounded));
    [Fact] public void Gaussian_thompson_allocates_nothing() => Assert.Equal(0, Allocated(new ThompsonGaussian(1), Bounded));
    [Fact] public void Bayes_ucb_allocates_nothing() => Assert.Equal(0, Allocated(new BayesUcb(0), Bounded));
    [Fact] public void Epsilon_greedy_allocates_nothing() => Assert.Equal(0, Allocated(new EpsilonGreedy(0.1), Bounded));
    [Fact] public void Decaying_epsilon_greedy_allocates_nothing() => Assert.Equal(0, Allocated(new DecayingEpsilonGreedy(5, 0.1), Bounded));
    [Fact] public void Explore_then_commit_allocates_nothing() => Assert.Equal(0, Allocated(new ExploreThenCommit(0), Bounded));
    [Fact] public void Successive_elimination_allocates_nothing() => Assert.Equal(0, Allocated(new SuccessiveElimination(0.05), Bounded));
    [Fact] public void Exp3_allocates_nothing() => Assert.Equal(0, Allocated(new Exp3(-1), Bounded));
    [Fact] public void Exp3_ix_allocates_nothing() => Assert.Equal(0, Allocated(new Exp3Ix(0), Bounded));
    [Fact] public void LinUcb_allocates_nothing() => Assert.Equal(0, Allocated(new LinUcb(1, 1), Linear()));
    [Fact] public void Oful_allocates_nothing() => Assert.Equal(0, Allocated(new Oful(0.05, 1, 1), Linear()));
    [Fact] public void Linear_thompson_allocates_nothing() => Assert.Equal(0, Allocated(new LinThompson(1, 1), Linear()));

    [Fact]
    public void Successive_halving_and_rejects_allocate_nothing()
    {
        var small = new BanditSetup { ArmCount = Arms, Horizon = 3000, RewardLow = 0, RewardHigh = 1 };
        Assert.Equal(0, Allocated(new SuccessiveHalving(), small));
        Assert.Equal(0, Allocated(new SuccessiveRejects(), small));
    }
}
