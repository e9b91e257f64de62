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
/// Each time is the median of REPEATS solves (default 5) after one warm-up, validation skipped (it is the same for
/// every method). Prints a markdown table; the exit code is 1 when some default is slower than 1.5x the fastest.
/// </summary>
public static class MethodChoice
{
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
        MdpSolver.Solve(model, options); // warm-up: JIT
        var ms = new double[repeats];
        for (int i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            MdpSolver.Solve(model, options);
            ms[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(ms);
        return ms[repeats / 2];
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
