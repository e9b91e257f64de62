using System;
using System.Collections.Generic;
using RlSpec.Runtime.Games.LinearProgramming;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.Tests.Runtime.Games;

/// <summary>The dense simplex method against brute-force vertex enumeration, on degenerate, infeasible and unbounded programs, and its allocations.</summary>
public class DenseSimplexTests
{
    [Fact]
    public void Random_small_programs_match_brute_force_vertex_enumeration()
    {
        var lp = new DenseSimplex(6, 4);
        int optimal = 0, infeasible = 0;
        for (ulong seed = 0; seed < 400; seed++)
        {
            var r = RandomStream.Create(20261130, seed);
            int n = 1 + r.NextInt(4), m = 1 + r.NextInt(4);
            // Small integers make ties and degenerate vertices common; the last row, Σx ≤ 20, keeps the program bounded.
            var a = new double[(m + 1) * n];
            var b = new double[m + 1];
            var senses = new ConstraintSense[m + 1];
            var c = new double[n];
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++) a[i * n + j] = r.NextLong(-5, 5);
                b[i] = r.NextLong(-5, 10);
                senses[i] = (ConstraintSense)r.NextInt(3);
            }
            for (int j = 0; j < n; j++) { a[m * n + j] = 1; c[j] = r.NextLong(-5, 5); }
            b[m] = 20; senses[m] = ConstraintSense.LessOrEqual;

            var x = new double[n];
            var y = new double[m + 1];
            var status = lp.Maximize(m + 1, n, a, senses, b, c, x, y, out double objective);
            double? reference = BruteForceOptimum(m + 1, n, a, senses, b, c);
            if (reference is null)
            {
                Assert.Equal(LpStatus.Infeasible, status);
                infeasible++;
                continue;
            }
            Assert.True(status == LpStatus.Optimal, $"seed {seed}: {status}, brute force found {reference}");
            optimal++;
            Assert.Equal(reference.Value, objective, 7);
            AssertPrimalFeasible(m + 1, n, a, senses, b, x);
            double cx = 0;
            for (int j = 0; j < n; j++) cx += c[j] * x[j];
            Assert.Equal(objective, cx, 7);
            AssertDualOptimal(m + 1, n, a, senses, b, c, y, objective);
        }
        // Both outcomes must be exercised for the comparison to mean something.
        Assert.True(optimal > 100 && infeasible > 20, $"optimal {optimal}, infeasible {infeasible}");
    }

    [Fact]
    public void Beales_cycling_example_terminates_at_the_optimum()
    {
        // Beale (1955), as in Chvátal, "Linear Programming" (1983), p. 31: minimize −¾x₄ + 20x₅ − ½x₆ + 6x₇
        // subject to ¼x₄ − 8x₅ − x₆ + 9x₇ ≤ 0, ½x₄ − 12x₅ − ½x₆ + 3x₇ ≤ 0, x₆ ≤ 1. Optimum −5/4 at x₄ = x₆ = 1.
        double[] a = { 0.25, -8, -1, 9, 0.5, -12, -0.5, 3, 0, 0, 1, 0 };
        double[] b = { 0, 0, 1 };
        var senses = new[] { ConstraintSense.LessOrEqual, ConstraintSense.LessOrEqual, ConstraintSense.LessOrEqual };
        double[] c = { 0.75, -20, 0.5, -6 }; // maximize the negated objective
        var x = new double[4];
        var lp = new DenseSimplex(3, 4);
        Assert.Equal(LpStatus.Optimal, lp.Maximize(3, 4, a, senses, b, c, x, default, out double objective));
        Assert.Equal(1.25, objective, 12);
        double[] expected = { 1, 0, 1, 0 };
        for (int j = 0; j < 4; j++) Assert.Equal(expected[j], x[j], 12);
        Assert.True(lp.BlandPivots > 0, "the example must reach the degenerate run that Bland's rule breaks");

        // Dantzig's rule alone cycles here (the example's point): the anti-cycling switch is what ends the solve.
        var dantzigOnly = new DenseSimplex(3, 4) { DegeneratePivotsBeforeBland = int.MaxValue, MaxPivots = 500 };
        Assert.Equal(LpStatus.IterationLimit, dantzigOnly.Maximize(3, 4, a, senses, b, c, x, default, out _));
    }

    [Fact]
    public void Infeasible_and_unbounded_programs_are_reported()
    {
        var lp = new DenseSimplex(2, 2);
        var x = new double[2];
        // x₁ + x₂ ≤ 1 and x₁ + x₂ ≥ 2.
        Assert.Equal(LpStatus.Infeasible, lp.Maximize(2, 2, new double[] { 1, 1, 1, 1 },
            new[] { ConstraintSense.LessOrEqual, ConstraintSense.GreaterOrEqual }, new double[] { 1, 2 }, new double[] { 1, 0 }, x, default, out _));
        // x₁ = −1 with x ≥ 0.
        Assert.Equal(LpStatus.Infeasible, lp.Maximize(1, 2, new double[] { 1, 0 },
            new[] { ConstraintSense.Equal }, new double[] { -1 }, new double[] { 1, 0 }, x, default, out _));
        // Maximize x₁ + x₂ subject to x₁ − x₂ ≤ 1: the ray (1, 1) is unbounded.
        Assert.Equal(LpStatus.Unbounded, lp.Maximize(1, 2, new double[] { 1, -1 },
            new[] { ConstraintSense.LessOrEqual }, new double[] { 1 }, new double[] { 1, 1 }, x, default, out _));
        // Unbounded after a phase 1: x₁ ≥ 1, maximize x₁.
        Assert.Equal(LpStatus.Unbounded, lp.Maximize(1, 2, new double[] { 1, 0 },
            new[] { ConstraintSense.GreaterOrEqual }, new double[] { 1 }, new double[] { 1, 0 }, x, default, out _));
    }

    [Fact]
    public void Redundant_equality_rows_are_handled()
    {
        // x₁ + x₂ = 1 twice and 2x₁ + 2x₂ = 2: two rows are redundant. Maximize x₁ − x₂ → 1 at (1, 0).
        var lp = new DenseSimplex(3, 2);
        var x = new double[2];
        var y = new double[3];
        var senses = new[] { ConstraintSense.Equal, ConstraintSense.Equal, ConstraintSense.Equal };
        double[] a = { 1, 1, 1, 1, 2, 2 }, b = { 1, 1, 2 }, c = { 1, -1 };
        Assert.Equal(LpStatus.Optimal, lp.Maximize(3, 2, a, senses, b, c, x, y, out double objective));
        Assert.Equal(1, objective, 12);
        Assert.Equal(1, x[0], 12);
        AssertDualOptimal(3, 2, a, senses, b, c, y, objective);
    }

    [Fact]
    public void Repeated_solves_of_the_same_size_allocate_nothing()
    {
        var r = RandomStream.Create(7, 0);
        const int m = 12, n = 10;
        var a = new double[m * n];
        for (int k = 0; k < a.Length; k++) a[k] = Sampling.Normal(ref r, 0, 1);
        var b = new double[m];
        for (int i = 0; i < m; i++) b[i] = 1 + r.NextDouble();
        var senses = new ConstraintSense[m];
        senses[0] = ConstraintSense.GreaterOrEqual; // forces a phase 1
        b[0] = 0.1;
        var c = new double[n];
        for (int j = 0; j < n; j++) c[j] = r.NextDouble();
        var x = new double[n];
        var y = new double[m];
        var lp = new DenseSimplex(m, n);
        LpStatus status = LpStatus.IterationLimit;
        long bytes = Allocations.Least(() => { for (int k = 0; k < 100; k++) status = lp.Maximize(m, n, a, senses, b, c, x, y, out _); });
        Assert.NotEqual(LpStatus.IterationLimit, status);
        Assert.Equal(0, bytes);
    }

    /// <summary>The best objective over all vertices: every choice of n constraints (rows or bounds xⱼ ≥ 0) made tight, solved, and kept if feasible. Null when no vertex is feasible.</summary>
    private static double? BruteForceOptimum(int m, int n, double[] a, ConstraintSense[] senses, double[] b, double[] c)
    {
        // Constraint k < m is row k; k ≥ m is the bound x_{k−m} ≥ 0.
        int total = m + n;
        double? best = null;
        foreach (var subset in Subsets(total, n))
        {
            var g = new double[n * n];
            var h = new double[n];
            for (int r = 0; r < n; r++)
            {
                int k = subset[r];
                if (k < m) { for (int j = 0; j < n; j++) g[r * n + j] = a[k * n + j]; h[r] = b[k]; }
                else g[r * n + (k - m)] = 1;
            }
            var point = SolveSmall(g, h, n);
            if (point is null) continue;
            if (!IsFeasible(m, n, a, senses, b, point)) continue;
            double value = 0;
            for (int j = 0; j < n; j++) value += c[j] * point[j];
            if (best is null || value > best) best = value;
        }
        return best;
    }

    private static bool IsFeasible(int m, int n, double[] a, ConstraintSense[] senses, double[] b, double[] x)
    {
        const double tol = 1e-9;
        for (int j = 0; j < n; j++) if (x[j] < -tol) return false;
        for (int i = 0; i < m; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++) s += a[i * n + j] * x[j];
            bool ok = senses[i] switch
            {
                ConstraintSense.LessOrEqual => s <= b[i] + tol,
                ConstraintSense.GreaterOrEqual => s >= b[i] - tol,
                _ => Math.Abs(s - b[i]) <= tol,
            };
            if (!ok) return false;
        }
        return true;
    }

    private static void AssertPrimalFeasible(int m, int n, double[] a, ConstraintSense[] senses, double[] b, double[] x) =>
        Assert.True(IsFeasible(m, n, a, senses, b, x), "the returned point violates a constraint");

    /// <summary>Dual feasibility (Aᵀy ≥ c, sign of y by the sense of each row) and strong duality b·y = c·x.</summary>
    private static void AssertDualOptimal(int m, int n, double[] a, ConstraintSense[] senses, double[] b, double[] c, double[] y, double objective)
    {
        const double tol = 1e-7;
        double by = 0;
        for (int i = 0; i < m; i++)
        {
            by += b[i] * y[i];
            if (senses[i] == ConstraintSense.LessOrEqual) Assert.True(y[i] >= -tol, $"dual {i} = {y[i]} of a ≤ row is negative");
            if (senses[i] == ConstraintSense.GreaterOrEqual) Assert.True(y[i] <= tol, $"dual {i} = {y[i]} of a ≥ row is positive");
        }
        for (int j = 0; j < n; j++)
        {
            double s = 0;
            for (int i = 0; i < m; i++) s += a[i * n + j] * y[i];
            Assert.True(s >= c[j] - tol, $"dual constraint {j}: {s} < {c[j]}");
        }
        Assert.Equal(objective, by, 7);
    }

    /// <summary>Gaussian elimination with partial pivoting; null when the system is singular.</summary>
    private static double[]? SolveSmall(double[] g, double[] h, int n)
    {
        g = (double[])g.Clone(); h = (double[])h.Clone();
        for (int k = 0; k < n; k++)
        {
            int p = k;
            for (int i = k + 1; i < n; i++) if (Math.Abs(g[i * n + k]) > Math.Abs(g[p * n + k])) p = i;
            if (Math.Abs(g[p * n + k]) < 1e-10) return null;
            for (int j = 0; j < n; j++) (g[k * n + j], g[p * n + j]) = (g[p * n + j], g[k * n + j]);
            (h[k], h[p]) = (h[p], h[k]);
            for (int i = 0; i < n; i++)
            {
                if (i == k) continue;
                double f = g[i * n + k] / g[k * n + k];
                for (int j = 0; j < n; j++) g[i * n + j] -= f * g[k * n + j];
                h[i] -= f * h[k];
            }
        }
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = h[i] / g[i * n + i];
        return x;
    }

    private static IEnumerable<int[]> Subsets(int total, int size)
    {
        var s = new int[size];
        for (int i = 0; i < size; i++) s[i] = i;
        while (true)
        {
            yield return s;
            int k = size - 1;
            while (k >= 0 && s[k] == total - size + k) k--;
            if (k < 0) yield break;
            s[k]++;
            for (int i = k + 1; i < size; i++) s[i] = s[i - 1] + 1;
        }
    }
}
