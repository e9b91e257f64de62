using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Bandits.Algorithms;

/// <summary>
/// Successive elimination (Even-Dar, Mannor and Mansour, "Action elimination and stopping conditions for
/// the multi-armed bandit and reinforcement learning problems", JMLR 7, 2006, "Successive Elimination with
/// unknown biases"): the surviving arms are pulled round-robin in index order; when a round ends with every
/// survivor pulled r times, each arm a with x̄_max − x̄_a ≥ 2α_r is eliminated, where
/// α_r = √(ln(c K r² / δ) / r) with c = 4 and K the number of arms. Once one arm survives it is played
/// forever. Bounded rewards are mapped onto [0, 1] (the paper's setting). Deterministic. Compiler name
/// <c>successive_elimination</c>.
/// </summary>
public struct SuccessiveElimination : IBanditAlgorithm
{
    /// <summary>The constant c of α_r in the paper.</summary>
    public const double C = 4;

    private readonly double _delta;
    private double[] _count, _sum;
    private int[] _active;
    private int _activeCount, _position, _arms;
    private UnitRewards _rewards;

    /// <summary>Successive elimination.</summary>
    /// <param name="delta">The confidence δ in (0, 1): all eliminations are correct with probability at least 1 − δ; compiler default 0.05.</param>
    public SuccessiveElimination(double delta)
    {
        if (!(delta > 0 && delta < 1)) throw new ArgumentOutOfRangeException(nameof(delta), delta, "successive_elimination: delta must be in (0, 1)");
        _delta = delta;
        _count = _sum = [];
        _active = [];
    }

    /// <summary>The surviving arms, in index order.</summary>
    public readonly ReadOnlySpan<int> Active => _active.AsSpan(0, _activeCount);

    /// <inheritdoc/>
    public void Reset(BanditSetup setup)
    {
        _arms = setup.ArmCount;
        _count = new double[_arms];
        _sum = new double[_arms];
        _active = new int[_arms];
        for (int a = 0; a < _arms; a++) _active[a] = a;
        _activeCount = _arms;
        _position = 0;
        _rewards = UnitRewards.Of(setup);
    }

    /// <inheritdoc/>
    public int Select(long t, ref RandomStream random) => _active[_position];

    /// <inheritdoc/>
    public void Update(int arm, double reward)
    {
        _count[arm]++;
        _sum[arm] += _rewards.Map(reward);
        if (++_position < _activeCount) return;
        _position = 0;
        if (_activeCount == 1) return;
        double r = _count[_active[0]];
        double alpha = Math.Sqrt(Math.Log(C * _arms * r * r / _delta) / r);
        double best = double.NegativeInfinity;
        for (int i = 0; i < _activeCount; i++) best = Math.Max(best, _sum[_active[i]] / _count[_active[i]]);
        int kept = 0;
        for (int i = 0; i < _activeCount; i++)
        {
            int a = _active[i];
            if (best - _sum[a] / _count[a] < 2 * alpha) _active[kept++] = a;
        }
        _activeCount = kept;
    }
}
