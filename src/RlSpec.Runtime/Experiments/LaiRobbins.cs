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

    /// <summary>The bound C·ln t at each of <paramref name="steps"/> (0 at t ≤ 1).</summary>
    public static double[] Curve(ReadOnlySpan<double> means, ReadOnlySpan<double> steps)
    {
        double c = BernoulliConstant(means);
        var y = new double[steps.Length];
        for (int i = 0; i < steps.Length; i++) y[i] = steps[i] > 1 ? c * Math.Log(steps[i]) : 0;
        return y;
    }
}
