using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Learning.Episodic;

/// <summary>
/// UCBVI with the Bernstein–Freedman bonus (UCBVI-BF; Azar, Osband and Munos, "Minimax regret bounds for
/// reinforcement learning", ICML 2017, Algorithms 1, 2 and 4, Theorem 2: regret Õ(√(HSAT) + H²S²A + H√T)).
/// Before each episode k, optimistic backward induction over the empirical model:
/// Q_{k,h}(s, a) = min(Q_{k−1,h}(s, a), H − h, r̂ + P̂_k V_{k,h+1} + b_{k,h}(s, a)) with
/// b = bonus · [ √(8·L·Var_{y∼P̂}(V_{k,h+1}(y)) / n) + 14·H·L / (3n)
///             + √(8·Σ_y P̂(y|s, a)·min(84²·H³·S²·A·L² / N'_{k,h+1}(y), H²) / n) ],
/// n = n_k(s, a), N'_{k,h+1}(y) the visits of state y at step h+1 in earlier episodes (min(·) = H² when 0),
/// L = ln(5·S·A·T/δ), T = K·H. The greedy policy (lowest index on ties) is played. Compiler name
/// <c>ucbvi_bernstein</c>.
/// </summary>
/// <remarks>
/// <para>
/// Constants (checked 2026-11-30 for issue 8): 8L, 14HL/3 and 84² are as recalled from Algorithm 4 (`bonus_2`) of
/// the paper; its body was not readable from the sources available to us (only the abstract), so they are NOT
/// verified against the text. Treat them as unverified; `bonus` scales all of them together.
/// </para>
/// As for <see cref="UcbviHoeffding"/>: r̂ is the empirical mean reward, the clip is the remaining horizon
/// H − h, and T = k·H when K is unknown. The third term bounds the variance of V_{k,h+1} − V*_{h+1}; at the
/// last step both are 0, so it is 0 there (the paper's N'_{k,H+1} would make it H² for nothing).
/// </remarks>
public struct UcbviBernstein : IEpisodicAlgorithm
{
    private readonly double _bonus;
    private EmpiricalModel? _model;
    private OptimisticPlanning? _plan;
    private int[] _stateVisits;
    // Per episode, computed once in BeginEpisode instead of once per (h, s, a) backup (the same expressions, so
    // the same bits): min(84²H³S²AL²/N'_h(y), H²) per (h, y), and per visited pair r̂ and 14HL/(3n).
    private double[] _widths, _rewardMeans, _linearTerms;
    private double _delta;
    private long _episodes;

    /// <summary>UCBVI-BF with the published bonus times <paramref name="bonus"/> (1 = published).</summary>
    public UcbviBernstein(double bonus)
    {
        if (!(bonus >= 0) || double.IsPositiveInfinity(bonus)) throw new ArgumentOutOfRangeException(nameof(bonus), bonus, "the bonus multiplier must be finite and not negative");
        _bonus = bonus;
        _stateVisits = [];
        _widths = _rewardMeans = _linearTerms = [];
    }

    /// <inheritdoc/>
    public void Reset(EpisodicSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        setup.Validate();
        _model = new EmpiricalModel(setup.StateCount, setup.ActionCount);
        _plan = new OptimisticPlanning(setup, 1.0);
        _stateVisits = new int[(long)setup.Horizon * setup.StateCount];
        _widths = new double[(long)setup.Horizon * setup.StateCount];
        _rewardMeans = new double[setup.StateCount * setup.ActionCount];
        _linearTerms = new double[setup.StateCount * setup.ActionCount];
        _delta = setup.Delta;
        _episodes = setup.Episodes;
    }

    /// <inheritdoc/>
    public void BeginEpisode(long episode, ref RandomStream random)
    {
        OptimisticPlanning plan = _plan!;
        int h = plan.Horizon, s = plan.StateCount, a = plan.ActionCount;
        double steps = Confidence.Episodes(_episodes, episode) * h;
        double l = Confidence.Log(5.0 * s * a * steps, _delta);
        double numerator = 84.0 * 84.0 * h * h * h * s * (double)s * a * l * l, h2 = (double)h * h;
        for (int cell = s; cell < _widths.Length; cell++)   // rows h = 1..H−1 (row 0 is never a next step)
        {
            int visits = _stateVisits[cell];
            _widths[cell] = visits == 0 ? h2 : Math.Min(numerator / visits, h2);
        }
        EmpiricalModel model = _model!;
        for (int pair = 0; pair < _rewardMeans.Length; pair++)
        {
            int n = model.Visits(pair);
            if (n == 0) continue;
            _rewardMeans[pair] = model.RewardSum(pair) / n;
            _linearTerms[pair] = 14.0 * h * l / (3.0 * n);
        }
        var backup = new Backup(model, _widths, _rewardMeans, _linearTerms, _bonus, h, l);
        plan.Plan(ref backup, 1.0, monotone: true);
    }

    /// <inheritdoc/>
    public readonly void Policy(int step, int state, Span<double> probabilities) => ActionValues.OneHot(probabilities[.._plan!.ActionCount], _plan.Action(step, state));

    /// <inheritdoc/>
    public readonly int Act(int step, int state, ref RandomStream random) => _plan!.Action(step, state);

    /// <inheritdoc/>
    public readonly void Observe(int step, int state, int action, double reward, int next)
    {
        _model!.Add(state, action, reward, next);
        _stateVisits[step * _plan!.StateCount + state]++;
    }

    /// <inheritdoc/>
    public readonly void EndEpisode() { }

    /// <summary>Q_{k,h}(s, a) of the current plan (for tests and reports).</summary>
    public readonly double QValue(int step, int state, int action) => _plan!.Q(step, state, action);

    /// <summary>V_{k,h}(s) of the current plan: an upper confidence bound on V*_h(s).</summary>
    public readonly double Value(int step, int state) => _plan!.V(step, state);

    private readonly struct Backup(EmpiricalModel model, double[] widths, double[] rewardMeans, double[] linearTerms, double bonus, int horizon, double l) : IModelBackup
    {
        public double Value(int step, int state, int pair, ReadOnlySpan<double> next)
        {
            int n = model.Visits(pair);
            if (n == 0) return double.PositiveInfinity;
            double mean, third = 0;
            if (step + 1 < horizon)
            {
                int states = model.StateCount;
                mean = model.Expectation(pair, next, widths.AsSpan((step + 1) * states, states), out double sum);
                third = Math.Sqrt(8 * (sum / n) / n);
            }
            else mean = model.Expectation(pair, next);
            double variance = model.VarianceAbout(pair, next, mean);
            double b = Math.Sqrt(8 * l * variance / n) + linearTerms[pair];
            if (step + 1 < horizon) b += third;
            return rewardMeans[pair] + mean + bonus * b;
        }
    }
}
