using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Bandits.Algorithms;

/// <summary>
/// Successive rejects for best-arm identification with a fixed budget n (Audibert, Bubeck and Munos,
/// "Best arm identification in multi-armed bandits", COLT 2010): with loḡ(K) = ½ + Σ_{i=2}^K 1/i and
/// n_k = ⌈(n − K) / (loḡ(K) (K + 1 − k))⌉ (n₀ = 0), phase k = 1..K−1 pulls every surviving arm
/// n_k − n_{k−1} times (round-robin in index order) and then rejects the survivor with the lowest mean
/// over all its pulls (on a tie the higher index; an arm never pulled counts as −∞). The last survivor is
/// recommended and plays out the rest of the budget. Σ_k n_k + n_{K−1} ≤ n, so the schedule fits the
/// budget. Deterministic; no parameters (the budget is the horizon). Compiler name <c>successive_rejects</c>.
/// </summary>
public struct SuccessiveRejects : IBestArmIdentification
{
    private double[] _sum, _count;
    private int[] _survivors;
    private int _survivorCount, _arms, _phase;
    private long _budget, _position, _phaseLength;

    /// <summary>Successive rejects has no parameters.</summary>
    public SuccessiveRejects()
    {
        _sum = _count = [];
        _survivors = [];
    }

    /// <summary>The surviving arms, in index order.</summary>
    public readonly ReadOnlySpan<int> Survivors => _survivors.AsSpan(0, _survivorCount);

    /// <summary>loḡ(K) = ½ + Σ_{i=2}^K 1/i.</summary>
    public static double LogBar(int arms)
    {
        double s = 0.5;
        for (int i = 2; i <= arms; i++) s += 1.0 / i;
        return s;
    }

    /// <summary>n_k = ⌈(n − K) / (loḡ(K)(K + 1 − k))⌉ for k ≥ 1 (0 for k = 0, and never negative).</summary>
    public static long PhaseEnd(long budget, int arms, int k) =>
        k == 0 ? 0 : Math.Max(0, (long)Math.Ceiling((budget - arms) / (LogBar(arms) * (arms + 1 - k))));

    /// <inheritdoc/>
    public void Reset(BanditSetup setup)
    {
        _arms = setup.ArmCount;
        _sum = new double[_arms];
        _count = new double[_arms];
        _survivors = new int[_arms];
        for (int a = 0; a < _arms; a++) _survivors[a] = a;
        _survivorCount = _arms;
        _budget = setup.Horizon;
        _phase = 0;
        StartNextPhase();
    }

    /// <summary>Moves to the next phase with pulls to make, rejecting an arm after every empty phase.</summary>
    private void StartNextPhase()
    {
        _position = 0;
        while (_survivorCount > 1)
        {
            _phase++;
            _phaseLength = (PhaseEnd(_budget, _arms, _phase) - PhaseEnd(_budget, _arms, _phase - 1)) * _survivorCount;
            if (_phaseLength > 0) return;
            RejectWorst();
        }
        _phaseLength = long.MaxValue;
    }

    private void RejectWorst()
    {
        int worst = 0;
        double worstMean = double.PositiveInfinity;
        for (int i = 0; i < _survivorCount; i++)
        {
            int a = _survivors[i];
            double mean = _count[a] > 0 ? _sum[a] / _count[a] : double.NegativeInfinity;
            if (mean <= worstMean) { worstMean = mean; worst = i; }
        }
        for (int i = worst; i + 1 < _survivorCount; i++) _survivors[i] = _survivors[i + 1];
        _survivorCount--;
    }

    /// <inheritdoc/>
    public int Select(long t, ref RandomStream random) => _survivors[(int)(_position % _survivorCount)];

    /// <inheritdoc/>
    public void Update(int arm, double reward)
    {
        _sum[arm] += reward;
        _count[arm]++;
        if (++_position < _phaseLength) return;
        RejectWorst();
        StartNextPhase();
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
