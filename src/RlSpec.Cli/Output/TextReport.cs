using System;
using System.Globalization;
using System.IO;
using System.Linq;
using RlSpec.Runtime.Hosting;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;

namespace RlSpec.Cli.Output;

/// <summary>The human-readable result of a solve: an aligned table of states, values and actions, then a summary.</summary>
internal static class TextReport
{
    public static void WriteSolution(TextWriter w, MdpSolution solution, IMdpHost host, int maxRows)
    {
        int n = solution.Values.Length;
        bool finite = solution.Criterion.Kind == CriterionKind.FiniteHorizon;
        w.WriteLine($"{solution.ModelName}: {host.StateCount.ToString("N0", CultureInfo.InvariantCulture)} states, {host.ActionCount.ToString("N0", CultureInfo.InvariantCulture)} actions, {solution.Criterion}");
        if (solution.Gain is double gain)
            w.WriteLine($"optimal gain (average reward per step): {Format(gain)}   (values below are the bias h, h(first state) = 0)");
        w.WriteLine();
        int shown = Math.Min(n, Math.Max(0, maxRows));
        var labels = Enumerable.Range(0, shown).Select(solution.StateLabel).ToArray();
        var values = Enumerable.Range(0, shown).Select(i => Format(solution.Values[i])).ToArray();
        var actions = Enumerable.Range(0, shown).Select(i => solution.ActionName(solution.Policy[i])).ToArray();
        string stateHeader = "state", valueHeader = finite ? "value (t=0)" : "value", actionHeader = finite ? "action (t=0)" : "action";
        int c1 = Math.Max(stateHeader.Length, labels.Length == 0 ? 0 : labels.Max(l => l.Length));
        int c2 = Math.Max(valueHeader.Length, values.Length == 0 ? 0 : values.Max(v => v.Length));
        w.WriteLine($"  {stateHeader.PadRight(c1)}  {valueHeader.PadLeft(c2)}  {actionHeader}");
        for (int i = 0; i < shown; i++)
            w.WriteLine($"  {labels[i].PadRight(c1)}  {values[i].PadLeft(c2)}  {actions[i]}");
        if (n > shown)
            w.WriteLine($"  ... {(n - shown).ToString("N0", CultureInfo.InvariantCulture)} more states (--rows N shows more; --format json gives all)");
        if (finite)
            w.WriteLine("  (the optimal action depends on the step; --format json gives the policy for every step)");
        w.WriteLine();
        w.WriteLine($"method {solution.Method}, {solution.Iterations} iterations, certified error bound {solution.ErrorBound.ToString("0.00E+00", CultureInfo.InvariantCulture)}, {solution.Seconds.ToString("F3", CultureInfo.InvariantCulture)} s");
        w.WriteLine($"stopped: {JsonReport.StopReasonText(solution.StopReason).Replace('_', ' ')} (target bound {solution.TargetBound.ToString("0.00E+00", CultureInfo.InvariantCulture)}{(solution.TargetRaisedToRoundingFloor ? ", raised to the rounding floor" : "")}, tolerance {solution.Tolerance.ToString("G3", CultureInfo.InvariantCulture)} {(solution.ToleranceKind == ToleranceKind.Absolute ? "absolute" : "relative to the span of the values")})");
        foreach (var warning in solution.Warnings) w.WriteLine("warning: " + warning);
    }

    private static string Format(double v) => v.ToString("F6", CultureInfo.InvariantCulture);
}
