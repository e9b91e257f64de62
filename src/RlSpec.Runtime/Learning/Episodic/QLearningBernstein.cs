using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Learning.Episodic;

/// <summary>
/// Q-learning with UCB-Bernstein exploration (Jin, Allen-Zhu, Bubeck and Jordan, "Is Q-learning provably
/// efficient?", NeurIPS 2018, Algorithm 2, Theorem 2: regret O(√(H³SAT·ι) + √(H⁹S³A³)·ι²)). As
/// <see cref="QLearningHoeffding"/> (Q = H at the start, α_t = (H + 1)/(H + t), V_h = min(H, max_a Q_h),
/// V_H = 0), but the bonus uses the empirical variance W_t of the next-state values seen from (h, s, a):
/// β_t = bonus · min( c₁·(√((H/t)·(W_t + H)·ι) + √(H⁷SA)·ι/t), c₂·√(H³ι/t) ), β_0 = 0,
/// b_t = (β_t − (1 − α_t)·β_{t−1}) / (2α_t),
/// Q_h(s, a) ← (1 − α_t)·Q_h(s, a) + α_t·(r + V_{h+1}(s') + b_t), ι = ln(S·A·T/δ).
/// Compiler name <c>q_learning_bernstein</c>.
/// </summary>
/// <remarks>
/// <para>
/// Constants (checked 2026-11-30 for issue 8): Algorithm 2 of Jin et al. leaves c₁, c₂ as absolute constants;
/// c₁ = c₂ = 2 is our choice, not a published value (the paper's body was not readable from the sources available to us).
/// </para>
/// W_t = (1/t)·Σ_i (v_i − v̄)² over the values v_i = V_{h+1}(s'_i) as they were when each of the t
/// transitions from (h, s, a) was observed (the paper's incremental form), kept as a running sum and sum
/// of squares, floored at 0. The paper leaves c₁ and c₂ open: c₂ = 2 is the Azuma–Hoeffding constant of
/// the Hoeffding variant (see <see cref="QLearningHoeffding"/>), and c₁ = 2 likewise; T = k·H when K is unknown.
/// </remarks>
public struct QLearningBernstein : IEpisodicAlgorithm
{
    private const double C1 = 2, C2 = 2;
    private readonly double _bonus;
    private StepwiseQ? _q;
    private double[] _valueSum, _valueSquares, _beta;
    private double _delta, _iota;
    private long _episodes;

    /// <summary>UCB-Bernstein Q-learning with β times <paramref name="bonus"/> (1 = c₁ = c₂ = 2).</summary>
    public QLearningBernstein(double bonus)
    {
        if (!(bonus >= 0) || double.IsPositiveInfinity(bonus)) throw new ArgumentOutOfRangeException(nameof(bonus), bonus, "the bonus multiplier must be finite and not negative");
        _bonus = bonus;
        _valueSum = _valueSquares = _beta = [];
    }

    /// <inheritdoc/>
    public void Reset(EpisodicSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        setup.Validate();
        _q = new StepwiseQ(setup);
        long cells = (long)setup.Horizon * setup.StateCount * setup.ActionCount;
        _valueSum = new double[cells];
        _valueSquares = new double[cells];
        _beta = new double[cells];
        _delta = setup.Delta;
        _episodes = setup.Episodes;
    }

    /// <inheritdoc/>
    public void BeginEpisode(long episode, ref RandomStream random)
    {
        StepwiseQ q = _q!;
        _iota = Confidence.Log((double)q.StateCount * q.ActionCount * Confidence.Episodes(_episodes, episode) * q.Horizon, _delta);
        q.Snapshot();
    }

    /// <inheritdoc/>
    public readonly void Policy(int step, int state, Span<double> probabilities) => ActionValues.OneHot(probabilities[.._q!.ActionCount], _q.Action(step, state));

    /// <inheritdoc/>
    public readonly int Act(int step, int state, ref RandomStream random) => _q!.Action(step, state);

    /// <inheritdoc/>
    public readonly void Observe(int step, int state, int action, double reward, int next)
    {
        StepwiseQ q = _q!;
        int cell = q.Cell(step, state, action), t = q.Visit(cell);
        double h = q.Horizon, iota = _iota;
        double future = q.V(step + 1, next);
        double sum = _valueSum[cell] += future, squares = _valueSquares[cell] += future * future;
        double mean = sum / t, w = Math.Max(0, squares / t - mean * mean);
        double bernstein = C1 * (Math.Sqrt(h / t * (w + h) * iota) + Math.Sqrt(h * h * h * h * h * h * h * q.StateCount * q.ActionCount) * iota / t);
        double hoeffding = C2 * Math.Sqrt(h * h * h * iota / t);
        double beta = _bonus * Math.Min(bernstein, hoeffding);
        double alpha = (h + 1) / (h + t);
        double b = (beta - (1 - alpha) * _beta[cell]) / (2 * alpha);
        _beta[cell] = beta;
        ref double value = ref q.Q(cell);
        value = (1 - alpha) * value + alpha * (reward + future + b);
    }

    /// <inheritdoc/>
    public readonly void EndEpisode() { }

    /// <summary>Q_h(s, a) now (for tests and reports).</summary>
    public readonly double QValue(int step, int state, int action) => _q!.Q(_q.Cell(step, state, action));
}
