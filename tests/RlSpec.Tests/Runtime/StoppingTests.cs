using System;
using System.Globalization;
using System.Linq;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;
using RlSpec.Tests.Runtime.Models;
using Xunit;

namespace RlSpec.Tests.Runtime;

/// <summary>Stop reasons, the relative tolerance, and non-finite values (issue 6).</summary>
public class StoppingTests
{
    private static string Printed(double bound) => bound.ToString("G4", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(SolverMethod.ValueIteration)]
    [InlineData(SolverMethod.GaussSeidel)]
    [InlineData(SolverMethod.ModifiedPolicyIteration)]
    public void The_iteration_limit_is_a_stop_reason_and_the_warning_quotes_the_certified_bound(SolverMethod method)
    {
        var solution = MdpSolver.Solve(RandomModels.SlowMixing(0.999), new SolverOptions { Method = method, MaxIterations = 50, MpiSweeps = 2 });
        Assert.Equal(StopReason.IterationLimit, solution.StopReason);
        var warning = Assert.Single(solution.Warnings);
        Assert.Contains("iteration limit (50)", warning);
        Assert.Contains(Printed(solution.ErrorBound), warning);
        Assert.True(solution.ErrorBound > solution.TargetBound);
    }

    [Theory]
    [InlineData(SolverMethod.ValueIteration)]
    [InlineData(SolverMethod.GaussSeidel)]
    [InlineData(SolverMethod.PolicyIteration)]
    public void A_tolerance_below_the_rounding_floor_stops_with_that_reason(SolverMethod method)
    {
        // Rewards of 1e12 at γ = 0.999: values near 1e15, whose rounding allowance (≈ 1) dwarfs 1e-10.
        var model = new Forest(3, 4e12, 2e12, 0.1, 0.999);
        var solution = MdpSolver.Solve(model, new SolverOptions { Method = method, ToleranceKind = ToleranceKind.Absolute });
        Assert.Equal(StopReason.RoundingFloor, solution.StopReason);
        var warning = Assert.Single(solution.Warnings);
        Assert.Contains(Printed(solution.ErrorBound), warning);
        Assert.Contains("rounding", warning);
    }

    [Fact]
    public void A_relative_tolerance_is_read_against_the_span_of_the_returned_values()
    {
        // Rewards scaled by 1e6: values span about 4e6, so the default relative 1e-10 asks for 4e-4.
        var model = new Forest(3, 4e6, 2e6, 0.1, 0.96);
        var solution = MdpSolver.Solve(model, new SolverOptions { Method = SolverMethod.ValueIteration });
        double span = solution.Values.Max() - solution.Values.Min();
        Assert.True(span > 1e6);
        Assert.Equal(1e-10 * span, solution.TargetBound, 1e-12 * span);
        Assert.Equal(StopReason.Converged, solution.StopReason);
        Assert.Empty(solution.Warnings);
        Assert.True(solution.ErrorBound <= solution.TargetBound);
        // The same certificate against an exact solve of the returned policy.
        double[] exact = DenseReference.From(model).Evaluate(solution.Policy, 0.96);
        Assert.True(DenseReference.MaxDiff(exact, solution.Values) <= solution.ErrorBound);
        // An absolute tolerance demands more sweeps for the same model.
        var absolute = MdpSolver.Solve(model, new SolverOptions { Method = SolverMethod.ValueIteration, ToleranceKind = ToleranceKind.Absolute, Tolerance = 1e-6 });
        Assert.True(absolute.Iterations > solution.Iterations, $"{absolute.Iterations} {absolute.ErrorBound} {absolute.StopReason} vs {solution.Iterations} {solution.ErrorBound}");
        Assert.Equal(1e-6, absolute.TargetBound);
    }

    [Fact]
    public void Values_of_scale_one_keep_the_absolute_tolerance()
    {
        var solution = MdpSolver.Solve(new Forest(3, 0.4, 0.2, 0.1, 0.5), new SolverOptions { Method = SolverMethod.ValueIteration, Tolerance = 1e-9 });
        Assert.True(solution.Values.Max() - solution.Values.Min() < 1);
        Assert.Equal(1e-9, solution.TargetBound);
    }

    [Theory]
    [InlineData(SolverMethod.ValueIteration)]
    [InlineData(SolverMethod.GaussSeidel)]
    [InlineData(SolverMethod.ModifiedPolicyIteration)]
    [InlineData(SolverMethod.PolicyIteration)]
    public void Values_that_overflow_stop_the_solve_with_an_id(SolverMethod method)
    {
        // The adversary's forest: reward 1e308 and γ = 0.95 (values would be 2e309).
        var model = new Forest(3, 1e308, 2, 0.1, 0.95);
        var error = Assert.Throws<MdpSolverException>(() => MdpSolver.Solve(model, new SolverOptions { Method = method }));
        Assert.Equal(SolverErrorIds.NonFiniteValues, error.Id);
        Assert.Contains("NaN or infinite", error.Message);
    }

    [Fact]
    public void Overflow_in_a_finite_horizon_stops_the_solve_too()
    {
        // One state looping on itself with reward 1e308: V_1 = 1e308, V_0 = 2e308 = ∞.
        var model = new SparseMdp("Loop", Criterion.FiniteHorizon(2), 1, [0, 1], [0], [0, 1], [0], [1.0], [1e308]);
        var error = Assert.Throws<MdpSolverException>(() => MdpSolver.Solve(model));
        Assert.Equal(SolverErrorIds.NonFiniteValues, error.Id);
    }

    [Theory]
    [InlineData(SolverMethod.ValueIteration)]
    [InlineData(SolverMethod.GaussSeidel)]
    [InlineData(SolverMethod.ModifiedPolicyIteration)]
    [InlineData(SolverMethod.PolicyIteration)]
    public void A_relative_target_below_the_rounding_floor_is_raised_to_it_and_converges(SolverMethod method)
    {
        // Rewards 1e9 ± 1 at γ = 0.9: values near 1e10 that span about 10, so 1e-10 · span (1e-9) is far
        // below the rounding allowance (k+2)·ε·max|V|/(1 − γ) ≈ 1e-4.
        const double shift = 1e9, gamma = 0.9;
        var shifted = RandomModels.Sparse(11, 30, 3, Criterion.Discounted(gamma), rewardShift: shift);
        var solution = MdpSolver.Solve(shifted, new SolverOptions { Method = method });
        Assert.Equal(StopReason.Converged, solution.StopReason);
        Assert.Empty(solution.Warnings);
        Assert.True(solution.TargetRaisedToRoundingFloor);
        double span = solution.Values.Max() - solution.Values.Min();
        Assert.True(solution.TargetBound > 1e3 * 1e-10 * Math.Max(1, span), $"target {solution.TargetBound}, span {span}");
        Assert.True(solution.ErrorBound <= solution.TargetBound);
        // Independently: adding a constant c to every reward adds c/(1 − γ) to every value and keeps the optimal
        // policy, so the unshifted model's exact values (dense solve) give V*.
        var plain = RandomModels.Sparse(11, 30, 3, Criterion.Discounted(gamma));
        var reference = DenseReference.From(plain);
        var optimal = MdpSolver.Solve(plain, new SolverOptions { Method = SolverMethod.PolicyIteration, ToleranceKind = ToleranceKind.Absolute });
        double[] exact = reference.Evaluate(optimal.Policy, gamma);
        for (int s = 0; s < exact.Length; s++)
            Assert.True(Math.Abs(solution.Values[s] - (exact[s] + shift / (1 - gamma))) <= solution.ErrorBound + 1e-12 * shift / (1 - gamma),
                $"state {s}: {solution.Values[s]} vs {exact[s] + shift / (1 - gamma)}, bound {solution.ErrorBound}");
    }

    [Fact]
    public void A_flat_model_with_large_values_converges_where_the_plain_relative_target_could_not_be_met()
    {
        // Two states swapping with reward 20,000 at γ = 0.9: V = 200,000 everywhere, span 0, so the
        // relative target 1e-10 · max(1, 0) = 1e-10 is below the rounding allowance 3ε·2e5/0.1 ≈ 1.3e-9.
        var model = new SparseMdp("Flat", Criterion.Discounted(0.9), 1, [0, 1, 2], [0, 0], [0, 1, 2], [1, 0], [1.0, 1.0], [20000.0, 20000.0]);
        foreach (var method in new[] { SolverMethod.ValueIteration, SolverMethod.GaussSeidel, SolverMethod.PolicyIteration, SolverMethod.ModifiedPolicyIteration })
        {
            var solution = MdpSolver.Solve(model, new SolverOptions { Method = method });
            Assert.True(StopReason.Converged == solution.StopReason, $"{method}: {solution.StopReason} {string.Join(" ", solution.Warnings)}");
            Assert.True(solution.TargetRaisedToRoundingFloor, method.ToString());
            Assert.All(solution.Values, v => Assert.True(Math.Abs(v - 200000) <= solution.ErrorBound));
            // An absolute tolerance is taken as asked: the same model stops on the rounding floor.
            var absolute = MdpSolver.Solve(model, new SolverOptions { Method = method, ToleranceKind = ToleranceKind.Absolute });
            Assert.Equal(StopReason.RoundingFloor, absolute.StopReason);
            Assert.False(absolute.TargetRaisedToRoundingFloor);
        }
    }
}
