using System;

namespace RlSpec.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/RlSpec.Benchmarks -- bandit-throughput</c>: the runs of
/// <see cref="BanditBenchmarks"/>, timed both by the wall clock and by this process's CPU time. On a
/// machine shared with other builds the wall clock counts time the thread spent waiting for a core;
/// CPU time does not (it still pays for cache and memory contention), so the two bracket the speed of
/// the code on an idle core. BenchmarkDotNet (wall clock) remains the reference when the machine is quiet.
/// </summary>
public static class BanditThroughput
{
    public static void Run(string[] args)
    {
        var bench = new BanditBenchmarks();
        bench.Setup();
        Measure("UCB1 pulls", BanditBenchmarks.Steps, () => bench.Ucb1Pull());
        Measure("KL-UCB pulls", BanditBenchmarks.Steps, () => bench.KlUcbPull());
        Measure("Thompson pulls", BanditBenchmarks.Steps, () => bench.ThompsonPull());
        Measure("OFUL steps (K = 100, d = 10)", BanditBenchmarks.LinearSteps, () => bench.OfulStep());
    }

    private static void Measure(string name, int operationsPerRun, Func<double> run)
    {
        var (wall, cpu, operations) = Throughput.Rates(operationsPerRun, run);
        Console.WriteLine($"{name,-30} wall {wall / 1e6,8:F2} M/s   cpu {cpu / 1e6,8:F2} M/s   ({operations:N0} operations)");
    }
}
