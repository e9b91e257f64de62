using System;

namespace RlSpec.Runtime.Games.Markov;

/// <summary>
/// A two-player zero-sum Markov (stochastic) game (Shapley, "Stochastic games", PNAS 1953): in state s the row
/// player picks a ∈ 0..m_s−1 and the column player b ∈ 0..n_s−1 at the same time, the row player receives
/// R_s[a, b] (the column player −R_s[a, b]) and the game moves to s′ with probability P(s′ | s, a, b).
/// Discounted (γ ∈ [0, 1)) or finite horizon H (stationary payoffs and transitions, H stages).
/// </summary>
/// <remarks>
/// <para>
/// Joint actions are numbered state by state: the joint index of (s, a, b) is
/// <see cref="JointOffset"/>(s) + a·n_s + b, so all arrays below are flat and a solver walks them with no lookup.
/// <see cref="Payoff"/>(k) is the row player's payoff of joint index k; its transitions are the entries
/// <see cref="TransitionStart"/>(k) .. <see cref="TransitionStart"/>(k+1)−1 of <see cref="NextStates"/> and
/// <see cref="Probabilities"/> (compressed rows, one row per (s, a, b), as in Storm's row groups).
/// </para>
/// <para>All arrays are copied on construction and validated (probabilities nonnegative and summing to 1 within 1e-9,
/// successor states in range, finite payoffs), so a game never changes after it is built.</para>
/// </remarks>
public sealed class MarkovGame
{
    /// <summary>Tolerance on each transition row's sum and on the initial distribution's sum.</summary>
    public const double ProbabilityTolerance = 1e-9;

    private readonly int[] _rowActions, _columnActions, _jointOffset, _transitionStart, _next, _rowPolicyOffset, _columnPolicyOffset;
    private readonly double[] _payoff, _probability, _initial;

    private MarkovGame(int[] rowActions, int[] columnActions, double[] payoffs, int[] transitionStart, int[] nextStates,
        double[] probabilities, double[] initial, double discount, int horizon)
    {
        ArgumentNullException.ThrowIfNull(rowActions);
        ArgumentNullException.ThrowIfNull(columnActions);
        ArgumentNullException.ThrowIfNull(payoffs);
        ArgumentNullException.ThrowIfNull(transitionStart);
        ArgumentNullException.ThrowIfNull(nextStates);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(initial);
        int states = rowActions.Length;
        if (states < 1) throw new ArgumentException("a Markov game needs at least one state", nameof(rowActions));
        if (columnActions.Length != states)
            throw new ArgumentException($"{columnActions.Length} column action counts for {states} states", nameof(columnActions));
        _jointOffset = new int[states + 1];
        for (int s = 0; s < states; s++)
        {
            if (rowActions[s] < 1) throw new ArgumentException($"state {s}: the row player needs at least one action", nameof(rowActions));
            if (columnActions[s] < 1) throw new ArgumentException($"state {s}: the column player needs at least one action", nameof(columnActions));
            _jointOffset[s + 1] = checked(_jointOffset[s] + rowActions[s] * columnActions[s]);
        }
        int joint = _jointOffset[states];
        if (payoffs.Length != joint) throw new ArgumentException($"{payoffs.Length} payoffs for {joint} joint actions", nameof(payoffs));
        foreach (double v in payoffs) if (!double.IsFinite(v)) throw new ArgumentException("payoffs must be finite", nameof(payoffs));
        if (transitionStart.Length != joint + 1)
            throw new ArgumentException($"{transitionStart.Length} row starts for {joint} joint actions (need {joint + 1})", nameof(transitionStart));
        if (transitionStart[0] != 0 || transitionStart[joint] != nextStates.Length)
            throw new ArgumentException("row starts must begin at 0 and end at the number of transition entries", nameof(transitionStart));
        if (probabilities.Length != nextStates.Length)
            throw new ArgumentException($"{probabilities.Length} probabilities for {nextStates.Length} successor states", nameof(probabilities));
        for (int k = 0; k < joint; k++)
        {
            if (transitionStart[k + 1] <= transitionStart[k])
                throw new ArgumentException($"joint action {k} has no successor (row starts must increase)", nameof(transitionStart));
            double sum = 0;
            for (int e = transitionStart[k]; e < transitionStart[k + 1]; e++)
            {
                if ((uint)nextStates[e] >= (uint)states) throw new ArgumentException($"successor state {nextStates[e]} out of range 0..{states - 1}", nameof(nextStates));
                double p = probabilities[e];
                if (!(p >= 0) || !double.IsFinite(p)) throw new ArgumentException($"transition probability {p} is not in [0, 1]", nameof(probabilities));
                sum += p;
            }
            if (Math.Abs(sum - 1) > ProbabilityTolerance) throw new ArgumentException($"the transitions of joint action {k} sum to {sum}, not 1", nameof(probabilities));
        }
        if (initial.Length != states) throw new ArgumentException($"an initial distribution of length {initial.Length} for {states} states", nameof(initial));
        double total = 0;
        foreach (double p in initial)
        {
            if (!(p >= 0) || !double.IsFinite(p)) throw new ArgumentException($"initial probability {p} is not in [0, 1]", nameof(initial));
            total += p;
        }
        if (Math.Abs(total - 1) > ProbabilityTolerance) throw new ArgumentException($"the initial distribution sums to {total}, not 1", nameof(initial));
        if (horizon == 0 && !(discount >= 0 && discount < 1)) throw new ArgumentOutOfRangeException(nameof(discount), discount, "the discount must be in [0, 1)");
        if (horizon < 0) throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "the horizon must be positive");

        _rowActions = (int[])rowActions.Clone();
        _columnActions = (int[])columnActions.Clone();
        _payoff = (double[])payoffs.Clone();
        _transitionStart = (int[])transitionStart.Clone();
        _next = (int[])nextStates.Clone();
        _probability = (double[])probabilities.Clone();
        _initial = (double[])initial.Clone();
        Discount = horizon == 0 ? discount : 1;
        Horizon = horizon;
        int maxRows = 0, maxColumns = 0;
        _rowPolicyOffset = new int[states + 1];
        _columnPolicyOffset = new int[states + 1];
        for (int s = 0; s < states; s++)
        {
            maxRows = Math.Max(maxRows, rowActions[s]); maxColumns = Math.Max(maxColumns, columnActions[s]);
            _rowPolicyOffset[s + 1] = checked(_rowPolicyOffset[s] + rowActions[s]);
            _columnPolicyOffset[s + 1] = checked(_columnPolicyOffset[s] + columnActions[s]);
        }
        MaxRowActions = maxRows;
        MaxColumnActions = maxColumns;
    }

    /// <summary>A discounted game: the row player maximizes E Σ_t γ^t R_{s_t}[a_t, b_t].</summary>
    public static MarkovGame Discounted(int[] rowActions, int[] columnActions, double[] payoffs, int[] transitionStart,
        int[] nextStates, double[] probabilities, double[] initial, double discount) =>
        new(rowActions, columnActions, payoffs, transitionStart, nextStates, probabilities, initial, discount, 0);

    /// <summary>A finite-horizon game of <paramref name="horizon"/> stages: the row player maximizes E Σ_{t&lt;H} R_{s_t}[a_t, b_t].</summary>
    public static MarkovGame FiniteHorizon(int[] rowActions, int[] columnActions, double[] payoffs, int[] transitionStart,
        int[] nextStates, double[] probabilities, double[] initial, int horizon)
    {
        if (horizon < 1) throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "the horizon must be at least 1");
        return new(rowActions, columnActions, payoffs, transitionStart, nextStates, probabilities, initial, 1, horizon);
    }

    /// <summary>Number of states.</summary>
    public int States => _rowActions.Length;

    /// <summary>Number of joint actions (s, a, b) over all states.</summary>
    public int JointActions => _jointOffset[^1];

    /// <summary>The discount γ (1 for a finite-horizon game).</summary>
    public double Discount { get; }

    /// <summary>The number of stages H, or 0 for a discounted game.</summary>
    public int Horizon { get; }

    /// <summary>True for a discounted game, false for a finite-horizon one.</summary>
    public bool IsDiscounted => Horizon == 0;

    /// <summary>The largest m_s: size a per-state solver for it.</summary>
    public int MaxRowActions { get; }

    /// <summary>The largest n_s.</summary>
    public int MaxColumnActions { get; }

    /// <summary>m_s, the row player's actions in state s.</summary>
    public int RowActions(int state) => _rowActions[state];

    /// <summary>n_s, the column player's actions in state s.</summary>
    public int ColumnActions(int state) => _columnActions[state];

    /// <summary>The joint index of (s, 0, 0); the joint actions of s are JointOffset(s) .. JointOffset(s+1)−1.</summary>
    public int JointOffset(int state) => _jointOffset[state];

    /// <summary>The joint index of (s, a, b).</summary>
    public int JointIndex(int state, int rowAction, int columnAction) => _jointOffset[state] + rowAction * _columnActions[state] + columnAction;

    /// <summary>The row player's payoff of joint index k.</summary>
    public double Payoff(int joint) => _payoff[joint];

    /// <summary>The row player's payoff R_s[a, b].</summary>
    public double Payoff(int state, int rowAction, int columnAction) => _payoff[JointIndex(state, rowAction, columnAction)];

    /// <summary>The row-major m_s×n_s payoff matrix of state s, without copying.</summary>
    public ReadOnlySpan<double> PayoffMatrix(int state) => _payoff.AsSpan(_jointOffset[state], _jointOffset[state + 1] - _jointOffset[state]);

    /// <summary>The first transition entry of joint index k (compressed rows; the last entry is TransitionStart(k+1)−1).</summary>
    public int TransitionStart(int joint) => _transitionStart[joint];

    /// <summary>Successor states of all transition entries.</summary>
    public ReadOnlySpan<int> NextStates => _next;

    /// <summary>Probabilities of all transition entries.</summary>
    public ReadOnlySpan<double> Probabilities => _probability;

    /// <summary>The initial state distribution.</summary>
    public ReadOnlySpan<double> Initial => _initial;

    /// <summary>
    /// The length of a stationary row policy stored flat: Σ_s m_s. Every Markov-game dynamic and measure stores a policy
    /// as each state's mixed strategy, state after state; state s's strategy starts at <see cref="RowPolicyOffset"/>(s).
    /// </summary>
    public int RowPolicyLength => _rowPolicyOffset[^1];

    /// <summary>The length of a flat stationary column policy: Σ_s n_s.</summary>
    public int ColumnPolicyLength => _columnPolicyOffset[^1];

    /// <summary>Where state s's row strategy starts in a flat row policy.</summary>
    public int RowPolicyOffset(int state) => _rowPolicyOffset[state];

    /// <summary>Where state s's column strategy starts in a flat column policy.</summary>
    public int ColumnPolicyOffset(int state) => _columnPolicyOffset[state];

    /// <summary>
    /// The matrix game of state s against the continuation values V: Q_s[a, b] = R_s[a, b] + γ Σ_{s′} P(s′ | s, a, b) V(s′),
    /// written row-major into the first m_s·n_s entries of <paramref name="q"/> (Shapley 1953). The one place the per-state
    /// game is assembled: Shapley iteration, its regularized form, and entropy-regularized OMWU all call it. Allocates nothing.
    /// </summary>
    public void StageGame(int state, ReadOnlySpan<double> values, Span<double> q)
    {
        int k0 = _jointOffset[state], count = _jointOffset[state + 1] - k0;
        double gamma = Discount;
        for (int k = 0; k < count; k++) q[k] = _payoff[k0 + k] + gamma * ExpectedNext(k0 + k, values);
    }

    /// <summary>Σ_{s′} P(s′ | joint k)·v[s′], the expected next value of joint index k.</summary>
    public double ExpectedNext(int joint, ReadOnlySpan<double> values)
    {
        double s = 0;
        for (int e = _transitionStart[joint]; e < _transitionStart[joint + 1]; e++) s += _probability[e] * values[_next[e]];
        return s;
    }
}
