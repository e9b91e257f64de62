using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Bandits.Algorithms;

/// <summary>
/// Linear Thompson sampling (Agrawal and Goyal, "Thompson sampling for contextual bandits with linear
/// payoffs", ICML 2013, Algorithm 1): with B = λI + Σ_s x_s x_sᵀ and μ̂ = B⁻¹ Σ_s r_s x_s, each step draws
/// μ̃ ~ N(μ̂, v² B⁻¹) and plays argmax_a x_aᵀ μ̃ (lowest index on a tie). The draw is μ̃ = μ̂ + v L⁻ᵀ ξ with
/// ξ ~ N(0, I_d) (d standard normals from the algorithm stream, Box-Muller) and B = L Lᵀ, whose Cholesky
/// factor L gets a rank-one update per pull (O(d²)), as B⁻¹ gets Sherman-Morrison. The paper's theory
/// takes v = R √(24 d ln(1/δ)/ε); v = 1 is the common practical choice. Compiler name <c>lin_thompson</c>.
/// </summary>
public struct LinThompson : IBanditAlgorithm
{
    private readonly double _v, _lambda;
    private RidgeRegression _ridge;
    private double[] _cholesky, _noise, _direction, _sample, _work;

    /// <summary>Linear Thompson sampling.</summary>
    /// <param name="v">The posterior scale v (μ̃ ~ N(μ̂, v² B⁻¹)); compiler default 1.0.</param>
    /// <param name="lambda">The ridge regularization λ (B starts at λI); compiler default 1.0.</param>
    public LinThompson(double v, double lambda)
    {
        if (!(v >= 0) || double.IsPositiveInfinity(v)) throw new ArgumentOutOfRangeException(nameof(v), v, "lin_thompson: v must be finite and not negative");
        if (!(lambda > 0) || double.IsPositiveInfinity(lambda)) throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "lin_thompson: lambda must be positive and finite");
        _v = v;
        _lambda = lambda;
        _ridge = default;
        _cholesky = _noise = _direction = _sample = _work = [];
    }

    /// <summary>The current estimate μ̂.</summary>
    public readonly ReadOnlySpan<double> Theta => _ridge.Theta;

    /// <inheritdoc/>
    public void Reset(BanditSetup setup)
    {
        _ridge.Reset(setup, _lambda, "lin_thompson");
        int d = _ridge.Dimension;
        _cholesky = new double[d * d];
        SymmetricMatrix.SetScaledIdentity(_cholesky, d, Math.Sqrt(_lambda));
        _noise = new double[d];
        _direction = new double[d];
        _sample = new double[d];
        _work = new double[d];
    }

    /// <inheritdoc/>
    public int Select(long t, ref RandomStream random)
    {
        int d = _ridge.Dimension;
        double[] noise = _noise, sample = _sample, direction = _direction, theta = _ridge.Theta;
        for (int j = 0; j < d; j++) noise[j] = Sampling.Normal(ref random, 0, 1);
        SymmetricMatrix.SolveTransposedLower(_cholesky, noise, direction, d);
        for (int j = 0; j < d; j++) sample[j] = theta[j] + _v * direction[j];
        double[] features = _ridge.Features;
        int best = 0;
        double bestValue = double.NegativeInfinity;
        for (int a = 0; a < _ridge.Arms; a++)
        {
            double value = SymmetricMatrix.Dot(features.AsSpan(a * d, d), sample, d);
            if (value > bestValue) { bestValue = value; best = a; }
        }
        return best;
    }

    /// <inheritdoc/>
    public void Update(int arm, double reward)
    {
        SymmetricMatrix.CholeskyRankOneUpdate(_cholesky, _ridge.Feature(arm), _work, _ridge.Dimension);
        _ridge.Update(arm, reward);
    }
}
