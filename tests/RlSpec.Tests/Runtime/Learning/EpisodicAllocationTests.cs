using System;
using RlSpec.Runtime.Learning.Episodic;
using RlSpec.Runtime.Randomness;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Runtime.Learning;

/// <summary>After Reset and a warm-up, episodes (planning, policy, acting, observing) allocate nothing.</summary>
public class EpisodicAllocationTests
{
    private const int H = 5;

    private static long EpisodeAllocations<TAlgorithm>(TAlgorithm algorithm) where TAlgorithm : struct, IEpisodicAlgorithm
    {
        var mdp = TinyMdp.Random();
        algorithm.Reset(mdp.Setup(H, 0));
        var env = RandomStream.Create(2, 0);
        var random = RandomStream.Create(2, 1);
        var probabilities = new double[mdp.A];
        long k = 0;
        void Batch(int episodes)
        {
            for (int i = 0; i < episodes; i++)
            {
                algorithm.BeginEpisode(++k, ref random);
                int s = 0;
                for (int h = 0; h < H; h++)
                {
                    algorithm.Policy(h, s, probabilities);
                    int a = algorithm.Act(h, s, ref random);
                    var (r, next) = mdp.Step(s, a, ref env);
                    algorithm.Observe(h, s, a, r, next);
                    s = next;
                }
                algorithm.EndEpisode();
            }
        }
        return Allocations.Least(() => Batch(200), warmUp: () => Batch(200));
    }

    [Fact] public void Ucbvi_hoeffding_allocates_nothing() => Assert.Equal(0, EpisodeAllocations(new UcbviHoeffding(1.0)));
    [Fact] public void Ucbvi_bernstein_allocates_nothing() => Assert.Equal(0, EpisodeAllocations(new UcbviBernstein(1.0)));
    [Fact] public void Mvp_allocates_nothing() => Assert.Equal(0, EpisodeAllocations(new Mvp(1.0)));
    [Fact] public void Psrl_allocates_nothing() => Assert.Equal(0, EpisodeAllocations(new Psrl(1.0)));
    [Fact] public void Q_learning_hoeffding_allocates_nothing() => Assert.Equal(0, EpisodeAllocations(new QLearningHoeffding(1.0)));
    [Fact] public void Q_learning_bernstein_allocates_nothing() => Assert.Equal(0, EpisodeAllocations(new QLearningBernstein(1.0)));
    [Fact] public void Epsilon_greedy_q_learning_allocates_nothing() => Assert.Equal(0, EpisodeAllocations(new EpsilonGreedyQLearning(0.1)));

    [Fact]
    public void Optimistic_q_learning_allocates_nothing()
    {
        var mdp = TinyMdp.Random();
        var algorithm = new OptimisticQLearning(1.0);
        algorithm.Reset(mdp.Setup(H, 0, discount: 0.9));
        var env = RandomStream.Create(2, 0);
        var random = RandomStream.Create(2, 1);
        long k = 0;
        void Batch()
        {
            for (int i = 0; i < 200; i++)
            {
                algorithm.BeginEpisode(++k, ref random);
                int s = 0;
                for (int h = 0; h < H; h++)
                {
                    int a = algorithm.Act(h, s, ref random);
                    var (r, next) = mdp.Step(s, a, ref env);
                    algorithm.Observe(h, s, a, r, next);
                    s = next;
                }
            }
        }
        Assert.Equal(0, Allocations.Least(Batch));
    }

    [Fact]
    public void Ucrl2_allocates_nothing()
    {
        var mdp = TinyMdp.Random();
        var algorithm = new Ucrl2(0.05);
        algorithm.Reset(mdp.Setup(1_000_000, 0));
        var env = RandomStream.Create(2, 0);
        var random = RandomStream.Create(2, 1);
        long t = 0;
        int s = 0;
        void Batch()
        {
            for (int i = 0; i < 2000; i++)
            {
                int a = algorithm.Act(++t, s, ref random);
                var (r, next) = mdp.Step(s, a, ref env);
                algorithm.Observe(t, s, a, r, next);
                s = next;
            }
        }
        // Episodes (with their extended value iterations) keep starting in every batch of 2000 steps early on.
        Assert.Equal(0, Allocations.Least(Batch));
    }
}
