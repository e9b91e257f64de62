using System;
using System.Collections.Generic;

namespace RlSpec.Runtime.Games.Congestion;

/// <summary>A pure profile of a congestion game reached by best-response moves, with its potential and the number of moves.</summary>
public sealed record PotentialDescentResult(int[] Profile, double Potential, int Moves);

/// <summary>
/// Pure equilibria of congestion games: best-response dynamics, which descend Rosenthal's potential (each strictly
/// improving move lowers Φ by the mover's gain, and Φ takes finitely many values, so they stop at a pure Nash
/// equilibrium; Rosenthal 1973, Monderer and Shapley 1996), and exhaustive search for small games.
/// </summary>
public static class PotentialDescent
{
    /// <summary>
    /// Best-response dynamics from <paramref name="start"/> (default: every player's first strategy): players in turn switch
    /// to a best response when it lowers their cost by more than <paramref name="tolerance"/>, until no one does.
    /// </summary>
    public static PotentialDescentResult Run(CongestionGame game, int[]? start = null, double tolerance = 1e-12, int maxMoves = 10_000_000)
    {
        ArgumentNullException.ThrowIfNull(game);
        var profile = start is null ? new int[game.Players] : (int[])start.Clone();
        if (profile.Length != game.Players) throw new ArgumentException($"a start of length {profile.Length} for {game.Players} players", nameof(start));
        var loads = new int[game.Facilities];
        game.Loads(profile, loads);
        int moves = 0;
        bool moved = true;
        while (moved)
        {
            moved = false;
            for (int p = 0; p < game.Players; p++)
            {
                int current = profile[p], best = current;
                double bestCost = game.DeviationCost(p, current, current, loads);
                for (int s = 0; s < game.Strategies(p); s++)
                {
                    double c = game.DeviationCost(p, current, s, loads);
                    if (c < bestCost - tolerance) { bestCost = c; best = s; }
                }
                if (best == current) continue;
                foreach (int f in game.Strategy(p, current)) loads[f]--;
                foreach (int f in game.Strategy(p, best)) loads[f]++;
                profile[p] = best;
                moved = true;
                if (++moves > maxMoves) throw new InvalidOperationException($"best-response dynamics made {maxMoves:N0} moves without stopping");
            }
        }
        return new PotentialDescentResult(profile, game.Potential(profile), moves);
    }

    /// <summary>Every pure equilibrium (no player lowers its cost by more than <paramref name="tolerance"/> alone), by enumerating all
    /// profiles; refuses games with more than <paramref name="maxProfiles"/> profiles.</summary>
    public static IReadOnlyList<int[]> Exhaustive(CongestionGame game, double tolerance = 1e-12, long maxProfiles = 1_000_000)
    {
        ArgumentNullException.ThrowIfNull(game);
        long total = 1;
        for (int p = 0; p < game.Players; p++)
        {
            total *= game.Strategies(p);
            if (total > maxProfiles) throw new ArgumentException($"the game has more than {maxProfiles:N0} pure profiles; use best-response dynamics");
        }
        var found = new List<int[]>();
        var profile = new int[game.Players];
        for (long k = 0; k < total; k++)
        {
            long rest = k;
            for (int p = game.Players - 1; p >= 0; p--) { profile[p] = (int)(rest % game.Strategies(p)); rest /= game.Strategies(p); }
            if (game.BestDeviationGain(profile) <= tolerance) found.Add((int[])profile.Clone());
        }
        return found;
    }
}
