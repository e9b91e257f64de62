using System;
using System.Collections.Generic;
using System.Linq;
using RlSpec.Runtime.Bandits;
using RlSpec.Runtime.Bandits.Algorithms;
using Xunit;

namespace RlSpec.Tests.Runtime.Bandits;

/// <summary>
/// Successive halving and successive rejects: their pull schedules and recommendations against slow
/// references written here from the papers, on fixed reward tables, and successive rejects' error
/// probability falling with the budget.
/// </summary>
public class BestArmIdentificationTests
{
    private static readonly double[] Means = { 0.5, 0.45, 0.6, 0.3, 0.58, 0.2, 0.1 };

    /// <summary>Karnin, Koren and Somekh's schedule replayed from the table: the arm sequence and the survivor.</summary>
    private static (List<int> Arms, int Best) HalvingReference(RewardTable table, long budget)
    {
        int k = table.Arms;
        int rounds = (int)Math.Ceiling(Math.Log2(k));
        var survivors = Enumerable.Range(0, k).ToList();
        var pulls = new int[k];
        var arms = new List<int>();
        for (int r = 0; r < rounds && survivors.Count > 1; r++)
        {
            long each = Math.Max(1, budget / (survivors.Count * rounds));
            var rewards = survivors.ToDictionary(a => a, _ => new List<double>());
            for (long i = 0; i < each; i++)
                foreach (int a in survivors) { arms.Add(a); rewards[a].Add(table.Rewards[a][pulls[a]++]); }
            int keep = (survivors.Count + 1) / 2;
            survivors = survivors.OrderByDescending(a => rewards[a].Sum() / rewards[a].Count).ThenBy(a => a).Take(keep).OrderBy(a => a).ToList();
        }
        return (arms, survivors.Single());
    }

    /// <summary>Audibert, Bubeck and Munos's schedule replayed from the table.</summary>
    private static (List<int> Arms, int Best) RejectsReference(RewardTable table, long budget)
    {
        int k = table.Arms;
        double logBar = 0.5 + Enumerable.Range(2, k - 1).Sum(i => 1.0 / i);
        long N(int phase) => phase == 0 ? 0 : Math.Max(0, (long)Math.Ceiling((budget - k) / (logBar * (k + 1 - phase))));
        var survivors = Enumerable.Range(0, k).ToList();
        var seen = Enumerable.Range(0, k).Select(_ => new List<double>()).ToArray();
        var arms = new List<int>();
        for (int phase = 1; phase < k; phase++)
        {
            for (long i = 0; i < N(phase) - N(phase - 1); i++)
                foreach (int a in survivors) { arms.Add(a); seen[a].Add(table.Rewards[a][seen[a].Count]); }
            double Mean(int a) => seen[a].Count == 0 ? double.NegativeInfinity : seen[a].Sum() / seen[a].Count;
            int worst = survivors.OrderBy(Mean).ThenByDescending(a => a).First();
            survivors.Remove(worst);
        }
        return (arms, survivors.Single());
    }

    private static (int[] Arms, int Best) RunAlgorithm<T>(T algorithm, RewardTable table, long budget, int steps) where T : struct, IBestArmIdentification
    {
        var arms = table.Run(ref algorithm, RewardTable.Setup(table.Arms, budget), steps);
        return (arms, algorithm.Recommend());
    }

    [Theory]
    [InlineData(700)]
    [InlineData(1000)]
    [InlineData(4321)]
    public void Successive_halving_follows_the_schedule_of_Karnin_Koren_and_Somekh(long budget)
    {
        var table = RewardTable.Bernoulli(Means, (int)budget, 21);
        var (arms, best) = HalvingReference(table, budget);
        Assert.True(arms.Count <= budget);
        var (actual, recommended) = RunAlgorithm(new SuccessiveHalving(), table, budget, (int)budget);
        Assert.Equal(arms, actual.Take(arms.Count));
        Assert.Equal(best, recommended);
        Assert.All(actual.Skip(arms.Count), a => Assert.Equal(best, a)); // the rest of the budget plays the survivor
    }

    [Theory]
    [InlineData(100)]
    [InlineData(1000)]
    [InlineData(3001)]
    public void Successive_rejects_follows_the_schedule_of_Audibert_Bubeck_and_Munos(long budget)
    {
        var table = RewardTable.Bernoulli(Means, (int)budget, 22);
        var (arms, best) = RejectsReference(table, budget);
        Assert.True(arms.Count <= budget);
        var (actual, recommended) = RunAlgorithm(new SuccessiveRejects(), table, budget, (int)budget);
        Assert.Equal(arms, actual.Take(arms.Count));
        Assert.Equal(best, recommended);
        Assert.All(actual.Skip(arms.Count), a => Assert.Equal(best, a));
    }

    [Fact]
    public void Successive_rejects_errs_less_often_with_a_larger_budget()
    {
        // Audibert et al.'s bound: P(error) ≤ K(K−1)/2 · exp(−(n − K)/(loḡ(K) H₂)); here we check the
        // monotone fall over 400 seeds with a margin of several standard errors.
        var bandit = new BernoulliArms(new[] { 0.5, 0.45, 0.42, 0.4, 0.3 });
        double ErrorRate(long budget) => Enumerable.Range(0, 400).Count(seed =>
            RecommendAfter(bandit, budget, (ulong)seed) != 0) / 400.0;
        double small = ErrorRate(100), large = ErrorRate(2000);
        Assert.True(large < small - 0.1, $"error {small} at n = 100, {large} at n = 2000");
        Assert.True(large < 0.15);
    }

    private static int RecommendAfter(BernoulliArms bandit, long budget, ulong seed)
    {
        var algorithm = new SuccessiveRejects();
        algorithm.Reset(BanditSetup.Of(bandit, budget));
        var streams = Enumerable.Range(0, bandit.ArmCount).Select(a => RlSpec.Runtime.Randomness.RandomStream.Create(seed, (ulong)(1 + a))).ToArray();
        var random = RlSpec.Runtime.Randomness.RandomStream.Create(seed, 0);
        for (long t = 1; t <= budget; t++)
        {
            int a = algorithm.Select(t, ref random);
            algorithm.Update(a, bandit.Pull(a, ref streams[a]));
        }
        return algorithm.Recommend();
    }
}
