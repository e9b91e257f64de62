using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Bandits.Algorithms;

/// <summary>
/// LinUCB (Li, Chu, Langford and Schapire, "A contextual-bandit approach to personalized news article
/// recommendation", WWW 2010, Algorithm 1 with one parameter vector shared by the arms, the linear-bandit
/// setting): with A = λI + Σ_s x_s x_sᵀ and b = Σ_s r_s x_s over the past pulls, θ̂ = A⁻¹ b, play
/// argmax_a  x_aᵀ θ̂ + α √(x_aᵀ A⁻¹ x_a) (lowest index on a tie). A⁻¹ is updated by Sherman-Morrison
/// (<see cref="RidgeRegression"/>). No initial pulls. Rewards are used as they are. Compiler name <c>linucb</c>.
/// </summary>
public struct LinUcb : IBanditAlgorithm
{
    private readonly double _alpha, _lambda;
    private RidgeRegression _ridge;

    /// <summary>LinUCB.</summary>
    /// <param name="alpha">The width multiplier α of the confidence bonus; compiler default 1.0.</param>
    /// <param name="lambda">The ridge regularization λ (A starts at λI); compiler default 1.0.</param>
    public LinUcb(double alpha, double lambda)
    {
        if (!(alpha >= 0) || double.IsPositiveInfinity(alpha)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "linucb: alpha must be finite and not negative");
        if (!(lambda > 0) || double.IsPositiveInfinity(lambda)) throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "linucb: lambda must be positive and finite");
        _alpha = alpha;
        _lambda = lambda;
        _ridge = default;
    }

    /// <summary>The current estimate θ̂.</summary>
    public readonly ReadOnlySpan<double> Theta => _ridge.Theta;

    /// <inheritdoc/>
    public void Reset(BanditSetup setup) => _ridge.Reset(setup, _lambda, "linucb");

    /// <inheritdoc/>
    public int Select(long t, ref RandomStream random) => LinearIndex.ArgMax(ref _ridge, _alpha);

    /// <inheritdoc/>
    public void Update(int arm, double reward) => _ridge.Update(arm, reward);
}
