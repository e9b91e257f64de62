using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Learning.Episodic;

/// <summary>
/// UCRL2 (Jaksch, Ortner and Auer, "Near-optimal regret bounds for reinforcement learning", JMLR 11,
/// 2010, Figure 1 and §3.1.2, Theorem 2: regret 34·D·S·√(A·T·ln(T/δ)) with probability 1 − δ) for
/// average-reward models, played as one trajectory of T steps. Episode k starts at step t_k with the
/// counts N_k(s, a) and computes, by extended value iteration, an optimistic policy over all MDPs with
/// r̃(s, a) ≤ r̂(s, a) + √(7·ln(2·S·A·t_k/δ) / (2·max(1, N_k))) (clipped at 1) and
/// ‖p̃(·|s, a) − p̂(·|s, a)‖₁ ≤ √(14·S·ln(2·A·t_k/δ) / max(1, N_k)); the episode ends when some pair's
/// visits in it, ν_k(s, a), reach max(1, N_k(s, a)) (the doubling criterion). Compiler name <c>ucrl2</c>.
/// </summary>
/// <remarks>
/// Extended value iteration: u₀ = 0; u_{i+1}(s) = max_a (r̃(s, a) + max_{p̃} Σ p̃(s')·u_i(s')), where the
/// inner maximum puts min(1, p̂(s₁) + d/2) on the state s₁ of largest u_i and fills the rest with p̂ in
/// decreasing order of u_i (the paper's removal of the excess from the states of smallest u_i); it stops
/// when max(u_{i+1} − u_i) − min(u_{i+1} − u_i) &lt; 1/√t_k and plays the last maximizing actions (lowest
/// index on ties). Iterates are shifted by their minimum, which changes neither differences nor policy.
/// A safety cap of 10⁶ iterations stops a non-converging run (it does not occur for the aperiodic
/// extended MDP the paper constructs, but rounding could stall the test).
/// </remarks>
public struct Ucrl2 : IContinuingAlgorithm
{
    private const int IterationCap = 1_000_000;
    private readonly double _delta;
    private int _states, _actions;
    private bool[] _available;
    private EmpiricalModel? _model;
    private int[] _startVisits, _policy, _order;
    private double[] _u, _next, _keys;
    private long _episodeStart;
    private int _episodes;

    /// <summary>UCRL2 with confidence parameter <paramref name="delta"/> in (0, 1) (this overrides the setup's δ).</summary>
    public Ucrl2(double delta)
    {
        if (!(delta > 0 && delta < 1)) throw new ArgumentOutOfRangeException(nameof(delta), delta, "δ must be in (0, 1)");
        _delta = delta;
        _available = [];
        _startVisits = _policy = _order = [];
        _u = _next = _keys = [];
    }

    /// <inheritdoc/>
    public void Reset(EpisodicSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        setup.Validate();
        _states = setup.StateCount;
        _actions = setup.ActionCount;
        _available = (bool[])setup.Available.Clone();
        _model = new EmpiricalModel(_states, _actions);
        _startVisits = new int[_states * _actions];
        _policy = new int[_states];
        _order = new int[_states];
        _u = new double[_states];
        _next = new double[_states];
        _keys = new double[_states];
        _episodeStart = 0;
        _episodes = 0;
    }

    /// <summary>The number of episodes started so far.</summary>
    public readonly int EpisodeCount => _episodes;

    /// <summary>The action the current episode's policy plays in <paramref name="state"/>.</summary>
    public readonly int PolicyAction(int state) => _policy[state];

    /// <summary>The values u(s) of the last extended value iteration (shifted so that their minimum is 0).</summary>
    public readonly ReadOnlySpan<double> OptimisticValues => _u;

    /// <inheritdoc/>
    public int Act(long t, int state, ref RandomStream random)
    {
        if (_episodeStart == 0) StartEpisode(t);
        else
        {
            int action = _policy[state];
            if (action >= 0)
            {
                int pair = state * _actions + action;
                int inEpisode = _model!.Visits(pair) - _startVisits[pair];
                if (inEpisode >= Math.Max(1, _startVisits[pair])) StartEpisode(t);
            }
        }
        return _policy[state];
    }

    /// <inheritdoc/>
    public readonly void Observe(long t, int state, int action, double reward, int next) => _model!.Add(state, action, reward, next);

    private void StartEpisode(long t)
    {
        _episodeStart = t;
        _episodes++;
        EmpiricalModel model = _model!;
        int states = _states, actions = _actions;
        for (int pair = 0; pair < states * actions; pair++) _startVisits[pair] = model.Visits(pair);
        double rewardLog = Math.Log(2.0 * states * actions * t / _delta);
        double transitionLog = Math.Log(2.0 * actions * t / _delta);
        double stop = 1 / Math.Sqrt(t);
        Array.Clear(_u);
        for (int iteration = 0; iteration < IterationCap; iteration++)
        {
            // States by decreasing u (ties by index), for the inner maximization over p̃.
            for (int s = 0; s < states; s++) { _order[s] = s; _keys[s] = -_u[s]; }
            _keys.AsSpan().Sort(_order.AsSpan());
            double maxDiff = double.NegativeInfinity, minDiff = double.PositiveInfinity;
            for (int s = 0; s < states; s++)
            {
                int best = -1;
                double bestValue = 0;
                for (int a = 0; a < actions; a++)
                {
                    int pair = s * actions + a;
                    if (!_available[pair]) continue;
                    int n = _startVisits[pair];
                    double visits = Math.Max(1, n);
                    double reward = Math.Min(1, (n == 0 ? 0 : model.RewardSum(pair) / n) + Math.Sqrt(7 * rewardLog / (2 * visits)));
                    double radius = Math.Sqrt(14 * states * transitionLog / visits);
                    double value = reward + OptimisticExpectation(model, pair, n, radius);
                    if (best < 0 || value > bestValue) { best = a; bestValue = value; }
                }
                _next[s] = best < 0 ? 0 : bestValue;
                _policy[s] = best;
                double diff = _next[s] - _u[s];
                maxDiff = Math.Max(maxDiff, diff);
                minDiff = Math.Min(minDiff, diff);
            }
            double shift = double.PositiveInfinity;
            foreach (double x in _next) shift = Math.Min(shift, x);
            for (int s = 0; s < states; s++) _u[s] = _next[s] - shift;
            if (maxDiff - minDiff < stop) break;
        }
    }

    /// <summary>max Σ p̃·u over ‖p̃ − p̂‖₁ ≤ d: mass min(1, p̂(s₁) + d/2) on the best state, the rest by p̂ in decreasing u.</summary>
    private readonly double OptimisticExpectation(EmpiricalModel model, int pair, int n, double radius)
    {
        int top = _order[0];
        double topMass = Math.Min(1, (n == 0 ? 0 : (double)model.NextCount(pair, top) / n) + radius / 2);
        double value = topMass * _u[top], remaining = 1 - topMass;
        for (int k = 1; k < _order.Length && remaining > 0 && n > 0; k++)
        {
            int s = _order[k];
            double mass = Math.Min((double)model.NextCount(pair, s) / n, remaining);
            value += mass * _u[s];
            remaining -= mass;
        }
        return value;
    }
}
