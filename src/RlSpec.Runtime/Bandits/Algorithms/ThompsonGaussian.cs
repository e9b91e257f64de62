using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Bandits.Algorithms;

/// <summary>
/// Thompson sampling with Gaussian posteriors (Agrawal and Goyal, "Further optimal regret bounds for
/// Thompson sampling", AISTATS 2013, Algorithm 2, with a known reward scale σ): each step draws
/// θ_a ~ N(μ̂_a, σ²/(n_a + 1)) with μ̂_a = (Σ rewards of a)/(n_a + 1), for every arm in arm order from the
/// algorithm stream (Box-Muller, <see cref="Sampling.Normal"/>), and plays argmax_a θ_a (lowest index on a
/// tie). Rewards are used as they are. No initial pulls. Compiler name <c>thompson_gaussian</c>.
/// </summary>
public struct ThompsonGaussian : IBanditAlgorithm
{
    private readonly double _sigma;
    private double[] _count, _sum;

    /// <summary>Gaussian Thompson sampling.</summary>
    /// <param name="sigma">The scale σ of the posterior N(μ̂, σ²/(n + 1)) (the reward noise level); compiler default 1.0.</param>
    public ThompsonGaussian(double sigma)
    {
        if (!(sigma > 0) || double.IsPositiveInfinity(sigma)) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "thompson_gaussian: sigma must be positive and finite");
        _sigma = sigma;
        _count = _sum = [];
    }

    /// <inheritdoc/>
    public void Reset(BanditSetup setup)
    {
        _count = new double[setup.ArmCount];
        _sum = new double[setup.ArmCount];
    }

    /// <inheritdoc/>
    public int Select(long t, ref RandomStream random)
    {
        double[] count = _count, sum = _sum;
        int best = 0;
        double bestSample = double.NegativeInfinity;
        for (int a = 0; a < count.Length && a < sum.Length; a++)
        {
            double n1 = count[a] + 1;
            double sample = Sampling.Normal(ref random, sum[a] / n1, _sigma / Math.Sqrt(n1));
            if (sample > bestSample) { bestSample = sample; best = a; }
        }
        return best;
    }

    /// <inheritdoc/>
    public void Update(int arm, double reward)
    {
        _count[arm]++;
        _sum[arm] += reward;
    }
}
