using System;
using System.Collections.Generic;
using System.Linq;
using RlSpec.Runtime.Games;
using RlSpec.Runtime.Games.Congestion;
using RlSpec.Runtime.Games.Correlated;
using RlSpec.Runtime.Games.Markov;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Runtime.Games.Nash;
using RlSpec.Runtime.Games.NPlayer;
using RlSpec.Runtime.Games.QuantalResponse;

namespace RlSpec.Cli.Games;

/// <summary>An equilibrium a solver returned failed the best-response check: a bug, reported as an error, never printed as an answer.</summary>
internal sealed class UnverifiedEquilibriumException(string message) : Exception(message);

/// <summary>
/// What <c>rlspec solve</c> computes for a game, per form, with the runtime's exact solvers; every equilibrium is verified
/// (best-response check to 1e-9 of the payoff range, every player) before it is added, and one that fails throws
/// <see cref="UnverifiedEquilibriumException"/>.
/// </summary>
internal static class GameAnalysis
{
    /// <summary>Support enumeration lists all equilibria when both players have at most this many actions.</summary>
    public const int SupportEnumerationLimit = 12;

    /// <summary>Correlated equilibria by LP when the game has at most this many cells.</summary>
    public const int CorrelatedLimit = 2_500;

    /// <summary>Correlated equilibria of n-player games by LP when the dense tableau of the correlated program has at most this
    /// many entries (16 MB; a few seconds of pivoting at most). The coarse program is never larger.</summary>
    public const long CorrelatedTableauLimit = 2_000_000;

    /// <summary>Exhaustive pure-equilibrium search of congestion games up to this many profiles.</summary>
    public const long ExhaustiveLimit = 200_000;

    public static GameSolution Solve(GameModel game)
    {
        var solution = new GameSolution(game);
        switch (game.Form)
        {
            case GameForm.NPlayer: NPlayer(solution, game.NormalForm!); break;
            case GameForm.Congestion: Congestion(solution, game.Congestion!); break;
            case GameForm.Markov: Markov(solution, game.Markov!); break;
            default: TwoPlayer(solution, game.Bimatrix!, game.Temperature, zeroSum: game.Form is GameForm.ZeroSum or GameForm.Preference || IsZeroSum(game.Bimatrix!)); break;
        }
        if (game.Form == GameForm.Preference && solution.Sections.FirstOrDefault(s => s.Key == "zero_sum") is { } z)
            z.Notes.Add("A preference game is solved as the zero-sum game P - 1/2: the row side's winning probability against an optimal column side is 1/2 + this value; its optimal strategy is the von Neumann winner.");
        return solution;
    }

    private static bool IsZeroSum(BimatrixGame g)
    {
        for (int i = 0; i < g.Rows; i++)
            for (int j = 0; j < g.Columns; j++)
                if (Math.Abs(g.RowPayoff(i, j) + g.ColumnPayoff(i, j)) > 1e-12 * g.PayoffRange) return false;
        return true;
    }

    // ---- Two players ----------------------------------------------------------------------------

    internal static GameProfile Verified(BimatrixGame g, double[] x, double[] y, string what)
    {
        double gain = Math.Max(BestResponse.RowGain(g, x, y), BestResponse.ColumnGain(g, x, y));
        if (!BestResponse.IsEquilibrium(g, x, y, GameSolution.Tolerance))
            throw new UnverifiedEquilibriumException($"{what} failed the best-response check (a player gains {gain:G6}, more than {GameSolution.Tolerance:G2} of the payoff range {g.PayoffRange:G6})");
        var e = NashEquilibrium.Of(g, x, y);
        return new GameProfile(new[] { x, y }, new[] { e.RowValue, e.ColumnValue }, Math.Max(0, gain));
    }

    private static void TwoPlayer(GameSolution solution, BimatrixGame g, double temperature, bool zeroSum)
    {
        int m = g.Rows, n = g.Columns;
        if (zeroSum)
        {
            var z = ZeroSum.Solve(g);
            var s = new GameSection("zero_sum", "Value and optimal strategies (zero-sum)", "linear programming (dense simplex)") { Value = z.Value };
            s.Profiles.Add(Verified(g, z.Row, z.Column, "the LP's optimal strategies"));
            solution.Sections.Add(s);
        }

        var pure = new GameSection("pure_equilibria", "Pure equilibria", "exhaustive best-response check of every cell") { Complete = true };
        foreach (var (i, j) in PureEquilibria.Find(g))
        {
            var x = new double[m]; x[i] = 1;
            var y = new double[n]; y[j] = 1;
            pure.Profiles.Add(Verified(g, x, y, $"the pure profile ({i}, {j})"));
        }
        solution.Sections.Add(pure);

        GameSection nash;
        if (m <= SupportEnumerationLimit && n <= SupportEnumerationLimit)
        {
            var result = SupportEnumeration.Solve(g);
            if (!result.IsDegenerate)
            {
                nash = new GameSection("nash_equilibria", "Nash equilibria", "support enumeration (all equilibria of a nondegenerate game)") { Complete = true };
                foreach (var e in result.Equilibria) nash.Profiles.Add(Verified(g, e.Row, e.Column, "a support-enumeration equilibrium"));
            }
            else
            {
                nash = new GameSection("nash_equilibria", "Nash equilibria", "vertex enumeration (every extreme equilibrium; the game is degenerate)") { Complete = false };
                nash.Notes.Add($"The game is degenerate ({result.Degeneracy}), so support enumeration cannot promise every equilibrium; the extreme equilibria are listed (equilibria may form sets whose corners these are).");
                IReadOnlyList<NashEquilibrium> extreme;
                try { extreme = VertexEnumeration.Solve(g); }
                catch (ArgumentException ex)
                {
                    nash.Notes.Add("Vertex enumeration: " + ex.Message + "; one equilibrium by Lemke-Howson instead.");
                    extreme = new[] { LemkeHowson.Solve(g, 1).Equilibrium };
                }
                foreach (var e in extreme) nash.Profiles.Add(Verified(g, e.Row, e.Column, "a vertex-enumeration equilibrium"));
            }
        }
        else
        {
            var lh = LemkeHowson.Solve(g, 1);
            nash = new GameSection("nash_equilibria", "Nash equilibrium", "Lemke-Howson with lexicographic pivoting, missing label 1 (one equilibrium)") { Complete = false };
            nash.Numbers.Add(("pivots", lh.Pivots));
            nash.Profiles.Add(Verified(g, lh.Equilibrium.Row, lh.Equilibrium.Column, "the Lemke-Howson equilibrium"));
        }
        solution.Sections.Add(nash);

        if (m * n <= CorrelatedLimit)
        {
            solution.Sections.Add(Correlated(g, coarse: false));
            solution.Sections.Add(Correlated(g, coarse: true));
        }

        if (temperature > 0)
        {
            var q = zeroSum ? LogitQre.ZeroSum(g.RowPayoffs, temperature) : LogitQre.PrincipalBranch(g, temperature);
            double residual = LogitQre.Residual(g, q.Row, q.Column, temperature);
            if (!(residual <= 1e-10))
                throw new UnverifiedEquilibriumException($"the logit QRE's fixed-point residual is {residual:G6}, above 1e-10");
            var s = new GameSection("logit_qre", $"Logit quantal response equilibrium at temperature {temperature:G6}",
                zeroSum ? "continuation in the precision with Newton corrections (unique for zero-sum games)" : "the principal branch, traced from infinite temperature");
            var e = NashEquilibrium.Of(g, q.Row, q.Column);
            s.Profiles.Add(new GameProfile(new[] { q.Row, q.Column }, new[] { e.RowValue, e.ColumnValue }, Math.Max(BestResponse.RowGain(g, q.Row, q.Column), BestResponse.ColumnGain(g, q.Row, q.Column))));
            s.Numbers.Add(("residual", residual));
            s.Notes.Add("A QRE is not a Nash equilibrium: each player's gain from deviating is at most temperature x log(actions).");
            solution.Sections.Add(s);
        }
    }

    private static GameSection Correlated(BimatrixGame g, bool coarse) => Correlated(g.ToNormalForm(), coarse);

    /// <summary>The welfare-maximizing (coarse) correlated equilibrium by LP, every incentive constraint recomputed here first.</summary>
    private static GameSection Correlated(NormalFormGame g, bool coarse)
    {
        var ce = coarse ? CorrelatedEquilibria.CoarseCorrelated(g) : CorrelatedEquilibria.Correlated(g);
        double violation = Violation(g, ce.Distribution, coarse);
        if (!(violation <= GameSolution.Tolerance * g.PayoffRange))
            throw new UnverifiedEquilibriumException($"the {(coarse ? "coarse " : "")}correlated equilibrium violates an incentive constraint by {violation:G6}");
        var sizes = new int[g.Players];
        for (int p = 0; p < g.Players; p++) sizes[p] = g.Actions(p);
        var s = new GameSection(coarse ? "coarse_correlated_equilibrium" : "correlated_equilibrium",
            coarse ? "Coarse correlated equilibrium (maximum welfare)" : "Correlated equilibrium (maximum welfare)", "linear programming over joint distributions")
        {
            Joint = new JointEquilibrium(sizes, ce.Distribution, ce.Payoffs, Math.Max(0, violation)),
        };
        return s;
    }

    /// <summary>
    /// The largest violation of the (coarse) correlated incentive constraints and of the distribution's constraints (negative
    /// entries; total mass, scaled by the payoff range), computed here from the definitions, independently of the LP: for
    /// each player, the expected gain of replacing a recommended action (every recommendation: coarse) by another.
    /// </summary>
    internal static double Violation(NormalFormGame g, double[] p, bool coarse)
    {
        double worst = 0, sum = 0;
        foreach (double v in p) { worst = Math.Max(worst, -v); sum += v; }
        worst = Math.Max(worst, Math.Abs(sum - 1) * g.PayoffRange);
        if (double.IsNaN(sum)) return double.NaN;
        var actions = new int[g.Players];
        for (int i = 0; i < g.Players; i++)
        {
            int k = g.Actions(i);
            // gain[own, dev]: the expected gain of playing dev whenever own is recommended (coarse: own is ignored)
            var gain = new double[k, k];
            for (int s = 0; s < g.JointActions; s++)
            {
                if (p[s] == 0) continue;
                for (int q = 0; q < g.Players; q++) actions[q] = g.ActionOf(q, s);
                int own = actions[i];
                for (int dev = 0; dev < k; dev++)
                {
                    actions[i] = dev;
                    gain[coarse ? 0 : own, dev] += p[s] * (g.Payoff(i, g.JointIndex(actions)) - g.Payoff(i, s));
                }
            }
            foreach (double v in gain) worst = Math.Max(worst, v);
        }
        return worst;
    }

    // ---- n players --------------------------------------------------------------------------------

    private static GameProfile PureProfile(NormalFormGame g, int joint, string what)
    {
        var strategies = new double[g.Players][];
        var flat = new double[g.ProfileLength];
        for (int p = 0; p < g.Players; p++)
        {
            strategies[p] = new double[g.Actions(p)];
            strategies[p][g.ActionOf(p, joint)] = 1;
            flat[g.StrategyOffset(p) + g.ActionOf(p, joint)] = 1;
        }
        // The deviation check covers every player.
        double gain = 0;
        for (int p = 0; p < g.Players; p++) gain = Math.Max(gain, g.DeviationGain(p, flat));
        if (!g.IsEquilibrium(flat, GameSolution.Tolerance))
            throw new UnverifiedEquilibriumException($"{what} failed the deviation check (a player gains {gain:G6})");
        return new GameProfile(strategies, Enumerable.Range(0, g.Players).Select(p => g.Payoff(p, joint)).ToArray(), gain);
    }

    private static void NPlayer(GameSolution solution, NormalFormGame g)
    {
        var s = new GameSection("pure_equilibria", "Pure equilibria", "every joint action, with every player's unilateral deviations checked") { Complete = true };
        for (int k = 0; k < g.JointActions; k++)
            if (g.IsPureEquilibrium(k, GameSolution.Tolerance * g.PayoffRange)) s.Profiles.Add(PureProfile(g, k, "a pure equilibrium"));
        if (s.Profiles.Count == 0) s.Notes.Add("The game has no pure equilibrium (mixed equilibria of n-player games are not computed by `solve`).");
        if (CorrelatedEquilibria.TableauEntries(g, coarse: false) > CorrelatedTableauLimit)
            s.Notes.Add($"Correlated equilibria are not computed: the linear program over {g.JointActions} joint actions with {CorrelatedEquilibria.IncentiveConstraints(g, coarse: false)} incentive constraints is above the dense simplex's limit of {CorrelatedTableauLimit:N0} tableau entries.");
        solution.Sections.Add(s);
        if (CorrelatedEquilibria.TableauEntries(g, coarse: false) <= CorrelatedTableauLimit)
        {
            solution.Sections.Add(Correlated(g, coarse: false));
            solution.Sections.Add(Correlated(g, coarse: true));
        }
    }

    // ---- Congestion -------------------------------------------------------------------------------

    private static GameProfile CongestionProfile(CongestionGame g, int[] profile, string what)
    {
        double gain = g.BestDeviationGain(profile);
        double scale = 1;
        for (int f = 0; f < g.Facilities; f++) for (int k = 1; k <= g.Players; k++) scale = Math.Max(scale, Math.Abs(g.FacilityCost(f, k)));
        if (gain > GameSolution.Tolerance * scale * g.Players)
            throw new UnverifiedEquilibriumException($"{what} failed the deviation check (a player lowers its cost by {gain:G6})");
        var strategies = new double[g.Players][];
        for (int p = 0; p < g.Players; p++) { strategies[p] = new double[g.Strategies(p)]; strategies[p][profile[p]] = 1; }
        return new GameProfile(strategies, Enumerable.Range(0, g.Players).Select(p => -g.Cost(p, profile)).ToArray(), Math.Max(0, gain));
    }

    private static void Congestion(GameSolution solution, CongestionGame g)
    {
        var descent = PotentialDescent.Run(g);
        var s = new GameSection("potential_descent", "Pure equilibrium by best-response dynamics", "best responses in turn from every player's first strategy; each move lowers Rosenthal's potential");
        s.Profiles.Add(CongestionProfile(g, descent.Profile, "the best-response dynamics' end point"));
        s.Numbers.Add(("potential", descent.Potential));
        s.Numbers.Add(("moves", descent.Moves));
        s.Notes.Add("Payoffs are minus the players' costs.");
        solution.Sections.Add(s);
        long profiles = 1;
        for (int p = 0; p < g.Players && profiles <= ExhaustiveLimit; p++) profiles *= g.Strategies(p);
        if (profiles <= ExhaustiveLimit)
        {
            var all = new GameSection("pure_equilibria", "All pure equilibria", "exhaustive search over every pure profile") { Complete = true };
            foreach (var p in PotentialDescent.Exhaustive(g, 1e-12, ExhaustiveLimit)) all.Profiles.Add(CongestionProfile(g, p, "an exhaustive-search equilibrium"));
            solution.Sections.Add(all);
        }
    }

    // ---- Markov -----------------------------------------------------------------------------------

    private static void Markov(GameSolution solution, MarkovGame g)
    {
        var sol = ShapleyIteration.Solve(g);
        var s = new GameSection("shapley", "Values and optimal strategies per state",
            g.IsDiscounted ? $"Shapley value iteration (a matrix game per state, solved by LP), discount {g.Discount:G6}" : $"backward induction over {g.Horizon} stages (a matrix game per state and stage)")
        {
            StateValues = sol.Values,
            StateProfiles = new List<GameProfile>(),
        };
        s.Numbers.Add(("iterations", sol.Iterations));
        s.Numbers.Add(("error_bound", sol.ErrorBound));
        var v = sol.Values;
        double value = 0;
        for (int st = 0; st < g.States; st++) value += g.Initial[st] * v[st];
        s.Value = value;
        // Each state's strategies must be an equilibrium of the matrix game the final values give (for a finite horizon:
        // of the first stage, whose continuation values are those of H − 1 stages; the check uses the final sweep's Q).
        var previous = g.IsDiscounted ? v : ShapleyIteration.Solve(PreviousStages(g)).Values;
        for (int st = 0; st < g.States; st++)
        {
            int m = g.RowActions(st), n = g.ColumnActions(st), k0 = g.JointOffset(st);
            var q = new double[m, n];
            for (int a = 0; a < m; a++)
                for (int b = 0; b < n; b++) q[a, b] = g.Payoff(k0 + a * n + b) + g.Discount * g.ExpectedNext(k0 + a * n + b, previous);
            var matrix = BimatrixGame.ZeroSum(q);
            var profile = Verified(matrix, sol.Row[st], sol.Column[st], $"the strategies of state {st}");
            if (Math.Abs(profile.Payoffs[0] - v[st]) > 1e-8 * Math.Max(1, Math.Abs(v[st])) + (g.IsDiscounted ? 2 * sol.ErrorBound : 0))
                throw new UnverifiedEquilibriumException($"state {st}: the strategies' value {profile.Payoffs[0]:G10} is not the state's value {v[st]:G10}");
            s.StateProfiles.Add(profile);
        }
        s.Notes.Add("The value is the expectation of the state values under the initial distribution.");
        solution.Sections.Add(s);
    }

    /// <summary>The same finite-horizon game with one stage fewer (its values are the first stage's continuation); zero stages give zero values.</summary>
    private static MarkovGame PreviousStages(MarkovGame g)
    {
        if (g.Horizon <= 1)
        {
            // A one-stage game's continuation is zero: a game whose payoffs are all zero for one stage has value 0.
            var zero = new double[g.JointActions];
            return Rebuild(g, zero, 1);
        }
        return Rebuild(g, null, g.Horizon - 1);
    }

    private static MarkovGame Rebuild(MarkovGame g, double[]? payoffs, int horizon)
    {
        var rows = new int[g.States];
        var cols = new int[g.States];
        for (int s = 0; s < g.States; s++) { rows[s] = g.RowActions(s); cols[s] = g.ColumnActions(s); }
        var pay = payoffs ?? Enumerable.Range(0, g.JointActions).Select(g.Payoff).ToArray();
        var start = Enumerable.Range(0, g.JointActions + 1).Select(g.TransitionStart).ToArray();
        return MarkovGame.FiniteHorizon(rows, cols, pay, start, g.NextStates.ToArray(), g.Probabilities.ToArray(), g.Initial.ToArray(), horizon);
    }
}
