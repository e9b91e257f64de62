using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;

namespace RlSpec.Benchmarks;

/// <summary>
/// Runs every method that fits each example's criterion, and the default, on every MDP example (examples/*.rlspec,
/// compiled into this project by the source generator), and checks that the default is within 1.5x of the fastest:
///   dotnet run -c Release --project bench/RlSpec.Benchmarks -- method-choice [REPEATS]
/// Each time is the median of at least REPEATS solves (default 5; more on a small model, for half a second) after a second of warm-up solves (so that the code timed is the
/// optimized JIT's, as in any solve that runs long enough to matter), validation skipped (it is the same for
/// every method). Prints a markdown table; the exit code is 1 when some default is slower than 1.5x the fastest.
/// </summary>
public static class MethodChoice
{
    /// <summary>Seconds of warm-up solves before each method is timed (at least one solve).</summary>
    public const double WarmupSeconds = 1.0;

    /// <summary>Seconds of timed solves of each method (at least REPEATS solves); the time is their median.</summary>
    public const double SampleSeconds = 0.5;

    public static int Run(string[] args)
    {
        int repeats = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var models = typeof(MethodChoice).Assembly.GetTypes()
            .Where(t => t.Namespace == "RlSpec.Models" && t.IsValueType && typeof(IMdp).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        Console.WriteLine("| model | states | criterion | shape and estimated work (outcome visits) | method times (median, ms) | default | default / fastest |");
        Console.WriteLine("|---|---:|---|---|---|---|---:|");
        bool ok = true;
        foreach (var type in models)
        {
            var create = type.GetMethod("Create", BindingFlags.Public | BindingFlags.Static)!;
            object model = create.Invoke(null, create.GetParameters().Select(_ => Type.Missing).ToArray())!;
            var measure = typeof(MethodChoice).GetMethod(nameof(Measure), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);
            ok &= (bool)measure.Invoke(null, [model, repeats])!;
        }
        Console.WriteLine(ok ? "every default is within 1.5x of the fastest method" : "SOME DEFAULT IS SLOWER THAN 1.5x THE FASTEST");
        return ok ? 0 : 1;
    }

    private static bool Measure<TModel>(TModel model, int repeats) where TModel : struct, IMdp
    {
        var criterion = model.Criterion;
        var defaultMethod = MdpSolver.DefaultMethod(model);
        var times = new List<(SolverMethod Method, double Ms)>();
        foreach (var method in MdpSolver.FittingMethods(criterion))
            times.Add((method, Time(model, method, repeats)));
        double fastest = times.Min(t => t.Ms);
        // The default's own run: the choice (probing the model) is part of it.
        double chosen = Time(model, null, repeats);
        double ratio = chosen / fastest;
        string list = string.Join(", ", times.Select(t => $"{Short(t.Method)} {t.Ms.ToString("F2", CultureInfo.InvariantCulture)}"));
        TModel probe = model;
        var shape = MethodCostModel.Probe(ref probe);
        var est = MethodCostModel.Cost(shape, criterion.Discount, SolverOptions.Default);
        Console.WriteLine($"| {model.Name} | {model.StateCount:N0} | {criterion} | a={shape.ActionsPerState:F1} k={shape.OutcomesPerPair:F1} MPI~{est.ModifiedPolicyIteration:E1} PI~{est.PolicyIteration:E1} | {list} | {Short(defaultMethod)} {chosen.ToString("F2", CultureInfo.InvariantCulture)} | {ratio.ToString("F2", CultureInfo.InvariantCulture)} |");
        // Times below 2 ms are within the timer's and the machine's noise of each other.
        return ratio <= 1.5 || chosen - fastest < 2;
    }

    private static double Time<TModel>(TModel model, SolverMethod? method, int repeats) where TModel : struct, IMdp
    {
        var options = new SolverOptions { Method = method, SkipValidation = true };
        // Warm-up until the code is the optimized (tier-1) JIT's: at least WarmupSeconds of solves. One warm-up solve is
        // not enough on a small model: the methods a solve calls only a few times (policy iteration's improvement and
        // evaluation) would still run unoptimized tier-0 code, while the sweeps that value iteration calls hundreds of
        // times had been re-compiled, and the table compared the JIT's tiers instead of the methods (inventory: PI 7x
        // the fastest with one warm-up, 0.96x with DOTNET_TieredCompilation=0; docs/performance.md).
        var warmup = Stopwatch.StartNew();
        do MdpSolver.Solve(model, options);
        while (warmup.Elapsed.TotalSeconds < WarmupSeconds);
        // At least REPEATS solves, and on a small model as many as fit in SampleSeconds: the median of a few solves of
        // 0.1 ms is the machine's noise more than the method's time.
        var ms = new List<double>();
        var sampling = Stopwatch.StartNew();
        while (ms.Count < repeats || sampling.Elapsed.TotalSeconds < SampleSeconds)
        {
            var clock = Stopwatch.StartNew();
            MdpSolver.Solve(model, options);
            ms.Add(clock.Elapsed.TotalMilliseconds);
        }
        ms.Sort();
        return ms[ms.Count / 2];
    }

    private static string Short(SolverMethod m) => m switch
    {
        SolverMethod.PolicyIteration => "PI",
        SolverMethod.ValueIteration => "VI",
        SolverMethod.GaussSeidel => "GS",
        SolverMethod.ModifiedPolicyIteration => "MPI",
        SolverMethod.BackwardInduction => "BI",
        _ => "RVI",
    };
}
