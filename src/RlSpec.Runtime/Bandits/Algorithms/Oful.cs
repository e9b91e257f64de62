using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Bandits.Algorithms;

/// <summary>
/// OFUL, optimism in the face of uncertainty for linear bandits (Abbasi-Yadkori, Pál and Szepesvári,
/// "Improved algorithms for linear stochastic bandits", NeurIPS 2011, with the confidence set of their
/// Theorem 2): with V_t = λI + Σ_s x_s x_sᵀ, θ̂ = V_t⁻¹ Σ_s r_s x_s and
/// <code>β_t = σ √(2 ln(1/δ) + ln(det V_t / det λI)) + √λ S,</code>
/// θ lies in the ellipsoid ‖θ − θ̂‖_{V_t} ≤ β_t for all t with probability ≥ 1 − δ, and the optimistic arm is
/// argmax_a  x_aᵀ θ̂ + β_t √(x_aᵀ V_t⁻¹ x_a) (lowest index on a tie). V_t⁻¹ is updated by Sherman-Morrison
/// and ln det V_t by + ln(1 + xᵀ V⁻¹ x) per pull (<see cref="RidgeRegression"/>). σ is the noise level of
/// the bandit (<see cref="BanditSetup.NoiseSigma"/>, which must be known). Compiler name <c>oful</c>.
/// </summary>
public struct Oful : IBanditAlgorithm
{
    private readonly double _delta, _lambda, _s;
    private double _sigma;
    private RidgeRegression _ridge;

    /// <summary>OFUL.</summary>
    /// <param name="delta">The confidence δ in (0, 1); compiler default 0.05.</param>
    /// <param name="lambda">The ridge regularization λ (V starts at λI); compiler default 1.0.</param>
    /// <param name="s">A bound S on ‖θ‖₂; compiler default 1.0.</param>
    public Oful(double delta, double lambda, double s)
    {
        if (!(delta > 0 && delta < 1)) throw new ArgumentOutOfRangeException(nameof(delta), delta, "oful: delta must be in (0, 1)");
        if (!(lambda > 0) || double.IsPositiveInfinity(lambda)) throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "oful: lambda must be positive and finite");
        if (!(s >= 0) || double.IsPositiveInfinity(s)) throw new ArgumentOutOfRangeException(nameof(s), s, "oful: s must be finite and not negative");
        _delta = delta;
        _lambda = lambda;
        _s = s;
        _sigma = double.NaN;
        _ridge = default;
    }

    /// <summary>The current estimate θ̂.</summary>
    public readonly ReadOnlySpan<double> Theta => _ridge.Theta;

    /// <summary>The confidence radius β_t for the pulls so far.</summary>
    public readonly double Radius => _sigma * Math.Sqrt(2 * Math.Log(1 / _delta) + _ridge.LogDetRatio) + Math.Sqrt(_lambda) * _s;

    /// <inheritdoc/>
    public void Reset(BanditSetup setup)
    {
        if (!(setup.NoiseSigma >= 0) || double.IsPositiveInfinity(setup.NoiseSigma))
            throw new ArgumentException("oful needs the noise level σ of the linear bandit (BanditSetup.NoiseSigma)", nameof(setup));
        _sigma = setup.NoiseSigma;
        _ridge.Reset(setup, _lambda, "oful");
    }

    /// <inheritdoc/>
    public int Select(long t, ref RandomStream random) => LinearIndex.ArgMax(ref _ridge, Radius);

    /// <inheritdoc/>
    public void Update(int arm, double reward) => _ridge.Update(arm, reward);
}
