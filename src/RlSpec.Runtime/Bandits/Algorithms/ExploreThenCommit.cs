using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Bandits.Algorithms;

/// <summary>
/// Explore-then-commit (Lattimore and Szepesvári, Bandit Algorithms, 2020, Ch. 6; Garivier, Kaufmann and
/// Lattimore, "On explore-then-commit strategies", NeurIPS 2016): steps 1..mK pull the arms round-robin,
/// arm (t − 1) mod K at step t, so each arm m times; every later step plays the arm with the largest mean
/// over its m exploration pulls (lowest index on a tie), fixed once at the end of exploration.
/// With m = 0 the exploration length is tuned from the horizon T without knowing the gaps:
/// m = max(1, min(⌊T/K⌋, ⌈(T/K)^(2/3) (ln T)^(1/3)⌉)), the gap-free choice behind the
/// O(T^(2/3) (K ln T)^(1/3)) regret bound (Lattimore and Szepesvári, Exercise 6.2 for K arms).
/// Rewards are used as they are. Compiler name <c>explore_then_commit</c>.
/// </summary>
public struct ExploreThenCommit : IBanditAlgorithm
{
    private readonly int _m;
    private double[] _count, _sum;
    private int _arms, _committed;
    private long _explorationSteps;

    /// <summary>Explore-then-commit.</summary>
    /// <param name="m">Pulls of each arm before committing; 0 tunes m from the horizon as in the summary; compiler default 0.</param>
    public ExploreThenCommit(int m)
    {
        if (m < 0) throw new ArgumentOutOfRangeException(nameof(m), m, "explore_then_commit: m must not be negative");
        _m = m;
        _count = _sum = [];
        _committed = -1;
    }

    /// <summary>The exploration pulls per arm for a horizon and arm count: <paramref name="m"/>, or the tuned value when it is 0.</summary>
    public static long ExplorationPulls(int m, long horizon, int arms)
    {
        if (m > 0) return m;
        double perArm = (double)horizon / arms;
        double tuned = Math.Ceiling(Math.Pow(perArm, 2.0 / 3) * Math.Cbrt(Math.Log(Math.Max(horizon, 1))));
        return Math.Max(1, (long)Math.Min(Math.Floor(perArm), tuned));
    }

    /// <inheritdoc/>
    public void Reset(BanditSetup setup)
    {
        _arms = setup.ArmCount;
        _count = new double[_arms];
        _sum = new double[_arms];
        _committed = -1;
        _explorationSteps = ExplorationPulls(_m, setup.Horizon, _arms) * _arms;
    }

    /// <inheritdoc/>
    public int Select(long t, ref RandomStream random)
    {
        if (t <= _explorationSteps) return (int)((t - 1) % _arms);
        if (_committed < 0)
        {
            double[] count = _count, sum = _sum;
            double bestMean = double.NegativeInfinity;
            _committed = 0;
            for (int a = 0; a < count.Length && a < sum.Length; a++)
            {
                double mean = count[a] > 0 ? sum[a] / count[a] : double.NegativeInfinity;
                if (mean > bestMean) { bestMean = mean; _committed = a; }
            }
        }
        return _committed;
    }

    /// <inheritdoc/>
    public void Update(int arm, double reward)
    {
        if (_committed >= 0) return; // the commitment is final; later rewards are not needed
        _count[arm]++;
        _sum[arm] += reward;
    }
}
