using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Bandits.Algorithms;

/// <summary>
/// α-UCB ((α, ψ)-UCB with Hoeffding's ψ(λ) = λ²/8 for rewards in [0, 1]; Bubeck and Cesa-Bianchi,
/// "Regret analysis of stochastic and nonstochastic multi-armed bandit problems", 2012, §2.2): after
/// pulling every arm once (lowest index first), play argmax_a  x̄_a + √(α ln t / (2 n_a)) at step t.
/// α = 4 gives UCB1's bonus √(2 ln t / n_a); the regret bound needs α &gt; 2. Bounded rewards are
/// mapped onto [0, 1]; ties go to the lowest index. Compiler name <c>ucb_alpha</c>.
/// </summary>
public struct UcbAlpha : IBanditAlgorithm
{
    private readonly double _alpha;
    private double[] _count, _sum, _mean;
    private int _arms, _firstUnpulled;
    private UnitRewards _rewards;

    /// <summary>α-UCB.</summary>
    /// <param name="alpha">The exploration constant α in √(α ln t / (2 n_a)); compiler default 4.0.</param>
    public UcbAlpha(double alpha)
    {
        if (!(alpha >= 0) || double.IsPositiveInfinity(alpha)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "ucb_alpha: alpha must be finite and not negative");
        _alpha = alpha;
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
        _rewards = UnitRewards.Of(setup);
    }

    /// <inheritdoc/>
    public int Select(long t, ref RandomStream random)
    {
        if (_firstUnpulled < _arms) return _firstUnpulled;
        double exploration = _alpha * Math.Log(t) / 2;
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
        _sum[arm] += _rewards.Map(reward);
        _mean[arm] = _sum[arm] / n;
        while (_firstUnpulled < _arms && _count[_firstUnpulled] > 0) _firstUnpulled++;
    }
}
