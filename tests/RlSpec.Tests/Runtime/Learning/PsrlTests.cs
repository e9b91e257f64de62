using System;
using RlSpec.Runtime.Learning.Episodic;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.Tests.Runtime.Learning;

/// <summary>PSRL: the plan is exact backward induction on the sampled model, and the samples follow the posterior.</summary>
public class PsrlTests
{
    [Fact]
    public void The_plan_is_backward_induction_on_the_sampled_model()
    {
        const int H = 4;
        var mdp = TinyMdp.Random();
        var algorithm = new Psrl(0.5);
        algorithm.Reset(mdp.Setup(H, 200));
        var env = RandomStream.Create(9, 0);
        var random = RandomStream.Create(9, 1);
        for (long k = 1; k <= 200; k++)
        {
            algorithm.BeginEpisode(k, ref random);
            Psrl snapshot = algorithm;
            for (int s = 0; s < mdp.S; s++)
                for (int a = 0; a < mdp.A; a++)
                {
                    if (!mdp.Available[s * mdp.A + a]) continue;
                    double total = 0;
                    for (int z = 0; z < mdp.S; z++) total += snapshot.SampledTransition(s, a, z);
                    Assert.True(Math.Abs(total - 1) <= 1e-12, $"row ({s},{a}) sums to {total:R}");
                }
            var (q, _) = SlowPlanner.Plan(mdp, H, (h, s, a, next) =>
            {
                double sum = snapshot.SampledReward(s, a);
                for (int z = 0; z < mdp.S; z++) sum += snapshot.SampledTransition(s, a, z) * next[z];
                return sum;
            }, double.PositiveInfinity, null);
            for (int h = 0; h < H; h++)
                for (int s = 0; s < mdp.S; s++)
                {
                    for (int a = 0; a < mdp.A; a++)
                        if (mdp.Available[s * mdp.A + a]) Assert.True(Math.Abs(q[h, s, a] - algorithm.QValue(h, s, a)) <= 1e-12, $"Q[{h},{s},{a}]: {q[h, s, a]:R} vs {algorithm.QValue(h, s, a):R}");
                    Assert.Equal(SlowPlanner.Greedy(mdp, a => q[h, s, a], s), algorithm.Act(h, s, ref random));
                }
            int state = 0;
            for (int h = 0; h < H; h++)
            {
                int action = algorithm.Act(h, state, ref random);
                var (r, next) = mdp.Step(state, action, ref env);
                algorithm.Observe(h, state, action, r, next);
                state = next;
            }
            algorithm.EndEpisode();
        }
    }

    [Fact]
    public void Sampled_models_follow_the_dirichlet_and_beta_posteriors()
    {
        // Pair (0, 0) sees successors 0 ×5, 2 ×3, 3 ×2 and rewards summing to 7 in 10 visits; with prior 1 the
        // posterior is Dirichlet(6, 1, 4, 3) and Beta(8, 4).
        var mdp = TinyMdp.Random();
        var algorithm = new Psrl(1.0);
        algorithm.Reset(mdp.Setup(3, 0));
        int[] successors = [0, 0, 0, 0, 0, 2, 2, 2, 3, 3];
        double[] rewards = [1, 1, 1, 1, 1, 1, 1, 0, 0, 0];
        for (int i = 0; i < successors.Length; i++) algorithm.Observe(0, 0, 0, rewards[i], successors[i]);
        double[] alpha = [6, 1, 4, 3];
        double alpha0 = 14;
        const int draws = 20_000;
        var sum = new double[4];
        var squares = new double[4];
        double rewardSum = 0, rewardSquares = 0;
        var random = RandomStream.Create(21, 0);
        for (int i = 1; i <= draws; i++)
        {
            algorithm.BeginEpisode(i, ref random);
            for (int z = 0; z < 4; z++)
            {
                double p = algorithm.SampledTransition(0, 0, z);
                sum[z] += p;
                squares[z] += p * p;
            }
            double r = algorithm.SampledReward(0, 0);
            rewardSum += r;
            rewardSquares += r * r;
        }
        for (int z = 0; z < 4; z++)
        {
            double mean = alpha[z] / alpha0, variance = alpha[z] * (alpha0 - alpha[z]) / (alpha0 * alpha0 * (alpha0 + 1));
            double sampleMean = sum[z] / draws, sampleVariance = squares[z] / draws - sampleMean * sampleMean;
            Assert.True(Math.Abs(sampleMean - mean) <= 5 * Math.Sqrt(variance / draws), $"successor {z}: mean {sampleMean} vs {mean}");
            Assert.True(Math.Abs(sampleVariance / variance - 1) <= 0.06, $"successor {z}: variance {sampleVariance} vs {variance}");
        }
        double a = 8, b = 4, betaMean = a / (a + b), betaVariance = a * b / ((a + b) * (a + b) * (a + b + 1));
        Assert.True(Math.Abs(rewardSum / draws - betaMean) <= 5 * Math.Sqrt(betaVariance / draws), $"reward mean {rewardSum / draws} vs {betaMean}");
        double rewardSampleVariance = rewardSquares / draws - Math.Pow(rewardSum / draws, 2);
        Assert.True(Math.Abs(rewardSampleVariance / betaVariance - 1) <= 0.06, $"reward variance {rewardSampleVariance} vs {betaVariance}");
    }
}
