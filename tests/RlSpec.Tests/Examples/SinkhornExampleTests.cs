using System;
using System.IO;
using System.Globalization;
using System.Linq;
using RlSpec.Cli;
using RlSpec.Cli.Hosting;
using RlSpec.Compiler;
using RlSpec.Runtime.Optimization.Transport;
using RlSpec.Tests.Compiler.Problems;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Examples;

/// <summary>
/// examples/optimization/sinkhorn.rlspec compiled as the command line compiles it: its data equals the histograms and
/// squared-distance cost recomputed here, Sinkhorn's marginal error falls geometrically (a fitted rate, every iteration
/// near the fitted line), the plan equals plain Sinkhorn–Knopp scaling u = a / (K v), v = b / (Kᵀ u) written here to
/// 1e-10, and `rlspec solve` reaches the tolerance. The plot docs/optimization/sinkhorn.svg is this run (OptimizationPlots).
/// </summary>
public class SinkhornExampleTests
{
    public static ITransportProblem Load(string source)
    {
        var result = RlSpecCompiler.Compile("sinkhorn.rlspec", source, null, default, null, ProblemTestSupport.ExampleDataFiles);
        Assert.True(!result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        var loaded = InMemoryModelCompiler.Load(Assert.Single(result.Models, m => m.Kind == "problem"));
        Assert.True(loaded.Errors.Count == 0, string.Join("\n", loaded.Errors));
        return Assert.IsAssignableFrom<ITransportProblem>(loaded.Host);
    }

    public static ITransportProblem Example() => Load(ProblemTestSupport.ExampleText("sinkhorn.rlspec"));

    /// <summary>The marginal errors of the first <paramref name="iterations"/> Sinkhorn iterations.</summary>
    public static double[] Errors(ITransportProblem p, int iterations)
    {
        var s = Sinkhorn.For(p);
        var errors = new double[iterations];
        for (int k = 0; k < iterations; k++) { s.Step(); errors[k] = s.MarginalError(); }
        return errors;
    }

    [Fact]
    public void Example_data_is_the_declared_histograms_and_cost()
    {
        var p = Example();
        int n = 60, m = 50;
        Assert.Equal((n, m, 0.01), (p.Rows, p.Columns, p.Epsilon));
        var x = Enumerable.Range(0, n).Select(i => i / (n - 1.0)).ToArray();
        var y = Enumerable.Range(0, m).Select(j => j / (m - 1.0)).ToArray();
        var pa = x.Select(v => Math.Exp(-(v - 0.25) * (v - 0.25) / 0.01) + 0.5 * Math.Exp(-(v - 0.7) * (v - 0.7) / 0.005) + 0.01).ToArray();
        var qb = y.Select(v => Math.Exp(-(v - 0.6) * (v - 0.6) / 0.02) + 0.01).ToArray();
        var a = pa.Select(v => v / pa.Sum()).ToArray();
        var b = qb.Select(v => v / qb.Sum()).ToArray();
        for (int i = 0; i < n; i++) Assert.Equal(a[i], p.Source[i], 14);
        for (int j = 0; j < m; j++) Assert.Equal(b[j], p.Target[j], 14);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
                Assert.True(Math.Abs((x[i] - y[j]) * (x[i] - y[j]) - p.Cost[i * m + j]) < 1e-14, $"C[{i}, {j}]"); // x² + y² − 2xy rounds differently
    }

    [Fact]
    public void Emitted_experiment_matches_the_snapshot()
    {
        var result = RlSpecCompiler.Compile("examples/optimization/sinkhorn.rlspec", ProblemTestSupport.ExampleText("sinkhorn.rlspec"));
        Assert.Empty(result.Diagnostics);
        var experiment = Assert.Single(result.Models, m => m.Kind == "experiment");
        Snapshot.Verify(experiment.Source, experiment.Name, "cs", Path.Combine(Paths.Tests, "Compiler", "Snapshots"));
    }

    [Fact]
    public void Cli_experiment_records_sinkhorn_at_every_checkpoint()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"rlspec-{Guid.NewGuid():N}");
        try
        {
            var error = new StringWriter();
            int code = Program.Run(new[] { "run", Path.Combine(Paths.Examples, "optimization", "sinkhorn.rlspec"), "--threads", "1", "--out", directory }, new StringWriter(), error);
            Assert.True(code == 0, error.ToString());
            var rows = File.ReadAllLines(Path.Combine(directory, "results.csv")).Skip(1).Select(l => l.Split(','))
                .Select(c => (Algorithm: c[0], Statistic: c[3], Checkpoint: int.Parse(c[5], CultureInfo.InvariantCulture), Mean: double.Parse(c[7], CultureInfo.InvariantCulture)))
                .ToList();
            double[] Curve(string statistic) => rows.Where(r => r.Algorithm == "sinkhorn" && r.Statistic == statistic).OrderBy(r => r.Checkpoint).Select(r => r.Mean).ToArray();
            var checkpoints = rows.Where(r => r.Statistic == "marginal_error").Select(r => r.Checkpoint).OrderBy(k => k).ToArray();
            Assert.Equal(Enumerable.Range(1, 15).Select(k => 10 * k), checkpoints);
            var recorded = Curve("marginal_error");
            var cost = Curve("transport_cost");

            // A direct run of the solver on the same problem, read at the same checkpoints.
            var solver = Sinkhorn.For(Example());
            int c = 0;
            for (int k = 1; k <= 150; k++)
            {
                solver.Step();
                if (k != checkpoints[c]) continue;
                Assert.True(Math.Abs(recorded[c] - solver.MarginalError()) <= 1e-12, $"iteration {k}: recorded {recorded[c]:R}, direct {solver.MarginalError():R}");
                Assert.True(Math.Abs(cost[c] - solver.TransportCost()) <= 1e-12, $"iteration {k}: cost {cost[c]:R}, direct {solver.TransportCost():R}");
                c++;
            }
            // Geometric: every 10 iterations the error shrinks by about the same factor (≈ 0.14 here), from 0.2 to ~1e-13.
            for (int i = 1; i < recorded.Length; i++)
            {
                double ratio = recorded[i] / recorded[i - 1];
                Assert.True(ratio > 0.05 && ratio < 0.3, $"checkpoint {checkpoints[i]}: ratio {ratio}");
            }
            Assert.True(File.Exists(Path.Combine(directory, "marginal_error.svg")));
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, true);
        }
    }

    [Fact]
    public void Marginal_error_falls_geometrically()
    {
        var errors = Errors(Example(), 60);
        // Least squares of log e_k = c + k log ρ over k = 5..60 (the first steps move mass across the whole interval).
        var ks = Enumerable.Range(5, 56).ToArray();
        double mk = ks.Average(), ml = ks.Average(k => Math.Log(errors[k - 1]));
        double slope = ks.Sum(k => (k - mk) * (Math.Log(errors[k - 1]) - ml)) / ks.Sum(k => (k - mk) * (k - mk));
        double rate = Math.Exp(slope);
        Assert.True(rate > 0.5 && rate < 0.95, $"fitted rate ρ = {rate}");
        foreach (int k in ks)
        {
            double fitted = Math.Exp(ml + slope * (k - mk));
            Assert.True(errors[k - 1] < 3 * fitted && errors[k - 1] > fitted / 3, $"iteration {k}: error {errors[k - 1]:E3}, fitted line {fitted:E3}");
        }
        Assert.True(errors[59] < 1e-4 * errors[4], $"{errors[4]:E3} → {errors[59]:E3}");
    }

    [Fact]
    public void Plan_matches_plain_sinkhorn_knopp()
    {
        var p = Example();
        int n = p.Rows, m = p.Columns, iterations = 400;
        // Plain scaling with the kernel K = exp(−C/ε) (no underflow here: C ≤ 1, ε = 0.01 gives K ≥ e⁻¹⁰⁰).
        var kernel = p.Cost.ToArray().Select(c => Math.Exp(-c / p.Epsilon)).ToArray();
        var a = p.Source.ToArray();
        var b = p.Target.ToArray();
        var u = new double[n];
        var v = Enumerable.Repeat(1.0, m).ToArray();
        for (int t = 0; t < iterations; t++)
        {
            for (int i = 0; i < n; i++) { double s = 0; for (int j = 0; j < m; j++) s += kernel[i * m + j] * v[j]; u[i] = a[i] / s; }
            for (int j = 0; j < m; j++) { double s = 0; for (int i = 0; i < n; i++) s += kernel[i * m + j] * u[i]; v[j] = b[j] / s; }
        }
        var solver = Sinkhorn.For(p);
        for (int t = 0; t < iterations; t++) solver.Step();
        double worst = 0, cost = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
            {
                double plain = u[i] * kernel[i * m + j] * v[j];
                worst = Math.Max(worst, Math.Abs(plain - solver.Plan(i, j)));
                cost += p.Cost[i * m + j] * plain;
            }
        Assert.True(worst < 1e-10, $"max |P − P_SK| = {worst:E3}");
        Assert.Equal(cost, solver.TransportCost(), 10);
    }

    [Fact]
    public void Sinkhorn_iterations_allocate_nothing()
    {
        var s = Sinkhorn.For(Example());
        s.Step();
        s.MarginalError();
        s.TransportCost();
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sink = 0;
        for (int k = 0; k < 50; k++) { s.Step(); sink += s.MarginalError(); }
        sink += s.TransportCost();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(double.IsFinite(sink));
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Solve_reaches_the_tolerance_on_the_example()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = RlSpec.Cli.Program.Run(new[] { "solve", Path.Combine(Paths.Examples, "optimization", "sinkhorn.rlspec"), "--tolerance", "1e-9", "--format", "json" }, output, error);
        Assert.True(code == 0, error.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        Assert.Equal("sinkhorn", root.GetProperty("method").GetString());
        Assert.True(root.GetProperty("marginal_error").GetDouble() <= 1e-9);
        var plan = root.GetProperty("plan");
        Assert.Equal(60, plan.GetArrayLength());
        var p = Example();
        // The plan's column sums are the target (exact after a step) and its row sums the source to the tolerance.
        for (int j = 0; j < 50; j++) Assert.Equal(p.Target[j], plan.EnumerateArray().Sum(row => row[j].GetDouble()), 12);
        double rows = 0;
        int r = 0;
        foreach (var row in plan.EnumerateArray()) rows += Math.Abs(row.EnumerateArray().Sum(e => e.GetDouble()) - p.Source[r++]);
        Assert.True(rows <= 1e-9 * 1.0001, $"‖P1 − a‖₁ = {rows}");
    }

    [Fact]
    public void Solve_reports_the_iteration_limit_and_a_method_that_does_not_fit()
    {
        string file = Path.Combine(Paths.Examples, "optimization", "sinkhorn.rlspec");
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(4, RlSpec.Cli.Program.Run(new[] { "solve", file, "--tolerance", "1e-14", "--max-iterations", "20" }, output, error));
        Assert.Contains("error RLS0955", error.ToString());
        Assert.Contains("Transport cost", output.ToString());
        error = new StringWriter();
        Assert.Equal(1, RlSpec.Cli.Program.Run(new[] { "solve", file, "--method", "gd" }, new StringWriter(), error));
        Assert.Contains("--method gd: error RLS0957", error.ToString());
        error = new StringWriter();
        Assert.Equal(1, RlSpec.Cli.Program.Run(new[] { "solve", file, "--tolerance", "0" }, new StringWriter(), error));
        Assert.Contains("error RLS0958", error.ToString());
        // `run` on a transport problem without an experiment says to solve it or to add one that compares sinkhorn.
        string text = File.ReadAllText(file);
        string problemOnly = Path.Combine(Path.GetTempPath(), $"rlspec-{Guid.NewGuid():N}.rlspec");
        File.WriteAllText(problemOnly, text[..text.IndexOf("\nexperiment ", StringComparison.Ordinal)]);
        try
        {
            error = new StringWriter();
            Assert.Equal(1, RlSpec.Cli.Program.Run(new[] { "run", problemOnly }, new StringWriter(), error));
            Assert.Contains("error RLS0414", error.ToString());
            Assert.Contains("is a transport problem: run `rlspec solve", error.ToString());
            Assert.Contains("compare sinkhorn", error.ToString());
        }
        finally { File.Delete(problemOnly); }
    }

    [Fact]
    public void Data_computed_at_run_time_is_checked_when_the_problem_is_created()
    {
        // b's mass is known only after the comprehension runs: creating the problem refuses it, and solve says so.
        const string source = "problem T {\n  let C = [[0.0, 1.0], [1.0, 0.0]]\n  let a = [0.5, 0.5]\n  let b = [0.4 + 0.01 * i for i in 0..1]\n  transport cost = C, source = a, target = b, epsilon = 0.1\n}\n";
        var result = RlSpecCompiler.Compile("t.rlspec", source, null);
        Assert.False(result.HasErrors);
        var loaded = InMemoryModelCompiler.Load(Assert.Single(result.Models));
        Assert.Null(loaded.Host);
        Assert.Contains("the marginals must carry one mass", Assert.Single(loaded.Errors));
        Assert.Equal("RLS0922", loaded.ErrorId); // the compiler's rule, not RLS9998 (an emitter bug)
    }
}
