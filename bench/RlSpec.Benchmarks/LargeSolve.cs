using System;
using System.Diagnostics;
using RlSpec.Models;
using RlSpec.Runtime.Solvers;

namespace RlSpec.Benchmarks;

/// <summary>
/// Solves the admission queue to tolerance at a given size and reports time and peak memory:
///   dotnet run -c Release --project bench/RlSpec.Benchmarks -- solve-large STATES [GAMMA] [TOLERANCE]
/// </summary>
public static class LargeSolve
{
    public static void Run(string[] args)
    {
        int states = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000_000;
        double gamma = args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 0.9;
        double tolerance = args.Length > 3 ? double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 1e-6;
        var model = Admission.Create(N: states - 1, gamma: gamma);
        var clock = Stopwatch.StartNew();
        var solution = MdpSolver.Solve(model, new SolverOptions
        {
            Method = SolverMethod.GaussSeidel,
            Tolerance = tolerance,
            Progress = p => Console.Error.WriteLine($"  {p.Seconds,7:F1} s  iteration {p.Iteration}, residual {p.Residual:0.00E+00}"),
        });
        // The label lookup runs before the peak is read, so the peak covers the whole program (the issue measured
        // a lookup that built every label raising it from 1.9 to 8.3 GiB).
        string action = solution.Action("(n=0)");
        var process = Process.GetCurrentProcess();
        Console.WriteLine($"states {model.StateCount:N0}; method {solution.Method}; iterations {solution.Iterations}; " +
            $"error bound {solution.ErrorBound:E2}; solve {solution.Seconds:F1} s (total {clock.Elapsed.TotalSeconds:F1} s); " +
            $"peak resident memory {PeakResidentGiB(process):F2} GiB; V(n=0) = {solution.Values[0]:F6}, action {action}");
    }

    /// <summary>The kernel's high-water mark of resident memory (VmHWM) where available, else the runtime's peak working set.</summary>
    private static double PeakResidentGiB(Process process)
    {
        const double GiB = 1024.0 * 1024 * 1024;
        if (System.IO.File.Exists("/proc/self/status"))
        {
            foreach (var line in System.IO.File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024 / GiB;
        }
        return process.PeakWorkingSet64 / GiB;
    }
}
