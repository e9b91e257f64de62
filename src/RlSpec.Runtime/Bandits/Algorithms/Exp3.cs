using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Bandits.Algorithms;

/// <summary>
/// EXP3, exponential weights for exploration and exploitation (Auer, Cesa-Bianchi, Freund and Schapire,
/// "The nonstochastic multiarmed bandit problem", SIAM J. Comput. 32, 2002), in the loss form of Bubeck
/// and Cesa-Bianchi (2012, §3.1): with losses ℓ = 1 − r (rewards mapped onto [0, 1] and clipped), play
/// A_t ~ p_t with p_t(a) ∝ exp(−η_t L̂_{t−1}(a)), and update the importance-weighted loss estimate
/// L̂_t(A_t) = L̂_{t−1}(A_t) + ℓ_t / p_t(A_t). The learning rate: η &gt; 0 is used as it is (a fixed rate,
/// whose regret is linear in T when the rate does not shrink with T); η = 0 is the horizon-tuned
/// η = √(2 ln K / (T K)) (their Theorem 3.1, regret ≤ √(2 T K ln K)); η &lt; 0 selects the anytime rate
/// η_t = √(ln K / (t K)) (Theorem 3.2; the magnitude of the negative value is not used). One uniform
/// draw per step (<see cref="Sampling.Categorical"/>). Compiler name <c>exp3</c>.
/// </summary>
public struct Exp3 : IBanditAlgorithm
{
    private readonly double _eta;
    private double[] _lossEstimate, _probability, _logits;
    private int _arms;
    private double _horizonEta;
    private UnitRewards _rewards;

    /// <summary>EXP3.</summary>
    /// <param name="eta">The learning rate η: positive fixed, 0 horizon-tuned √(2 ln K/(T K)), negative anytime √(ln K/(t K)); compiler default 0.0.</param>
    public Exp3(double eta)
    {
        if (double.IsNaN(eta) || double.IsInfinity(eta)) throw new ArgumentOutOfRangeException(nameof(eta), eta, "exp3: eta must be finite");
        _eta = eta;
        _lossEstimate = _probability = _logits = [];
    }

    /// <summary>The probabilities p_t of the last <see cref="Select"/>.</summary>
    public readonly ReadOnlySpan<double> Probabilities => _probability;

    /// <summary>The learning rate at step t for a rate parameter, an arm count and a horizon.</summary>
    public static double LearningRate(double eta, long t, int arms, long horizon) =>
        eta > 0 ? eta
        : eta == 0 ? Math.Sqrt(2 * Math.Log(arms) / ((double)horizon * arms))
        : Math.Sqrt(Math.Log(arms) / ((double)t * arms));

    /// <inheritdoc/>
    public void Reset(BanditSetup setup)
    {
        _arms = setup.ArmCount;
        _lossEstimate = new double[_arms];
        _probability = new double[_arms];
        _logits = new double[_arms];
        _horizonEta = LearningRate(0, 1, _arms, setup.Horizon);
        _rewards = UnitRewards.Of(setup);
    }

    /// <inheritdoc/>
    public int Select(long t, ref RandomStream random)
    {
        double eta = _eta > 0 ? _eta : _eta == 0 ? _horizonEta : LearningRate(_eta, t, _arms, 0);
        ExponentialWeights.Probabilities(_lossEstimate, eta, _logits, _probability);
        return Sampling.Categorical(ref random, _probability);
    }

    /// <inheritdoc/>
    public void Update(int arm, double reward)
    {
        double loss = 1 - _rewards.MapClamped(reward);
        _lossEstimate[arm] += loss / _probability[arm];
    }
}
