using System;

namespace RlSpec.Runtime.Learning.Episodic;

/// <summary>
/// One backup of a learned model, written once per algorithm: the (unclipped) value of playing the pair
/// <paramref name="pair"/> = s·A + a at step <paramref name="step"/> when the next step's values are
/// <paramref name="next"/>: r̂ + P̂·V_{h+1} + bonus for the optimistic algorithms, r̃ + P̃·V_{h+1} for a
/// sampled model. +∞ means "no information: as large as the clip allows".
/// </summary>
internal interface IModelBackup
{
    double Value(int step, int state, int pair, ReadOnlySpan<double> next);
}

/// <summary>
/// Backward induction over a learned model (Puterman 1994, §4.5, as in the runtime's BackwardInduction,
/// but over a model that is a backup struct instead of an IMdp): for h = H−1..0,
/// Q_h(s, a) = min(cap·(H − h), backup(h, s, a, V_{h+1})), optionally also min with the previous plan's
/// Q_h(s, a) (UCBVI's monotone update), V_h(s) = max over enabled a, V_H = 0, greedy action with the
/// lowest index on ties. The clip at the remaining horizon (cap = 1 per step, 1/H for MVP's scaled
/// rewards) is never below the true Q*, so optimism is kept; +∞ for a sampled model means no clip.
/// </summary>
/// <remarks>Tables are laid out step-major: Q at [h·S·A + s·A + a], V and the greedy action at [h·S + s].
/// Allocates only in the constructor.</remarks>
internal sealed class OptimisticPlanning
{
    private readonly int _states, _actions, _horizon;
    private readonly bool[] _available;
    private readonly double[] _q, _v;
    private readonly int[] _greedy;

    /// <summary>Tables for the setup, with Q_h(s, a) = V_h(s) = <paramref name="initialPerStep"/>·(H − h)
    /// (the optimistic start) and each state's first enabled action as its greedy action.</summary>
    public OptimisticPlanning(EpisodicSetup setup, double initialPerStep)
    {
        _states = setup.StateCount;
        _actions = setup.ActionCount;
        _horizon = setup.Horizon;
        _available = (bool[])setup.Available.Clone();
        _q = new double[(long)_horizon * _states * _actions];
        _v = new double[(long)(_horizon + 1) * _states];
        _greedy = new int[(long)_horizon * _states];
        for (int h = 0; h < _horizon; h++)
            for (int s = 0; s < _states; s++)
            {
                double start = initialPerStep * (_horizon - h);
                bool any = false;
                for (int a = 0; a < _actions; a++)
                {
                    bool on = _available[s * _actions + a];
                    _q[(h * _states + s) * _actions + a] = on ? start : double.NegativeInfinity;
                    any |= on;
                }
                _v[h * _states + s] = any ? start : 0;
                _greedy[h * _states + s] = ActionValues.Greedy(_q.AsSpan((h * _states + s) * _actions, _actions), _available.AsSpan(s * _actions, _actions));
            }
    }

    public int StateCount => _states;

    public int ActionCount => _actions;

    public int Horizon => _horizon;

    /// <summary>Whether action a is enabled in state s, at [s·A + a].</summary>
    public ReadOnlySpan<bool> Available => _available;

    /// <summary>The greedy action of the last plan at (step, state); −1 where no action is enabled.</summary>
    public int Action(int step, int state) => _greedy[step * _states + state];

    /// <summary>Q_h(s, a) of the last plan.</summary>
    public double Q(int step, int state, int action) => _q[(step * _states + state) * _actions + action];

    /// <summary>V_h(s) of the last plan (h = H gives 0).</summary>
    public double V(int step, int state) => _v[step * _states + state];

    /// <summary>Recomputes Q, V and the greedy actions by backward induction over <paramref name="backup"/>.</summary>
    /// <param name="backup">The model and its bonus.</param>
    /// <param name="capPerStep">The clip per remaining step (+∞: none).</param>
    /// <param name="monotone">Also take the minimum with the previous plan's Q (UCBVI).</param>
    public void Plan<TBackup>(ref TBackup backup, double capPerStep, bool monotone) where TBackup : struct, IModelBackup
    {
        int states = _states, actions = _actions;
        for (int h = _horizon - 1; h >= 0; h--)
        {
            ReadOnlySpan<double> next = _v.AsSpan((h + 1) * states, states);
            double cap = capPerStep * (_horizon - h);
            for (int s = 0; s < states; s++)
            {
                int best = -1;
                double bestValue = 0;
                int cell = (h * states + s) * actions;
                for (int a = 0; a < actions; a++)
                {
                    int pair = s * actions + a;
                    if (!_available[pair]) continue;
                    double value = Math.Min(cap, backup.Value(h, s, pair, next));
                    if (monotone) value = Math.Min(value, _q[cell + a]);
                    _q[cell + a] = value;
                    if (best < 0 || value > bestValue) { best = a; bestValue = value; }
                }
                _v[h * states + s] = best < 0 ? 0 : bestValue;
                _greedy[h * states + s] = best;
            }
        }
    }
}
