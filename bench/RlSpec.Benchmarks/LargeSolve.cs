using System;
using System.Diagnostics;
using RlSpec.Models;
using RlSpec.Runtime.Solvers;

namespace RlSpec.Benchmarks;

/// <summary>
/// Solves the admission queue to tolerance at a given size and reports time and peak memory:
///   dotnet run -c Release --project bench/RlSpec.Benchmarks -- solve-large 100000000
/// </summary>
public static class LargeSolve
{
    public static void Run(string[] args)
    {
        int states = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000_000;
        var model = Admission.Create(N: states - 1);
        var clock = Stopwatch.StartNew();
        var solution = MdpSolver.Solve(model, new SolverOptions
        {
            Method = SolverMethod.GaussSeidel,
            Tolerance = 1e-6,
            Progress = p => Console.Error.Write($"\r  iteration {p.Iteration}, residual {p.Residual:E2}   "),
        });
        Console.Error.WriteLine();
        var process = Process.GetCurrentProcess();
        Console.WriteLine($"states {model.StateCount:N0}; method {solution.Method}; iterations {solution.Iterations}; " +
            $"error bound {solution.ErrorBound:E2}; solve {solution.Seconds:F1} s (total {clock.Elapsed.TotalSeconds:F1} s); " +
            $"peak working set {process.PeakWorkingSet64 / (1024.0 * 1024 * 1024):F2} GiB; V(n=0) = {solution.Values[0]:F6}, action {solution.Action("(n=0)")}");
    }
}
