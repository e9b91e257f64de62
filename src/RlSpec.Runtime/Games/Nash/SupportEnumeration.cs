using System;
using System.Collections.Generic;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Runtime.Solvers.Linear;

namespace RlSpec.Runtime.Games.Nash;

/// <summary>The equilibria found by support enumeration and whether the game showed itself degenerate.</summary>
/// <param name="Equilibria">Every equilibrium found, with supports of equal size k = 1, 2, ... in lexicographic order of the supports.</param>
/// <param name="IsDegenerate">True when some mixed strategy with support size k met along the way has more than k pure best responses.</param>
/// <param name="Degeneracy">What showed the degeneracy (a strategy's support and its best responses), or null.</param>
public sealed record SupportEnumerationResult(IReadOnlyList<NashEquilibrium> Equilibria, bool IsDegenerate, string? Degeneracy);

/// <summary>
/// All Nash equilibria of a nondegenerate bimatrix game by support enumeration (von Stengel, "Equilibrium
/// computation for two-player games in strategic and extensive form", in Nisan et al., Algorithmic Game Theory,
/// 2007, Algorithm 3.4; Porter, Nudelman and Shoham 2008 for the name).
/// </summary>
/// <remarks>
/// <para>
/// In a nondegenerate game every equilibrium has supports I (rows) and J (columns) of equal size k, and is the
/// unique solution of the indifference equations: y on J with (A·y)_i = u for i ∈ I and Σy = 1; x on I with
/// (Bᵀ·x)_j = v for j ∈ J and Σx = 1. For every pair of supports of each size the two (k+1)×(k+1) systems are
/// solved; the pair is an equilibrium when x and y are positive on their supports and no action outside a
/// support earns more than u (resp. v).
/// </para>
/// <para>
/// Degeneracy (a strategy with support size k and more than k pure best responses) voids the method's
/// guarantee: equilibria with supports of unequal size, or whole segments of them, are then missed. It is
/// checked at every pure strategy and at every candidate strategy the enumeration solves for, and reported.
/// Tolerances: 1e-9 of the payoff range for payoff comparisons and singular systems.
/// </para>
/// </remarks>
public static class SupportEnumeration
{
    /// <summary>The most support pairs (Σ_k C(m,k)·C(n,k)) the enumeration accepts.</summary>
    public const long MaxSupportPairs = 20_000_000;

    /// <summary>Enumerates the equilibria of <paramref name="game"/>.</summary>
    /// <exception cref="ArgumentException">The game has more than <see cref="MaxSupportPairs"/> support pairs.</exception>
    public static SupportEnumerationResult Solve(BimatrixGame game)
    {
        int m = game.Rows, n = game.Columns;
        int kMax = Math.Min(m, n);
        long pairs = 0;
        for (int k = 1; k <= kMax; k++)
        {
            pairs += Subsets.Count(m, k, MaxSupportPairs) * Subsets.Count(n, k, MaxSupportPairs);
            if (pairs > MaxSupportPairs)
                throw new ArgumentException($"a {m}x{n} game has more than {MaxSupportPairs:N0} support pairs; use Lemke-Howson for one equilibrium", nameof(game));
        }

        double tol = 1e-9 * game.PayoffRange;
        string? degeneracy = CheckPureStrategies(game, tol);
        var equilibria = new List<NashEquilibrium>();
        var x = new double[m];
        var y = new double[n];
        var ay = new double[m];
        var bx = new double[n];
        for (int k = 1; k <= kMax; k++)
        {
            var system = new double[(k + 1) * (k + 1)];
            var rhs = new double[k + 1];
            foreach (int[] rowSupport in Subsets.Lexicographic(m, k))
            {
                int[] rs = (int[])rowSupport.Clone();
                foreach (int[] columnSupport in Subsets.Lexicographic(n, k))
                {
                    // x on rowSupport makes the column player indifferent on columnSupport.
                    if (!SolveIndifference(k, rs, columnSupport, (i, j) => game.ColumnPayoff(i, j), system, rhs, tol, x, m)) continue;
                    if (!SolveIndifference(k, columnSupport, rs, (j, i) => game.RowPayoff(i, j), system, rhs, tol, y, n)) continue;
                    game.RowPayoffAgainst(y, ay);
                    game.ColumnPayoffAgainst(x, bx);
                    bool xFeasible = Positive(x, rs), yFeasible = Positive(y, columnSupport);
                    // A candidate strategy that is a distribution whose support of the other side is a best-response set
                    // can witness degeneracy even when the pair is not an equilibrium.
                    if (degeneracy is null && xFeasible) degeneracy = CountBestResponses(bx, columnSupport, k, tol, "row", rs);
                    if (degeneracy is null && yFeasible) degeneracy = CountBestResponses(ay, rs, k, tol, "column", columnSupport);
                    if (!xFeasible || !yFeasible) continue;
                    if (!IsBestResponseSet(ay, rs, tol) || !IsBestResponseSet(bx, columnSupport, tol)) continue;
                    equilibria.Add(NashEquilibrium.Of(game, (double[])x.Clone(), (double[])y.Clone()));
                }
            }
        }
        return new SupportEnumerationResult(equilibria, degeneracy is not null, degeneracy);
    }

    /// <summary>
    /// Solves for the strategy p on <paramref name="support"/> (size k) that makes the opponent indifferent among
    /// <paramref name="opponentSupport"/>: Σ_{s ∈ support} payoff(s, t)·p_s = w for t ∈ opponentSupport, Σp = 1.
    /// Writes the full-length strategy (zero off the support); false when the system is singular.
    /// </summary>
    private static bool SolveIndifference(int k, int[] support, int[] opponentSupport, Func<int, int, double> payoff,
        double[] system, double[] rhs, double tol, double[] strategy, int length)
    {
        int size = k + 1;
        Array.Clear(system);
        for (int r = 0; r < k; r++)
        {
            for (int c = 0; c < k; c++) system[r * size + c] = payoff(support[c], opponentSupport[r]);
            system[r * size + k] = -1;
            rhs[r] = 0;
        }
        for (int c = 0; c < k; c++) system[k * size + c] = 1;
        rhs[k] = 1;
        if (!DenseLu.TrySolve(system, size, rhs, tol)) return false;
        Array.Clear(strategy, 0, length);
        for (int c = 0; c < k; c++) strategy[support[c]] = rhs[c];
        return true;
    }

    private static bool Positive(double[] p, int[] support)
    {
        foreach (int s in support) if (!(p[s] > 1e-12)) return false;
        return true;
    }

    /// <summary>True when every action in <paramref name="support"/> attains the maximum of <paramref name="payoffs"/> (to tol).</summary>
    private static bool IsBestResponseSet(double[] payoffs, int[] support, double tol)
    {
        double max = double.NegativeInfinity;
        foreach (double v in payoffs) max = Math.Max(max, v);
        foreach (int s in support) if (payoffs[s] < max - tol) return false;
        return true;
    }

    /// <summary>Null, or a description when the strategy (support size k) has more than k pure best responses.</summary>
    private static string? CountBestResponses(double[] payoffs, int[] candidates, int k, double tol, string player, int[] strategySupport)
    {
        if (!IsBestResponseSet(payoffs, candidates, tol)) return null;
        double max = double.NegativeInfinity;
        foreach (double v in payoffs) max = Math.Max(max, v);
        var best = new List<int>();
        for (int t = 0; t < payoffs.Length; t++) if (payoffs[t] >= max - tol) best.Add(t);
        if (best.Count <= k) return null;
        return $"the {player} player's strategy with support {{{string.Join(", ", strategySupport)}}} has {best.Count} pure best responses {{{string.Join(", ", best)}}}, more than its support size {k}";
    }

    private static string? CheckPureStrategies(BimatrixGame game, double tol)
    {
        var ay = new double[game.Rows];
        var bx = new double[game.Columns];
        for (int i = 0; i < game.Rows; i++)
        {
            var x = new double[game.Rows];
            x[i] = 1;
            game.ColumnPayoffAgainst(x, bx);
            string? d = CountAll(bx, tol, "row", i);
            if (d is not null) return d;
        }
        for (int j = 0; j < game.Columns; j++)
        {
            var y = new double[game.Columns];
            y[j] = 1;
            game.RowPayoffAgainst(y, ay);
            string? d = CountAll(ay, tol, "column", j);
            if (d is not null) return d;
        }
        return null;
    }

    private static string? CountAll(double[] payoffs, double tol, string player, int action)
    {
        double max = double.NegativeInfinity;
        foreach (double v in payoffs) max = Math.Max(max, v);
        var best = new List<int>();
        for (int t = 0; t < payoffs.Length; t++) if (payoffs[t] >= max - tol) best.Add(t);
        return best.Count > 1 ? $"the {player} player's pure strategy {action} has {best.Count} pure best responses {{{string.Join(", ", best)}}}" : null;
    }
}
