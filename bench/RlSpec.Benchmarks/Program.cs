using BenchmarkDotNet.Running;

namespace RlSpec.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "solve-large")
        {
            LargeSolve.Run(args);
            return;
        }
        if (args.Length > 0 && args[0] == "bandit-throughput")
        {
            BanditThroughput.Run(args);
            return;
        }
        if (args.Length > 0 && args[0] == "learning-throughput")
        {
            LearningThroughput.Run(args);
            return;
        }
        if (args.Length > 0 && args[0] == "games-timing")
        {
            GameTiming.Run(args);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
