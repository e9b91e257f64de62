using System;
using RlSpec.Runtime.Bandits;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Examples.CustomBandit;

/// <summary>
/// UCB-Tuned (Auer, Cesa-Bianchi and Fischer, "Finite-time analysis of the multiarmed bandit problem",
/// Machine Learning 47, 2002, section 4), written here as a researcher would write their own algorithm: a
/// struct implementing <see cref="IBanditAlgorithm"/>. After pulling every arm once, at step t it pulls the
/// arm j maximizing x̄_j + sqrt(ln n / n_j · min(1/4, V_j)), with n = t − 1 pulls so far, n_j pulls of arm j and
/// V_j = (1/n_j) Σ X² − x̄_j² + sqrt(2 ln n / n_j), an upper confidence bound on the arm's variance (1/4 bounds
/// the variance of a reward in [0, 1]). Ties go to the lowest arm. Select and Update allocate nothing.
/// </summary>
public struct UcbTuned : IBanditAlgorithm
{
    private long[] _pulls;
    private double[] _sum, _sumOfSquares;

    /// <summary>Forgets every pull; called by the engine before each run.</summary>
    public void Reset(BanditSetup setup)
    {
        _pulls = new long[setup.ArmCount];
        _sum = new double[setup.ArmCount];
        _sumOfSquares = new double[setup.ArmCount];
    }

    /// <summary>Every arm once, then the largest UCB-Tuned index.</summary>
    public readonly int Select(long t, ref RandomStream random)
    {
        int k = _pulls.Length;
        if (t <= k) return (int)(t - 1);
        double logN = Math.Log(t - 1);
        int best = 0;
        double bestIndex = double.NegativeInfinity;
        for (int j = 0; j < k; j++)
        {
            double n = _pulls[j], mean = _sum[j] / n;
            double variance = _sumOfSquares[j] / n - mean * mean + Math.Sqrt(2 * logN / n);
            double index = mean + Math.Sqrt(logN / n * Math.Min(0.25, variance));
            if (index > bestIndex) { bestIndex = index; best = j; }
        }
        return best;
    }

    /// <summary>Counts the pull and adds the reward and its square.</summary>
    public void Update(int arm, double reward)
    {
        _pulls[arm]++;
        _sum[arm] += reward;
        _sumOfSquares[arm] += reward * reward;
    }
}
