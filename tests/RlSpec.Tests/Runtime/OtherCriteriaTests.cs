using System;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;
using RlSpec.Tests.Runtime.Models;
using Xunit;

namespace RlSpec.Tests.Runtime;

/// <summary>Finite-horizon, average-reward and total-reward (SSP) solvers against independent references.</summary>
public class OtherCriteriaTests
{
    [Fact]
    public void Backward_induction_matches_a_naive_recursion_on_RiverSwim()
    {
        var model = new RiverSwim(6, Criterion.FiniteHorizon(20));
        var solution = MdpSolver.Solve(model, new SolverOptions());
        Assert.Equal("BackwardInduction", solution.Method);
        var expected = DenseReference.FiniteHorizon(_ => DenseReference.From(model), 20);
        for (int t = 0; t < 20; t++)
            Assert.True(DenseReference.MaxDiff(expected[t], solution.ValuesByStep![t]) <= 1e-12, $"t={t}");
        Assert.Equal(solution.Values, solution.ValuesByStep![0]);
        Assert.Equal(solution.Policy, solution.PolicyByStep!.Step(0));
        Assert.InRange(solution.ErrorBound, 1e-16, 1e-11);
        Assert.Equal(20, solution.Iterations);
    }

    [Fact]
    public void Backward_induction_passes_the_step_to_time_dependent_models()
    {
        var model = new TimedRiverSwim(6, 12);
        var solution = MdpSolver.Solve(model, new SolverOptions());
        var expected = DenseReference.FiniteHorizon(t => DenseReference.From(model, t), 12);
        for (int t = 0; t < 12; t++)
            Assert.True(DenseReference.MaxDiff(expected[t], solution.ValuesByStep![t]) <= 1e-12, $"t={t}");
        // Following the step-0 policy at every step is one feasible policy: its value is what a naive
        // fixed-policy recursion gives, and it is strictly below the optimum from s = 0, because the
        // optimal action there changes with t (at the last step `left` earns 0.005 and `right` nothing).
        var stationary = solution.PolicyByStep!.Step(0);
        var evaluation = MdpSolver.Evaluate(model, stationary);
        var next = new double[model.StateCount];
        for (int t = 11; t >= 0; t--)
        {
            var d = DenseReference.From(model, t);
            var v = new double[model.StateCount];
            for (int s = 0; s < v.Length; s++) v[s] = d.Q(s, stationary[s], next, 1.0);
            next = v;
        }
        Assert.True(DenseReference.MaxDiff(next, evaluation.Values) <= 1e-12);
        Assert.True(evaluation.Values[0] < solution.Values[0] - 1e-6, $"{evaluation.Values[0]} vs {solution.Values[0]}");
    }

    [Fact]
    public void Relative_value_iteration_converges_on_a_periodic_model()
    {
        var model = new Cycle();
        var solution = MdpSolver.Solve(model, new SolverOptions());
        Assert.Equal("RelativeValueIteration", solution.Method);
        Assert.Equal(new[] { 0, 0, 0 }, solution.Policy);
        var (gain, bias) = DenseReference.From(model).AverageReward(solution.Policy);
        Assert.Equal(1.0, gain, 12);
        Assert.True(Math.Abs(solution.Gain!.Value - gain) <= 1e-8);
        Assert.True(Math.Abs(solution.Gain.Value - gain) <= solution.ErrorBound + 1e-14);
        Assert.True(DenseReference.MaxDiff(bias, solution.Values) <= 1e-8);
        Assert.Equal(0.0, solution.Values[0]);
        Assert.Empty(solution.Warnings);
    }

    [Fact]
    public void Relative_value_iteration_matches_the_gain_and_bias_equations_on_RiverSwim()
    {
        var model = new RiverSwim(6, Criterion.AverageReward());
        var solution = MdpSolver.Solve(model, new SolverOptions());
        var reference = DenseReference.From(model);
        var (gain, bias) = reference.AverageReward(solution.Policy);
        Assert.True(Math.Abs(solution.Gain!.Value - gain) <= 1e-8);
        Assert.True(Math.Abs(solution.Gain.Value - gain) <= solution.ErrorBound + 1e-14);
        Assert.True(DenseReference.MaxDiff(bias, solution.Values) <= 1e-7);
        Assert.Equal(new[] { 1, 1, 1, 1, 1, 1 }, solution.Policy); // swimming right is optimal for the long run
        // Evaluating the same policy gives the same gain.
        var evaluation = MdpSolver.Evaluate(model, solution.Policy);
        Assert.True(Math.Abs(evaluation.Gain!.Value - gain) <= 1e-8);
    }

    [Theory]
    [InlineData(SolverMethod.ValueIteration)]
    [InlineData(SolverMethod.GaussSeidel)]
    public void Total_reward_on_a_gridworld_matches_a_dense_solve(SolverMethod method)
    {
        var model = new GridWorld(4, 4);
        var solution = MdpSolver.Solve(model, new SolverOptions { Method = method, ToleranceKind = ToleranceKind.Absolute });
        var reference = DenseReference.From(model);
        var exact = reference.Evaluate(solution.Policy, 1.0);
        double error = DenseReference.MaxDiff(exact, solution.Values);
        Assert.True(error <= 1e-8, $"error {error}");
        Assert.True(error <= solution.ErrorBound + 1e-12, $"error {error} > bound {solution.ErrorBound}");
        Assert.True(solution.ErrorBound <= 1e-10);
        reference.AssertGreedy(solution.Policy, exact, 1.0, 1e-9);
        Assert.Equal(-1, solution.Policy[15]);
        Assert.Equal(0.0, solution.Values[15]);
        Assert.Empty(solution.Warnings);
        // Closed form along the last row: each step costs 1 / 0.8 in expectation.
        Assert.Equal(-1.25, solution.Value("(x=2, y=3)"), 9);
    }

    [Theory]
    [InlineData(SolverMethod.GaussSeidel)]
    [InlineData(SolverMethod.ValueIteration)]
    public void Total_reward_bound_holds_when_expected_steps_come_from_sweeps_instead_of_LU(SolverMethod method)
    {
        var model = new GridWorld(7, 5);
        var solution = MdpSolver.Solve(model, new SolverOptions { Method = method, DenseSolveLimit = 0, Tolerance = 1e-6 });
        var exact = DenseReference.From(model).Evaluate(solution.Policy, 1.0);
        double error = DenseReference.MaxDiff(exact, solution.Values);
        Assert.True(error <= solution.ErrorBound, $"error {error} > bound {solution.ErrorBound}");
        Assert.True(solution.ErrorBound <= 1e-6);
        Assert.Empty(solution.Warnings);
        var evaluation = MdpSolver.Evaluate(model, solution.Policy, new SolverOptions { DenseSolveLimit = 0 });
        Assert.True(DenseReference.MaxDiff(exact, evaluation.Values) <= evaluation.ErrorBound);
    }

    [Fact]
    public void Total_reward_methods_agree()
    {
        var model = new GridWorld(5, 3);
        var vi = MdpSolver.Solve(model, new SolverOptions { Method = SolverMethod.ValueIteration });
        var gs = MdpSolver.Solve(model, new SolverOptions());
        Assert.True(DenseReference.MaxDiff(vi.Values, gs.Values) <= 1e-8);
        Assert.Equal(vi.Policy, gs.Policy);
        var evaluation = MdpSolver.Evaluate(model, gs.Policy);
        Assert.True(DenseReference.MaxDiff(evaluation.Values, gs.Values) <= 1e-8);
    }

    [Fact]
    public void A_proper_optimal_policy_gets_exact_values()
    {
        var solution = MdpSolver.Solve(new Loop(-2), new SolverOptions());
        Assert.Equal(new[] { 1, -1 }, solution.Policy);
        Assert.Equal(-1.0, solution.Values[0], 12);
        Assert.Empty(solution.Warnings);
    }

    [Fact]
    public void An_improper_optimal_policy_is_reported_with_its_states()
    {
        var solution = MdpSolver.Solve(new Loop(0), new SolverOptions());
        Assert.Equal(0, solution.Policy[0]);
        var warning = Assert.Single(solution.Warnings);
        Assert.Contains("improper", warning);
        Assert.Contains("(start)", warning);
        Assert.Equal(double.PositiveInfinity, solution.ErrorBound);
        Assert.Throws<MdpSolverException>(() => MdpSolver.Evaluate(new Loop(0), [0, 0]));
    }

    [Theory]
    [InlineData(SolverMethod.ValueIteration)]
    [InlineData(SolverMethod.GaussSeidel)]
    public void Diverging_values_stop_the_solver_with_a_warning(SolverMethod method)
    {
        var solution = MdpSolver.Solve(new Loop(1), new SolverOptions { Method = method });
        var warning = Assert.Single(solution.Warnings);
        Assert.Contains("diverge", warning);
        Assert.Contains("(start)", warning);
        Assert.Equal(double.PositiveInfinity, solution.ErrorBound);
        Assert.True(solution.Iterations < 10_000);
    }
}
