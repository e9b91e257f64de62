using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Bandits.Algorithms;

/// <summary>
/// KL-UCB for rewards in [0, 1] with the Bernoulli divergence (Garivier and Cappé, "The KL-UCB algorithm
/// for bounded stochastic bandits and beyond", COLT 2011): after pulling every arm once (lowest index
/// first), play at step t the arm with the largest
/// <code>U_a(t) = sup { q ∈ [x̄_a, 1] : n_a · kl(x̄_a, q) ≤ ln t + c · ln(max(1, ln t)) }</code>
/// where kl is the Bernoulli divergence (<see cref="KullbackLeibler.Bernoulli"/>), x̄_a the mean and n_a
/// the plays of arm a. (The max(1, ·) keeps ln ln t defined for t &lt; e.) The inversion is
/// <see cref="KullbackLeibler.BernoulliUpperBound"/>, exact within 1e-10. Bounded rewards are mapped onto
/// [0, 1]; unbounded ones are clipped to it. Ties go to the lowest index. Compiler name <c>kl_ucb</c>.
/// </summary>
/// <remarks>
/// Speed without changing the choice: the index of the last chosen arm (usually the next one too) is
/// computed first; it is the bar B. Another arm a can beat B only if q = B still satisfies
/// n_a kl(x̄_a, B) ≤ f(t) (the index is increasing in the budget), and that test costs two products,
/// because kl(x, B) = [x ln x + (1−x) ln(1−x)] − x ln B − (1−x) ln(1−B) with the bracket cached per arm
/// and ln B, ln(1−B) computed once per step. Pinsker's bound x̄_a + √(d/2) skips most arms earlier.
/// Only an arm that passes (with a margin of 1e-9 against rounding) has its index inverted exactly.
/// </remarks>
public struct KlUcb : IBanditAlgorithm
{
    private readonly double _c;
    private double[] _count, _sum, _mean, _negativeEntropy;
    private int _arms, _firstUnpulled, _leader;
    private UnitRewards _rewards;

    /// <summary>KL-UCB with the Bernoulli divergence.</summary>
    /// <param name="c">The weight c of ln ln t in the exploration budget ln t + c ln ln t; compiler default 0.0 (the paper's experiments; its theorem takes c = 3).</param>
    public KlUcb(double c)
    {
        if (!(c >= 0) || double.IsPositiveInfinity(c)) throw new ArgumentOutOfRangeException(nameof(c), c, "kl_ucb: c must be finite and not negative");
        _c = c;
        _count = _sum = _mean = _negativeEntropy = [];
    }

    /// <inheritdoc/>
    public void Reset(BanditSetup setup)
    {
        _arms = setup.ArmCount;
        _count = new double[_arms];
        _sum = new double[_arms];
        _mean = new double[_arms];
        _negativeEntropy = new double[_arms];
        _firstUnpulled = 0;
        _leader = 0;
        _rewards = UnitRewards.Of(setup);
    }

    /// <summary>The exploration budget f(t) = ln t + c ln(max(1, ln t)).</summary>
    internal static double Exploration(long t, double c)
    {
        double logT = Math.Log(t);
        return c == 0 ? logT : logT + c * Math.Log(Math.Max(1, logT));
    }

    /// <inheritdoc/>
    public int Select(long t, ref RandomStream random)
    {
        if (_firstUnpulled < _arms) return _firstUnpulled;
        double budget = Exploration(t, _c);
        double[] count = _count, mean = _mean, negativeEntropy = _negativeEntropy;
        int best = _leader;
        double bar = KullbackLeibler.BernoulliUpperBound(mean[best], budget / count[best]);
        double logBar = Math.Log(bar), logOneMinusBar = Math.Log(1 - bar);
        for (int a = 0; a < count.Length && a < mean.Length && a < negativeEntropy.Length; a++)
        {
            if (a == best) continue;
            double x = mean[a], d = budget / count[a];
            if (x < bar)
            {
                if (bar >= 1) continue; // only x̄ = 1 reaches an index of 1, and x̄ < bar = 1 here
                if (x + Math.Sqrt(0.5 * d) < bar) continue; // Pinsker: U_a ≤ x + √(d/2) < B
                double kl = negativeEntropy[a] - x * logBar - (1 - x) * logOneMinusBar;
                if (kl > d + 1e-9) continue; // U_a < B
            }
            double index = KullbackLeibler.BernoulliUpperBound(x, d);
            if (index > bar || (index == bar && a < best))
            {
                bar = index;
                best = a;
                logBar = Math.Log(bar);
                logOneMinusBar = Math.Log(1 - bar);
            }
        }
        _leader = best;
        return best;
    }

    /// <inheritdoc/>
    public void Update(int arm, double reward)
    {
        double n = _count[arm] + 1;
        _count[arm] = n;
        _sum[arm] += _rewards.MapClamped(reward);
        double x = _sum[arm] / n;
        _mean[arm] = x;
        _negativeEntropy[arm] = (x > 0 ? x * Math.Log(x) : 0) + (x < 1 ? (1 - x) * Math.Log(1 - x) : 0);
        while (_firstUnpulled < _arms && _count[_firstUnpulled] > 0) _firstUnpulled++;
    }
}
