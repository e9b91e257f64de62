using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Bandits.Algorithms;

/// <summary>
/// Successive halving for best-arm identification with a fixed budget T (Karnin, Koren and Somekh,
/// "Almost optimal exploration in multi-armed bandits", ICML 2013, Algorithm 1): with S₀ the K arms and
/// R = ⌈log₂ K⌉ rounds, round r pulls every arm of S_r t_r = ⌊T / (|S_r| R)⌋ times (round-robin in index
/// order), then keeps the ⌈|S_r|/2⌉ arms with the largest mean over the pulls of round r alone (ties:
/// lower index first); the single arm left after round R − 1 is recommended, and plays out any budget left
/// by the floors. A budget below K·R (t_r = 0) still pulls each survivor once per round, so the budget may
/// end mid-round; <see cref="Recommend"/> then returns the survivor with the largest mean over all its
/// pulls. Deterministic; no parameters (the budget is the horizon). Compiler name <c>successive_halving</c>.
/// </summary>
public struct SuccessiveHalving : IBestArmIdentification
{
    private double[] _roundSum, _roundCount, _sum, _count;
    private int[] _survivors, _better;
    private int _survivorCount, _rounds;
    private long _budget, _position, _roundLength;

    /// <summary>Successive halving has no parameters.</summary>
    public SuccessiveHalving()
    {
        _roundSum = _roundCount = _sum = _count = [];
        _survivors = _better = [];
    }

    /// <summary>The surviving arms, in index order.</summary>
    public readonly ReadOnlySpan<int> Survivors => _survivors.AsSpan(0, _survivorCount);

    /// <summary>R = ⌈log₂ K⌉.</summary>
    public static int Rounds(int arms)
    {
        int r = 0;
        while ((1L << r) < arms) r++;
        return r;
    }

    /// <summary>t_r = max(1, ⌊T / (|S_r| R)⌋), the pulls of each survivor in a round.</summary>
    public static long PullsPerArm(long budget, int survivors, int rounds) => Math.Max(1, budget / ((long)survivors * rounds));

    /// <inheritdoc/>
    public void Reset(BanditSetup setup)
    {
        int k = setup.ArmCount;
        _roundSum = new double[k];
        _roundCount = new double[k];
        _sum = new double[k];
        _count = new double[k];
        _survivors = new int[k];
        _better = new int[k];
        for (int a = 0; a < k; a++) _survivors[a] = a;
        _survivorCount = k;
        _rounds = Rounds(k);
        _budget = setup.Horizon;
        _position = 0;
        _roundLength = _survivorCount > 1 ? PullsPerArm(_budget, _survivorCount, _rounds) * _survivorCount : long.MaxValue;
    }

    /// <inheritdoc/>
    public int Select(long t, ref RandomStream random) => _survivors[(int)(_position % _survivorCount)];

    /// <inheritdoc/>
    public void Update(int arm, double reward)
    {
        _roundSum[arm] += reward;
        _roundCount[arm]++;
        _sum[arm] += reward;
        _count[arm]++;
        if (++_position < _roundLength) return;
        // The round is over: keep the better half by this round's means.
        // Rank first (how many survivors beat each one), then compact: compacting while ranking would
        // overwrite survivors that are still to be compared.
        int keep = (_survivorCount + 1) / 2, kept = 0;
        for (int i = 0; i < _survivorCount; i++)
        {
            int a = _survivors[i];
            double mean = _roundSum[a] / _roundCount[a];
            int better = 0;
            for (int j = 0; j < _survivorCount; j++)
            {
                int b = _survivors[j];
                double other = _roundSum[b] / _roundCount[b];
                if (other > mean || (other == mean && b < a)) better++;
            }
            _better[i] = better;
        }
        for (int i = 0; i < _survivorCount; i++)
        {
            if (_better[i] < keep) _survivors[kept++] = _survivors[i]; // kept ≤ i: index order is preserved
        }
        _survivorCount = kept;
        for (int i = 0; i < _survivorCount; i++) { _roundSum[_survivors[i]] = 0; _roundCount[_survivors[i]] = 0; }
        _position = 0;
        _roundLength = _survivorCount > 1 ? PullsPerArm(_budget, _survivorCount, _rounds) * _survivorCount : long.MaxValue;
    }

    /// <inheritdoc/>
    public readonly int Recommend()
    {
        if (_survivorCount == 1) return _survivors[0];
        int best = _survivors[0];
        double bestMean = double.NegativeInfinity;
        for (int i = 0; i < _survivorCount; i++)
        {
            int a = _survivors[i];
            double mean = _count[a] > 0 ? _sum[a] / _count[a] : double.NegativeInfinity;
            if (mean > bestMean) { bestMean = mean; best = a; }
        }
        return best;
    }
}
