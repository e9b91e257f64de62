using System;
using System.Collections.Generic;
using System.Linq;
using RlSpec.Runtime.Optimization;
using RlSpec.Runtime.Optimization.Methods;
using RlSpec.Runtime.Optimization.Schedules;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.Tests.Runtime.Optimization;

/// <summary>The first-order methods against closed-form rates and independent solvers, on hand-written problems.</summary>
public class FirstOrderMethodTests
{
    internal static double[] Run<TMethod, TProblem>(TMethod method, TProblem problem, int iterations, Func<double[], double> measure, ulong seed = 1)
        where TMethod : struct, IFirstOrderMethod<TProblem> where TProblem : struct, IOptimizationProblem
    {
        var random = RandomStream.Create(seed, 3);
        method.Reset(problem, iterations, ref random);
        var values = new double[iterations + 1];
        values[0] = measure(method.Iterate.ToArray());
        for (int k = 1; k <= iterations; k++)
        {
            method.Step(k, ref random);
            values[k] = measure(method.Iterate.ToArray());
        }
        return values;
    }

    private static double DistanceToOnes(double[] x) => Math.Sqrt(x.Sum(v => (v - 1) * (v - 1)));

    /// <summary>The least-squares slope of log(values[k]) over k in [from, to]: the per-step log contraction.</summary>
    internal static double LogSlope(double[] values, int from, int to)
    {
        double n = to - from + 1, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int k = from; k <= to; k++) { double y = Math.Log(values[k]); sx += k; sy += y; sxx += (double)k * k; sxy += k * y; }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    private static double[] Spread(int n, double mu, double l) => Enumerable.Range(0, n).Select(i => mu + (l - mu) * i / (n - 1)).ToArray();

    [Fact]
    public void Gradient_descent_contracts_at_one_minus_mu_over_L_on_a_quadratic()
    {
        // ‖x_k − x*‖ ≤ (1 − μ/L)^k ‖x₀ − x*‖ with η = 1/L, tight along the eigenvector of μ (Nesterov 2004, Thm 2.1.15).
        var problem = Quadratic.Diagonal(Spread(8, 1, 10));
        var d = Run(new GradientDescent<Quadratic>(StepSchedule.Constant(0.1)), problem, 200, DistanceToOnes);
        double rate = LogSlope(d, 100, 200), theory = Math.Log(1 - 1 / 10.0);
        Assert.InRange(rate / theory, 0.9, 1.1);
    }

    [Fact]
    public void Nesterov_contracts_at_one_minus_one_over_sqrt_kappa_on_a_quadratic()
    {
        // Strongly convex momentum β = (1 − √(μ/L))/(1 + √(μ/L)), η = 1/L: a double root 1 − 1/√κ of the μ mode.
        var problem = Quadratic.Diagonal(Spread(8, 1, 100));
        var d = Run(new Nesterov<Quadratic>(0.01, 1), problem, 800, DistanceToOnes);
        double rate = LogSlope(d, 100, 250), theory = Math.Log(1 - 1 / 10.0); // 0.9^250 ≈ 4e-12: above round-off
        Assert.InRange(rate / theory, 0.9, 1.1);
        // Gradient descent at the same step is far slower (1 − 1/κ).
        var gd = Run(new GradientDescent<Quadratic>(StepSchedule.Constant(0.01)), problem, 800, DistanceToOnes);
        Assert.True(d[800] < 1e-6 * gd[800], $"Nesterov {d[800]} vs GD {gd[800]}");
    }

    [Fact]
    public void Nesterov_convex_variant_reaches_the_one_over_k_squared_bound()
    {
        // f(x_k) − f* ≤ 2L‖x₀ − x*‖²/(k + 1)² (Nesterov 2004, Thm 2.2.2) on an ill-conditioned quadratic.
        var eig = Spread(20, 1e-4, 1);
        var problem = Quadratic.Diagonal(eig);
        double fStar = problem.Objective(Enumerable.Repeat(1.0, 20).ToArray(), 0), r0 = 20;
        var f = Run(new Nesterov<Quadratic>(1.0, 0), problem, 500, x => problem.Objective(x, 0) - fStar);
        for (int k = 10; k <= 500; k += 10) Assert.True(f[k] <= 2 * 1.0 * r0 / ((k + 1.0) * (k + 1.0)), $"k={k}: {f[k]}");
    }

    [Fact]
    public void Heavy_ball_with_polyaks_parameters_contracts_at_the_optimal_rate()
    {
        double mu = 1, l = 100, sl = Math.Sqrt(l), sm = Math.Sqrt(mu);
        var problem = Quadratic.Diagonal(Spread(8, mu, l));
        var d = Run(new HeavyBall<Quadratic>(StepSchedule.Constant(4 / ((sl + sm) * (sl + sm))), Math.Pow((sl - sm) / (sl + sm), 2)), problem, 600, DistanceToOnes);
        double rate = LogSlope(d, 50, 150), theory = Math.Log((10 - 1) / 11.0); // 0.82^150 ≈ 1e-13: above round-off
        Assert.InRange(rate / theory, 0.9, 1.1);
    }

    [Fact]
    public void Projected_gradient_and_frank_wolfe_solve_a_box_constrained_quadratic()
    {
        // x* = 1 unconstrained; the box [0, 0.5] clips every coordinate to 0.5 (A diagonal, so the projection is exact).
        int n = 6;
        var eig = Spread(n, 1, 4);
        var a = new double[n * n];
        for (int i = 0; i < n; i++) a[i * n + i] = eig[i];
        var box = new Quadratic(a, eig, new double[n], VariableDomain.Box, 0, 0.5);
        var pg = Run(new ProjectedGradient<Quadratic>(StepSchedule.Constant(0.25)), box, 200, x => x.Max(v => Math.Abs(v - 0.5)));
        Assert.True(pg[200] < 1e-12);
        double fStar = box.Objective(Enumerable.Repeat(0.5, n).ToArray(), 0);
        var fw = Run(new FrankWolfe<Quadratic>(), box, 400, x => box.Objective(x, 0) - fStar);
        // Jaggi's bound 2 L diam²/(k + 1) with L = 4, diam² = n/4.
        for (int k = 1; k <= 400; k++) Assert.True(fw[k] <= 2 * 4 * (n / 4.0) / (k + 1) + 1e-12, $"k={k}: {fw[k]}");
        Assert.True(fw[400] < 1e-9, $"{fw[400]}"); // box vertices contain the optimum: FW finds it
    }

    [Fact]
    public void Frank_wolfe_on_the_simplex_meets_its_rate_bound()
    {
        int n = 5;
        var a = new double[n * n];
        for (int i = 0; i < n; i++) a[i * n + i] = 1;
        var b = new double[] { 0.1, 0.5, 0.2, 0.1, 0.1 }; // x* = b lies in the simplex
        var start = new double[] { 1, 0, 0, 0, 0 };
        var simplex = new Quadratic(a, b, start, VariableDomain.Simplex);
        double fStar = simplex.Objective(b, 0);
        var fw = Run(new FrankWolfe<Quadratic>(), simplex, 2000, x => simplex.Objective(x, 0) - fStar);
        for (int k = 1; k <= 2000; k++) Assert.True(fw[k] <= 2 * 1 * 2.0 / (k + 1) + 1e-12, $"k={k}: {fw[k]}");
        Assert.True(fw[2000] < 1e-3);
    }

    [Fact]
    public void Frank_wolfe_refuses_an_unbounded_domain()
    {
        var problem = Quadratic.Diagonal([1, 2]);
        var method = new FrankWolfe<Quadratic>();
        var random = RandomStream.Create(1, 1);
        var ex = Assert.Throws<ArgumentException>(() => method.Reset(problem, 10, ref random));
        Assert.Contains("bounded", ex.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Proximal_gradient_matches_an_independent_coordinate_descent_lasso_solver(bool fista)
    {
        double lambda = 0.1;
        var problem = LeastSquares.Random(60, 20, 5, 0.1, out _).WithL1(lambda);
        double l = LargestEigenvalue(problem.Design, 60, 20) / 60;
        var method = new ProximalGradient<LeastSquares>(1 / l, fista);
        var random = RandomStream.Create(1, 1);
        method.Reset(problem, 20000, ref random);
        for (int k = 1; k <= 20000; k++) method.Step(k, ref random);
        var reference = CoordinateDescentLasso(problem.Design, problem.Targets, 60, 20, lambda);
        double gap = 0;
        for (int j = 0; j < 20; j++) gap = Math.Max(gap, Math.Abs(method.Iterate[j] - reference[j]));
        Assert.True(gap < 1e-8, $"max |x − x_cd| = {gap}");
        Assert.Contains(reference, v => v == 0); // the l1 term is active: some coordinates are exactly zero
    }

    /// <summary>Cyclic coordinate descent for (1/2m)‖Dx − y‖² + λ‖x‖₁ with exact coordinate minimization (Friedman et al. 2007).</summary>
    internal static double[] CoordinateDescentLasso(double[] d, double[] y, int m, int n, double lambda)
    {
        var x = new double[n];
        var r = (double[])y.Clone(); // r = y − Dx
        for (int sweep = 0; sweep < 100000; sweep++)
        {
            double change = 0;
            for (int j = 0; j < n; j++)
            {
                double col = 0, rho = 0;
                for (int i = 0; i < m; i++) { double dij = d[i * n + j]; col += dij * dij; rho += dij * (r[i] + dij * x[j]); }
                col /= m; rho /= m;
                double next = rho > lambda ? (rho - lambda) / col : rho < -lambda ? (rho + lambda) / col : 0;
                double delta = next - x[j];
                if (delta != 0) for (int i = 0; i < m; i++) r[i] -= d[i * n + j] * delta;
                change = Math.Max(change, Math.Abs(delta));
                x[j] = next;
            }
            if (change < 1e-15) break;
        }
        return x;
    }

    private static double LargestEigenvalue(double[] d, int m, int n)
    {
        var v = Enumerable.Repeat(1.0, n).ToArray();
        double lambda = 0;
        for (int it = 0; it < 2000; it++)
        {
            var dv = new double[m];
            for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) dv[i] += d[i * n + j] * v[j];
            var w = new double[n];
            for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) w[j] += d[i * n + j] * dv[i];
            lambda = Math.Sqrt(w.Sum(e => e * e));
            for (int j = 0; j < n; j++) v[j] = w[j] / lambda;
        }
        return lambda;
    }

    [Fact]
    public void Minibatch_sgd_adagrad_and_adam_approach_the_least_squares_solution()
    {
        var problem = LeastSquares.Random(200, 10, 9, 0.0, out var truth); // noiseless: x* = truth, every term's gradient vanishes there
        double Error(double[] x) => Math.Sqrt(x.Select((v, i) => (v - truth[i]) * (v - truth[i])).Sum());
        double start = Error(new double[10]);
        var sgd = Run(new StochasticGradient<LeastSquares>(StepSchedule.Constant(0.02), 4), problem, 3000, Error);
        Assert.True(sgd[3000] < 1e-6 * start, $"SGD {sgd[3000]}"); // interpolation: constant-step SGD converges linearly
        var adagrad = Run(new AdaGrad<LeastSquares>(StepSchedule.Constant(0.5)), problem, 3000, Error);
        Assert.True(adagrad[3000] < 1e-3 * start, $"AdaGrad {adagrad[3000]}");
        var adam = Run(new Adam<LeastSquares>(StepSchedule.Cosine(0.05)), problem, 3000, Error);
        Assert.True(adam[3000] < 1e-3 * start, $"Adam {adam[3000]}");
    }

    [Fact]
    public void Sgd_draws_its_terms_from_the_run_stream()
    {
        var problem = LeastSquares.Random(50, 4, 2, 0.1, out _);
        var a = Run(new StochasticGradient<LeastSquares>(StepSchedule.InverseSqrt(0.05), 2), problem, 100, x => x[0], seed: 1);
        var b = Run(new StochasticGradient<LeastSquares>(StepSchedule.InverseSqrt(0.05), 2), problem, 100, x => x[0], seed: 1);
        var c = Run(new StochasticGradient<LeastSquares>(StepSchedule.InverseSqrt(0.05), 2), problem, 100, x => x[0], seed: 2);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Schedules_follow_their_formulas()
    {
        Assert.Equal(0.5, StepSchedule.Constant(0.5).At(7, 10));
        Assert.Equal(0.5 / 3, StepSchedule.InverseSqrt(0.5).At(9, 10), 15);
        Assert.Equal(0.5 * 0.8, StepSchedule.Linear(0.5).At(3, 10), 15);
        Assert.Equal(0.25, StepSchedule.Cosine(0.5).At(6, 10), 15);
        Assert.Equal(0.5 * 0.9 * 0.9, StepSchedule.Geometric(0.5, 0.9).At(3, 10), 15);
        Assert.Throws<ArgumentException>(() => new GradientDescent<Quadratic>(StepSchedule.Constant(0)));
        Assert.Throws<ArgumentException>(() => new GradientDescent<Quadratic>(StepSchedule.Geometric(0.1, 1.5)));
    }

    [Fact]
    public void A_step_allocates_nothing()
    {
        var quad = Quadratic.Diagonal([1, 2, 3]);
        var box = new Quadratic(quad.Matrix, quad.Linear, new double[3], VariableDomain.Box, 0, 0.5);
        var ls = LeastSquares.Random(20, 3, 1, 0.1, out _);
        AssertNoAllocation(new GradientDescent<Quadratic>(StepSchedule.Cosine(0.1)), quad);
        AssertNoAllocation(new ProjectedGradient<Quadratic>(StepSchedule.InverseSqrt(0.1)), box);
        AssertNoAllocation(new Nesterov<Quadratic>(0.1, 0.5), quad);
        AssertNoAllocation(new HeavyBall<Quadratic>(StepSchedule.Constant(0.1), 0.5), quad);
        AssertNoAllocation(new SubgradientMethod<Quadratic>(StepSchedule.Geometric(0.1, 0.99), true), quad);
        AssertNoAllocation(new StochasticGradient<LeastSquares>(StepSchedule.Linear(0.01), 3), ls);
        AssertNoAllocation(new AdaGrad<Quadratic>(StepSchedule.Constant(0.1)), quad);
        AssertNoAllocation(new Adam<Quadratic>(StepSchedule.Constant(0.1)), quad);
        AssertNoAllocation(new ProximalGradient<LeastSquares>(0.01, true), ls.WithL1(0.1));
        AssertNoAllocation(new FrankWolfe<Quadratic>(), box);
    }

    internal static void AssertNoAllocation<TMethod, TProblem>(TMethod method, TProblem problem)
        where TMethod : struct, IFirstOrderMethod<TProblem> where TProblem : struct, IOptimizationProblem
    {
        var random = RandomStream.Create(1, 1);
        method.Reset(problem, 100000, ref random);
        long k = 0;
        long bytes = Allocations.Least(() => { for (int i = 0; i < 200; i++) method.Step(++k, ref random); });
        Assert.True(bytes == 0, $"{typeof(TMethod).Name}: {bytes} bytes per 200 steps");
    }
}
