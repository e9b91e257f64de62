using System;
using System.Linq;
using RlSpec.Runtime.Optimization;
using RlSpec.Runtime.Optimization.Solve;
using Xunit;

namespace RlSpec.Tests.Runtime.Optimization;

/// <summary>
/// The solver behind <c>rlspec solve</c> on a problem (src/RlSpec.Runtime/Optimization/Solve): its answers against
/// independent solvers written here (normal equations, cyclic coordinate descent), the default-method rule, the
/// power-iteration step, and an allocation-free loop.
/// </summary>
public class ProblemSolverTests
{
    [Fact]
    public void Least_squares_default_is_nesterov_and_matches_the_normal_equations()
    {
        var problem = LeastSquares.Random(40, 8, 3, 0.5, out _);
        var solution = ProblemSolver.Solve(problem, ProblemStructure.Smooth, new SolveOptions { Tolerance = 1e-12 });
        Assert.True(solution.Converged);
        Assert.Equal(SolveMethod.Nesterov, solution.Method);
        var reference = NormalEquations(problem.Design, problem.Targets, 40, 8);
        double error = solution.X.Select((v, j) => Math.Abs(v - reference[j])).Max();
        Assert.True(error < 1e-9, $"max |x − x_ne| = {error}");
        // L̂ is 1.1 × λmax(DᵀD/m) from power iteration: compare with the eigenvalue computed here.
        double lambda = LargestEigenvalue(problem.Design, 40, 8) / 40;
        Assert.InRange(solution.Lipschitz / lambda, 1.1 * 0.99, 1.1 * 1.0001);
        Assert.Equal("gradient_mapping_norm", solution.CertificateName);
        Assert.True(solution.Certificate <= 1e-12);
    }

    [Fact]
    public void Lasso_default_is_fista_and_matches_coordinate_descent()
    {
        const double lambda = 0.1;
        var problem = LeastSquares.Random(60, 20, 5, 0.1, out _).WithL1(lambda);
        var solution = ProblemSolver.Solve(problem, new ProblemStructure([], HasL1Regularizer: true), new SolveOptions { Tolerance = 1e-11 });
        Assert.True(solution.Converged);
        Assert.Equal(SolveMethod.ProximalGradient, solution.Method);
        Assert.Equal("prox_gradient_mapping_norm", solution.CertificateName);
        var reference = FirstOrderMethodTests.CoordinateDescentLasso(problem.Design, problem.Targets, 60, 20, lambda);
        double error = solution.X.Select((v, j) => Math.Abs(v - reference[j])).Max();
        Assert.True(error < 1e-8, $"max |x − x_cd| = {error}");
        Assert.Contains(reference, v => v == 0);
    }

    [Fact]
    public void Default_rule_follows_the_structure()
    {
        var smooth = LeastSquares.Random(10, 3, 1, 0.1, out _);
        Assert.Equal(SolveMethod.Subgradient, DefaultMethodRule.Choose(smooth, new ProblemStructure(["abs"], false)).Method);
        Assert.Equal(SolveMethod.ProximalGradient, DefaultMethodRule.Choose(smooth, new ProblemStructure(["abs"], true)).Method);
        Assert.Equal(SolveMethod.Nesterov, DefaultMethodRule.Choose(smooth, ProblemStructure.Smooth, new SmoothnessEstimate(10, 1)).Method);
        Assert.Equal(SolveMethod.GradientDescent, DefaultMethodRule.Choose(smooth, ProblemStructure.Smooth, new SmoothnessEstimate(10, -1)).Method);
        Assert.Equal(SolveMethod.GradientDescent, DefaultMethodRule.Choose(smooth, ProblemStructure.Smooth, new SmoothnessEstimate(10, 0)).Method);
    }

    [Fact]
    public void A_method_that_does_not_fit_is_refused_with_the_ones_that_do()
    {
        var problem = LeastSquares.Random(10, 3, 1, 0.1, out _);
        var ex = Assert.Throws<ProblemSolveException>(() => ProblemSolver.Solve(problem, ProblemStructure.Smooth, new SolveOptions { Method = SolveMethod.FrankWolfe }));
        Assert.Equal(ProblemSolveErrorIds.MethodDoesNotFit, ex.Id);
        Assert.Contains("frank_wolfe needs bounded domains", ex.Message);
        Assert.Contains("gd, nesterov", ex.Message);
        var tolerance = Assert.Throws<ProblemSolveException>(() => ProblemSolver.Solve(problem, ProblemStructure.Smooth, new SolveOptions { Tolerance = double.NaN }));
        Assert.Equal(ProblemSolveErrorIds.InvalidOption, tolerance.Id);
    }

    [Fact]
    public void The_iterations_allocate_nothing()
    {
        // A tolerance no run meets: the solve runs to its limit, so the bytes it allocates must not grow with the limit.
        var problem = LeastSquares.Random(30, 6, 2, 0.1, out _);
        var options = new SolveOptions { Tolerance = 1e-300, MaxIterations = 200 };
        var warm = ProblemSolver.Solve(problem, ProblemStructure.Smooth, options);
        Assert.False(warm.Converged);
        long Allocated(long iterations)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var s = ProblemSolver.Solve(problem, ProblemStructure.Smooth, options with { MaxIterations = iterations });
            long after = GC.GetAllocatedBytesForCurrentThread();
            Assert.Equal(iterations, s.Iterations);
            return after - before;
        }
        long few = Allocated(1_000), many = Allocated(21_000);
        // The per-check bookkeeping of the sub-gradient heuristic is sized by the limit (8 bytes per 10 iterations).
        Assert.True(many - few <= 8 * 20_000 / ProblemSolver.CheckEvery + 64, $"1,000 iterations allocate {few} bytes, 21,000 allocate {many}");
    }

    /// <summary>The least-squares solution of (1/2m)‖Dx − y‖² by the normal equations DᵀD x = Dᵀy, Gaussian elimination with partial pivoting.</summary>
    internal static double[] NormalEquations(double[] d, double[] y, int m, int n)
    {
        var a = new double[n, n + 1];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++) for (int r = 0; r < m; r++) a[i, j] += d[r * n + i] * d[r * n + j];
            for (int r = 0; r < m; r++) a[i, n] += d[r * n + i] * y[r];
        }
        for (int c = 0; c < n; c++)
        {
            int p = Enumerable.Range(c, n - c).OrderByDescending(r => Math.Abs(a[r, c])).First();
            for (int j = 0; j <= n; j++) (a[c, j], a[p, j]) = (a[p, j], a[c, j]);
            for (int r = c + 1; r < n; r++)
            {
                double f = a[r, c] / a[c, c];
                for (int j = c; j <= n; j++) a[r, j] -= f * a[c, j];
            }
        }
        var x = new double[n];
        for (int r = n - 1; r >= 0; r--)
        {
            double s = a[r, n];
            for (int j = r + 1; j < n; j++) s -= a[r, j] * x[j];
            x[r] = s / a[r, r];
        }
        return x;
    }

    private static double LargestEigenvalue(double[] d, int m, int n)
    {
        var v = Enumerable.Repeat(1.0, n).ToArray();
        double lambda = 0;
        for (int it = 0; it < 5000; it++)
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
}

/// <summary>The solver's error ids are documented and in O4's range RLS0955–0959.</summary>
public class ProblemSolveErrorIdTests
{
    [Fact]
    public void Every_solve_error_id_is_documented_in_the_range_0955_0959()
    {
        var doc = System.IO.File.ReadAllText(System.IO.Path.Combine(RlSpec.Tests.Infrastructure.Paths.Root, "docs", "diagnostics.md"));
        foreach (var field in typeof(ProblemSolveErrorIds).GetFields())
        {
            string id = (string)field.GetValue(null)!;
            Assert.InRange(int.Parse(id[3..]), 955, 959);
            Assert.True(doc.Contains("`" + id + "`"), id + " is not documented in docs/diagnostics.md");
        }
    }
}
