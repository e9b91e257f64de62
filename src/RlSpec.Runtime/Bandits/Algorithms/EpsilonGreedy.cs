using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Bandits.Algorithms;

/// <summary>
/// ε-greedy with a fixed ε (Sutton and Barto, Reinforcement Learning, §2.2; the constant-ε baseline of
/// Auer, Cesa-Bianchi and Fischer 2002, whose regret is linear in t): after pulling every arm once
/// (lowest index first, no draws), each step draws U uniform in [0, 1) from the algorithm stream; if
/// U &lt; ε it plays a uniform arm (a second draw, <see cref="RandomStream.NextInt"/>), otherwise
/// argmax_a x̄_a (lowest index on a tie). Compiler name <c>epsilon_greedy</c>.
/// </summary>
public struct EpsilonGreedy : IBanditAlgorithm
{
    private readonly double _epsilon;
    private double[] _count, _sum, _mean;
    private int _arms, _firstUnpulled;

    /// <summary>ε-greedy.</summary>
    /// <param name="epsilon">The exploration probability ε in [0, 1]; compiler default 0.1.</param>
    public EpsilonGreedy(double epsilon)
    {
        if (!(epsilon >= 0 && epsilon <= 1)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon_greedy: epsilon must be in [0, 1]");
        _epsilon = epsilon;
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
        if (random.NextDouble() < _epsilon) return random.NextInt(_arms);
        return Greedy.ArgMax(_mean);
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
