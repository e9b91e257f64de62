using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Learning.Episodic;

/// <summary>
/// UCBVI with the Chernoff–Hoeffding bonus (UCBVI-CH; Azar, Osband and Munos, "Minimax regret bounds for
/// reinforcement learning", ICML 2017, Algorithms 1–3, Theorem 1: regret Õ(H√(SAT)) with T = KH).
/// Before each episode k, optimistic backward induction over the empirical model:
/// Q_{k,h}(s, a) = min(Q_{k−1,h}(s, a), H − h, r̂(s, a) + P̂_k V_{k,h+1}(s, a) + b(s, a)) for visited pairs
/// (H − h for unvisited ones), with b(s, a) = bonus · 7·H·L·√(1/n_k(s, a)) and L = ln(5·S·A·T/δ), and the
/// greedy policy (lowest index on ties) is played. Compiler name <c>ucbvi_hoeffding</c>.
/// </summary>
/// <remarks>
/// <para>
/// Constants (checked 2026-11-30 for issue 8): the paper's body (Algorithm 3, `bonus_1`) was not readable from the
/// sources available to us (only the abstract). One independent public implementation of UCBVI-CH uses the same
/// 7·H·L·√(1/n), L = ln(5·S·A·t/δ) (as a comment beside a scaled variant), which agrees; no correction made.
/// </para>
/// Differences from the paper, both keeping Q ≥ Q*: the reward is not known, so its empirical mean r̂ is
/// used (its own Hoeffding width √(L/n) is far below the bonus's 7HL/√n); the clip is the remaining horizon
/// H − h (0-based step h) instead of H. When K is unknown (0), T = k·H at episode k.
/// </remarks>
public struct UcbviHoeffding : IEpisodicAlgorithm
{
    private readonly double _bonus;
    private EmpiricalModel? _model;
    private OptimisticPlanning? _plan;
    private double _delta;
    private long _episodes;

    /// <summary>UCBVI-CH with the published bonus times <paramref name="bonus"/> (1 = published).</summary>
    public UcbviHoeffding(double bonus)
    {
        if (!(bonus >= 0) || double.IsPositiveInfinity(bonus)) throw new ArgumentOutOfRangeException(nameof(bonus), bonus, "the bonus multiplier must be finite and not negative");
        _bonus = bonus;
    }

    /// <inheritdoc/>
    public void Reset(EpisodicSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        setup.Validate();
        _model = new EmpiricalModel(setup.StateCount, setup.ActionCount);
        _plan = new OptimisticPlanning(setup, 1.0);
        _delta = setup.Delta;
        _episodes = setup.Episodes;
    }

    /// <inheritdoc/>
    public void BeginEpisode(long episode, ref RandomStream random)
    {
        OptimisticPlanning plan = _plan!;
        int h = plan.Horizon;
        double steps = Confidence.Episodes(_episodes, episode) * h;
        double l = Confidence.Log(5.0 * plan.StateCount * plan.ActionCount * steps, _delta);
        var backup = new Backup(_model!, _bonus * 7 * h * l);
        plan.Plan(ref backup, 1.0, monotone: true);
    }

    /// <inheritdoc/>
    public readonly void Policy(int step, int state, Span<double> probabilities) => ActionValues.OneHot(probabilities[.._plan!.ActionCount], _plan.Action(step, state));

    /// <inheritdoc/>
    public readonly int Act(int step, int state, ref RandomStream random) => _plan!.Action(step, state);

    /// <inheritdoc/>
    public readonly void Observe(int step, int state, int action, double reward, int next) => _model!.Add(state, action, reward, next);

    /// <inheritdoc/>
    public readonly void EndEpisode() { }

    /// <summary>Q_{k,h}(s, a) of the current plan (for tests and reports).</summary>
    public readonly double QValue(int step, int state, int action) => _plan!.Q(step, state, action);

    /// <summary>V_{k,h}(s) of the current plan: an upper confidence bound on V*_h(s).</summary>
    public readonly double Value(int step, int state) => _plan!.V(step, state);

    private readonly struct Backup(EmpiricalModel model, double scale) : IModelBackup
    {
        public double Value(int step, int state, int pair, ReadOnlySpan<double> next)
        {
            int n = model.Visits(pair);
            if (n == 0) return double.PositiveInfinity;
            return model.RewardSum(pair) / n + model.Expectation(pair, next) + scale / Math.Sqrt(n);
        }
    }
}
