using System;
using RlSpec.Runtime.Learning.Episodic;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.Tests.Runtime.Learning;

/// <summary>
/// Each algorithm's update against a slow independent implementation (SlowReferences.cs) on the same
/// trajectory: same actions, rewards and successors; Q values to 1e-12 before and after every episode.
/// A small bonus multiplier keeps the values away from the clip, so the bonus formulas themselves are
/// checked; the published multiplier 1 is run too.
/// </summary>
public class EpisodicUpdateTests
{
    private const int H = 4;
    private const long K = 300;

    [Theory]
    [InlineData(0.01)]
    [InlineData(1.0)]
    public void Ucbvi_hoeffding_matches_the_reference(double bonus)
    {
        var mdp = TinyMdp.Random();
        var algorithm = new UcbviHoeffding(bonus);
        algorithm.Reset(mdp.Setup(H, K));
        Trajectory.Compare(mdp, ref algorithm, new UcbviReference(mdp, H, K, 0.05, bonus, bernstein: false),
            (in UcbviHoeffding x, int h, int s, int a) => x.QValue(h, s, a), H, (int)K);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(1.0)]
    public void Ucbvi_bernstein_matches_the_reference(double bonus)
    {
        var mdp = TinyMdp.Random();
        var algorithm = new UcbviBernstein(bonus);
        algorithm.Reset(mdp.Setup(H, K));
        Trajectory.Compare(mdp, ref algorithm, new UcbviReference(mdp, H, K, 0.05, bonus, bernstein: true),
            (in UcbviBernstein x, int h, int s, int a) => x.QValue(h, s, a), H, (int)K);
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(1.0)]
    public void Mvp_matches_the_reference(double bonus)
    {
        var mdp = TinyMdp.Random();
        var algorithm = new Mvp(bonus);
        algorithm.Reset(mdp.Setup(H, K));
        Trajectory.Compare(mdp, ref algorithm, new MvpReference(mdp, H, K, 0.05, bonus),
            (in Mvp x, int h, int s, int a) => x.QValue(h, s, a), H, (int)K);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(1.0)]
    public void Q_learning_hoeffding_matches_the_reference(double bonus)
    {
        var mdp = TinyMdp.Random();
        var algorithm = new QLearningHoeffding(bonus);
        algorithm.Reset(mdp.Setup(H, K));
        Trajectory.Compare(mdp, ref algorithm, new QLearningReference(mdp, H, K, 0.05, bonus, "hoeffding"),
            (in QLearningHoeffding x, int h, int s, int a) => x.QValue(h, s, a), H, (int)K);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(1.0)]
    public void Q_learning_bernstein_matches_the_reference(double bonus)
    {
        var mdp = TinyMdp.Random();
        var algorithm = new QLearningBernstein(bonus);
        algorithm.Reset(mdp.Setup(H, K));
        Trajectory.Compare(mdp, ref algorithm, new QLearningReference(mdp, H, K, 0.05, bonus, "bernstein"),
            (in QLearningBernstein x, int h, int s, int a) => x.QValue(h, s, a), H, (int)K);
    }

    [Fact]
    public void Epsilon_greedy_q_learning_matches_the_reference()
    {
        var mdp = TinyMdp.Random();
        var algorithm = new EpsilonGreedyQLearning(0.3);
        algorithm.Reset(mdp.Setup(H, K));
        var reference = new QLearningReference(mdp, H, K, 0.05, 0, "epsilon");
        Trajectory.Compare(mdp, ref algorithm, reference,
            (in EpsilonGreedyQLearning x, int h, int s, int a) => x.QValue(h, s, a), H, (int)K, compareActions: false, deterministic: false);
    }

    [Fact]
    public void Epsilon_greedy_policy_mixes_uniform_exploration_with_the_greedy_action()
    {
        var mdp = TinyMdp.Random();
        var algorithm = new EpsilonGreedyQLearning(0.3);
        algorithm.Reset(mdp.Setup(H, K));
        var reference = new QLearningReference(mdp, H, K, 0.05, 0, "epsilon");
        var env = RandomStream.Create(3, 0);
        var random = RandomStream.Create(3, 1);
        var p = new double[mdp.A];
        var counts = new long[mdp.A];
        for (long k = 1; k <= 50; k++)
        {
            algorithm.BeginEpisode(k, ref random);
            int s = 0;
            for (int h = 0; h < H; h++)
            {
                algorithm.Policy(h, s, p);
                int greedy = reference.Act(h, s), enabled = mdp.Available[s * mdp.A + 1] ? 2 : 1;
                for (int a = 0; a < mdp.A; a++)
                {
                    double expected = !mdp.Available[s * mdp.A + a] ? 0 : 0.3 / enabled + (a == greedy ? 0.7 : 0);
                    Assert.Equal(expected, p[a], 15);
                }
                int played = algorithm.Act(h, s, ref random);
                var (r, next) = mdp.Step(s, played, ref env);
                algorithm.Observe(h, s, played, r, next);
                reference.Observe(h, s, played, r, next);
                s = next;
            }
        }
        // Act draws from Policy: in state 3 (one enabled action) and elsewhere, the frequency of the policy's
        // distribution at a fixed (h, s) over many draws is within 5 standard errors.
        algorithm.BeginEpisode(51, ref random);
        algorithm.Policy(0, 0, p);
        const int draws = 100_000;
        for (int i = 0; i < draws; i++) counts[algorithm.Act(0, 0, ref random)]++;
        for (int a = 0; a < mdp.A; a++)
            Assert.True(Math.Abs(counts[a] / (double)draws - p[a]) <= 5 * Math.Sqrt(p[a] * (1 - p[a]) / draws) + 1e-12, $"action {a}: {counts[a]} of {draws}, policy {p[a]}");
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(1.0)]
    public void Optimistic_q_learning_matches_the_reference(double bonus)
    {
        var mdp = TinyMdp.Random();
        var algorithm = new OptimisticQLearning(bonus);
        algorithm.Reset(mdp.Setup(20, K, discount: 0.9));
        var reference = new OptimisticQReference(mdp, 0.9, 0.05, bonus);
        Assert.Equal(reference.EffectiveHorizon, algorithm.EffectiveHorizon);
        // Q changes within an episode and Act follows it, so Policy (the start-of-episode policy) is not
        // compared step by step here; the actions and the Q values are.
        Trajectory.Compare(mdp, ref algorithm, reference,
            (in OptimisticQLearning x, int h, int s, int a) => x.QValue(s, a), 20, 100, deterministic: false);
    }

    [Fact]
    public void Optimistic_q_learning_reports_the_start_of_episode_policy()
    {
        var mdp = TinyMdp.Random();
        var algorithm = new OptimisticQLearning(0.01);
        algorithm.Reset(mdp.Setup(20, K, discount: 0.9));
        var env = RandomStream.Create(5, 0);
        var random = RandomStream.Create(5, 1);
        var p = new double[mdp.A];
        for (long k = 1; k <= 30; k++)
        {
            algorithm.BeginEpisode(k, ref random);
            var start = new int[mdp.S];
            for (int s0 = 0; s0 < mdp.S; s0++) start[s0] = algorithm.Act(0, s0, ref random);
            int s = 0;
            for (int h = 0; h < 20; h++)
            {
                int a = algorithm.Act(h, s, ref random);
                var (r, next) = mdp.Step(s, a, ref env);
                algorithm.Observe(h, s, a, r, next);
                s = next;
            }
            for (int s0 = 0; s0 < mdp.S; s0++)
            {
                algorithm.Policy(7, s0, p);
                Assert.Equal(1.0, p[start[s0]]);
            }
        }
    }
}
