using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Learning.Episodic;

/// <summary>
/// Q-learning with UCB-Hoeffding exploration (Jin, Allen-Zhu, Bubeck and Jordan, "Is Q-learning provably
/// efficient?", NeurIPS 2018, Algorithm 1, Theorem 1: regret O(√(H⁴SAT·ι)), T = KH). Q_h(s, a) = H at the
/// start; after (s, a, r, s') at step h, with t = N_h(s, a) the visits so far (this one included):
/// Q_h(s, a) ← (1 − α_t)·Q_h(s, a) + α_t·(r + V_{h+1}(s') + b_t), α_t = (H + 1)/(H + t),
/// b_t = bonus · c·√(H³·ι/t), V_h(s) = min(H, max_a Q_h(s, a)), V_H = 0, ι = ln(S·A·T/δ); the greedy
/// action (lowest index on ties) is played. Compiler name <c>q_learning_hoeffding</c>.
/// </summary>
/// <remarks>
/// <para>
/// Constants (checked 2026-11-30 for issue 8): Algorithm 1 of Jin et al. writes b_t = c√(H³ι/t) "for some
/// absolute constant c", so no published value exists; c = 2 is our choice (the Azuma–Hoeffding step of the
/// proof of its Lemma 4.3 as we recall it; the paper's body was not readable from the sources available to us).
/// </para>
/// The paper leaves the absolute constant c open; c = 2 is the one its proof needs for the Azuma–Hoeffding
/// step (Lemma 4.3 with Σ_i (α_t^i)² ≤ 2H/t, Lemma 4.1: |Σ_i α_t^i·X_i| ≤ H·√(2·(2H/t)·ι) = 2√(H³ι/t)).
/// T = k·H when K is unknown.
/// </remarks>
public struct QLearningHoeffding : IEpisodicAlgorithm
{
    private const double C = 2;
    private readonly double _bonus;
    private StepwiseQ? _q;
    private double _delta, _iota;
    private long _episodes;

    /// <summary>UCB-Hoeffding Q-learning with the bonus times <paramref name="bonus"/> (1 = c = 2).</summary>
    public QLearningHoeffding(double bonus)
    {
        if (!(bonus >= 0) || double.IsPositiveInfinity(bonus)) throw new ArgumentOutOfRangeException(nameof(bonus), bonus, "the bonus multiplier must be finite and not negative");
        _bonus = bonus;
    }

    /// <inheritdoc/>
    public void Reset(EpisodicSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        setup.Validate();
        _q = new StepwiseQ(setup);
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
        int h = q.Horizon, cell = q.Cell(step, state, action), t = q.Visit(cell);
        double alpha = (double)(h + 1) / (h + t);
        double b = _bonus * C * Math.Sqrt((double)h * h * h * _iota / t);
        ref double value = ref q.Q(cell);
        value = (1 - alpha) * value + alpha * (reward + q.V(step + 1, next) + b);
    }

    /// <inheritdoc/>
    public readonly void EndEpisode() { }

    /// <summary>Q_h(s, a) now (for tests and reports).</summary>
    public readonly double QValue(int step, int state, int action) => _q!.Q(_q.Cell(step, state, action));
}
