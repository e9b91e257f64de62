using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Learning.Episodic;

/// <summary>
/// Monotonic value propagation (MVP; Zhang, Ji and Du, "Is reinforcement learning more difficult than
/// bandits? A near-optimal algorithm escaping the curse of horizon", COLT 2021, Algorithm 1, Theorem 1:
/// regret Õ(√(SAK) + S²A) when the total reward of an episode is at most 1). The model of a pair is
/// updated only at its doubling points — when its visit count n(s, a) reaches 1, 2, 4, 8, … the frozen
/// estimates P̂, r̂ and the reward variance of that pair are refreshed from all its samples so far — and the
/// optimistic values are recomputed before the next episode whenever some pair was refreshed:
/// Q_h(s, a) = min(r̂ + P̂V_{h+1} + b, 1), V_h(s) = max_a Q_h(s, a), V_H = 0, with
/// b = bonus · [ c₁·√(V(P̂, V_{h+1})·ι / n) + c₂·√(Var̂(r)·ι / n) + c₃·ι / n ],
/// c₁ = 460/9, c₂ = 2√2, c₃ = 544/9, V(P̂, V) the variance of V under P̂, n the frozen count and
/// ι = ln(2·S·A·H·K/δ). Compiler name <c>mvp</c>.
/// </summary>
/// <remarks>
/// <para>
/// Constants (checked 2026-11-30 for issue 8): 460/9, 2√2 and 544/9 are as recalled from Algorithm 1 (line 11) of
/// Zhang, Ji and Du (COLT 2021, arXiv:2009.13503); only the abstract was readable from the sources available to us,
/// so they are NOT verified against the text.
/// </para>
/// MVP assumes a total reward of at most 1 per episode: it divides each step reward in [0, 1] by H
/// itself, so its Q and V (see <see cref="QValue"/>) are in units of H·(step reward). The clip is the
/// remaining part (H − h)/H of that unit total, never below Q*; K = k (the current episode) when unknown.
/// The reward variance is E[r²] − E[r]² of the scaled rewards, floored at 0.
/// </remarks>
public struct Mvp : IEpisodicAlgorithm
{
    private const double C1 = 460.0 / 9, C3 = 544.0 / 9;
    private static readonly double C2 = 2 * Math.Sqrt(2);

    private readonly double _bonus;
    private EmpiricalModel? _samples, _frozen;
    private OptimisticPlanning? _plan;
    private bool _refreshed;
    private double _delta;
    private long _episodes;

    /// <summary>MVP with the published bonus times <paramref name="bonus"/> (1 = published).</summary>
    public Mvp(double bonus)
    {
        if (!(bonus >= 0) || double.IsPositiveInfinity(bonus)) throw new ArgumentOutOfRangeException(nameof(bonus), bonus, "the bonus multiplier must be finite and not negative");
        _bonus = bonus;
    }

    /// <inheritdoc/>
    public void Reset(EpisodicSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        setup.Validate();
        _samples = new EmpiricalModel(setup.StateCount, setup.ActionCount);
        _frozen = new EmpiricalModel(setup.StateCount, setup.ActionCount);
        _plan = new OptimisticPlanning(setup, 1.0 / setup.Horizon);
        _refreshed = false;
        _delta = setup.Delta;
        _episodes = setup.Episodes;
    }

    /// <inheritdoc/>
    public void BeginEpisode(long episode, ref RandomStream random)
    {
        if (!_refreshed) return; // the values only change at doubling points
        _refreshed = false;
        OptimisticPlanning plan = _plan!;
        int h = plan.Horizon;
        double iota = Confidence.Log(2.0 * plan.StateCount * plan.ActionCount * h * Confidence.Episodes(_episodes, episode), _delta);
        var backup = new Backup(_frozen!, _bonus, iota, 1.0 / h);
        plan.Plan(ref backup, 1.0 / h, monotone: false);
    }

    /// <inheritdoc/>
    public readonly void Policy(int step, int state, Span<double> probabilities) => ActionValues.OneHot(probabilities[.._plan!.ActionCount], _plan.Action(step, state));

    /// <inheritdoc/>
    public readonly int Act(int step, int state, ref RandomStream random) => _plan!.Action(step, state);

    /// <inheritdoc/>
    public void Observe(int step, int state, int action, double reward, int next)
    {
        EmpiricalModel samples = _samples!;
        samples.Add(state, action, reward, next);
        int pair = state * samples.ActionCount + action, n = samples.Visits(pair);
        if ((n & (n - 1)) == 0)
        {
            _frozen!.CopyPair(samples, pair);
            _refreshed = true;
        }
    }

    /// <inheritdoc/>
    public readonly void EndEpisode() { }

    /// <summary>Q_h(s, a) of the current values, in units of H·(step reward) (for tests and reports).</summary>
    public readonly double QValue(int step, int state, int action) => _plan!.Q(step, state, action);

    /// <summary>V_h(s) of the current values, in units of H·(step reward).</summary>
    public readonly double Value(int step, int state) => _plan!.V(step, state);

    private readonly struct Backup(EmpiricalModel model, double bonus, double iota, double scale) : IModelBackup
    {
        public double Value(int step, int state, int pair, ReadOnlySpan<double> next)
        {
            int n = model.Visits(pair);
            if (n == 0) return double.PositiveInfinity;
            double variance = model.Variance(pair, next, out double mean);
            double rewardMean = model.RewardSum(pair) / n;
            double rewardVariance = Math.Max(0, model.RewardSquares(pair) / n - rewardMean * rewardMean) * scale * scale;
            double b = C1 * Math.Sqrt(variance * iota / n) + C2 * Math.Sqrt(rewardVariance * iota / n) + C3 * iota / n;
            return rewardMean * scale + mean + bonus * b;
        }
    }
}
