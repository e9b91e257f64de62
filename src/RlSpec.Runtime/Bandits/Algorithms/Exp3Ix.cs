using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Bandits.Algorithms;

/// <summary>
/// EXP3-IX, EXP3 with implicit exploration (Neu, "Explore no more: improved high-probability regret bounds
/// for non-stochastic bandits", NeurIPS 2015): as <see cref="Exp3"/> (p_t(a) ∝ exp(−η_t L̂_{t−1}(a)), losses
/// ℓ = 1 − r) but with the biased loss estimate ℓ_t / (p_t(A_t) + γ_t), γ_t = η_t / 2, which keeps the
/// estimates bounded and gives high-probability regret bounds. Learning rates as in <see cref="Exp3"/>:
/// η &gt; 0 fixed; η = 0 horizon-tuned √(2 ln K/(T K)) (Neu's Theorem 1 choice); η &lt; 0 anytime
/// √(ln K/(t K)). One uniform draw per step. Compiler name <c>exp3_ix</c>.
/// </summary>
public struct Exp3Ix : IBanditAlgorithm
{
    private readonly double _eta;
    private double[] _lossEstimate, _probability, _logits;
    private int _arms;
    private double _horizonEta, _gamma;
    private UnitRewards _rewards;

    /// <summary>EXP3-IX.</summary>
    /// <param name="eta">The learning rate η (γ = η/2): positive fixed, 0 horizon-tuned, negative anytime, as <see cref="Exp3"/>; compiler default 0.0.</param>
    public Exp3Ix(double eta)
    {
        if (double.IsNaN(eta) || double.IsInfinity(eta)) throw new ArgumentOutOfRangeException(nameof(eta), eta, "exp3_ix: eta must be finite");
        _eta = eta;
        _lossEstimate = _probability = _logits = [];
    }

    /// <summary>The probabilities p_t of the last <see cref="Select"/>.</summary>
    public readonly ReadOnlySpan<double> Probabilities => _probability;

    /// <inheritdoc/>
    public void Reset(BanditSetup setup)
    {
        _arms = setup.ArmCount;
        _lossEstimate = new double[_arms];
        _probability = new double[_arms];
        _logits = new double[_arms];
        _horizonEta = Exp3.LearningRate(0, 1, _arms, setup.Horizon);
        _rewards = UnitRewards.Of(setup);
    }

    /// <inheritdoc/>
    public int Select(long t, ref RandomStream random)
    {
        double eta = _eta > 0 ? _eta : _eta == 0 ? _horizonEta : Exp3.LearningRate(_eta, t, _arms, 0);
        _gamma = eta / 2;
        ExponentialWeights.Probabilities(_lossEstimate, eta, _logits, _probability);
        return Sampling.Categorical(ref random, _probability);
    }

    /// <inheritdoc/>
    public void Update(int arm, double reward)
    {
        double loss = 1 - _rewards.MapClamped(reward);
        _lossEstimate[arm] += loss / (_probability[arm] + _gamma);
    }
}
