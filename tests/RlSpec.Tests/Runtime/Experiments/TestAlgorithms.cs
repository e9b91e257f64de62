using System;
using RlSpec.Runtime.Bandits;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Tests.Runtime.Experiments;

/// <summary>Pulls arms 0, 1, ..., K−1, 0, ... in turn.</summary>
internal struct RoundRobin : IBanditAlgorithm
{
    private int _k;
    public void Reset(BanditSetup setup) => _k = setup.ArmCount;
    public int Select(long t, ref RandomStream random) => (int)((t - 1) % _k);
    public void Update(int arm, double reward) { }
}

/// <summary>Always pulls one arm.</summary>
internal struct FixedArm : IBanditAlgorithm
{
    private readonly int _arm;
    public FixedArm(int arm) => _arm = arm;
    public void Reset(BanditSetup setup) { }
    public int Select(long t, ref RandomStream random) => _arm;
    public void Update(int arm, double reward) { }
}

/// <summary>Pulls a uniformly random arm from the algorithm stream.</summary>
internal struct UniformRandom : IBanditAlgorithm
{
    private int _k;
    public void Reset(BanditSetup setup) => _k = setup.ArmCount;
    public int Select(long t, ref RandomStream random) => random.NextInt(_k);
    public void Update(int arm, double reward) { }
}

/// <summary>
/// UCB1 written plainly for the engine tests (Auer, Cesa-Bianchi and Fischer 2002): each arm once, then
/// argmax mean + sqrt(2 ln t / n). Arrays are kept across resets of the same value, so a run allocates nothing.
/// </summary>
internal struct PlainUcb : IBanditAlgorithm
{
    private double[] _sums;
    private long[] _counts;
    private int _k;

    public void Reset(BanditSetup setup)
    {
        _k = setup.ArmCount;
        if (_sums is null || _sums.Length != _k) { _sums = new double[_k]; _counts = new long[_k]; }
        else { Array.Clear(_sums); Array.Clear(_counts); }
    }

    public int Select(long t, ref RandomStream random)
    {
        if (t <= _k) return (int)(t - 1);
        int best = 0;
        double bestIndex = double.NegativeInfinity, log = Math.Log(t);
        for (int a = 0; a < _k; a++)
        {
            double index = _sums[a] / _counts[a] + Math.Sqrt(2 * log / _counts[a]);
            if (index > bestIndex) { bestIndex = index; best = a; }
        }
        return best;
    }

    public void Update(int arm, double reward) { _sums[arm] += reward; _counts[arm]++; }
}

/// <summary>Uniform allocation (round robin) that recommends the arm with the best empirical mean: a best-arm identification test algorithm.</summary>
internal struct UniformAllocation : IBestArmIdentification
{
    private double[] _sums;
    private int _k;

    public void Reset(BanditSetup setup) { _k = setup.ArmCount; _sums = new double[_k]; }
    public int Select(long t, ref RandomStream random) => (int)((t - 1) % _k);
    public void Update(int arm, double reward) => _sums[arm] += reward;

    public int Recommend()
    {
        int best = 0;
        for (int a = 1; a < _k; a++) if (_sums[a] > _sums[best]) best = a;
        return best;
    }
}

/// <summary>A broken algorithm: picks arm K (out of range) at step <see cref="_at"/>.</summary>
internal struct OutOfRange : IBanditAlgorithm
{
    private int _k;
    private readonly long _at;
    public OutOfRange(long at) => _at = at;
    public void Reset(BanditSetup setup) => _k = setup.ArmCount;
    public int Select(long t, ref RandomStream random) => t == _at ? _k : 0;
    public void Update(int arm, double reward) { }
}
