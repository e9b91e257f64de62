using System;
using System.IO;
using System.Linq;
using RlSpec.Cli.Hosting;
using RlSpec.Compiler;
using RlSpec.Runtime.Experiments;
using RlSpec.Tests.Compiler.Problems;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Examples;

/// <summary>
/// examples/optimization/gd-vs-nesterov.rlspec, an experiment on a problem written in the language: its emitted class
/// is pinned by a snapshot, and run (at the example's size and reduced) it reproduces the theoretical rates on the
/// quadratic with μ = 1, L = 100: gradient descent with η = 1/L contracts the gradient by 1 − μ/L per step, Nesterov's
/// method with the strong-convexity momentum by 1 − √(μ/L) (Nesterov 2004, Thm 2.1.15 and 2.2.3).
/// </summary>
public class OptimizationExperimentExampleTests
{
    private const string File = "gd-vs-nesterov.rlspec";

    [Fact]
    public void Emitted_experiment_matches_the_snapshot()
    {
        var result = RlSpecCompiler.Compile("examples/optimization/" + File, ProblemTestSupport.ExampleText(File));
        Assert.Empty(result.Diagnostics);
        var experiment = Assert.Single(result.Models, m => m.Kind == "experiment");
        Snapshot.Verify(experiment.Source, experiment.Name, "cs", Path.Combine(Paths.Tests, "Compiler", "Snapshots"));
    }

    [Theory]
    [InlineData("20")]
    [InlineData("8")] // reduced size: the eigenvalues still run from 1 to 100
    public void Gd_and_nesterov_converge_at_their_theoretical_rates(string n)
    {
        var result = Run(n);
        double gd = Rate(result, 0, 150, 300), nesterov = Rate(result, 1, 99, 249);
        Assert.InRange(gd, 0.99 - 0.1 * 0.01, 0.99 + 0.1 * 0.01);          // within 10% of μ/L in the contraction's gap
        Assert.InRange(Math.Log(nesterov) / Math.Log(0.9), 0.9, 1.1);      // within 10% of the log-rate ln(1 − √(μ/L))
        Assert.Equal(new[] { "gd", "nesterov", "heavy_ball" }, result.Algorithms.Select(a => a.Label));
    }

    /// <summary>The per-iteration contraction of the gradient norm between iterations a and b.</summary>
    private static double Rate(ExperimentResult result, int algorithm, long a, long b)
    {
        var layout = result.Layouts[0];
        var series = layout.Series.Single(s => s.Statistic == Statistic.GradientNorm);
        int ia = Array.IndexOf(result.CheckpointSteps, a), ib = Array.IndexOf(result.CheckpointSteps, b);
        Assert.True(ia >= 0 && ib >= 0, string.Join(",", result.CheckpointSteps));
        double va = result.Value(0, 0, algorithm, series, ia), vb = result.Value(0, 0, algorithm, series, ib);
        return Math.Pow(vb / va, 1.0 / (b - a));
    }

    private static ExperimentResult Run(string n)
    {
        var compiled = RlSpecCompiler.Compile("gd-vs-nesterov.rlspec", ProblemTestSupport.ExampleText(File), new System.Collections.Generic.Dictionary<string, string> { ["n"] = n });
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics.Select(d => d.Format())));
        var (assembly, errors) = InMemoryModelCompiler.CompileAll(compiled.Models);
        Assert.True(assembly != null, string.Join("\n", errors));
        var type = assembly!.GetType("RlSpec.Models.GdVsNesterov")!;
        return (ExperimentResult)type.GetMethod("Run", new[] { typeof(RunOptions) })!.Invoke(null, new object?[] { new RunOptions { Threads = 1 } })!;
    }
}
