using System;
using System.Linq;
using RlSpec.Cli.Hosting;
using RlSpec.Compiler;
using RlSpec.Runtime.Solvers;
using Xunit;

namespace RlSpec.Tests.Examples;

/// <summary>
/// examples/jacks-car-rental.rlspec (Sutton &amp; Barto, Example 4.2) against an independent solver written here the way a
/// numpy program would: each location's transition matrix and expected rent built once, the joint successor
/// distribution as their outer product; against the book's policy figure (Figure 4.2, π4); and outcome folding against
/// the same model written so it does not fold.
/// </summary>
public class JacksCarRentalTests
{
    private const int Cap = 20, MaxMove = 5;
    private const double Gamma = 0.9;

    /// <summary>The example solved once by the default method, shared by the tests that compare its policy.</summary>
    private static readonly Lazy<MdpSolution> Solution = new(() => MdpSolver.Solve(RlSpec.Models.JacksCarRental.Create()));

    [Fact]
    public void Optimal_policy_and_values_match_the_independent_solver()
    {
        var solution = Solution.Value;
        var (v, q) = Independent(Cap, MaxMove, 3, 4, 3, 2);
        int n = Cap + 1, compared = 0;
        for (int n1 = 0; n1 <= Cap; n1++)
        {
            for (int n2 = 0; n2 <= Cap; n2++)
            {
                int s = n1 * n + n2;
                Assert.True(Math.Abs(solution.Values[s] - v[s]) <= 1e-6, $"V({n1},{n2}) = {solution.Values[s]}, independent {v[s]}");
                int m = solution.Policy[s] - MaxMove; // actions are move(-5) .. move(5)
                // The chosen move must be optimal in the independent solution (ties within 1e-9 allowed either way).
                double best = q[s].Where(x => !double.IsNaN(x)).Max();
                Assert.True(best - q[s][m + MaxMove] <= 1e-9 * (1 + Math.Abs(best)), $"state ({n1},{n2}): move({m}) has Q {q[s][m + MaxMove]}, best {best}");
                compared++;
            }
        }
        Assert.Equal(441, compared);
    }

    /// <summary>
    /// Sutton &amp; Barto (2nd ed., 2018), Figure 4.2, the last policy π4 (optimal): the net number of cars moved from the
    /// first location to the second overnight. Row i is i cars at the first location, column j is j cars at the second.
    /// Transcribed from the figure by the kevindoran/rl project on GitHub (test/common/suttonbarto/Exercise4_2.h and
    /// test/policy_iteration.cpp, "copying the values from the book"); the figure draws the same regions as contours.
    /// </summary>
    private static readonly string[] BookPolicy =
    [
        "0 0 0 0 0 0 0 0 -1 -1 -2 -2 -2 -3 -3 -3 -3 -3 -4 -4 -4", //  0
        "0 0 0 0 0 0 0 0 0 -1 -1 -1 -2 -2 -2 -2 -2 -3 -3 -3 -3", //  1
        "0 0 0 0 0 0 0 0 0 0 0 -1 -1 -1 -1 -1 -2 -2 -2 -2 -2", //  2
        "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 -1 -1 -1 -1 -1 -2", //  3
        "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 -1 -1", //  4
        "1 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0", //  5
        "2 2 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0", //  6
        "3 2 2 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0", //  7
        "3 3 2 2 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0", //  8
        "4 3 3 2 2 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0", //  9
        "4 4 3 3 2 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0", // 10
        "5 4 4 3 2 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0", // 11
        "5 5 4 3 2 2 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0", // 12
        "5 5 4 3 3 2 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0", // 13
        "5 5 4 4 3 2 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0", // 14
        "5 5 5 4 3 2 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0", // 15
        "5 5 5 4 3 2 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0", // 16
        "5 5 5 4 3 2 2 1 0 0 0 0 0 0 0 0 0 0 0 0 0", // 17
        "5 5 5 4 3 3 2 2 1 1 1 1 0 0 0 0 0 0 0 0 0", // 18
        "5 5 5 4 4 3 3 2 2 2 2 1 1 1 1 1 0 0 0 0 0", // 19
        "5 5 5 5 4 4 3 3 3 3 2 2 2 2 2 1 1 1 0 0 0", // 20
    ];

    [Fact]
    public void Optimal_policy_matches_the_book_figure_but_for_one_state()
    {
        var solution = Solution.Value;
        int n = Cap + 1;
        var differ = new System.Collections.Generic.List<(int, int)>();
        for (int n1 = 0; n1 <= Cap; n1++)
        {
            int[] row = BookPolicy[n1].Split(' ').Select(int.Parse).ToArray();
            Assert.Equal(n, row.Length);
            for (int n2 = 0; n2 <= Cap; n2++)
                if (solution.Policy[n1 * n + n2] - MaxMove != row[n2]) differ.Add((n1, n2));
        }
        // 440 of 441 states agree. At (17, 8) the figure (as transcribed) moves no car and we move one. It is not a tie:
        // the independent solver below puts move(1) 0.041 above move(0) there (relative 7e-5), and so does the same solver
        // with the book code's semantics (Known_model_differences_do_not_change_the_policy); the transcribing project's
        // own solver also moves one car there and marks the cell as a known disagreement with the figure.
        Assert.Equal(new[] { (17, 8) }, differ.ToArray());
        Assert.Equal(1, solution.Policy[17 * n + 8] - MaxMove);
        var (_, q) = Independent(Cap, MaxMove, 3, 4, 3, 2);
        double gap = q[17 * n + 8][1 + MaxMove] - q[17 * n + 8][0 + MaxMove];
        Assert.InRange(gap, 0.03, 0.05);
    }

    /// <summary>
    /// The book's own code for the figure (Sutton's jacks.lisp, incompleteideas.net/book/code) differs from the example
    /// in two ways: a location may start the day with up to 25 cars after a move (the 20-car cap applies only to the cars
    /// kept overnight), and each Poisson distribution is cut where its probability falls below 1e-6 without moving the
    /// remaining mass anywhere. The independent solver with those semantics gives the example's policy on every state.
    /// </summary>
    [Fact]
    public void Known_model_differences_do_not_change_the_policy()
    {
        var solution = Solution.Value;
        var (_, q) = Independent(Cap, MaxMove, 3, 4, 3, 2, bookCode: true);
        for (int s = 0; s < q.Length; s++)
        {
            int best = 0;
            for (int a = 1; a < q[s].Length; a++)
                if (!double.IsNaN(q[s][a]) && (double.IsNaN(q[s][best]) || q[s][a] > q[s][best])) best = a;
            Assert.True(best == solution.Policy[s], $"state ({s / (Cap + 1)},{s % (Cap + 1)}): book code move({best - MaxMove}), example move({solution.Policy[s] - MaxMove})");
        }
    }

    [Fact]
    public void Folded_and_unfolded_models_give_the_same_values()
    {
        const string folded = """
            mdp Folded {
              param cap = 6
              state n1 in 0..cap, n2 in 0..cap
              action move(m in -2..2) when n1 - m >= 0 && n2 + m >= 0
              discount 0.9
              let requests1 ~ poisson(3.0) clamped 0..cap
              let requests2 ~ poisson(4.0) clamped 0..cap
              let returns1 ~ poisson(3.0) clamped 0..cap
              let returns2 ~ poisson(2.0) clamped 0..cap
              move(m): n1' = min(max(min(n1 - m, cap) - requests1, 0) + returns1, cap),
                       n2' = min(max(min(n2 + m, cap) - requests2, 0) + returns2, cap)
              reward move(m): 10.0 * (min(requests1, min(n1 - m, cap)) + min(requests2, min(n2 + m, cap))) - 2.0 * abs(m)
            }
            """;
        // The same dynamics, but n1' also reads requests2 (times 0), so the two successors share a random variable and the rule does not fold.
        string unfolded = folded.Replace("mdp Folded", "mdp Unfolded").Replace("+ returns1, cap)", "+ returns1 + 0 * requests2, cap)");
        var a = Load(folded, expectFolded: true);
        var b = Load(unfolded, expectFolded: false);
        var options = new SolverOptions { Method = SolverMethod.PolicyIteration };
        var sa = a.Solve(options);
        var sb = b.Solve(options);
        Assert.Equal(sb.Policy, sa.Policy);
        for (int s = 0; s < sa.Values.Length; s++)
            Assert.True(Math.Abs(sa.Values[s] - sb.Values[s]) <= 1e-9, $"state {s}: folded {sa.Values[s]}, unfolded {sb.Values[s]}");
    }

    private static RlSpec.Runtime.Hosting.IMdpHost Load(string source, bool expectFolded)
    {
        var result = RlSpecCompiler.Compile("folding.rlspec", source);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        var model = Assert.Single(result.Models);
        Assert.Equal(expectFolded, model.Source.Contains("// Folded:", StringComparison.Ordinal));
        var loaded = InMemoryModelCompiler.Load(model);
        Assert.True(loaded.MdpHost != null, string.Join("\n", loaded.Errors));
        return loaded.MdpHost!;
    }

    /// <summary>
    /// Jack's car rental solved independently: per location, P[k][j] = P(cars tomorrow = j | k cars after the move) and
    /// R[k] = 10·E[min(requests, k)], each built once from the clamped Poisson pmfs; value iteration on
    /// Q(s, m) = R1[k1] + R2[k2] − 2|m| + γ Σ P1[k1][i]·P2[k2][j]·V(i, j) to 1e-12. Returns V and Q (NaN where a move is not allowed).
    /// With <paramref name="bookCode"/>, the semantics of the book's Lisp code: k = n − m up to cap + maxMove (no cap after
    /// the move) and Poisson pmfs cut below 1e-6.
    /// </summary>
    private static (double[] V, double[][] Q) Independent(int cap, int maxMove, double req1, double req2, double ret1, double ret2, bool bookCode = false)
    {
        int n = cap + 1;
        var (p1, r1) = Location(cap, bookCode ? maxMove : 0, req1, ret1, bookCode);
        var (p2, r2) = Location(cap, bookCode ? maxMove : 0, req2, ret2, bookCode);
        var v = new double[n * n];
        var q = new double[n * n][];
        for (int s = 0; s < n * n; s++) q[s] = new double[2 * maxMove + 1];
        var w = new double[n * n];
        for (int iteration = 0; iteration < 10_000; iteration++)
        {
            double change = 0;
            var next = new double[n * n];
            for (int n1 = 0; n1 < n; n1++)
            for (int n2 = 0; n2 < n; n2++)
            {
                double best = double.NegativeInfinity;
                for (int m = -maxMove; m <= maxMove; m++)
                {
                    if (n1 - m < 0 || n2 + m < 0) { q[n1 * n + n2][m + maxMove] = double.NaN; continue; }
                    int k1 = bookCode ? n1 - m : Math.Min(n1 - m, cap), k2 = bookCode ? n2 + m : Math.Min(n2 + m, cap);
                    double expected = 0;
                    for (int i = 0; i < n; i++)
                    {
                        if (p1[k1, i] == 0) continue;
                        double inner = 0;
                        for (int j = 0; j < n; j++) inner += p2[k2, j] * v[i * n + j];
                        expected += p1[k1, i] * inner;
                    }
                    double value = r1[k1] + r2[k2] - 2.0 * Math.Abs(m) + Gamma * expected;
                    q[n1 * n + n2][m + maxMove] = value;
                    best = Math.Max(best, value);
                }
                next[n1 * n + n2] = best;
                change = Math.Max(change, Math.Abs(best - v[n1 * n + n2]));
            }
            v = next;
            if (change < 1e-12) break;
        }
        return (v, q);
    }

    /// <summary>P[k, j] and R[k] for k = 0..cap + extra cars at the start of the day.</summary>
    private static (double[,] P, double[] R) Location(int cap, int extra, double requestMean, double returnMean, bool cutPoisson)
    {
        int n = cap + 1;
        double[] requests = cutPoisson ? CutPoisson(requestMean) : ClampedPoisson(requestMean, cap);
        double[] returns = cutPoisson ? CutPoisson(returnMean) : ClampedPoisson(returnMean, cap);
        var p = new double[n + extra, n];
        var r = new double[n + extra];
        for (int k = 0; k < n + extra; k++)
        {
            for (int x = 0; x < requests.Length; x++)
            {
                r[k] += requests[x] * 10.0 * Math.Min(x, k);
                int left = Math.Max(k - x, 0);
                for (int y = 0; y < returns.Length; y++) p[k, Math.Min(left + y, cap)] += requests[x] * returns[y];
            }
        }
        return (p, r);
    }

    /// <summary>Poisson(λ) from 0 up to (not including) the first count whose probability is below 1e-6, as jacks.lisp sums it.</summary>
    private static double[] CutPoisson(double lambda)
    {
        var pmf = new System.Collections.Generic.List<double>();
        for (double term = Math.Exp(-lambda); term >= 1e-6; term *= lambda / pmf.Count) pmf.Add(term);
        return pmf.ToArray();
    }

    /// <summary>Poisson(λ) on 0..cap with the mass above cap moved to cap.</summary>
    private static double[] ClampedPoisson(double lambda, int cap)
    {
        var pmf = new double[cap + 1];
        double term = Math.Exp(-lambda), total = 0;
        for (int k = 0; k < cap; k++)
        {
            pmf[k] = term;
            total += term;
            term *= lambda / (k + 1);
        }
        pmf[cap] = 1 - total;
        return pmf;
    }
}
