using System;
using System.Linq;
using RlSpec.Models;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Examples;

/// <summary>
/// Every example in examples/ (compiled into this test project by the source generator) is valid,
/// its optimal values agree with an independent dense computation (MathNet) to 1e-8, and every
/// solver that applies to its criterion agrees with every other.
/// </summary>
public class ExampleModelTests
{
    private const double Tight = 1e-8;

    [Fact]
    public void RiverSwim_backward_induction_matches_plain_recursion()
    {
        var model = RiverSwim.Create();
        Assert.Empty(MdpValidator.Validate(model));
        var solution = MdpSolver.Solve(model);
        var reference = DenseReference.FiniteHorizon(DenseReference.Build(model), model.H);
        for (int s = 0; s < model.StateCount; s++)
            Assert.True(Math.Abs(solution.Values[s] - reference[s]) <= Tight);
        Assert.Equal(model.H, solution.PolicyByStep!.Length);
        // Near the far bank with time left, swimming right is optimal.
        Assert.Equal("right", solution.Action("(s=5)"));
    }

    [Fact]
    public void RiverSwim_size_and_horizon_are_parameters()
    {
        var model = RiverSwim.Create(N: 12, H: 40);
        Assert.Equal(12, model.StateCount);
        var solution = MdpSolver.Solve(model);
        var reference = DenseReference.FiniteHorizon(DenseReference.Build(model), 40);
        Assert.True(Math.Abs(solution.Value("(s=11)") - reference[11]) <= Tight);
    }

    [Fact]
    public void RiverSwim_discounted_Strehl_Littman() => ReferenceChecks.CheckStationary(RiverSwimDiscounted.Create());

    [Fact]
    public void SixArms() => ReferenceChecks.CheckStationary(RlSpec.Models.SixArms.Create());

    [Fact]
    public void Chain() => ReferenceChecks.CheckStationary(RlSpec.Models.Chain.Create());

    [Fact]
    public void Forest_waits_everywhere_with_discount_096()
    {
        var solution = ReferenceChecks.CheckStationary(Forest.Create());
        Assert.All(solution.Policy, a => Assert.Equal("wait", solution.ActionName(a)));
    }

    [Fact]
    public void Forest_matches_pymdptoolbox_policy_iteration_values()
    {
        // pymdptoolbox mdp.PolicyIteration(*example.forest(), 0.9) doctest: V = (26.244, 29.484, 33.484).
        var solution = MdpSolver.Solve(Forest.Create(gamma: 0.9), new SolverOptions { Method = SolverMethod.PolicyIteration });
        Assert.Equal(26.244, solution.Values[0], 9);
        Assert.Equal(29.484, solution.Values[1], 9);
        Assert.Equal(33.484, solution.Values[2], 9);
    }

    [Fact]
    public void Forest_scales_to_a_thousand_age_classes() => ReferenceChecks.CheckStationary(Forest.Create(S: 1000));

    [Fact]
    public void Gridworld_matches_Russell_and_Norvig()
    {
        var solution = ReferenceChecks.CheckStationary(Gridworld.Create());
        // AIMA (3rd ed.) Fig. 17.3: utilities of the 4x3 world with R(s) = -0.04 and gamma = 1, (col,row) 1-based.
        Assert.Equal(0.705, solution.Value("(x=0, y=0)"), 3);
        Assert.Equal(0.762, solution.Value("(x=0, y=1)"), 3);
        Assert.Equal(0.812, solution.Value("(x=0, y=2)"), 3);
        Assert.Equal(0.868, solution.Value("(x=1, y=2)"), 3);
        Assert.Equal(0.918, solution.Value("(x=2, y=2)"), 3);
        Assert.Equal(0.660, solution.Value("(x=2, y=1)"), 3);
        Assert.Equal(0.655, solution.Value("(x=1, y=0)"), 3);
        Assert.Equal(0.611, solution.Value("(x=2, y=0)"), 3);
        Assert.Equal(0.388, solution.Value("(x=3, y=0)"), 3);
        Assert.Equal("-", solution.Action("(x=3, y=2)")); // terminal
    }

    [Fact]
    public void Inventory_orders_up_to_a_base_stock_level()
    {
        var solution = ReferenceChecks.CheckStationary(Inventory.Create());
        // A base-stock policy: order q(stock) = max(S - stock, 0) for one level S.
        var model = Inventory.Create();
        int level = int.Parse(solution.Action("(stock=0)").TrimStart("order(".ToCharArray()).TrimEnd(')'));
        for (int stock = 0; stock <= model.Cap; stock++)
            Assert.Equal($"order({Math.Max(level - stock, 0)})", solution.Action($"(stock={stock})"));
    }

    [Fact]
    public void Admission_control_is_a_threshold_policy()
    {
        var solution = ReferenceChecks.CheckStationary(Admission.Create(N: 200));
        // Accept below a threshold, reject above it.
        var actions = solution.Policy.Select(solution.ActionName).ToArray();
        int firstReject = Array.IndexOf(actions, "reject");
        Assert.True(firstReject > 0);
        Assert.All(actions.Skip(firstReject), a => Assert.Equal("reject", a));
    }

    [Fact]
    public void Sweeps_over_emitted_models_allocate_nothing()
    {
        // Generated code: random-variable loops (Inventory), guards and terminal states (Gridworld),
        // action families and list lookups (SixArms), transition rewards (RiverSwimDiscounted).
        RlSpec.Tests.Runtime.AllocationTests.AssertSweepsDoNotAllocate(Inventory.Create());
        RlSpec.Tests.Runtime.AllocationTests.AssertSweepsDoNotAllocate(Gridworld.Create());
        RlSpec.Tests.Runtime.AllocationTests.AssertSweepsDoNotAllocate(RlSpec.Models.SixArms.Create());
        RlSpec.Tests.Runtime.AllocationTests.AssertSweepsDoNotAllocate(RiverSwimDiscounted.Create());
        RlSpec.Tests.Runtime.AllocationTests.AssertSweepsDoNotAllocate(Admission.Create(N: 500));
    }

    [Fact]
    public void An_emitted_model_and_its_sparse_copy_have_the_same_solution()
    {
        var model = Inventory.Create(cap: 12);
        var sparse = SparseMdp.From(model);
        var a = MdpSolver.Solve(model, new SolverOptions { Method = SolverMethod.PolicyIteration });
        var b = MdpSolver.Solve(sparse, new SolverOptions { Method = SolverMethod.PolicyIteration });
        Assert.Equal(a.Policy, b.Policy);
        for (int s = 0; s < model.StateCount; s++) Assert.True(Math.Abs(a.Values[s] - b.Values[s]) <= 1e-9);
        Assert.Equal("(stock=4)", b.StateLabel(4));
    }
}
