using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Bandits.Algorithms;

/// <summary>
/// KL-UCB with the Gaussian divergence kl(μ, λ) = (μ − λ)²/(2σ²) of a known variance σ² (Garivier and
/// Cappé, "The KL-UCB algorithm for bounded stochastic bandits and beyond", COLT 2011, the exponential
/// family case): after pulling every arm once (lowest index first), play at step t the arm with the largest
/// <code>U_a(t) = sup { q ≥ x̄_a : n_a (x̄_a − q)²/(2σ²) ≤ f(t) } = x̄_a + √(2σ² f(t) / n_a)</code>
/// with f(t) = ln t + c ln(max(1, ln t)), the closed form of the inversion. Rewards are used as they are
/// (no mapping: Gaussian arms are unbounded). Ties go to the lowest index. Compiler name <c>kl_ucb_gaussian</c>.
/// </summary>
public struct KlUcbGaussian : IBanditAlgorithm
{
    private readonly double _sigma, _c;
    private double[] _count, _sum, _mean;
    private int _arms, _firstUnpulled;

    /// <summary>KL-UCB with the Gaussian divergence.</summary>
    /// <param name="sigma">The known reward standard deviation σ; compiler default 1.0.</param>
    /// <param name="c">The weight c of ln ln t in the exploration budget; compiler default 0.0.</param>
    public KlUcbGaussian(double sigma, double c)
    {
        if (!(sigma > 0) || double.IsPositiveInfinity(sigma)) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "kl_ucb_gaussian: sigma must be positive and finite");
        if (!(c >= 0) || double.IsPositiveInfinity(c)) throw new ArgumentOutOfRangeException(nameof(c), c, "kl_ucb_gaussian: c must be finite and not negative");
        _sigma = sigma;
        _c = c;
        _count = _sum = _mean = [];
    }

    /// <inheritdoc/>
    public void Reset(BanditSetup setup)
    {
        _arms = setup.ArmCount;
        _count = new double[_arms];
        _sum = new double[_arms];
        _mean = new double[_arms];
        _firstUnpulled = 0;
    }

    /// <inheritdoc/>
    public int Select(long t, ref RandomStream random)
    {
        if (_firstUnpulled < _arms) return _firstUnpulled;
        double exploration = 2 * _sigma * _sigma * KlUcb.Exploration(t, _c);
        double[] count = _count, mean = _mean;
        int best = 0;
        double bestIndex = double.NegativeInfinity;
        for (int a = 0; a < count.Length && a < mean.Length; a++)
        {
            double index = mean[a] + Math.Sqrt(exploration / count[a]);
            if (index > bestIndex) { bestIndex = index; best = a; }
        }
        return best;
    }

    /// <inheritdoc/>
    public void Update(int arm, double reward)
    {
        double n = _count[arm] + 1;
        _count[arm] = n;
        _sum[arm] += reward;
        _mean[arm] = _sum[arm] / n;
        while (_firstUnpulled < _arms && _count[_firstUnpulled] > 0) _firstUnpulled++;
    }
}
