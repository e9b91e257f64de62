using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Bandits.Algorithms;

/// <summary>
/// ε_n-greedy (Auer, Cesa-Bianchi and Fischer, "Finite-time analysis of the multiarmed bandit problem",
/// Machine Learning 47, 2002, Fig. 4): at step t, ε_t = min(1, cK/(d² t)); after pulling every arm once
/// (lowest index first, no draws), each step draws U uniform in [0, 1) from the algorithm stream; if
/// U &lt; ε_t it plays a uniform arm (a second draw), otherwise argmax_a x̄_a (lowest index on a tie).
/// The paper's guarantee needs c &gt; 0 and 0 &lt; d ≤ the smallest gap. Compiler name <c>decaying_epsilon_greedy</c>.
/// </summary>
public struct DecayingEpsilonGreedy : IBanditAlgorithm
{
    private readonly double _c, _d;
    private double[] _count, _sum, _mean;
    private int _arms, _firstUnpulled;
    private double _scale;

    /// <summary>ε_n-greedy.</summary>
    /// <param name="c">The constant c in ε_t = min(1, cK/(d² t)); compiler default 5.0.</param>
    /// <param name="d">The gap guess d in ε_t = min(1, cK/(d² t)) (a lower bound on the smallest gap); compiler default 0.1.</param>
    public DecayingEpsilonGreedy(double c, double d)
    {
        if (!(c >= 0) || double.IsPositiveInfinity(c)) throw new ArgumentOutOfRangeException(nameof(c), c, "decaying_epsilon_greedy: c must be finite and not negative");
        if (!(d > 0) || double.IsPositiveInfinity(d)) throw new ArgumentOutOfRangeException(nameof(d), d, "decaying_epsilon_greedy: d must be positive and finite");
        _c = c;
        _d = d;
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
        _scale = _c * _arms / (_d * _d);
    }

    /// <summary>ε_t = min(1, cK/(d² t)).</summary>
    public readonly double Epsilon(long t) => Math.Min(1, _scale / t);

    /// <inheritdoc/>
    public int Select(long t, ref RandomStream random)
    {
        if (_firstUnpulled < _arms) return _firstUnpulled;
        if (random.NextDouble() < Epsilon(t)) return random.NextInt(_arms);
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
