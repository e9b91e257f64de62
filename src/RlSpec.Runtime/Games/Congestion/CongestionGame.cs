using System;
using RlSpec.Runtime.Games.NPlayer;

namespace RlSpec.Runtime.Games.Congestion;

/// <summary>
/// A congestion game (Rosenthal, "A class of games possessing pure-strategy Nash equilibria", 1973): facilities f
/// with a cost c_f(k) when k players use f, and for each player a list of feasible strategies, each a set of
/// facilities. A player's cost is Σ_{f in its set} c_f(load_f). Rosenthal's potential Φ = Σ_f Σ_{k=1}^{load_f} c_f(k)
/// changes by exactly the deviating player's change of cost, so best-response moves end at a pure equilibrium.
/// </summary>
/// <remarks>Copied and validated on construction: costs finite, facility indices in range, no facility twice in a strategy.</remarks>
public sealed class CongestionGame
{
    private readonly double[][] _cost;   // _cost[f][k − 1] = c_f(k), k = 1..players
    private readonly int[][][] _strategies; // _strategies[p][s] = the facilities of player p's strategy s

    /// <summary>A game with per-facility costs <paramref name="costs"/>[f][k−1] = c_f(k) for loads k = 1..n (n = the number of players)
    /// and feasible strategies <paramref name="strategies"/>[p][s] (facility indices).</summary>
    public CongestionGame(double[][] costs, int[][][] strategies)
    {
        ArgumentNullException.ThrowIfNull(costs);
        ArgumentNullException.ThrowIfNull(strategies);
        int players = strategies.Length, facilities = costs.Length;
        if (players < 1) throw new ArgumentException("a congestion game needs at least one player", nameof(strategies));
        if (facilities < 1) throw new ArgumentException("a congestion game needs at least one facility", nameof(costs));
        _cost = new double[facilities][];
        for (int f = 0; f < facilities; f++)
        {
            ArgumentNullException.ThrowIfNull(costs[f], nameof(costs));
            if (costs[f].Length != players) throw new ArgumentException($"facility {f} has {costs[f].Length} costs, not one per load 1..{players}", nameof(costs));
            foreach (double c in costs[f]) if (!double.IsFinite(c)) throw new ArgumentException($"facility {f}'s costs must be finite", nameof(costs));
            _cost[f] = (double[])costs[f].Clone();
        }
        _strategies = new int[players][][];
        for (int p = 0; p < players; p++)
        {
            ArgumentNullException.ThrowIfNull(strategies[p], nameof(strategies));
            if (strategies[p].Length < 1) throw new ArgumentException($"player {p} has no feasible strategy", nameof(strategies));
            _strategies[p] = new int[strategies[p].Length][];
            for (int s = 0; s < strategies[p].Length; s++)
            {
                var set = strategies[p][s] ?? throw new ArgumentNullException(nameof(strategies));
                var seen = new bool[facilities];
                foreach (int f in set)
                {
                    if ((uint)f >= (uint)facilities) throw new ArgumentException($"player {p}'s strategy {s} uses facility {f}, not in 0..{facilities - 1}", nameof(strategies));
                    if (seen[f]) throw new ArgumentException($"player {p}'s strategy {s} uses facility {f} twice", nameof(strategies));
                    seen[f] = true;
                }
                _strategies[p][s] = (int[])set.Clone();
            }
        }
    }

    /// <summary>Number of players n.</summary>
    public int Players => _strategies.Length;

    /// <summary>Number of facilities.</summary>
    public int Facilities => _cost.Length;

    /// <summary>Number of feasible strategies of player p.</summary>
    public int Strategies(int player) => _strategies[player].Length;

    /// <summary>The facilities of player p's strategy s.</summary>
    public ReadOnlySpan<int> Strategy(int player, int strategy) => _strategies[player][strategy];

    /// <summary>c_f(k), the cost of facility f under load k (1..n).</summary>
    public double FacilityCost(int facility, int load) => _cost[facility][load - 1];

    /// <summary>The number of players on each facility under the pure profile (one strategy index per player).</summary>
    public void Loads(ReadOnlySpan<int> profile, Span<int> loads)
    {
        loads.Slice(0, Facilities).Clear();
        for (int p = 0; p < Players; p++)
            foreach (int f in _strategies[p][profile[p]]) loads[f]++;
    }

    /// <summary>Player p's cost under the pure profile.</summary>
    public double Cost(int player, ReadOnlySpan<int> profile)
    {
        Span<int> loads = Facilities <= 512 ? stackalloc int[Facilities] : new int[Facilities];
        Loads(profile, loads);
        double c = 0;
        foreach (int f in _strategies[player][profile[player]]) c += _cost[f][loads[f] - 1];
        return c;
    }

    /// <summary>Player p's cost if it alone switched to <paramref name="strategy"/>, the others as in <paramref name="loads"/> of the current profile.</summary>
    public double DeviationCost(int player, int current, int strategy, ReadOnlySpan<int> loads)
    {
        double c = 0;
        var now = _strategies[player][current];
        foreach (int f in _strategies[player][strategy])
        {
            int load = loads[f] + (Array.IndexOf(now, f) >= 0 ? 0 : 1);
            c += _cost[f][load - 1];
        }
        return c;
    }

    /// <summary>Rosenthal's potential Φ = Σ_f Σ_{k=1}^{load_f} c_f(k) of the pure profile.</summary>
    public double Potential(ReadOnlySpan<int> profile)
    {
        Span<int> loads = Facilities <= 512 ? stackalloc int[Facilities] : new int[Facilities];
        Loads(profile, loads);
        double phi = 0;
        for (int f = 0; f < Facilities; f++)
            for (int k = 1; k <= loads[f]; k++) phi += _cost[f][k - 1];
        return phi;
    }

    /// <summary>The largest cost decrease any player can get by switching strategy alone (≤ 0 at a pure equilibrium).</summary>
    public double BestDeviationGain(ReadOnlySpan<int> profile)
    {
        Span<int> loads = Facilities <= 512 ? stackalloc int[Facilities] : new int[Facilities];
        Loads(profile, loads);
        double best = double.NegativeInfinity;
        for (int p = 0; p < Players; p++)
        {
            double now = DeviationCost(p, profile[p], profile[p], loads);
            for (int s = 0; s < Strategies(p); s++) best = Math.Max(best, now - DeviationCost(p, profile[p], s, loads));
        }
        return best;
    }

    /// <summary>The same game as a normal-form game with payoffs u_p = −cost_p (throws when it has more than <paramref name="maxJointActions"/> joint actions).</summary>
    public NormalFormGame ToNormalForm(int maxJointActions = 1_000_000)
    {
        var actions = new int[Players];
        long joint = 1;
        for (int p = 0; p < Players; p++)
        {
            actions[p] = Strategies(p);
            joint *= actions[p];
            if (joint > maxJointActions) throw new ArgumentException($"the game has more than {maxJointActions:N0} joint actions");
        }
        var payoffs = new double[Players][];
        for (int p = 0; p < Players; p++) payoffs[p] = new double[joint];
        var profile = new int[Players];
        for (int k = 0; k < joint; k++)
        {
            int rest = k;
            for (int p = Players - 1; p >= 0; p--) { profile[p] = rest % actions[p]; rest /= actions[p]; }
            for (int p = 0; p < Players; p++) payoffs[p][k] = -Cost(p, profile);
        }
        return new NormalFormGame(actions, payoffs);
    }
}
