using System;
using System.Linq;
using RlSpec.Runtime.Optimization.Transport;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.Tests.Runtime.Optimization;

/// <summary>Log-domain Sinkhorn against a plain kernel-scaling implementation and its geometric convergence.</summary>
public class SinkhornTests
{
    private static (double[] Cost, double[] A, double[] B) Instance(int n, int m, ulong seed)
    {
        var r = RandomStream.Create(seed, 2);
        var xs = Enumerable.Range(0, n).Select(_ => r.NextDouble()).ToArray();
        var ys = Enumerable.Range(0, m).Select(_ => r.NextDouble()).ToArray();
        var cost = new double[n * m];
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) cost[i * m + j] = (xs[i] - ys[j]) * (xs[i] - ys[j]);
        var a = Enumerable.Range(0, n).Select(_ => 0.5 + r.NextDouble()).ToArray();
        var b = Enumerable.Range(0, m).Select(_ => 0.5 + r.NextDouble()).ToArray();
        double sa = a.Sum(), sb = b.Sum();
        for (int i = 0; i < n; i++) a[i] /= sa;
        for (int j = 0; j < m; j++) b[j] /= sb;
        return (cost, a, b);
    }

    [Fact]
    public void The_marginal_error_falls_geometrically()
    {
        var (cost, a, b) = Instance(30, 40, 1);
        var solver = new Sinkhorn(cost, 30, 40, a, b, 0.05);
        var errors = new double[61];
        for (int k = 1; k <= 60; k++) { solver.Step(); errors[k] = solver.MarginalError(); }
        // A straight line in log scale: the fitted per-step ratio is < 1 and every step is within a factor 3 of the fit.
        double slope = FirstOrderMethodTests.LogSlope(errors, 5, 60);
        Assert.True(slope < -0.05, $"slope {slope}");
        double intercept = Enumerable.Range(5, 56).Average(k => Math.Log(errors[k]) - slope * k);
        for (int k = 5; k <= 60; k++) Assert.InRange(Math.Log(errors[k]) - (intercept + slope * k), -Math.Log(3), Math.Log(3));
    }

    [Fact]
    public void It_agrees_with_plain_kernel_scaling_and_survives_a_tiny_epsilon()
    {
        var (cost, a, b) = Instance(12, 9, 3);
        double eps = 0.1;
        var solver = new Sinkhorn(cost, 12, 9, a, b, eps);
        for (int k = 0; k < 500; k++) solver.Step();
        // Plain Sinkhorn-Knopp: u = a / (K v), v = b / (Kᵀ u) with K = exp(−C/ε).
        var u = Enumerable.Repeat(1.0, 12).ToArray();
        var v = Enumerable.Repeat(1.0, 9).ToArray();
        for (int k = 0; k < 500; k++)
        {
            for (int i = 0; i < 12; i++) { double s = 0; for (int j = 0; j < 9; j++) s += Math.Exp(-cost[i * 9 + j] / eps) * v[j]; u[i] = a[i] / s; }
            for (int j = 0; j < 9; j++) { double s = 0; for (int i = 0; i < 12; i++) s += Math.Exp(-cost[i * 9 + j] / eps) * u[i]; v[j] = b[j] / s; }
        }
        for (int i = 0; i < 12; i++)
            for (int j = 0; j < 9; j++) Assert.Equal(u[i] * Math.Exp(-cost[i * 9 + j] / eps) * v[j], solver.Plan(i, j), 12);

        // ε = 1e-4: exp(−C/ε) underflows to 0 for most entries, the log domain does not.
        var tiny = new Sinkhorn(cost, 12, 9, a, b, 1e-4);
        for (int k = 0; k < 50; k++) tiny.Step();
        Assert.True(double.IsFinite(tiny.MarginalError()) && double.IsFinite(tiny.TransportCost()));
    }

    [Fact]
    public void A_step_allocates_nothing_and_bad_input_is_refused()
    {
        var (cost, a, b) = Instance(10, 10, 4);
        var solver = new Sinkhorn(cost, 10, 10, a, b, 0.1);
        Assert.Equal(0, Allocations.Least(() => { for (int i = 0; i < 50; i++) solver.Step(); }));
        Assert.Throws<ArgumentException>(() => new Sinkhorn(cost, 10, 10, a, b, 0));
        Assert.Throws<ArgumentException>(() => new Sinkhorn(cost, 10, 10, a, a.Select(x => 2 * x).ToArray(), 0.1));
    }
}
