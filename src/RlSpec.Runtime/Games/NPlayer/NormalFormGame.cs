using System;

namespace RlSpec.Runtime.Games.NPlayer;

/// <summary>
/// A finite n-player normal-form game: player p has k_p actions and payoff u_p(a_0, …, a_{n−1}) at each joint action.
/// </summary>
/// <remarks>
/// <para>
/// Joint actions are numbered row-major, player 0 most significant: the joint index of (a_0, …, a_{n−1}) is
/// Σ_p a_p·Π_{q&gt;p} k_q (<see cref="Stride"/>(p) = Π_{q&gt;p} k_q). Payoffs are stored as one flat tensor per player.
/// </para>
/// <para>
/// A mixed profile is one flat vector: player p's strategy occupies entries <see cref="StrategyOffset"/>(p) ..
/// StrategyOffset(p) + k_p − 1, so learners and the deviation check work on a single span with no allocation.
/// </para>
/// </remarks>
public sealed class NormalFormGame
{
    private readonly int[] _actions, _stride, _offset;
    private readonly double[][] _payoff;

    /// <summary>A game with action counts <paramref name="actions"/> (k_p ≥ 1 per player) and one payoff tensor per player,
    /// each of length Π k_p, indexed by the joint index. Copied and validated (finite payoffs).</summary>
    public NormalFormGame(int[] actions, double[][] payoffs)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(payoffs);
        int n = actions.Length;
        if (n < 1) throw new ArgumentException("a game needs at least one player", nameof(actions));
        if (payoffs.Length != n) throw new ArgumentException($"{payoffs.Length} payoff tensors for {n} players", nameof(payoffs));
        _actions = (int[])actions.Clone();
        _stride = new int[n];
        _offset = new int[n + 1];
        long joint = 1;
        for (int p = n - 1; p >= 0; p--)
        {
            if (actions[p] < 1) throw new ArgumentException($"player {p} needs at least one action", nameof(actions));
            _stride[p] = (int)joint;
            joint *= actions[p];
            if (joint > Array.MaxLength) throw new ArgumentException("too many joint actions to store", nameof(actions));
        }
        for (int p = 0; p < n; p++) _offset[p + 1] = _offset[p] + actions[p];
        JointActions = (int)joint;
        _payoff = new double[n][];
        for (int p = 0; p < n; p++)
        {
            ArgumentNullException.ThrowIfNull(payoffs[p], nameof(payoffs));
            if (payoffs[p].Length != JointActions)
                throw new ArgumentException($"player {p}'s payoffs have {payoffs[p].Length} entries, not one per joint action ({JointActions})", nameof(payoffs));
            foreach (double v in payoffs[p]) if (!double.IsFinite(v)) throw new ArgumentException($"player {p}'s payoffs must be finite", nameof(payoffs));
            _payoff[p] = (double[])payoffs[p].Clone();
        }
        double range = 0;
        for (int p = 0; p < n; p++)
        {
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            foreach (double v in _payoff[p]) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
            range = Math.Max(range, hi - lo);
        }
        PayoffRange = range > 0 ? range : 1;
    }

    /// <summary>Number of players n.</summary>
    public int Players => _actions.Length;

    /// <summary>Number of joint actions Π k_p.</summary>
    public int JointActions { get; }

    /// <summary>Length of a flat mixed profile, Σ k_p.</summary>
    public int ProfileLength => _offset[^1];

    /// <summary>The largest payoff range over the players (1 if all are constant): the scale of every tolerance.</summary>
    public double PayoffRange { get; }

    /// <summary>k_p, the number of actions of player p.</summary>
    public int Actions(int player) => _actions[player];

    /// <summary>Π_{q&gt;p} k_q: how far the joint index moves when player p's action grows by one.</summary>
    public int Stride(int player) => _stride[player];

    /// <summary>Where player p's strategy starts in a flat profile.</summary>
    public int StrategyOffset(int player) => _offset[player];

    /// <summary>The joint index of the joint action <paramref name="actions"/>.</summary>
    public int JointIndex(ReadOnlySpan<int> actions)
    {
        if (actions.Length != Players) throw new ArgumentException($"{actions.Length} actions for {Players} players", nameof(actions));
        int k = 0;
        for (int p = 0; p < actions.Length; p++)
        {
            if ((uint)actions[p] >= (uint)_actions[p]) throw new ArgumentOutOfRangeException(nameof(actions), $"player {p}'s action {actions[p]} is not in 0..{_actions[p] - 1}");
            k += actions[p] * _stride[p];
        }
        return k;
    }

    /// <summary>Player p's action in joint index k.</summary>
    public int ActionOf(int player, int joint) => joint / _stride[player] % _actions[player];

    /// <summary>u_p at joint index k.</summary>
    public double Payoff(int player, int joint) => _payoff[player][joint];

    /// <summary>Player p's payoff tensor, without copying.</summary>
    public ReadOnlySpan<double> Payoffs(int player) => _payoff[player];

    /// <summary>Player p's expected payoff under the flat mixed profile <paramref name="profile"/> (every player independent).</summary>
    public double ExpectedPayoff(int player, ReadOnlySpan<double> profile)
    {
        CheckProfile(profile);
        double total = 0;
        var u = _payoff[player];
        for (int k = 0; k < JointActions; k++)
        {
            double w = 1;
            for (int q = 0; q < Players && w != 0; q++) w *= profile[_offset[q] + ActionOf(q, k)];
            total += w * u[k];
        }
        return total;
    }

    /// <summary>
    /// Player p's expected payoff of each pure action against the others' mixed strategies in <paramref name="profile"/>
    /// (player p's own entries are ignored), written into <paramref name="result"/> (length k_p). Allocates nothing.
    /// </summary>
    public void DeviationPayoffs(int player, ReadOnlySpan<double> profile, Span<double> result)
    {
        CheckProfile(profile);
        if (result.Length < _actions[player]) throw new ArgumentException($"result needs {_actions[player]} entries", nameof(result));
        result.Slice(0, _actions[player]).Clear();
        var u = _payoff[player];
        for (int k = 0; k < JointActions; k++)
        {
            double w = 1;
            for (int q = 0; q < Players && w != 0; q++)
                if (q != player) w *= profile[_offset[q] + ActionOf(q, k)];
            if (w != 0) result[ActionOf(player, k)] += w * u[k];
        }
    }

    /// <summary>Player p's gain from the best unilateral deviation: max_a u_p(a, x_{−p}) − u_p(x). Allocates nothing for up to 256 actions.</summary>
    public double DeviationGain(int player, ReadOnlySpan<double> profile)
    {
        int kp = _actions[player];
        Span<double> payoffs = kp <= 256 ? stackalloc double[kp] : new double[kp];
        DeviationPayoffs(player, profile, payoffs);
        double best = double.NegativeInfinity, current = 0;
        for (int a = 0; a < kp; a++)
        {
            best = Math.Max(best, payoffs[a]);
            current += profile[_offset[player] + a] * payoffs[a];
        }
        return best - current;
    }

    /// <summary>NashConv: the sum over players of their best deviation gains (zero exactly at a Nash equilibrium).</summary>
    public double NashConv(ReadOnlySpan<double> profile)
    {
        double total = 0;
        for (int p = 0; p < Players; p++) total += DeviationGain(p, profile);
        return total;
    }

    /// <summary>True when every player's strategy is a distribution and no player gains more than
    /// <paramref name="relativeTolerance"/>·<see cref="PayoffRange"/> by deviating (every player is checked).</summary>
    public bool IsEquilibrium(ReadOnlySpan<double> profile, double relativeTolerance = 1e-9)
    {
        if (profile.Length != ProfileLength) return false;
        for (int p = 0; p < Players; p++)
        {
            double sum = 0;
            for (int a = 0; a < _actions[p]; a++)
            {
                double v = profile[_offset[p] + a];
                if (!(v >= -relativeTolerance)) return false;
                sum += v;
            }
            if (Math.Abs(sum - 1) > relativeTolerance) return false;
        }
        double tol = relativeTolerance * PayoffRange;
        for (int p = 0; p < Players; p++)
            if (DeviationGain(p, profile) > tol) return false;
        return true;
    }

    /// <summary>True when no player can strictly gain (more than <paramref name="tolerance"/>) by changing only their own action at joint index k.</summary>
    public bool IsPureEquilibrium(int joint, double tolerance = 0)
    {
        for (int p = 0; p < Players; p++)
        {
            int own = ActionOf(p, joint);
            int baseIndex = joint - own * _stride[p];
            double current = _payoff[p][joint];
            for (int a = 0; a < _actions[p]; a++)
                if (_payoff[p][baseIndex + a * _stride[p]] > current + tolerance) return false;
        }
        return true;
    }

    private void CheckProfile(ReadOnlySpan<double> profile)
    {
        if (profile.Length != ProfileLength) throw new ArgumentException($"a profile of length {profile.Length}, expected {ProfileLength} (Σ k_p)", nameof(profile));
    }
}
