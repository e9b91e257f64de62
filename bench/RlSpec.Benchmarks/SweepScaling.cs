using System;
using System.Diagnostics;
using System.Globalization;
using RlSpec.Models;
using RlSpec.Runtime.Solvers;

namespace RlSpec.Benchmarks;

/// <summary>
/// Sweeps of the matrix-free admission queue on a given number of threads, timed by the wall clock and by the
/// process's CPU time (issue 11):
///   dotnet bench/RlSpec.Benchmarks/bin/Release/net10.0/RlSpec.Benchmarks.dll sweep-scaling STATES THREADS [SWEEPS] [vi|gs]
/// Runs SWEEPS iterations of value iteration (Jacobi, one greedy sweep each) or Gauss-Seidel (block sweeps, plus
/// its certifying Jacobi sweeps) with validation skipped, after one warm-up iteration, and prints milliseconds per iteration.
/// </summary>
public static class SweepScaling
{
    public static void Run(string[] args)
    {
        int states = int.Parse(args[1], CultureInfo.InvariantCulture);
        int threads = int.Parse(args[2], CultureInfo.InvariantCulture);
        int sweeps = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10;
        var method = args.Length > 4 && args[4] == "gs" ? SolverMethod.GaussSeidel : SolverMethod.ValueIteration;
        var model = Admission.Create(N: states - 1, gamma: 0.9);
        SolverOptions Options(int iterations) => new()
        {
            Method = method, Threads = threads, SkipValidation = true, MaxIterations = iterations,
            Tolerance = 1e-300, ToleranceKind = ToleranceKind.Absolute,
        };
        MdpSolver.Solve(model, Options(1)); // JIT and page-in
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var solution = MdpSolver.Solve(model, Options(sweeps));
        double wall = clock.Elapsed.TotalMilliseconds;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpu0).TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"states {states:N0} threads {threads} method {solution.Method} iterations {solution.Iterations}: wall {wall / solution.Iterations:F1} ms/iteration, cpu {cpu / solution.Iterations:F1} ms/iteration"));
    }
}
