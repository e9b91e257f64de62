using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Bandits.Algorithms;

/// <summary>
/// Thompson sampling with Beta-Bernoulli posteriors (Agrawal and Goyal, "Analysis of Thompson sampling for
/// the multi-armed bandit problem", COLT 2012, Algorithm 2 for rewards in [0, 1]): with a uniform prior,
/// arm a has posterior Beta(S_a + 1, F_a + 1); each step draws θ_a ~ Beta(S_a + 1, F_a + 1) for every arm
/// (in arm order, from the algorithm stream) and plays argmax_a θ_a (lowest index on a tie). A reward r
/// in [0, 1] counts through a Bernoulli trial with success probability r: a success adds 1 to S_a, a
/// failure 1 to F_a. Rewards exactly 0 or 1 need no trial; for others the trial draws one uniform from
/// the algorithm stream at the start of the next <see cref="Select"/> (Update has no stream). Bounded
/// rewards are mapped onto [0, 1], unbounded ones clipped. No initial pulls. No parameters; compiler
/// name <c>thompson</c>.
/// </summary>
public struct Thompson : IBanditAlgorithm
{
    private double[] _successes, _failures;
    private int _pendingArm;
    private double _pendingReward;
    private UnitRewards _rewards;

    /// <summary>Beta-Bernoulli Thompson sampling has no parameters.</summary>
    public Thompson()
    {
        _successes = _failures = [];
        _pendingArm = -1;
    }

    /// <inheritdoc/>
    public void Reset(BanditSetup setup)
    {
        _successes = new double[setup.ArmCount];
        _failures = new double[setup.ArmCount];
        _pendingArm = -1;
        _rewards = UnitRewards.Of(setup);
    }

    /// <inheritdoc/>
    public int Select(long t, ref RandomStream random)
    {
        if (_pendingArm >= 0)
        {
            if (random.NextDouble() < _pendingReward) _successes[_pendingArm]++;
            else _failures[_pendingArm]++;
            _pendingArm = -1;
        }
        double[] successes = _successes, failures = _failures;
        int best = 0;
        double bestSample = double.NegativeInfinity;
        for (int a = 0; a < successes.Length && a < failures.Length; a++)
        {
            double sample = Sampling.Beta(ref random, successes[a] + 1, failures[a] + 1);
            if (sample > bestSample) { bestSample = sample; best = a; }
        }
        return best;
    }

    /// <inheritdoc/>
    public void Update(int arm, double reward)
    {
        double r = _rewards.MapClamped(reward);
        if (r == 1) _successes[arm]++;
        else if (r == 0) _failures[arm]++;
        else { _pendingArm = arm; _pendingReward = r; }
    }
}
