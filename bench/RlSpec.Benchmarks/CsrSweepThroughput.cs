using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using RlSpec.Models;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;

namespace RlSpec.Benchmarks;

/// <summary>
/// One Jacobi sweep over CSR with the work the certified bound needs (greedy action per state, min and max of
/// TV − V), timed for the runtime sweep and for a hand-written C# loop doing the same work, and the arrays exported
/// for bench/c/csr_sweep.c (issue 11):
///   dotnet bench/RlSpec.Benchmarks/bin/Release/net10.0/RlSpec.Benchmarks.dll csr-sweeps forest|random [SWEEPS] [EXPORT.bin]
/// Prints the median milliseconds per sweep of each, wall clock and (on Linux) this thread's CPU time, which a loaded
/// machine inflates less. The binary file: int32 states, rows, entries; float64 gamma;
/// int32 rowGroupStart[states+1], rowStart[rows+1], columns[entries]; float64 probabilities[entries], rewards[rows].
/// The values swept are V = 0.001·(s mod 1000), the same in C.
/// </summary>
public static class CsrSweepThroughput
{
    public static void Run(string[] args)
    {
        string name = args.Length > 1 ? args[1] : "forest";
        int sweeps = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50;
        SparseMdp model = name == "forest"
            ? SparseMdp.From(Forest.Create(S: 1_000_000))
            : RandomSparse.Create(states: 100_000, actions: 10, successors: 10, seed: 1);
        if (args.Length > 3) Export(model, args[3]);
        int n = model.StateCount;
        var values = new double[n];
        for (int s = 0; s < n; s++) values[s] = 0.001 * (s % 1000);
        var next = new double[n];
        var policy = new int[n];
        double gamma = model.Criterion.Discount;
        int[] groups = model.RowGroupStart.ToArray(), rowStart = model.RowStart.ToArray(), columns = model.Columns.ToArray(), actions = model.RowActions.ToArray();
        double[] probabilities = model.Probabilities.ToArray(), rewards = model.RowRewards.ToArray();

        var (runtime, runtimeCpu) = Median(sweeps, () => ValueIteration.Sweep(in model, values, next, policy, gamma).Max);
        double check = next[n / 2];
        var (hand, handCpu) = Median(sweeps, () => HandWritten(groups, rowStart, columns, actions, probabilities, rewards, values, next, policy, gamma));
        if (next[n / 2] != check) throw new InvalidOperationException("the two sweeps disagree");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {n:N0} states, {model.RowCount:N0} rows, {model.EntryCount:N0} entries; median of {sweeps} sweeps: runtime {runtime:F3} ms (cpu {runtimeCpu:F3}), hand-written C# {hand:F3} ms (cpu {handCpu:F3})"));
    }

    /// <summary>The loop one writes by hand: greedy action (lowest index on ties) and the min/max of TV − V.</summary>
    private static double HandWritten(int[] groups, int[] rowStart, int[] columns, int[] actions, double[] probabilities, double[] rewards,
        double[] values, double[] next, int[] policy, double gamma)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int s = 0; s < groups.Length - 1; s++)
        {
            double best = double.NegativeInfinity;
            int bestAction = -1;
            for (int row = groups[s]; row < groups[s + 1]; row++)
            {
                double q = 0;
                for (int k = rowStart[row]; k < rowStart[row + 1]; k++) q += probabilities[k] * values[columns[k]];
                q = rewards[row] + gamma * q;
                if (q > best) { best = q; bestAction = actions[row]; }
            }
            next[s] = best;
            policy[s] = bestAction;
            double d = best - values[s];
            if (d < min) min = d;
            if (d > max) max = d;
        }
        return max - min;
    }

    /// <summary>Median wall and thread-CPU milliseconds per sweep (CPU NaN off Linux).</summary>
    private static (double Wall, double Cpu) Median(int sweeps, Func<double> sweep)
    {
        for (int i = 0; i < 3; i++) sweep(); // JIT to the optimized tier
        var ms = new double[sweeps];
        var cpu = new double[sweeps];
        for (int i = 0; i < sweeps; i++)
        {
            double c0 = ThreadCpuMs();
            long t0 = Stopwatch.GetTimestamp();
            sweep();
            ms[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            cpu[i] = ThreadCpuMs() - c0;
        }
        Array.Sort(ms);
        Array.Sort(cpu);
        return (ms[sweeps / 2], cpu[sweeps / 2]);
    }

    private struct Timespec
    {
        public long Seconds, Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    /// <summary>This thread's CPU time (CLOCK_THREAD_CPUTIME_ID, as bench/c/csr_sweep.c reads it).</summary>
    private static double ThreadCpuMs()
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(3, out var t) != 0) return double.NaN;
        return t.Seconds * 1e3 + t.Nanoseconds / 1e6;
    }

    private static void Export(SparseMdp model, string path)
    {
        using var w = new BinaryWriter(File.Create(path));
        w.Write(model.StateCount);
        w.Write(model.RowCount);
        w.Write(model.EntryCount);
        w.Write(model.Criterion.Discount);
        foreach (int x in model.RowGroupStart) w.Write(x);
        foreach (int x in model.RowStart) w.Write(x);
        foreach (int x in model.Columns) w.Write(x);
        foreach (double x in model.Probabilities) w.Write(x);
        foreach (double x in model.RowRewards) w.Write(x);
    }
}
