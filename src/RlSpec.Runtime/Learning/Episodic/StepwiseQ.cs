using System;

namespace RlSpec.Runtime.Learning.Episodic;

/// <summary>
/// The step-indexed tables of optimistic Q-learning (Jin et al. 2018): Q_h(s, a) starting at H, the visits
/// t = N_h(s, a), V_h(s) = min(H, max_a Q_h(s, a)) with V_H = 0, and the greedy action of each (h, s) as it
/// was at the start of the episode. Q_h changes only when step h is played, once per episode, so the
/// start-of-episode greedy action is the one played at step h: the reported policy is exact.
/// </summary>
internal sealed class StepwiseQ
{
    private readonly int _states, _actions, _horizon;
    private readonly bool[] _available;
    private readonly double[] _q;
    private readonly int[] _visits;
    private readonly int[] _greedy;

    public StepwiseQ(EpisodicSetup setup)
    {
        _states = setup.StateCount;
        _actions = setup.ActionCount;
        _horizon = setup.Horizon;
        _available = (bool[])setup.Available.Clone();
        long cells = (long)_horizon * _states * _actions;
        _q = new double[cells];
        Array.Fill(_q, (double)_horizon);
        _visits = new int[cells];
        _greedy = new int[(long)_horizon * _states];
        Snapshot();
    }

    public int StateCount => _states;

    public int ActionCount => _actions;

    public int Horizon => _horizon;

    /// <summary>The cell index of (h, s, a).</summary>
    public int Cell(int step, int state, int action) => (step * _states + state) * _actions + action;

    /// <summary>Counts one more visit of the cell and returns t = N_h(s, a).</summary>
    public int Visit(int cell) => ++_visits[cell];

    public ref double Q(int cell) => ref _q[cell];

    /// <summary>V_h(s) = min(H, max over enabled a of Q_h(s, a)); 0 for h = H or a state without actions.</summary>
    public double V(int step, int state)
    {
        if (step >= _horizon) return 0;
        double max = ActionValues.Max(_q.AsSpan((step * _states + state) * _actions, _actions), _available.AsSpan(state * _actions, _actions));
        return Math.Min(_horizon, max);
    }

    /// <summary>Stores each (h, s)'s greedy action (lowest index on ties) for the coming episode.</summary>
    public void Snapshot()
    {
        for (int h = 0; h < _horizon; h++)
            for (int s = 0; s < _states; s++)
                _greedy[h * _states + s] = ActionValues.Greedy(_q.AsSpan((h * _states + s) * _actions, _actions), _available.AsSpan(s * _actions, _actions));
    }

    /// <summary>The greedy action of (h, s) at the start of the episode; −1 where no action is enabled.</summary>
    public int Action(int step, int state) => _greedy[step * _states + state];
}
