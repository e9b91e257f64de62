using System;
using RlSpec.Runtime.Learning.PolicyOptimization;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.Tests.Runtime.Learning.PolicyOptimization;

/// <summary>The Monte Carlo Q estimates are unbiased: a z-test per (s, a) against the exact Q^π_τ.</summary>
public class SampledQTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.4)]
    public void RolloutMeansMatchTheExactQWithinTheirStandardError(double tau)
    {
        // rewards that differ strongly between states and actions, so a wrong successor or action distribution shows in Q
        var random3 = TabularModel.Random(3, 3, 0.8, seed: 9, disableOne: true);
        var m = new TabularModel(random3.P, [[0, 1, 2], [2, 3.5, 0], [4, 5, 7]], 0.8, random3.Start);
        var pi = new double[] { 0.2, 0.3, 0.5, 0.6, 0.4, 0, 0.1, 0.1, 0.8 };
        var exact = m.Q(m.Values(pi, tau));
        var sampler = new MonteCarloQ(new ExactPolicyEvaluation(m.Model, m.Gamma));
        var random = RandomStream.Create(2026, 8);
        const int n = 100_000;
        double worst = 0;
        for (int s = 0; s < m.S; s++)
            for (int a = 0; a < m.A; a++)
            {
                if (!m.Enabled(s, a)) continue;
                int row = new ExactPolicyEvaluation(m.Model, m.Gamma).Row(s, a);
                double sum = 0, squares = 0;
                for (int i = 0; i < n; i++)
                {
                    double x = sampler.Rollout(pi, tau, row, ref random);
                    sum += x;
                    squares += x * x;
                }
                double mean = sum / n, variance = (squares - n * mean * mean) / (n - 1);
                Assert.True(variance > 0.01, "the rollouts must actually be random");
                double z = (mean - exact[s * m.A + a]) / Math.Sqrt(variance / n);
                worst = Math.Max(worst, Math.Abs(z));
            }
        // 8 pairs: Pr(max |z| > 4.5) < 8·6.8e-6 under unbiasedness
        Assert.True(worst < 4.5, $"max |z| = {worst:F2}");
    }

    [Fact]
    public void EstimateAveragesTheRolloutsOfEveryEnabledPair()
    {
        var m = TabularModel.Random(3, 3, 0.8, seed: 9, disableOne: true);
        var pi = m.Uniform();
        var evaluation = new ExactPolicyEvaluation(m.Model, m.Gamma);
        var sampler = new MonteCarloQ(evaluation);
        var q = new double[m.S * m.A];
        var first = RandomStream.Create(5, 5);
        sampler.Estimate(pi, 0, 3, ref first, q);
        var second = RandomStream.Create(5, 5);
        for (int s = 0; s < m.S; s++)
            for (int a = 0; a < m.A; a++)
            {
                if (!m.Enabled(s, a)) { Assert.Equal(0.0, q[s * m.A + a]); continue; }
                double total = 0;
                for (int i = 0; i < 3; i++) total += sampler.Rollout(pi, 0, evaluation.Row(s, a), ref second);
                Assert.Equal(total / 3, q[s * m.A + a], 1e-15);
            }
    }

    [Fact]
    public void SampledNpgApproachesTheOptimum()
    {
        var m = TabularModel.Random(3, 3, 0.8, seed: 9, disableOne: true);
        var optimizer = new NaturalPolicyGradient(0.2, 1.0, 200);
        optimizer.Reset(m.Setup());
        var random = RandomStream.Create(3, 3);
        for (long k = 1; k <= 40; k++) optimizer.Step(k, ref random);
        double gap = m.Expected(m.OptimalValues()) - m.Expected(m.Values(optimizer.Policy.ToArray()));
        double initial = m.Expected(m.OptimalValues()) - m.Expected(m.Values(m.Uniform()));
        Assert.True(gap < 0.05 * initial, $"gap {gap} from {initial}");
    }
}
