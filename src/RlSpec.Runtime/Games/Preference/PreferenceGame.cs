using System;
using RlSpec.Runtime.Games.MatrixGame;

namespace RlSpec.Runtime.Games.Preference;

/// <summary>
/// A two-player preference game over n actions (responses): P[a, b] is the probability that a is preferred to b,
/// with P[a, b] + P[b, a] = 1 (so P[a, a] = 1/2). The row player maximizes and the column player minimizes
/// xᵀPy, a symmetric constant-sum game whose Nash equilibrium is the von Neumann winner; with a temperature
/// τ &gt; 0 and a reference policy μ the regularized objective is xᵀPy − τ·KL(x‖μ) + τ·KL(y‖μ)
/// (Munos et al., "Nash learning from human feedback", ICML 2024).
/// </summary>
/// <remarks>Copied and validated on construction (entries in [0, 1], P + Pᵀ = 1 within 1e-9, μ a distribution with positive entries).</remarks>
public sealed class PreferenceGame
{
    /// <summary>Tolerance on P[a, b] + P[b, a] = 1.</summary>
    public const double Tolerance = 1e-9;

    private readonly double[,] _p;
    private readonly double[] _reference;

    /// <summary>A preference game with preference matrix <paramref name="preference"/>, regularization temperature
    /// <paramref name="temperature"/> (0: unregularized) and reference policy <paramref name="reference"/> (null: uniform).</summary>
    public PreferenceGame(double[,] preference, double temperature = 0, double[]? reference = null)
    {
        ArgumentNullException.ThrowIfNull(preference);
        int n = preference.GetLength(0);
        if (n < 1) throw new ArgumentException("a preference game needs at least one action", nameof(preference));
        if (preference.GetLength(1) != n) throw new ArgumentException($"the preference matrix is {n}x{preference.GetLength(1)}, not square", nameof(preference));
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++)
            {
                double p = preference[a, b];
                if (!(p >= 0 && p <= 1)) throw new ArgumentException($"P[{a}, {b}] = {p} is not a probability", nameof(preference));
                if (Math.Abs(p + preference[b, a] - 1) > Tolerance)
                    throw new ArgumentException($"P[{a}, {b}] + P[{b}, {a}] = {p + preference[b, a]}, not 1", nameof(preference));
            }
        if (!(temperature >= 0) || !double.IsFinite(temperature)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "the temperature must be finite and nonnegative");
        if (reference is null)
        {
            reference = new double[n];
            reference.AsSpan().Fill(1.0 / n);
        }
        else
        {
            if (reference.Length != n) throw new ArgumentException($"a reference policy of length {reference.Length} for {n} actions", nameof(reference));
            double sum = 0;
            foreach (double v in reference)
            {
                if (!(v > 0) || !double.IsFinite(v)) throw new ArgumentException($"reference probability {v} is not positive", nameof(reference));
                sum += v;
            }
            if (Math.Abs(sum - 1) > Tolerance) throw new ArgumentException($"the reference policy sums to {sum}, not 1", nameof(reference));
            reference = (double[])reference.Clone();
        }
        _p = (double[,])preference.Clone();
        _reference = reference;
        Temperature = temperature;
    }

    /// <summary>Number of actions n.</summary>
    public int Actions => _p.GetLength(0);

    /// <summary>P[a, b]: the probability that a is preferred to b.</summary>
    public double Preference(int a, int b) => _p[a, b];

    /// <summary>A copy of P.</summary>
    public double[,] Matrix => (double[,])_p.Clone();

    /// <summary>The KL-regularization temperature τ (0: none).</summary>
    public double Temperature { get; }

    /// <summary>The reference policy μ of the KL regularizer.</summary>
    public ReadOnlySpan<double> Reference => _reference;

    /// <summary>The zero-sum game (P − 1/2, −(P − 1/2)): the same equilibria, value 0 (the game is symmetric).</summary>
    public BimatrixGame ToZeroSum()
    {
        int n = Actions;
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) a[i, j] = _p[i, j] - 0.5;
        return BimatrixGame.ZeroSum(a);
    }
}
