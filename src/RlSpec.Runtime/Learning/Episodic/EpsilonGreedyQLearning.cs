using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Learning.Episodic;

/// <summary>
/// ε-greedy Q-learning, the baseline without optimism: step-indexed values Q_h(s, a) start at 0 and
/// after each transition (s, a, r, s') at step h become
/// Q_h(s, a) ← (1 − α_t)·Q_h(s, a) + α_t·(r + max_{a'} Q_{h+1}(s', a')), with Q_H = 0 and the learning
/// rate α_t = (H + 1)/(H + t) of Jin, Allen-Zhu, Bubeck and Jordan ("Is Q-learning provably
/// efficient?", NeurIPS 2018), t the visits to (s, a) at step h. The policy plays a uniformly random
/// enabled action with probability ε and otherwise the greedy one (lowest index on ties): π(a|s) =
/// ε/|A(s)| + (1 − ε)·[a = greedy]. No regret guarantee; compiler name <c>epsilon_greedy_q</c>.
/// </summary>
/// <remarks>
/// Q_h changes only when step h is played, once per episode, so the policy of step h is the same at the
/// start of the episode and when step h is played: <see cref="Policy"/> is exact whenever it is called
/// between <see cref="BeginEpisode"/> and the episode's step h. It reads a greedy table computed in
/// <see cref="BeginEpisode"/> so that it is also the start-of-episode policy after the episode ends.
/// </remarks>
public struct EpsilonGreedyQLearning : IEpisodicAlgorithm
{
    private readonly double _epsilon;
    private int _states, _actions, _horizon;
    private bool[] _available;
    private int[] _availableCount;
    private double[] _q;
    private int[] _visits;
    private int[] _greedy;

    /// <summary>ε-greedy Q-learning exploring with probability <paramref name="epsilon"/> in [0, 1].</summary>
    public EpsilonGreedyQLearning(double epsilon)
    {
        if (!(epsilon >= 0 && epsilon <= 1)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be in [0, 1]");
        _epsilon = epsilon;
        _available = [];
        _availableCount = _visits = _greedy = [];
        _q = [];
    }

    /// <inheritdoc/>
    public void Reset(EpisodicSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        setup.Validate();
        _states = setup.StateCount;
        _actions = setup.ActionCount;
        _horizon = setup.Horizon;
        _available = (bool[])setup.Available.Clone();
        _availableCount = new int[_states];
        for (int s = 0; s < _states; s++) _availableCount[s] = ActionValues.Count(_available.AsSpan(s * _actions, _actions));
        long cells = (long)_horizon * _states * _actions;
        _q = new double[cells];
        _visits = new int[cells];
        _greedy = new int[_horizon * _states];
    }

    /// <inheritdoc/>
    public void BeginEpisode(long episode, ref RandomStream random)
    {
        int sa = _states * _actions;
        for (int h = 0; h < _horizon; h++)
            for (int s = 0; s < _states; s++)
                _greedy[h * _states + s] = ActionValues.Greedy(_q.AsSpan(h * sa + s * _actions, _actions), _available.AsSpan(s * _actions, _actions));
    }

    /// <inheritdoc/>
    public readonly void Policy(int step, int state, Span<double> probabilities)
    {
        probabilities[.._actions].Clear();
        int count = _availableCount[state];
        if (count == 0) return;
        double uniform = _epsilon / count;
        for (int a = 0; a < _actions; a++)
            if (_available[state * _actions + a]) probabilities[a] = uniform;
        probabilities[_greedy[step * _states + state]] += 1 - _epsilon;
    }

    /// <inheritdoc/>
    public readonly int Act(int step, int state, ref RandomStream random)
    {
        int count = _availableCount[state];
        if (count == 0) return -1;
        // One uniform decides exploration; a second picks the exploring action, drawn only when exploring.
        if (random.NextDouble() < _epsilon)
            return ActionValues.Nth(_available.AsSpan(state * _actions, _actions), random.NextInt(count));
        return _greedy[step * _states + state];
    }

    /// <inheritdoc/>
    public void Observe(int step, int state, int action, double reward, int next)
    {
        int sa = _states * _actions;
        int cell = step * sa + state * _actions + action;
        int t = ++_visits[cell];
        double alpha = (double)(_horizon + 1) / (_horizon + t);
        double future = step + 1 < _horizon
            ? ActionValues.Max(_q.AsSpan((step + 1) * sa + next * _actions, _actions), _available.AsSpan(next * _actions, _actions))
            : 0;
        _q[cell] = (1 - alpha) * _q[cell] + alpha * (reward + future);
    }

    /// <inheritdoc/>
    public readonly void EndEpisode() { }

    /// <summary>Q_h(s, a) (for tests and reports).</summary>
    public readonly double QValue(int step, int state, int action) => _q[(step * _states + state) * _actions + action];
}
