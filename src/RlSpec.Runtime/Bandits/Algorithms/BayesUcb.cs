using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Bandits.Algorithms;

/// <summary>
/// Bayes-UCB for rewards in [0, 1] (Kaufmann, Cappé and Garivier, "On Bayesian upper confidence bounds
/// for bandit problems", AISTATS 2012, Algorithm 1 with the Beta-Bernoulli model and a uniform prior):
/// at step t play the arm with the largest quantile
/// <code>q_a(t) = Q(1 − 1/(t (ln T)^c), Beta(S_a + 1, n_a − S_a + 1))</code>
/// where S_a is the sum of arm a's rewards (mapped onto [0, 1] when bounded, clipped when not; a
/// fractional S_a is used as it is, so the algorithm stays deterministic), n_a its plays and T the
/// horizon (ln T read as ln max(T, e), so that T &lt; 3 does not divide by 0). Q is
/// <see cref="BetaFunction.UpperQuantile"/> (Newton within a bisection bracket, to 1e-13). No initial
/// pulls: at t = 1 every quantile is 0 and arm 0 is played. Ties go to the lowest index. Compiler name
/// <c>bayes_ucb</c>.
/// </summary>
/// <remarks>
/// As in <see cref="KlUcb"/>, the quantile of the last chosen arm is the bar B, and another arm is
/// inverted only if its posterior puts more than the tail level on (B, 1] (one incomplete-beta
/// evaluation), with a relative margin of 1e-9 against rounding.
/// </remarks>
public struct BayesUcb : IBanditAlgorithm
{
    private readonly double _c;
    private double[] _count, _sum;
    private double _logHorizonPower;
    private int _leader;
    private UnitRewards _rewards;

    /// <summary>Bayes-UCB with Beta posteriors.</summary>
    /// <param name="c">The exponent c of (ln T)^c in the quantile level 1 − 1/(t (ln T)^c); compiler default 0.0 (the paper's experiments; its theorem takes c ≥ 5).</param>
    public BayesUcb(double c)
    {
        if (!(c >= 0) || double.IsPositiveInfinity(c)) throw new ArgumentOutOfRangeException(nameof(c), c, "bayes_ucb: c must be finite and not negative");
        _c = c;
        _count = _sum = [];
    }

    /// <inheritdoc/>
    public void Reset(BanditSetup setup)
    {
        _count = new double[setup.ArmCount];
        _sum = new double[setup.ArmCount];
        _logHorizonPower = Math.Pow(Math.Log(Math.Max(setup.Horizon, Math.E)), _c);
        _leader = 0;
        _rewards = UnitRewards.Of(setup);
    }

    /// <inheritdoc/>
    public int Select(long t, ref RandomStream random)
    {
        double tail = 1 / (t * _logHorizonPower);
        double[] count = _count, sum = _sum;
        int best = _leader;
        double bar = BetaFunction.UpperQuantile(tail, sum[best] + 1, count[best] - sum[best] + 1);
        for (int a = 0; a < count.Length && a < sum.Length; a++)
        {
            if (a == best) continue;
            double alpha = sum[a] + 1, beta = count[a] - sum[a] + 1;
            // q_a > B exactly when the posterior mass above B exceeds the tail level.
            if (bar > 0 && BetaFunction.UpperTail(bar, alpha, beta) < tail * (1 - 1e-9)) continue;
            double quantile = BetaFunction.UpperQuantile(tail, alpha, beta);
            if (quantile > bar || (quantile == bar && a < best)) { bar = quantile; best = a; }
        }
        _leader = best;
        return best;
    }

    /// <inheritdoc/>
    public void Update(int arm, double reward)
    {
        _count[arm]++;
        _sum[arm] += _rewards.MapClamped(reward);
    }
}
