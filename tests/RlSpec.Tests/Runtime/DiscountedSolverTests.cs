using System;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;
using RlSpec.Tests.Runtime.Models;
using Xunit;

namespace RlSpec.Tests.Runtime;

/// <summary>Discounted solvers against a MathNet dense solve of the returned policy, and against each other.</summary>
public class DiscountedSolverTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var model in new[] { "river", "forest", "random", "slow" })
            foreach (var method in new[] { "ValueIteration", "GaussSeidel", "PolicyIteration", "ModifiedPolicyIteration", "PolicyIterationKrylov", "default" })
                data.Add(model, method);
        return data;
    }

    private static SolverOptions Options(string method) => method switch
    {
        // Absolute: these tests pin a certified bound of 1e-10 whatever the value scale.
        "default" => new SolverOptions { ToleranceKind = ToleranceKind.Absolute },
        "PolicyIterationKrylov" => new SolverOptions { Method = SolverMethod.PolicyIteration, DenseSolveLimit = 0, ToleranceKind = ToleranceKind.Absolute },
        _ => new SolverOptions { Method = Enum.Parse<SolverMethod>(method), ToleranceKind = ToleranceKind.Absolute },
    };

    internal static MdpSolution Solve(string model, SolverOptions options) => model switch
    {
        "river" => MdpSolver.Solve(new RiverSwim(6, Criterion.Discounted(0.95)), options),
        "forest" => MdpSolver.Solve(Forest.Example, options),
        "random" => MdpSolver.Solve(RandomModels.Sparse(42, 60, 3, Criterion.Discounted(0.9)), options),
        _ => MdpSolver.Solve(RandomModels.SlowMixing(0.99), options),
    };

    internal static DenseReference Reference(string model) => model switch
    {
        "river" => DenseReference.From(new RiverSwim(6, Criterion.Discounted(0.95))),
        "forest" => DenseReference.From(Forest.Example),
        "random" => DenseReference.From(RandomModels.Sparse(42, 60, 3, Criterion.Discounted(0.9))),
        _ => DenseReference.From(RandomModels.SlowMixing(0.99)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Values_match_a_dense_solve_of_the_returned_policy_which_is_greedy(string model, string method)
    {
        var solution = Solve(model, Options(method));
        var reference = Reference(model);
        double gamma = solution.Criterion.Discount;
        double[] exact = reference.Evaluate(solution.Policy, gamma);
        double error = DenseReference.MaxDiff(solution.Values, exact);
        Assert.True(error <= 1e-8, $"error {error}");
        reference.AssertGreedy(solution.Policy, exact, gamma, 1e-9);
        Assert.True(solution.ErrorBound <= 1e-10, $"bound {solution.ErrorBound}");
        Assert.True(error <= solution.ErrorBound + 1e-12, $"error {error} > bound {solution.ErrorBound}");
        Assert.Empty(solution.Warnings);
    }

    [Theory]
    [InlineData("river")]
    [InlineData("forest")]
    [InlineData("random")]
    [InlineData("slow")]
    public void All_methods_agree(string model)
    {
        var baseline = Solve(model, new SolverOptions { Method = SolverMethod.PolicyIteration });
        foreach (var method in new[] { SolverMethod.ValueIteration, SolverMethod.GaussSeidel, SolverMethod.ModifiedPolicyIteration })
        {
            var other = Solve(model, new SolverOptions { Method = method });
            Assert.True(DenseReference.MaxDiff(baseline.Values, other.Values) <= 1e-8, method.ToString());
            Assert.Equal(baseline.Policy, other.Policy);
        }
    }

    [Fact]
    public void Forest_waits_everywhere_with_discount_0_96()
    {
        var solution = MdpSolver.Solve(Forest.Example, new SolverOptions());
        Assert.Equal(new[] { 0, 0, 0 }, solution.Policy);
        Assert.Equal("wait", solution.Action("(age=2)"));
        Assert.Equal("Forest", solution.ModelName);
        Assert.Equal("PolicyIteration", solution.Method);
        Assert.Equal(solution.Values[2], solution.Value("(age=2)"));
    }

    [Theory]
    [InlineData(SolverMethod.ValueIteration, 1e-3, 100_000)]
    [InlineData(SolverMethod.ValueIteration, 1e-10, 60)]
    [InlineData(SolverMethod.GaussSeidel, 1e-3, 100_000)]
    [InlineData(SolverMethod.ModifiedPolicyIteration, 1e-2, 100_000)]
    public void Error_bound_covers_the_true_error_on_a_slow_mixing_model_where_the_residual_does_not(SolverMethod method, double tolerance, int maxIterations)
    {
        var model = RandomModels.SlowMixing(0.99);
        var solution = MdpSolver.Solve(model, new SolverOptions { Method = method, Tolerance = tolerance, MaxIterations = maxIterations });
        var optimal = MdpSolver.Solve(model, new SolverOptions { Method = SolverMethod.PolicyIteration });
        double error = DenseReference.MaxDiff(solution.Values, optimal.Values);
        Assert.True(error <= solution.ErrorBound, $"error {error} > bound {solution.ErrorBound}");
        Assert.True(error > solution.Residual, $"error {error} <= residual {solution.Residual}: this model no longer shows why a residual is not a bound");
    }

    [Fact]
    public void Results_are_bit_identical_run_to_run()
    {
        foreach (var method in new[] { SolverMethod.ValueIteration, SolverMethod.GaussSeidel, SolverMethod.PolicyIteration, SolverMethod.ModifiedPolicyIteration })
        {
            var a = Solve("random", new SolverOptions { Method = method });
            var b = Solve("random", new SolverOptions { Method = method });
            for (int s = 0; s < a.Values.Length; s++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(a.Values[s]), BitConverter.DoubleToInt64Bits(b.Values[s]));
            Assert.Equal(a.Policy, b.Policy);
            Assert.Equal(a.ErrorBound, b.ErrorBound);
        }
    }

    [Fact]
    public void Ties_break_to_the_lowest_action_index()
    {
        // One state whose two actions are identical self-loops.
        var twin = new SparseMdp("Twin", Criterion.Discounted(0.5), 2,
            [0, 2], [0, 1], [0, 1, 2], [0, 0], [1.0, 1.0], [1.0, 1.0]);
        var solution = MdpSolver.Solve(twin, new SolverOptions { Method = SolverMethod.ValueIteration });
        Assert.Equal(0, solution.Policy[0]);
        Assert.Equal(0, MdpSolver.Solve(twin, new SolverOptions()).Policy[0]);
    }

    [Fact]
    public void Evaluate_matches_a_dense_solve_for_a_fixed_policy()
    {
        var model = new RiverSwim(6, Criterion.Discounted(0.95));
        int[] alwaysRight = [1, 1, 1, 1, 1, 1];
        var expected = DenseReference.From(model).Evaluate(alwaysRight, 0.95);
        foreach (int limit in new[] { 2000, 0 })
        {
            var evaluation = MdpSolver.Evaluate(model, alwaysRight, new SolverOptions { DenseSolveLimit = limit });
            Assert.True(DenseReference.MaxDiff(expected, evaluation.Values) <= 1e-10);
            Assert.True(DenseReference.MaxDiff(expected, evaluation.Values) <= evaluation.ErrorBound + 1e-13);
            Assert.Equal("PolicyEvaluation", evaluation.Method);
        }
    }

    [Fact]
    public void A_method_that_does_not_fit_the_criterion_is_rejected_with_a_clear_message()
    {
        var e = Assert.Throws<MdpSolverException>(() => MdpSolver.Solve(Forest.Example, new SolverOptions { Method = SolverMethod.BackwardInduction }));
        Assert.Contains("BackwardInduction does not solve a discounted", e.Message);
        Assert.Contains("PolicyIteration", e.Message);
        e = Assert.Throws<MdpSolverException>(() => MdpSolver.Solve(new Forest(3, 4.0, 2.0, 0.1, 1.0), new SolverOptions()));
        Assert.Contains("discount factor", e.Message);
    }

    [Fact]
    public void Evaluate_rejects_a_policy_that_picks_a_disabled_action()
    {
        var e = Assert.Throws<MdpSolverException>(() => MdpSolver.Evaluate(new GridWorld(3, 3), new int[9] { 2, 0, 0, 0, 0, 0, 0, 0, 0 }));
        Assert.Contains("`left`", e.Message);
        Assert.Contains("(x=0, y=0)", e.Message);
    }

    [Fact]
    public void Cancellation_stops_the_solver()
    {
        using var cts = new System.Threading.CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => Solve("slow", new SolverOptions { Method = SolverMethod.ValueIteration, CancellationToken = cts.Token }));
    }
}
