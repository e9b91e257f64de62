using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Learning.Episodic;

/// <summary>
/// Infinite-horizon Q-learning with UCB exploration for discounted MDPs (Dong, Wang, Chen and Wang,
/// "Q-learning with UCB exploration is sample efficient for infinite-horizon MDP", ICLR 2020
/// (arXiv 2019), Algorithm 1, Theorem 1: sample complexity of exploration Õ(SA/(ε²(1−γ)⁷))), played in the
/// experiment's episodes without resetting anything between them. Q̂ = Q = V̂ = 1/(1 − γ) at the start;
/// after (s, a, r, s') with k = n(s, a) the visits so far (this one included):
/// Q̂(s, a) ← (1 − α_k)·Q̂(s, a) + α_k·(r + b_k + γ·V̂(s')), Q(s, a) ← min(Q(s, a), Q̂(s, a)),
/// V̂(s) ← max_a Q(s, a), with α_k = (H_γ + 1)/(H_γ + k), b_k = bonus · (c₂/(1 − γ))·√(H_γ·ι(k)/k),
/// c₂ = 4√2, ι(k) = ln(S·A·(k + 1)(k + 2)/δ), and the effective horizon H_γ = ⌈ln(1/((1 − γ)ε₁)) / ln(1/γ)⌉
/// for ε₁ = 0.1 (the accuracy the paper's H is set for; here fixed). The greedy action of Q (lowest index
/// on ties) is played. Compiler name <c>optimistic_q_learning</c>.
/// </summary>
/// <remarks>
/// <para>
/// Constants (checked 2026-11-30 for issue 8): c₂ = 4√2 and ι(k) = ln(SA(k+1)(k+2)/δ) are as recalled from
/// Algorithm 1 of Dong, Wang, Chen and Wang (arXiv:1901.09311); only its abstract and introduction were readable
/// from the sources available to us, so the constant is NOT verified against the text.
/// </para>
/// Q changes within an episode, and the action played follows it at once (as in the paper), so
/// <see cref="Policy"/> reports the greedy policy at the START of the episode (the same for every step), as
/// the experiment contract allows: the exact regret it yields is that of the episode's initial policy.
/// The discount is <see cref="EpisodicSetup.Discount"/>, which must be below 1.
/// </remarks>
public struct OptimisticQLearning : IEpisodicAlgorithm
{
    private const double Accuracy = 0.1;
    private static readonly double C2 = 4 * Math.Sqrt(2);

    private readonly double _bonus;
    private int _states, _actions;
    private double _gamma, _delta, _effectiveHorizon;
    private bool[] _available;
    private double[] _qHat, _q, _vHat;
    private int[] _visits, _start;

    /// <summary>UCB Q-learning for discounted models with the published bonus times <paramref name="bonus"/>.</summary>
    public OptimisticQLearning(double bonus)
    {
        if (!(bonus >= 0) || double.IsPositiveInfinity(bonus)) throw new ArgumentOutOfRangeException(nameof(bonus), bonus, "the bonus multiplier must be finite and not negative");
        _bonus = bonus;
        _available = [];
        _qHat = _q = _vHat = [];
        _visits = _start = [];
    }

    /// <inheritdoc/>
    public void Reset(EpisodicSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        setup.Validate();
        if (!(setup.Discount < 1)) throw new ArgumentOutOfRangeException(nameof(setup), setup.Discount, "optimistic Q-learning needs a discount below 1");
        _states = setup.StateCount;
        _actions = setup.ActionCount;
        _gamma = setup.Discount;
        _delta = setup.Delta;
        _effectiveHorizon = Math.Max(1, Math.Ceiling(Math.Log(1 / ((1 - _gamma) * Accuracy)) / Math.Log(1 / _gamma)));
        _available = (bool[])setup.Available.Clone();
        int pairs = _states * _actions;
        double top = 1 / (1 - _gamma);
        _qHat = new double[pairs];
        _q = new double[pairs];
        Array.Fill(_qHat, top);
        Array.Fill(_q, top);
        _vHat = new double[_states];
        for (int s = 0; s < _states; s++) _vHat[s] = ActionValues.Count(_available.AsSpan(s * _actions, _actions)) > 0 ? top : 0;
        _visits = new int[pairs];
        _start = new int[_states];
    }

    /// <summary>The effective horizon H_γ used by the learning rate and the bonus.</summary>
    public readonly double EffectiveHorizon => _effectiveHorizon;

    /// <inheritdoc/>
    public readonly void BeginEpisode(long episode, ref RandomStream random)
    {
        for (int s = 0; s < _states; s++) _start[s] = Greedy(s);
    }

    /// <inheritdoc/>
    public readonly void Policy(int step, int state, Span<double> probabilities) => ActionValues.OneHot(probabilities[.._actions], _start[state]);

    /// <inheritdoc/>
    public readonly int Act(int step, int state, ref RandomStream random) => Greedy(state);

    /// <inheritdoc/>
    public readonly void Observe(int step, int state, int action, double reward, int next)
    {
        int pair = state * _actions + action, k = ++_visits[pair];
        double h = _effectiveHorizon;
        double alpha = (h + 1) / (h + k);
        double iota = Math.Log((double)_states * _actions * (k + 1.0) * (k + 2.0) / _delta);
        double b = _bonus * C2 / (1 - _gamma) * Math.Sqrt(h * iota / k);
        _qHat[pair] = (1 - alpha) * _qHat[pair] + alpha * (reward + b + _gamma * _vHat[next]);
        _q[pair] = Math.Min(_q[pair], _qHat[pair]);
        _vHat[state] = ActionValues.Max(_q.AsSpan(state * _actions, _actions), _available.AsSpan(state * _actions, _actions));
    }

    /// <inheritdoc/>
    public readonly void EndEpisode() { }

    /// <summary>Q(s, a) now, the running minimum of Q̂ (for tests and reports).</summary>
    public readonly double QValue(int state, int action) => _q[state * _actions + action];

    private readonly int Greedy(int state) => ActionValues.Greedy(_q.AsSpan(state * _actions, _actions), _available.AsSpan(state * _actions, _actions));
}
