using System;
using System.IO;
using System.Linq;
using RlSpec.Plotting;
using RlSpec.Runtime.Optimization.Methods;
using RlSpec.Runtime.Optimization.Schedules;
using RlSpec.Runtime.Optimization.Transport;
using Xunit;

namespace RlSpec.Tests.Examples;

/// <summary>
/// Writes the plots of docs/optimization/ from the compiled examples (the same runs as <see cref="OptimizationExampleTests"/>):
///   RLSPEC_WRITE_OPTIMIZATION_PLOTS=1 dotnet test tests/RlSpec.Tests --filter FullyQualifiedName~OptimizationPlots
/// Without the variable the test does nothing (the behaviour itself is asserted by the example tests).
/// </summary>
public class OptimizationPlots
{
    private static Band Curve(string label, double[] x, double[] y) => new(label, x, y, y, y);

    private static void Write(string name, string title, string xLabel, string yLabel, bool logX, bool logY, params Band[] bands)
    {
        string dir = Path.Combine(Paths.Root, "docs", "optimization");
        Directory.CreateDirectory(dir);
        var (_, png) = RegretPlot.Write(new PlotRequest(title, xLabel, yLabel, bands.ToList(), logX, logY, null), Path.Combine(dir, name));
        File.Delete(png); // the docs keep the SVG
    }

    [Fact]
    public void Write_the_plots()
    {
        if (Environment.GetEnvironmentVariable("RLSPEC_WRITE_OPTIMIZATION_PLOTS") != "1") return;
        static double[] Steps(int count, int every) => Enumerable.Range(1, count).Select(c => (double)c * every).ToArray();

        var sensing = new RlSpec.Runtime.Optimization.Hosting.BoxedProblem(RlSpec.Tests.Compiler.Problems.ProblemTestSupport.Load(
            RlSpec.Tests.Compiler.Problems.ProblemTestSupport.ExampleText("matrix-sensing.rlspec"), new() { ["n"] = "20", ["m"] = "400" }));
        var rows = OptimizationExampleTests.Track(new GradientDescent<RlSpec.Runtime.Optimization.Hosting.BoxedProblem>(StepSchedule.Constant(0.05)), sensing, 600);
        var x = Steps(rows.Length, 1);
        Write("incremental-learning", "GD on matrix sensing learns one eigenvalue at a time (n=20, m=400, k=5)", "iterations", "eigenvalues of X Xᵀ", false, false,
            Curve("λ1 (target 1)", x, rows.Select(r => r[1]).ToArray()), Curve("λ2 (target 0.5)", x, rows.Select(r => r[2]).ToArray()), Curve("λ3 (target 0.25)", x, rows.Select(r => r[3]).ToArray()));

        RlSpec.Runtime.Optimization.Hosting.BoxedProblem Over(string k) => new(RlSpec.Tests.Compiler.Problems.ProblemTestSupport.Load(
            RlSpec.Tests.Compiler.Problems.ProblemTestSupport.ExampleText("matrix-sensing-overparameterized.rlspec"), new() { ["k"] = k }));
        var exact = OptimizationExampleTests.Track(new GradientDescent<RlSpec.Runtime.Optimization.Hosting.BoxedProblem>(StepSchedule.Constant(0.05)), Over("3"), 6000, every: 10);
        var over = OptimizationExampleTests.Track(new GradientDescent<RlSpec.Runtime.Optimization.Hosting.BoxedProblem>(StepSchedule.Constant(0.05)), Over("5"), 6000, every: 10);
        x = Steps(exact.Length, 10);
        Write("overparameterization", "Over-parameterization: linear (k = r = 3) vs polynomial (k = 5) convergence", "iterations", "‖X Xᵀ − M*‖_F", true, true,
            Curve("k = 3", x, exact.Select(r => Math.Max(r[0], 1e-16)).ToArray()), Curve("k = 5", x, over.Select(r => r[0]).ToArray()));

        string l1 = RlSpec.Tests.Compiler.Problems.ProblemTestSupport.ExampleText("robust-recovery.rlspec");
        string l2 = l1.Replace("abs(inner(A[i], X * X') - y[i])", "(inner(A[i], X * X') - y[i])^2");
        var robust = OptimizationExampleTests.Track(new SubgradientMethod<RlSpec.Runtime.Optimization.Hosting.BoxedProblem>(StepSchedule.Geometric(0.05, 0.995)), new(RlSpec.Tests.Compiler.Problems.ProblemTestSupport.Load(l1)), 3000, every: 10);
        var squared = OptimizationExampleTests.Track(new GradientDescent<RlSpec.Runtime.Optimization.Hosting.BoxedProblem>(StepSchedule.Constant(0.002)), new(RlSpec.Tests.Compiler.Problems.ProblemTestSupport.Load(l2)), 3000, every: 10);
        x = Steps(robust.Length, 10);
        Write("robust-recovery", "20% corrupted measurements: l1 sub-gradient vs l2 gradient descent", "iterations", "relative error", false, true,
            Curve("sub-gradient, l1 loss", x, robust.Select(r => r[0]).ToArray()), Curve("GD, l2 loss", x, squared.Select(r => r[0]).ToArray()));

        var saddle = new RlSpec.Runtime.Optimization.Hosting.BoxedProblem(RlSpec.Tests.Compiler.Problems.ProblemTestSupport.Load(RlSpec.Tests.Compiler.Problems.ProblemTestSupport.ExampleText("bilinear-saddle.rlspec")));
        var step = StepSchedule.Constant(0.05);
        var gda = OptimizationExampleTests.Track(new SaddlePointMethods<RlSpec.Runtime.Optimization.Hosting.BoxedProblem>(SaddleAlgorithm.GradientDescentAscent, step), saddle, 20000, every: 100);
        var eg = OptimizationExampleTests.Track(new SaddlePointMethods<RlSpec.Runtime.Optimization.Hosting.BoxedProblem>(SaddleAlgorithm.Extragradient, step), saddle, 20000, every: 100);
        var ogda = OptimizationExampleTests.Track(new SaddlePointMethods<RlSpec.Runtime.Optimization.Hosting.BoxedProblem>(SaddleAlgorithm.OptimisticGradientDescentAscent, step), saddle, 20000, every: 100);
        x = Steps(gda.Length, 100);
        Write("bilinear-saddle", "min x max y xᵀAy on balls: GDA vs extragradient vs optimistic GDA (η = 0.05)", "iterations", "distance to the saddle point", false, true,
            Curve("GDA", x, gda.Select(r => r[0]).ToArray()), Curve("extragradient", x, eg.Select(r => r[0]).ToArray()), Curve("optimistic GDA", x, ogda.Select(r => r[0]).ToArray()));

        // examples/optimization/sinkhorn.rlspec, compiled (the run SinkhornExampleTests asserts).
        var errors = SinkhornExampleTests.Errors(SinkhornExampleTests.Example(), 150).Select(e => Math.Max(e, 1e-17)).ToArray();
        Write("sinkhorn", "Sinkhorn on examples/optimization/sinkhorn.rlspec (60×50 squared-distance cost, ε = 0.01)", "iterations", "‖P1 − a‖₁", false, true,
            Curve("marginal error", Steps(150, 1), errors));
    }
}
