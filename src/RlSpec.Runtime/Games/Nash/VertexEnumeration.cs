using System;
using System.Collections.Generic;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Runtime.Solvers.Linear;

namespace RlSpec.Runtime.Games.Nash;

/// <summary>
/// All extreme Nash equilibria of a bimatrix game, degenerate or not, by vertex enumeration of the two
/// best-response polytopes (von Stengel, "Computing equilibria for two-person games", Handbook of Game Theory
/// vol. 3, 2002, §3; Avis, Rosenberg, Savani and von Stengel, "Enumeration of Nash equilibria for two-player
/// games", Economic Theory 42, 2010).
/// </summary>
/// <remarks>
/// <para>
/// With positive payoffs A' = 1 + (A − min A)/range and B' likewise, P = {x ≥ 0 : B'ᵀx ≤ 1} and
/// Q = {y ≥ 0 : A'y ≤ 1}. A point of P has label i when x_i = 0 and label m+j when (B'ᵀx)_j = 1; a point of Q
/// has label m+j when y_j = 0 and label i when (A'y)_i = 1. The equilibria are the completely labeled pairs
/// (x, y) ≠ (0, 0), normalized; the extreme ones are pairs of vertices. Vertices are found here by brute
/// force (every choice of m tight constraints of P, and n of Q, solved and kept if feasible, duplicates
/// merged), which suits small games; in a degenerate game a vertex has more tight constraints than its
/// dimension, and every one of them counts as a label. Tolerance: 1e-9.
/// </para>
/// </remarks>
public static class VertexEnumeration
{
    /// <summary>The most constraint subsets C(m+n, m) tried per polytope.</summary>
    public const long MaxSubsets = 2_000_000;

    /// <summary>Every extreme equilibrium of <paramref name="game"/> (each once).</summary>
    /// <exception cref="ArgumentException">The game is too large for brute-force vertex enumeration.</exception>
    public static IReadOnlyList<NashEquilibrium> Solve(BimatrixGame game)
    {
        ArgumentNullException.ThrowIfNull(game);
        int m = game.Rows, n = game.Columns;
        if (m + n > 64 || Subsets.Count(m + n, m, MaxSubsets) > MaxSubsets)
            throw new ArgumentException($"a {m}x{n} game has too many constraint subsets for brute-force vertex enumeration; use Lemke-Howson", nameof(game));
        // P: variables x (m), constraints 0..m−1: x_i ≥ 0 (label i), m..m+n−1: (B'ᵀx)_j ≤ 1 (label m+j).
        double[,] a = Scaled(game, true), b = Scaled(game, false);
        var p = Vertices(m, n, (j, i) => b[i, j], labelOfNonnegativity: k => k, labelOfRow: j => m + j);
        // Q: variables y (n), constraints: y_j ≥ 0 (label m+j), (A'y)_i ≤ 1 (label i).
        var q = Vertices(n, m, (i, j) => a[i, j], labelOfNonnegativity: k => m + k, labelOfRow: i => i);
        ulong all = m + n == 64 ? ulong.MaxValue : (1UL << (m + n)) - 1;
        var result = new List<NashEquilibrium>();
        foreach (var (x, lx) in p)
        {
            if (IsZero(x)) continue;
            foreach (var (y, ly) in q)
            {
                if (IsZero(y) || (lx | ly) != all) continue;
                result.Add(NashEquilibrium.Of(game, Normalized(x), Normalized(y)));
            }
        }
        return result;
    }

    /// <summary>1 + (M − min M)/range(M) for A (row) or B (column).</summary>
    private static double[,] Scaled(BimatrixGame game, bool row)
    {
        int m = game.Rows, n = game.Columns;
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) { double v = row ? game.RowPayoff(i, j) : game.ColumnPayoff(i, j); lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
        double range = hi > lo ? hi - lo : 1;
        var s = new double[m, n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) s[i, j] = 1 + ((row ? game.RowPayoff(i, j) : game.ColumnPayoff(i, j)) - lo) / range;
        return s;
    }

    /// <summary>
    /// The vertices of {z ∈ R^d : z ≥ 0, M z ≤ 1} (M given by coefficient(r, k), r &lt; rows, k &lt; d), each with the
    /// bit set of labels of its tight constraints.
    /// </summary>
    private static List<(double[] Point, ulong Labels)> Vertices(int d, int rows, Func<int, int, double> coefficient,
        Func<int, int> labelOfNonnegativity, Func<int, int> labelOfRow)
    {
        const double tol = 1e-9;
        var coefficients = new double[rows, d];
        for (int r = 0; r < rows; r++)
            for (int k = 0; k < d; k++) coefficients[r, k] = coefficient(r, k);
        var vertices = new List<(double[], ulong)>();
        var system = new double[d * d];
        var rhs = new double[d];
        foreach (int[] tight in Subsets.Lexicographic(d + rows, d))
        {
            // Constraint c < d is z_c ≥ 0; c ≥ d is row c − d of M.
            Array.Clear(system);
            for (int e = 0; e < d; e++)
            {
                int c = tight[e];
                if (c < d) { system[e * d + c] = 1; rhs[e] = 0; }
                else { for (int k = 0; k < d; k++) system[e * d + k] = coefficients[c - d, k]; rhs[e] = 1; }
            }
            if (!DenseLu.TrySolve(system, d, rhs, 1e-12)) continue;
            var z = (double[])rhs.Clone();
            ulong labels = 0;
            bool feasible = true;
            for (int k = 0; k < d && feasible; k++)
            {
                if (z[k] < -tol) feasible = false;
                else if (z[k] <= tol) { z[k] = 0; labels |= 1UL << labelOfNonnegativity(k); }
            }
            for (int r = 0; r < rows && feasible; r++)
            {
                double s = 0;
                for (int k = 0; k < d; k++) s += coefficients[r, k] * z[k];
                if (s > 1 + tol) feasible = false;
                else if (s >= 1 - tol) labels |= 1UL << labelOfRow(r);
            }
            if (!feasible) continue;
            bool seen = false;
            foreach (var (point, l) in vertices)
                if (l == labels && Close(point, z)) { seen = true; break; }
            if (!seen) vertices.Add((z, labels));
        }
        return vertices;
    }

    private static bool Close(double[] a, double[] b)
    {
        for (int k = 0; k < a.Length; k++) if (Math.Abs(a[k] - b[k]) > 1e-9) return false;
        return true;
    }

    private static bool IsZero(double[] z)
    {
        foreach (double v in z) if (v != 0) return false;
        return true;
    }

    private static double[] Normalized(double[] z)
    {
        double sum = 0;
        foreach (double v in z) sum += v;
        var p = new double[z.Length];
        for (int k = 0; k < z.Length; k++) p[k] = z[k] / sum;
        return p;
    }
}
