using System;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;
using RlSpec.Tests.Runtime.Models;
using Xunit;

namespace RlSpec.Tests.Runtime;

/// <summary>
/// The greedy sweep's own loop over CSR (CsrGreedySweep, issue 11) against the plain loop written here from the public
/// arrays: the same values bit for bit, the same actions, residual range, non-finite flag, absorbing flag and outcome
/// count, Jacobi and in place, on models with terminal states that still have rows, states without rows, sparse action
/// sets, ties, NaN and infinite values, and sub-ranges of states.
/// </summary>
public class CsrGreedySweepTests
{
    private const double Gamma = 0.9;

    /// <summary>
    /// Five states, three actions. State 1 is terminal but has a four-entry row (the public constructor allows it), which
    /// a sweep must skip and not count; state 3 has no rows; state 2 enables actions 0 and 2 only, and its two rows tie
    /// exactly (the same entries in another order); the other rows have one or two entries.
    /// </summary>
    private static SparseMdp Hand() => new("Hand", Criterion.Discounted(Gamma), 3,
        rowGroupStart: [0, 2, 3, 5, 5, 8],
        rowActions: [0, 1, 0, 0, 2, 0, 1, 2],
        rowStart: [0, 1, 3, 7, 9, 11, 12, 14, 16],
        columns: [1, 0, 4, 0, 1, 2, 3, 2, 3, 3, 2, 4, 1, 3, 0, 4],
        probabilities: [1, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25, 0.5, 0.5, 0.5, 0.5, 1, 0.5, 0.5, 0.125, 0.875],
        rowRewards: [1, 2, 7, 3, 3, -1, 0.5, 2],
        terminal: [false, true, false, false, false]);

    public static TheoryData<string> Models() => ["hand", "random", "forest"];

    private static SparseMdp Model(string name) => name switch
    {
        "hand" => Hand(),
        "random" => RandomModels.Sparse(7, 300, 4, Criterion.Discounted(Gamma)),
        _ => SparseMdp.From(new Forest(200, 4.0, 2.0, 0.1, Gamma)),
    };

    private static double[] Values(int n, int seed, bool nonFinite)
    {
        var rng = new Random(seed);
        var v = new double[n];
        for (int s = 0; s < n; s++) v[s] = 10 * rng.NextDouble() - 5;
        if (nonFinite)
        {
            v[n / 2] = double.NaN;
            v[n - 1] = double.PositiveInfinity;
        }
        return v;
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Jacobi_sweeps_equal_the_plain_loop_bit_for_bit(string name)
    {
        var model = Model(name);
        int n = model.StateCount;
        foreach (bool nonFinite in new[] { false, true })
        {
            double[] v = Values(n, 3, nonFinite);
            var expected = new double[n];
            var expectedPolicy = new int[n];
            var want = Reference(model, v, expected, expectedPolicy, 0, n);

            var next = new double[n];
            var policy = new int[n];
            ResidualRange range = ValueIteration.Sweep(model, v, next, policy, Gamma);
            SameBits(expected, next);
            Assert.Equal(expectedPolicy, policy);
            Assert.Equal(want.Range(), range);
            Assert.Equal(nonFinite, double.IsNaN(range.Min));

            // Without recording actions, and on sub-ranges of states (what the blocks of a parallel sweep run).
            foreach ((int lo, int hi) in new[] { (0, n), (1, n), (0, n - 1), (n / 3, 2 * n / 3), (2, 2) })
            {
                Array.Fill(next, 42.0);
                var greedy = new GreedyBackend(Gamma);
                var got = SweepOperator.ApplyRange(ref model, ref greedy, v, next, default, 0, lo, hi);
                var part = new double[n];
                Array.Fill(part, 42.0);
                var wantPart = Reference(model, v, part, null, lo, hi);
                SameBits(part, next);
                Assert.Equal(wantPart.Min, got.Min);
                Assert.Equal(wantPart.Max, got.Max);
                Assert.Equal(wantPart.NonFinite, got.NonFinite);
                Assert.Equal(wantPart.Absorbing, got.Absorbing);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void In_place_sweeps_equal_the_plain_loop_bit_for_bit(string name)
    {
        var model = Model(name);
        int n = model.StateCount;
        double[] expected = Values(n, 5, nonFinite: false);
        double[] v = (double[])expected.Clone();
        for (int sweep = 0; sweep < 3; sweep++)
        {
            var want = Reference(model, expected, expected, null, 0, n);
            double norm = GaussSeidel.Sweep(model, v, Gamma);
            SameBits(expected, v);
            Assert.Equal(want.Range().Norm, norm);
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void The_outcome_count_is_the_widest_row_of_a_non_terminal_state(string name)
    {
        var model = Model(name);
        int n = model.StateCount;
        var greedy = new GreedyBackend(Gamma);
        SweepOperator.Apply(ref model, ref greedy, Values(n, 1, false), new double[n], default, 0);
        Assert.Equal(Math.Max(1, Reference(model, Values(n, 1, false), new double[n], null, 0, n).Widest), greedy.MaxOutcomes);
        if (name == "hand") Assert.Equal(2, greedy.MaxOutcomes); // the terminal state's four-entry row does not count
    }

    /// <summary>What one sweep over lo..hi-1 saw, as the plain loop computes it; Widest counts rows of visited states.</summary>
    private readonly record struct Seen(double Min, double Max, bool NonFinite, bool Absorbing, int Widest)
    {
        public ResidualRange Range()
        {
            if (NonFinite) return new ResidualRange(double.NaN, double.NaN);
            double min = Absorbing ? Math.Min(Min, 0) : Min, max = Absorbing ? Math.Max(Max, 0) : Max;
            return min > max ? new ResidualRange(0, 0) : new ResidualRange(min, max);
        }
    }

    /// <summary>
    /// The loop one writes from the definition: for each state in order, max over its rows of r + γ·Σ p·V[next] (first
    /// row wins ties), 0 and action -1 for terminal states and states without rows. Reads <paramref name="values"/> as
    /// it is, so passing the same array as <paramref name="target"/> gives Gauss-Seidel.
    /// </summary>
    private static Seen Reference(SparseMdp m, double[] values, double[] target, int[]? policy, int lo, int hi)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        bool nonFinite = false, absorbing = false;
        int widest = 0;
        for (int s = lo; s < hi; s++)
        {
            int first = m.RowGroupStart[s], end = m.RowGroupStart[s + 1];
            if (m.IsTerminal(s) || first == end)
            {
                target[s] = 0;
                if (policy != null) policy[s] = -1;
                absorbing = true;
                continue;
            }
            double best = 0;
            int action = -1;
            for (int r = first; r < end; r++)
            {
                double expected = 0;
                for (int k = m.RowStart[r]; k < m.RowStart[r + 1]; k++) expected += m.Probabilities[k] * values[m.Columns[k]];
                widest = Math.Max(widest, m.RowStart[r + 1] - m.RowStart[r]);
                double q = m.RowRewards[r] + Gamma * expected;
                if (action < 0 || q > best)
                {
                    best = q;
                    action = m.RowActions[r];
                }
            }
            double d = best - values[s];
            if (!double.IsFinite(d)) nonFinite = true;
            if (d < min) min = d;
            if (d > max) max = d;
            target[s] = best;
            if (policy != null) policy[s] = action;
        }
        return new Seen(min, max, nonFinite, absorbing, widest);
    }

    private static void SameBits(double[] expected, double[] actual)
    {
        for (int s = 0; s < expected.Length; s++)
            Assert.True(BitConverter.DoubleToInt64Bits(expected[s]) == BitConverter.DoubleToInt64Bits(actual[s]), $"state {s}: {expected[s]:R} vs {actual[s]:R}");
    }
}
