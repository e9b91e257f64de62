using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Bandits.Algorithms;

/// <summary>
/// MOSS, "Minimax Optimal Strategy in the Stochastic case" (Audibert and Bubeck, "Minimax policies for
/// adversarial and stochastic bandits", COLT 2009): after pulling every arm once (lowest index first),
/// play argmax_a  x̄_a + √(max(ln(T / (K n_a)), 0) / n_a), with T the horizon (<see cref="BanditSetup.Horizon"/>)
/// and K the number of arms. The index of an arm changes only when it is pulled, so it is cached and a
/// step is one pass of comparisons. Bounded rewards are mapped onto [0, 1]; ties go to the lowest index.
/// No parameters; compiler name <c>moss</c>.
/// </summary>
public struct Moss : IBanditAlgorithm
{
    private double[] _count, _sum, _index;
    private int _arms, _firstUnpulled;
    private double _horizonPerArm;
    private UnitRewards _rewards;

    /// <summary>MOSS has no parameters (it reads the horizon from the setup).</summary>
    public Moss()
    {
        _count = _sum = _index = [];
    }

    /// <inheritdoc/>
    public void Reset(BanditSetup setup)
    {
        _arms = setup.ArmCount;
        _count = new double[_arms];
        _sum = new double[_arms];
        _index = new double[_arms];
        _firstUnpulled = 0;
        _horizonPerArm = (double)setup.Horizon / _arms;
        _rewards = UnitRewards.Of(setup);
    }

    /// <inheritdoc/>
    public int Select(long t, ref RandomStream random)
    {
        if (_firstUnpulled < _arms) return _firstUnpulled;
        double[] index = _index;
        int best = 0;
        double bestIndex = double.NegativeInfinity;
        for (int a = 0; a < index.Length; a++)
        {
            if (index[a] > bestIndex) { bestIndex = index[a]; best = a; }
        }
        return best;
    }

    /// <inheritdoc/>
    public void Update(int arm, double reward)
    {
        double n = _count[arm] + 1;
        _count[arm] = n;
        _sum[arm] += _rewards.Map(reward);
        _index[arm] = _sum[arm] / n + Math.Sqrt(Math.Max(Math.Log(_horizonPerArm / n), 0) / n);
        while (_firstUnpulled < _arms && _count[_firstUnpulled] > 0) _firstUnpulled++;
    }
}
