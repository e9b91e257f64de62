using System;
using System.IO;
using System.Linq;
using RlSpec.Compiler;
using RlSpec.Runtime.Optimization;
using RlSpec.Runtime.Randomness;
using RlSpec.Tests.Infrastructure;
using Xunit;
using static RlSpec.Tests.Compiler.Problems.ProblemTestSupport;

namespace RlSpec.Tests.Compiler.Problems;

/// <summary>
/// What the emitted problems mean, against values computed here independently: variable layout and domains,
/// projections per domain (checked by their optimality conditions), the initialization, the data generators'
/// contracts, the l1 regularizer and its proximal map, online losses, and tracked metrics (eigenvalues
/// by power iteration here).
/// </summary>
public class ProblemSemanticsTests
{
    private const string Domains = """
        problem Domains {
          var p : vector(6) in simplex
          var q : vector(4) in nonnegative
          var b : matrix(2, 3) in box(-1, 2)
          var s : vector(5) in ball(2)
          var u : scalar init 0.5
          minimize sqnorm(p) + sqnorm(q) + frobenius(b) + sqnorm(s) + u^2
        }
        """;

    [Fact]
    public void Variables_are_laid_out_in_declaration_order_with_their_domains()
    {
        var p = Load(Domains);
        Assert.Equal(6 + 4 + 6 + 5 + 1, p.Dimension);
        var v = p.Variables;
        Assert.Equal(new[] { "p", "q", "b", "s", "u" }, v.Select(b => b.Name));
        Assert.Equal(new[] { 0, 6, 10, 16, 21 }, v.Select(b => b.Offset));
        Assert.Equal(new[] { VariableDomain.Simplex, VariableDomain.Nonnegative, VariableDomain.Box, VariableDomain.Ball, VariableDomain.Reals }, v.Select(b => b.Domain));
        Assert.Equal((2, 3, -1.0, 2.0), (v[2].Rows, v[2].Columns, v[2].Lower, v[2].Upper));
        Assert.Equal(2.0, v[3].Upper);
        var x = new double[p.Dimension];
        var r = RandomStream.Create(1, 1);
        p.Initialize(x, ref r);
        // The simplex variable starts at its center; the scalar at its declared value.
        Assert.All(x.Take(6), e => Assert.Equal(1.0 / 6, e, 15));
        Assert.Equal(0.5, x[21]);
    }

    [Fact]
    public void Project_is_the_euclidean_projection_onto_each_domain()
    {
        var p = Load(Domains);
        var r = RandomStream.Create(7, 1);
        for (int trial = 0; trial < 20; trial++)
        {
            var x = Enumerable.Range(0, p.Dimension).Select(_ => Sampling.Normal(ref r, 0, 2)).ToArray();
            var y = (double[])x.Clone();
            p.Project(y);
            // Simplex: y ≥ 0, Σy = 1, and the KKT condition: y_k = max(x_k − θ, 0) for one θ.
            Assert.Equal(1.0, y.Take(6).Sum(), 12);
            Assert.All(y.Take(6), e => Assert.True(e >= 0));
            var positive = Enumerable.Range(0, 6).Where(k => y[k] > 0).ToList();
            double theta = x[positive[0]] - y[positive[0]];
            foreach (var k in Enumerable.Range(0, 6))
                Assert.Equal(Math.Max(x[k] - theta, 0), y[k], 12);
            for (int k = 6; k < 10; k++) Assert.Equal(Math.Max(x[k], 0), y[k]);
            for (int k = 10; k < 16; k++) Assert.Equal(Math.Clamp(x[k], -1, 2), y[k]);
            double norm = Math.Sqrt(x.Skip(16).Take(5).Sum(e => e * e));
            for (int k = 16; k < 21; k++) Assert.Equal(norm <= 2 ? x[k] : x[k] * 2 / norm, y[k], 14);
            Assert.Equal(x[21], y[21]);
        }
    }

    [Fact]
    public void The_lasso_regularizer_is_separate_and_its_proximal_map_soft_thresholds()
    {
        var p = Load(ExampleText("lasso.rlspec"));
        var x = RandomPoint(p, 2, 1.0);
        var smooth = new double[p.Dimension];
        var full = new double[p.Dimension];
        double s = p.SmoothGradient(x, smooth, 1);
        double f = p.Gradient(x, full, 1);
        double l1 = 0.05 * x.Sum(Math.Abs);
        Assert.Equal(l1, p.Regularizer(x), 12);
        Assert.Equal(s + l1, f, 12);
        Assert.Equal(f, p.Objective(x, 1), 12);
        for (int k = 0; k < x.Length; k++) Assert.Equal(smooth[k] + 0.05 * Math.Sign(x[k]), full[k], 12);
        var y = (double[])x.Clone();
        p.Proximal(y, 2.0);
        for (int k = 0; k < x.Length; k++) Assert.Equal(Math.Sign(x[k]) * Math.Max(Math.Abs(x[k]) - 0.1, 0), y[k], 15);
    }

    [Fact]
    public void An_online_loss_reads_its_round()
    {
        var p = Load(ExampleText("online-quadratic.rlspec"));
        Assert.True(p.IsOnline);
        Assert.Equal(1, p.Terms);
        var x = new double[5];
        // With x = 0 the loss of round t is ½‖z_t‖², z_t row t mod 50 of the seeded uniform matrix.
        var z = RlSpec.Runtime.Optimization.Data.ProblemData.Uniform(50 * 5, -1, 1, 51);
        foreach (long t in new long[] { 1, 2, 49, 50, 51, 123 })
        {
            int row = (int)(t % 50);
            double expected = 0.5 * Enumerable.Range(0, 5).Sum(j => z[row * 5 + j] * z[row * 5 + j]);
            Assert.Equal(expected, p.Objective(x, t), 14);
        }
    }

    [Fact]
    public void Sensing_data_and_metrics_match_an_independent_computation()
    {
        var p = Load(ExampleText("matrix-sensing.rlspec"));
        Assert.Equal(new[] { "error", "eigenvalues(X * X', top = 3)[1]", "eigenvalues(X * X', top = 3)[2]", "eigenvalues(X * X', top = 3)[3]" }, p.MetricNames);
        var x = RandomPoint(p, 9, 0.3);
        var values = new double[4];
        p.Metrics(x, values);
        int n = 50, k = 5;
        var xxt = new double[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int q = 0; q < k; q++) xxt[i, j] += x[i * k + q] * x[j * k + q];
        // The eigenvalues of X Xᵀ by power iteration with deflation (independent of the Jacobi method).
        var deflated = (double[,])xxt.Clone();
        for (int e = 0; e < 3; e++)
        {
            var v = Enumerable.Range(0, n).Select(i => 1.0 + 0.01 * i).ToArray();
            double lambda = 0;
            for (int it = 0; it < 5000; it++)
            {
                var w = new double[n];
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) w[i] += deflated[i, j] * v[j];
                lambda = Math.Sqrt(w.Sum(a => a * a));
                for (int i = 0; i < n; i++) v[i] = w[i] / lambda;
            }
            Assert.Equal(lambda, values[1 + e], 1e-8 * lambda);
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) deflated[i, j] -= lambda * v[i] * v[j];
        }
        Assert.True(values[1] >= values[2] && values[2] >= values[3]);
        // The ground truth U diag(1, 0.5, 0.25) Uᵀ with U orthonormal(50, 3, seed 1): the error at X = 0 is its norm √(1 + 0.25 + 0.0625).
        p.Metrics(new double[p.Dimension], values);
        Assert.Equal(Math.Sqrt(1.3125), values[0], 12);
        // y_i = <A_i, M*>: at X = 0 the objective is Σ y_i² / 4m, computed here from the full matrices.
        var packed = RlSpec.Runtime.Optimization.Data.ProblemData.SymmetricGaussianPacked(1000, n, 1, 2);
        var full = RlSpec.Runtime.Optimization.Data.ProblemData.Unpack(packed, 1000, n);
        var u = RlSpec.Runtime.Optimization.Data.ProblemData.Orthonormal(n, 3, 1);
        var d = new[] { 1, 0.5, 0.25 };
        double objective = 0;
        for (int i = 0; i < 1000; i++)
        {
            double y = 0;
            for (int a = 0; a < n; a++)
                for (int b = 0; b < n; b++)
                {
                    double m = 0;
                    for (int q = 0; q < 3; q++) m += u[a * 3 + q] * d[q] * u[b * 3 + q];
                    y += full[i * n * n + a * n + b] * m;
                }
            objective += y * y / 4000;
        }
        Assert.Equal(objective, p.Objective(new double[p.Dimension], 1), 1e-12 * objective);
    }

    [Fact]
    public void Generators_keep_their_contracts()
    {
        var u = RlSpec.Runtime.Optimization.Data.ProblemData.Orthonormal(30, 4, 5);
        for (int a = 0; a < 4; a++)
            for (int b = 0; b < 4; b++)
                Assert.Equal(a == b ? 1 : 0, Enumerable.Range(0, 30).Sum(i => u[i * 4 + a] * u[i * 4 + b]), 12);
        var s = RlSpec.Runtime.Optimization.Data.ProblemData.Unpack(RlSpec.Runtime.Optimization.Data.ProblemData.SymmetricGaussianPacked(3, 6, 1, 5), 3, 6);
        for (int m = 0; m < 3; m++) for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) Assert.Equal(s[m * 36 + i * 6 + j], s[m * 36 + j * 6 + i]);
        var bern = RlSpec.Runtime.Optimization.Data.ProblemData.Bernoulli(20000, 0.2, 3);
        Assert.All(bern, e => Assert.True(e == 0 || e == 1));
        Assert.InRange(bern.Average(), 0.2 - 0.012, 0.2 + 0.012); // ±4 standard deviations
    }

    [Fact]
    public void A_saddle_problem_marks_the_max_players_variables_and_gives_both_gradients_unnegated()
    {
        var p = Load(ExampleText("bilinear-saddle.rlspec"));
        Assert.Equal(new[] { false, true }, p.Variables.Select(v => v.Maximized));
        var x = RandomPoint(p, 4, 0.5);
        var g = new double[20];
        p.Gradient(x, g, 1);
        var a = RlSpec.Runtime.Optimization.Data.ProblemData.Gaussian(100, 1, 31);
        for (int i = 0; i < 10; i++)
        {
            double ay = 0, atx = 0;
            for (int j = 0; j < 10; j++) { ay += a[i * 10 + j] * x[10 + j]; atx += a[j * 10 + i] * x[j]; }
            Assert.Equal(ay, g[i], 12);
            Assert.Equal(atx, g[10 + i], 12);
        }
    }
}
