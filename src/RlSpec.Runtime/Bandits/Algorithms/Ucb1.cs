using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Bandits.Algorithms;

/// <summary>
/// UCB1 (Auer, Cesa-Bianchi and Fischer, "Finite-time analysis of the multiarmed bandit problem",
/// Machine Learning 47, 2002, Fig. 1): after pulling every arm once (lowest index first), play
/// argmax_a  x̄_a + √(2 ln n / n_a), where n = t − 1 is the number of plays so far, n_a the plays of
/// arm a and x̄_a their mean reward. Rewards of a bounded range are mapped onto [0, 1] first (the
/// paper's setting); ties go to the lowest index. No parameters; compiler name <c>ucb1</c>.
/// </summary>
public struct Ucb1 : IBanditAlgorithm
{
    private double[] _count, _sum, _mean;
    private int _arms, _firstUnpulled, _leader;
    private UnitRewards _rewards;

    /// <summary>UCB1 has no parameters.</summary>
    public Ucb1()
    {
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
        _leader = 0;
        _rewards = UnitRewards.Of(setup);
    }

    /// <inheritdoc/>
    public int Select(long t, ref RandomStream random)
    {
        if (_firstUnpulled < _arms) return _firstUnpulled;
        double exploration = 2 * Math.Log(t - 1);
        double[] count = _count, mean = _mean;
        // Start from the last choice (usually the next one too); an arm whose bonus cannot close its gap
        // to the leader, gap² · n_a > 2 ln n (with a relative margin far above rounding), is skipped
        // without a division or a square root. Arms that pass get the exact index, so the choice, ties
        // included, is the plain argmax of the formula.
        int best = _leader;
        double bestIndex = mean[best] + Math.Sqrt(exploration / count[best]);
        double skipAbove = exploration * (1 + 1e-12);
        for (int a = 0; a < count.Length && a < mean.Length; a++)
        {
            double gap = bestIndex - mean[a];
            if (gap > 0 && gap * gap * count[a] > skipAbove) continue;
            double index = mean[a] + Math.Sqrt(exploration / count[a]);
            if (index > bestIndex || (index == bestIndex && a < best)) { bestIndex = index; best = a; }
        }
        _leader = best;
        return best;
    }

    /// <inheritdoc/>
    public void Update(int arm, double reward)
    {
        double n = _count[arm] + 1;
        _count[arm] = n;
        _sum[arm] += _rewards.Map(reward);
        // x̄ = sum/n once per update, not once per arm and step; sum/n (not a running mean) so that arms
        // with the same rewards in another order have bit-equal means and tie.
        _mean[arm] = _sum[arm] / n;
        while (_firstUnpulled < _arms && _count[_firstUnpulled] > 0) _firstUnpulled++;
    }
}
