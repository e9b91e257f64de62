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
        if (args.Length > 0 && args[0] == "csr-sweeps")
        {
            CsrSweepThroughput.Run(args);
            return;
        }
        if (args.Length > 0 && args[0] == "sweep-scaling")
        {
            SweepScaling.Run(args);
            return;
        }
        if (args.Length > 0 && args[0] == "method-choice")
        {
            System.Environment.ExitCode = MethodChoice.Run(args);
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
        if (args.Length > 0 && args[0] == "games-throughput")
        {
            GameDynamicsThroughput.Run(args);
            return;
        }
        if (args.Length > 0 && args[0] == "games-example")
        {
            GameDynamicsThroughput.Example(args);
            return;
        }
        if (args.Length > 0 && args[0] == "games-timing")
        {
            GameTiming.Run(args);
            return;
        }
        if (args.Length > 0 && args[0] == "sensing-gradient")
        {
            SensingGradient.Run(args);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
