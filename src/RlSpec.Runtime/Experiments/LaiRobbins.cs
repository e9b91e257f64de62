using System;
using RlSpec.Runtime.Bandits;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// The Lai-Robbins asymptotic lower bound on the regret of any uniformly good policy on Bernoulli arms
/// (Lai and Robbins, "Asymptotically efficient adaptive allocation rules", Adv. Appl. Math. 6, 1985):
/// liminf R_T / ln T ≥ C = Σ_{a: μa &lt; μ*} (μ* − μa) / kl(μa, μ*), kl the Bernoulli Kullback-Leibler
/// divergence in nats. For the arms 0.1, ..., 0.9, C ≈ 7.52.
/// </summary>
public static class LaiRobbins
{
    /// <summary>The constant C of the bound for Bernoulli arms with these means (each in [0, 1]).</summary>
    public static double BernoulliConstant(ReadOnlySpan<double> means)
    {
        double best = double.NegativeInfinity;
        foreach (double m in means)
        {
            if (!(m >= 0 && m <= 1)) throw new ArgumentOutOfRangeException(nameof(means), m, "Bernoulli means must be in [0, 1]");
            best = Math.Max(best, m);
        }
        double c = 0;
        foreach (double m in means)
            if (m < best) c += (best - m) / KullbackLeibler.Bernoulli(m, best);
        return c;
    }

    /// <summary>
    /// The constant C for <paramref name="bandit"/> when the bound applies to it: a stochastic bandit whose every arm
    /// is Bernoulli (<see cref="IBandit.Distribution"/>); null otherwise (other families, linear, adversarial, or a
    /// hand-written bandit that does not say its arms' distributions). The engine asks this of a fixed instance only:
    /// with an instance drawn per run the means, hence C, change from run to run.
    /// </summary>
    public static double? ConstantOf<TBandit>(in TBandit bandit) where TBandit : struct, IBandit
    {
        if (bandit.Family != BanditFamily.Stochastic) return null;
        int k = bandit.ArmCount;
        var means = new double[k];
        for (int a = 0; a < k; a++)
        {
            if (bandit.Distribution(a) != RewardDistribution.Bernoulli) return null;
            means[a] = bandit.Mean(a);
        }
        return BernoulliConstant(means);
    }

    /// <summary>The bound C·ln t at each of <paramref name="steps"/> (0 at t ≤ 1).</summary>
    public static double[] Curve(ReadOnlySpan<double> means, ReadOnlySpan<double> steps)
    {
        return Curve(BernoulliConstant(means), steps);
    }

    /// <summary>The bound C·ln t for a known constant at each of <paramref name="steps"/> (0 at t ≤ 1).</summary>
    public static double[] Curve(double constant, ReadOnlySpan<double> steps)
    {
        var y = new double[steps.Length];
        for (int i = 0; i < steps.Length; i++) y[i] = steps[i] > 1 ? constant * Math.Log(steps[i]) : 0;
        return y;
    }
}
