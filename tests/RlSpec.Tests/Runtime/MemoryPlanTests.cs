using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;
using RlSpec.Tests.Runtime.Models;
using Xunit;

namespace RlSpec.Tests.Runtime;

/// <summary>Solves that would exhaust memory are refused before allocating (issue 6).</summary>
public class MemoryPlanTests
{
    [Fact]
    public void A_horizon_of_10_to_the_8_steps_is_refused_with_the_size_and_how_to_shrink_it()
    {
        // 6 states: each step keeps 6 values (48 B) and 6 one-byte actions (6 B) in two arrays (64 B of headers): 1.18e10 B in all.
        var model = new RiverSwim(6, Criterion.FiniteHorizon(100_000_000));
        var error = Assert.Throws<MdpSolverException>(() => MdpSolver.Solve(model, new SolverOptions { MemoryLimitBytes = 1L << 30 }));
        Assert.Equal(SolverErrorIds.InsufficientMemory, error.Id);
        Assert.Contains("11.0 GiB", error.Message);
        Assert.Contains("shorter horizon", error.Message);
        Assert.Contains("1.0 GiB", error.Message);
    }

    [Fact]
    public void Two_billion_states_are_refused_before_any_allocation()
    {
        var model = new Forest(2_000_000_000, 4, 2, 0.1, 0.96);
        long before = System.GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<MdpSolverException>(() => MdpSolver.Solve(model, new SolverOptions { MemoryLimitBytes = 8L << 30 }));
        Assert.True(System.GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20);
        Assert.Equal(SolverErrorIds.InsufficientMemory, error.Id);
        Assert.Contains("fewer states", error.Message);
        Assert.Contains("2,000,000,000 states", error.Message);
    }

    [Fact]
    public void A_solve_within_the_limit_runs_and_one_just_above_is_refused()
    {
        // Gauss-Seidel on 1000 states: v, next (8 B each) and the policy (4 B): 20,000 B.
        var model = new RiverSwim(1000, Criterion.Discounted(0.9));
        var options = new SolverOptions { Method = SolverMethod.GaussSeidel, MemoryLimitBytes = 20_000 };
        Assert.Equal(1000, MdpSolver.Solve(model, options).Values.Length);
        var error = Assert.Throws<MdpSolverException>(() => MdpSolver.Solve(model, new SolverOptions { Method = SolverMethod.GaussSeidel, MemoryLimitBytes = 19_999 }));
        Assert.Equal(SolverErrorIds.InsufficientMemory, error.Id);
        // Policy iteration's dense evaluation needs 8·n² more, and the message says so.
        var dense = Assert.Throws<MdpSolverException>(() => MdpSolver.Solve(model, new SolverOptions { Method = SolverMethod.PolicyIteration, MemoryLimitBytes = 1_000_000 }));
        Assert.Contains("GaussSeidel", dense.Message);
    }

    [Fact]
    public void A_horizon_refused_with_four_bytes_per_action_now_solves_and_reads_back_the_same_policy()
    {
        // 1000 states, H = 1000. With an int per (step, state) the plan was 1000·(1000·12 + 64) + 8000 = 12,072,000 B,
        // above a 10,000,000 B limit; with a byte it is 1000·(1000·9 + 64) + 1000·12 = 9,076,000 B.
        var model = new RiverSwim(1000, Criterion.FiniteHorizon(1000));
        var solution = MdpSolver.Solve(model, new SolverOptions { MemoryLimitBytes = 10_000_000 });
        var policy = solution.PolicyByStep!;
        Assert.Equal(1, policy.BytesPerEntry);
        Assert.Equal(1000, policy.Steps);
        // The same recursion with an int per state (BackwardInduction.Step), step by step.
        AssertSamePolicy(model, policy);
        Assert.Equal(policy.Step(0), solution.Policy);
        // The advice for a horizon that does not fit counts steps of this storage.
        var refused = Assert.Throws<MdpSolverException>(() => MdpSolver.Solve(model, new SolverOptions { MemoryLimitBytes = 9_000_000 }));
        Assert.Contains("at most about 992 steps fit", refused.Message); // 9,000,000 / (1000·9 + 64)
    }

    [Theory]
    [InlineData(300, 2)]     // action indices up to 299: a ushort per entry
    [InlineData(70_000, 4)]  // up to 69,999: an int per entry
    public void Policies_with_many_actions_are_stored_in_wider_entries_and_read_back_the_same(int actions, int bytes)
    {
        // State 0: every action stays with reward a / actions (the last action is best); state 1 is terminal (-1).
        var groupStart = new[] { 0, actions, actions };
        var rowActions = new int[actions];
        var rowStart = new int[actions + 1];
        var columns = new int[actions];
        var probabilities = new double[actions];
        var rewards = new double[actions];
        for (int a = 0; a < actions; a++)
        {
            rowActions[a] = a;
            rowStart[a + 1] = a + 1;
            probabilities[a] = 1;
            rewards[a] = (double)a / actions;
        }
        var model = new SparseMdp("Wide", Criterion.FiniteHorizon(3), actions, groupStart, rowActions, rowStart, columns, probabilities, rewards,
            terminal: new[] { false, true });
        var solution = MdpSolver.Solve(model);
        Assert.Equal(bytes, solution.PolicyByStep!.BytesPerEntry);
        Assert.Equal(actions - 1, solution.PolicyByStep[2, 0]);
        Assert.Equal(-1, solution.PolicyByStep[2, 1]);
        AssertSamePolicy(model, solution.PolicyByStep);
    }

    private static void AssertSamePolicy<TModel>(TModel model, FiniteHorizonPolicy policy) where TModel : struct, IMdp
    {
        int n = model.StateCount;
        var next = new double[n];
        var values = new double[n];
        var actions = new int[n];
        for (int t = policy.Steps - 1; t >= 0; t--)
        {
            BackwardInduction.Step(model, model.IsTimeDependent ? t : 0, next, values, actions);
            for (int s = 0; s < n; s++)
                Assert.True(actions[s] == policy[t, s], $"t={t}, s={s}: {actions[s]} vs {policy[t, s]}");
            (next, values) = (values, next);
        }
    }
}
