using System;
using System.Diagnostics;

namespace RlSpec.Benchmarks;

/// <summary>
/// Rates by the wall clock and by this process's CPU time. On a machine shared with other builds the wall clock
/// counts time the thread spent waiting for a core; CPU time does not (it still pays for cache and memory
/// contention), so the two bracket the speed of the code on an idle core.
/// </summary>
public static class Throughput
{
    /// <summary>Operations per second of <paramref name="run"/> (which does <paramref name="operationsPerRun"/> each call), after a warm-up.</summary>
    public static (double Wall, double Cpu, double Operations) Rates(int operationsPerRun, Func<double> run)
    {
        for (int i = 0; i < 3; i++) run(); // warm-up: tiered compilation reaches the optimized code
        // Totals over 5 windows of at least 0.5 s wall time: the CPU clock ticks coarsely (about 10 ms),
        // so rates come from the sums, not from the best window. Process CPU time includes the runtime's
        // background threads, which only makes the CPU rate conservative.
        var process = Process.GetCurrentProcess();
        double wallSeconds = 0, cpuSeconds = 0, operations = 0;
        for (int repeat = 0; repeat < 5; repeat++)
        {
            int runs = 0;
            process.Refresh();
            TimeSpan cpu0 = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            while (wall.Elapsed.TotalSeconds < 0.5 || runs < 2) { run(); runs++; }
            wall.Stop();
            process.Refresh();
            cpuSeconds += (process.TotalProcessorTime - cpu0).TotalSeconds;
            wallSeconds += wall.Elapsed.TotalSeconds;
            operations += (double)runs * operationsPerRun;
        }
        return (operations / wallSeconds, operations / cpuSeconds, operations);
    }
}
