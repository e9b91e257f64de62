using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Solvers;

/// <summary>
/// <see cref="SweepOperator"/>'s loop for the greedy backend over an explicit <see cref="SparseMdp"/>, walking row
/// groups as Storm's value-iteration operator does: one pass over the row-group, row and entry arrays, every array
/// reached through a ref checked once per sweep (issue 11: within 10% of a plain C loop on forest, where 1.5 entries
/// per row make per-state and per-row overhead most of the work). It does what the generic loop does with
/// <see cref="GreedyBackend"/> and <see cref="SparseMdp.GreedyBackup"/>, in the same floating-point order, so results
/// are bit-identical: terminal states and states without rows get 0 and action -1; the backup is r + γ·Σ p·V[next]
/// maximized over the rows, ties to the first; the range of backup − value and the non-finite probe are the same.
/// Gauss-Seidel (target the same buffer as values) works: a state's old value is read before its new one is
/// written, and later states read it through the same memory.
/// </summary>
internal static class CsrGreedySweep
{
    /// <summary>
    /// The sweep over states lo..hi-1. <paramref name="maxOutcomes"/> is raised to the model's widest row
    /// (<see cref="SparseMdp.WidestRow"/>, computed once): what counting the rows of a sweep over every state gives,
    /// and what the blocks of <see cref="ParallelSweep{TModel}"/> give once their counts are merged (a maximum).
    /// </summary>
    public static SweepStats Apply(in SparseMdp model, ReadOnlySpan<double> values, Span<double> target, Span<int> policy, double gamma, ref int maxOutcomes, int lo, int hi)
    {
        int n = model.StateCount;
        if (values.Length < n) throw new ArgumentException("values must have one entry per state.", nameof(values));
        if (target.Length < n) throw new ArgumentException("target must have one entry per state.", nameof(target));
        bool record = !policy.IsEmpty, terminal = !model.TerminalFlags.IsEmpty;
        if (record && policy.Length < n) throw new ArgumentException("policy must be empty or have one entry per state.", nameof(policy));
        if ((uint)lo > (uint)hi || hi > n) throw new ArgumentOutOfRangeException(nameof(hi), "the states lo..hi-1 must lie in 0..StateCount-1.");
        if (lo < hi) maxOutcomes = Math.Max(maxOutcomes, model.WidestRow);
        // One copy of the loop per combination, so neither test is made per state and fewer values compete for registers.
        return record
            ? terminal ? Loop<Yes, Yes>(model, values, target, policy, gamma, lo, hi) : Loop<Yes, No>(model, values, target, policy, gamma, lo, hi)
            : terminal ? Loop<No, Yes>(model, values, target, policy, gamma, lo, hi) : Loop<No, No>(model, values, target, policy, gamma, lo, hi);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SweepStats Loop<TRecord, TTerminal>(in SparseMdp model, ReadOnlySpan<double> values, Span<double> target, Span<int> policy, double gamma, nint lo, nint hi)
        where TRecord : struct
        where TTerminal : struct
    {
        // No bounds checks: the SparseMdp constructor checked that row groups and rows are increasing ranges inside the
        // arrays and that every column is a state; Apply checked the lengths of values, target and policy, and lo..hi.
        ref int groups = ref MemoryMarshal.GetReference(model.RowGroupStart);
        ref int rowStart = ref MemoryMarshal.GetReference(model.RowStart);
        ref int columns = ref MemoryMarshal.GetReference(model.Columns);
        ref double probabilities = ref MemoryMarshal.GetReference(model.Probabilities);
        ref double rewards = ref MemoryMarshal.GetReference(model.RowRewards);
        ref int actions = ref MemoryMarshal.GetReference(model.RowActions);
        ref bool terminal = ref MemoryMarshal.GetReference(model.TerminalFlags);
        ref double v = ref MemoryMarshal.GetReference(values);
        ref double t = ref MemoryMarshal.GetReference(target);
        ref int pi = ref MemoryMarshal.GetReference(policy);

        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        double probe = 0; // stays 0 unless some difference is NaN or ±∞ (0·x is NaN exactly then)
        bool absorbing = false;
        // The rows of consecutive states are consecutive, and so are the entries of consecutive rows: carry the row and
        // entry cursors from state to state instead of reloading where each starts.
        nint row = Unsafe.Add(ref groups, lo);
        nint k = Unsafe.Add(ref rowStart, row);
        for (nint s = lo; s < hi; s++)
        {
            nint end = Unsafe.Add(ref groups, s + 1);
            if (row == end || (typeof(TTerminal) == typeof(Yes) && Unsafe.Add(ref terminal, s)))
            {
                row = end;
                k = Unsafe.Add(ref rowStart, end);
                Unsafe.Add(ref t, s) = 0;
                if (typeof(TRecord) == typeof(Yes)) Unsafe.Add(ref pi, s) = -1;
                absorbing = true;
                continue;
            }

            // The first row sets the best; later rows replace it only when strictly greater (ties to the lowest action).
            nint last = Unsafe.Add(ref rowStart, row + 1);
            double expected = 0;
            for (; k < last; k++) expected += Unsafe.Add(ref probabilities, k) * Unsafe.Add(ref v, Unsafe.Add(ref columns, k));
            double best = Unsafe.Add(ref rewards, row) + gamma * expected;
            nint bestRow = row;
            for (row++; row < end; row++)
            {
                last = Unsafe.Add(ref rowStart, row + 1);
                expected = 0;
                for (; k < last; k++) expected += Unsafe.Add(ref probabilities, k) * Unsafe.Add(ref v, Unsafe.Add(ref columns, k));
                double q = Unsafe.Add(ref rewards, row) + gamma * expected;
                if (q > best)
                {
                    best = q;
                    bestRow = row;
                }
            }

            if (typeof(TRecord) == typeof(Yes)) Unsafe.Add(ref pi, s) = Unsafe.Add(ref actions, bestRow);
            double d = best - Unsafe.Add(ref v, s);
            if (Sse2.IsSupported)
            {
                // MINSD/MAXSD return their first operand when it compares smaller/greater, else the second: exactly
                // "if (d < min) min = d" and "if (d > max) max = d", NaN and signed zeros included, without branches.
                Vector128<double> dv = Vector128.CreateScalarUnsafe(d);
                min = Sse2.MinScalar(dv, Vector128.CreateScalarUnsafe(min)).ToScalar();
                max = Sse2.MaxScalar(dv, Vector128.CreateScalarUnsafe(max)).ToScalar();
            }
            else
            {
                if (d < min) min = d;
                if (d > max) max = d;
            }
            probe += 0 * d;
            Unsafe.Add(ref t, s) = best;
        }
        return new SweepStats(min, max, probe != 0 || double.IsNaN(probe), absorbing);
    }

    // Type arguments that select a copy of the loop; the JIT folds the typeof tests.
    private struct Yes;
    private struct No;
}
