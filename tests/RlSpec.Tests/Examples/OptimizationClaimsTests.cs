using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RlSpec.Cli.Hosting;
using RlSpec.Compiler;
using RlSpec.Plotting;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Optimization;
using RlSpec.Runtime.Optimization.Hosting;
using RlSpec.Runtime.Optimization.Methods;
using RlSpec.Runtime.Randomness;
using RlSpec.Tests.Compiler.Problems;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Examples;

/// <summary>
/// The published claims of the optimization issue run on the EXAMPLE FILES and their experiments, compiled as the
/// command line compiles them: the lasso of examples/optimization/lasso.rlspec (ISTA/FISTA against cyclic coordinate
/// descent written here, to 1e-8) and online gradient descent's √T regret (examples/optimization/ogd-regret.rlspec,
/// fitted log-log slope near 0.5, and the regret recomputed here from the problem's own losses). The quadratic rates
/// of gd-vs-nesterov.rlspec are asserted in <see cref="OptimizationExperimentExampleTests"/>. The plots of
/// docs/optimization/ (quadratic-rates, lasso, ogd-regret) come from these same runs:
///   RLSPEC_WRITE_OPTIMIZATION_PLOTS=1 dotnet test tests/RlSpec.Tests --filter FullyQualifiedName~OptimizationClaimsTests
/// </summary>
public class OptimizationClaimsTests
{
    // ---- Lasso ----------------------------------------------------------------------------------------

    [Fact]
    public void Lasso_example_proximal_gradient_matches_coordinate_descent_to_1e_8()
    {
        var p = ProblemTestSupport.Load(ProblemTestSupport.ExampleText("lasso.rlspec"));
        var (gram, c, lambda) = Quadratic(p);
        Assert.Equal(0.05, lambda, 15);
        // The example's step 0.2 is below 1/L, L the largest eigenvalue of AᵀA: proximal gradient converges.
        Assert.True(0.2 < 1 / LargestEigenvalue(gram, p.Dimension), $"L = {LargestEigenvalue(gram, p.Dimension)}");
        var reference = CoordinateDescent(gram, c, lambda, p.Dimension);
        Assert.Contains(reference, v => v == 0);  // the l1 term is active
        Assert.Contains(reference, v => v != 0);
        foreach (bool fista in new[] { false, true })
        {
            var method = new ProximalGradient<BoxedProblem>(0.2, fista);
            var random = RandomStream.Create(1, 1);
            method.Reset(new BoxedProblem(p), 20000, ref random);
            for (int k = 1; k <= 20000; k++) method.Step(k, ref random);
            double gap = Enumerable.Range(0, p.Dimension).Max(j => Math.Abs(method.Iterate[j] - reference[j]));
            Assert.True(gap < 1e-8, $"{(fista ? "FISTA" : "ISTA")}: max |x − x_cd| = {gap}");
        }
    }

    [Fact]
    public void Lasso_example_experiment_reaches_the_optimal_objective()
    {
        var p = ProblemTestSupport.Load(ProblemTestSupport.ExampleText("lasso.rlspec"));
        var (gram, c, lambda) = Quadratic(p);
        double optimum = p.Objective(CoordinateDescent(gram, c, lambda, p.Dimension), 1);
        var result = RunExperiment("lasso.rlspec", "IstaVsFista");
        Assert.Equal(new[] { "ISTA", "FISTA" }, result.Algorithms.Select(a => a.Label));
        var ista = Curve(result, Statistic.Objective, 0);
        var fista = Curve(result, Statistic.Objective, 1);
        Assert.All(ista.Concat(fista), v => Assert.True(v >= optimum - 1e-12 * Math.Abs(optimum), $"{v} below the optimum {optimum}"));
        Assert.True(fista[^1] - optimum < 1e-10 * Math.Abs(optimum), $"FISTA {fista[^1]} vs optimum {optimum}");
        Assert.True(ista[^1] - optimum < 1e-6 * Math.Abs(optimum), $"ISTA {ista[^1]} vs optimum {optimum}");
    }

    /// <summary>The smooth part ½xᵀGx − cᵀx + const read from the compiled problem's own gradients (G e_j − c at e_j, −c at 0), and λ.</summary>
    private static (double[] Gram, double[] C, double Lambda) Quadratic(ICompositeProblem p)
    {
        int n = p.Dimension;
        var x = new double[n];
        var g = new double[n];
        p.SmoothGradient(x, g, 1);
        var c = g.Select(v => -v).ToArray();
        var gram = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            Array.Clear(x);
            x[j] = 1;
            p.SmoothGradient(x, g, 1);
            for (int i = 0; i < n; i++) gram[i * n + j] = g[i] + c[i];
        }
        Array.Clear(x);
        x[0] = 1;
        return (gram, c, p.Regularizer(x));
    }

    /// <summary>Cyclic coordinate descent with exact coordinate minimization for ½xᵀGx − cᵀx + λ‖x‖₁ (Friedman et al. 2007).</summary>
    private static double[] CoordinateDescent(double[] gram, double[] c, double lambda, int n)
    {
        var x = new double[n];
        for (int sweep = 0; sweep < 1_000_000; sweep++)
        {
            double change = 0;
            for (int j = 0; j < n; j++)
            {
                double rho = c[j];
                for (int k = 0; k < n; k++) if (k != j) rho -= gram[j * n + k] * x[k];
                double next = rho > lambda ? (rho - lambda) / gram[j * n + j] : rho < -lambda ? (rho + lambda) / gram[j * n + j] : 0;
                change = Math.Max(change, Math.Abs(next - x[j]));
                x[j] = next;
            }
            if (change < 1e-16) break;
        }
        return x;
    }

    private static double LargestEigenvalue(double[] gram, int n)
    {
        var v = Enumerable.Repeat(1.0, n).ToArray();
        double lambda = 0;
        for (int it = 0; it < 5000; it++)
        {
            var w = new double[n];
            for (int i = 0; i < n; i++) for (int k = 0; k < n; k++) w[i] += gram[i * n + k] * v[k];
            lambda = Math.Sqrt(w.Sum(a => a * a));
            for (int i = 0; i < n; i++) v[i] = w[i] / lambda;
        }
        return lambda;
    }

    // ---- Online gradient descent --------------------------------------------------------------------

    [Fact]
    public void Ogd_example_regret_grows_like_the_square_root_of_T()
    {
        var result = RunExperiment("ogd-regret.rlspec", "OgdRegret");
        var regret = Curve(result, Statistic.OnlineRegret, 0);
        var steps = result.CheckpointSteps;
        // Fitted log-log slope over T = 200 .. 20,000 (Zinkevich 2003: Θ(√T) here): near 0.5.
        var points = Enumerable.Range(0, steps.Length).Where(i => steps[i] >= 200).Select(i => (X: Math.Log(steps[i]), Y: Math.Log(regret[i]))).ToArray();
        double mx = points.Average(q => q.X), my = points.Average(q => q.Y);
        double slope = points.Sum(q => (q.X - mx) * (q.Y - my)) / points.Sum(q => (q.X - mx) * (q.X - mx));
        Assert.InRange(slope, 0.4, 0.6);

        // The regret at the horizon recomputed here: OGD x_{t+1} = Π(x_t − ∇f_t(x_t)/√t) on the compiled losses, against
        // the best fixed point in hindsight (the mean of the z_t played, read from ∇f_t(0) = −z_t, inside the box).
        var p = ProblemTestSupport.Load(ProblemTestSupport.ExampleText("ogd-regret.rlspec"));
        int d = p.Dimension;
        long horizon = steps[^1];
        var x = new double[d];
        var g = new double[d];
        var zero = new double[d];
        var sum = new double[d];
        double learner = 0;
        for (long t = 1; t <= horizon; t++)
        {
            learner += p.Gradient(x, g, t);
            p.Gradient(zero, g, t);  // ∇f_t(0) = −z_t
            for (int j = 0; j < d; j++) sum[j] -= g[j];
            p.Gradient(x, g, t);
            for (int j = 0; j < d; j++) x[j] -= g[j] / Math.Sqrt(t);
            p.Project(x);
        }
        var best = sum.Select(s => Math.Clamp(s / horizon, -1, 1)).ToArray();
        double hindsight = 0;
        for (long t = 1; t <= horizon; t++) hindsight += p.Objective(best, t);
        double expected = learner - hindsight;
        Assert.True(Math.Abs(regret[^1] - expected) < 1e-6 * expected, $"experiment {regret[^1]}, recomputed {expected}");
    }

    // ---- Plots ----------------------------------------------------------------------------------------

    [Fact]
    public void Write_the_plots()
    {
        if (Environment.GetEnvironmentVariable("RLSPEC_WRITE_OPTIMIZATION_PLOTS") != "1") return;
        string dir = Path.Combine(Paths.Root, "docs", "optimization");

        var rates = RunExperiment("gd-vs-nesterov.rlspec", "GdVsNesterov");
        var x = rates.CheckpointSteps.Select(s => (double)s).ToArray();
        var bands = new List<Band>();
        for (int a = 0; a < rates.Algorithms.Count; a++) bands.Add(Line(rates.Algorithms[a].Label, x, Curve(rates, Statistic.GradientNorm, a)));
        double g0 = Curve(rates, Statistic.GradientNorm, 0)[0];
        bands.Add(Line("theory (1 − μ/L)^k", x, x.Select(k => g0 * Math.Pow(0.99, k - x[0])).ToArray()));
        bands.Add(Line("theory (1 − √(μ/L))^k", x, x.Select(k => g0 * Math.Pow(0.9, k - x[0])).ToArray()));
        Write(dir, "quadratic-rates", "GD vs Nesterov vs heavy ball on a quadratic with κ = 100 (gd-vs-nesterov.rlspec)", "iterations", "‖∇f(x_k)‖₂", true, bands);

        var p = ProblemTestSupport.Load(ProblemTestSupport.ExampleText("lasso.rlspec"));
        var (gram, c, lambda) = Quadratic(p);
        double optimum = p.Objective(CoordinateDescent(gram, c, lambda, p.Dimension), 1);
        var lasso = RunExperiment("lasso.rlspec", "IstaVsFista");
        x = lasso.CheckpointSteps.Select(s => (double)s).ToArray();
        Write(dir, "lasso", "Lasso (lasso.rlspec): ISTA vs FISTA, optimum by coordinate descent", "iterations", "F(x_k) − F*", true,
            Enumerable.Range(0, 2).Select(a => Line(lasso.Algorithms[a].Label, x, Curve(lasso, Statistic.Objective, a).Select(v => Math.Max(v - optimum, 1e-16)).ToArray())).ToList());

        var ogd = RunExperiment("ogd-regret.rlspec", "OgdRegret");
        x = ogd.CheckpointSteps.Select(s => (double)s).ToArray();
        var regret = Curve(ogd, Statistic.OnlineRegret, 0);
        double scale = regret[^1] / Math.Sqrt(x[^1]);
        Write(dir, "ogd-regret", "Online gradient descent, steps 1/√t (ogd-regret.rlspec): regret vs T", "rounds T", "regret", true,
            new List<Band> { Line("OGD regret", x, regret), Line("c·√T", x, x.Select(t => scale * Math.Sqrt(t)).ToArray()) }, logX: true);
    }

    private static Band Line(string label, double[] x, double[] y) => new(label, x, y, y, y);

    private static void Write(string dir, string name, string title, string xLabel, string yLabel, bool logY, List<Band> bands, bool logX = false)
    {
        Directory.CreateDirectory(dir);
        var (_, png) = RegretPlot.Write(new PlotRequest(title, xLabel, yLabel, bands, logX, logY, null), Path.Combine(dir, name));
        File.Delete(png); // the docs keep the SVG
    }

    // ---- Running an example's experiment ----------------------------------------------------------------

    private static ExperimentResult RunExperiment(string file, string experiment)
    {
        var compiled = RlSpecCompiler.Compile(file, ProblemTestSupport.ExampleText(file), null, default, null, ProblemTestSupport.ExampleDataFiles);
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics.Select(d => d.Format())));
        var (assembly, errors) = InMemoryModelCompiler.CompileAll(compiled.Models);
        Assert.True(assembly != null, string.Join("\n", errors));
        var type = assembly!.GetType("RlSpec.Models." + experiment)!;
        return (ExperimentResult)type.GetMethod("Run", new[] { typeof(RunOptions) })!.Invoke(null, new object?[] { new RunOptions { Threads = 1 } })!;
    }

    private static double[] Curve(ExperimentResult result, Statistic statistic, int algorithm)
    {
        var series = result.Layouts[0].Series.Single(s => s.Statistic == statistic);
        return Enumerable.Range(0, result.CheckpointSteps.Length).Select(i => result.Value(0, 0, algorithm, series, i)).ToArray();
    }
}
