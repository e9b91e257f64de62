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
        // 6 states: each step keeps 6 values (48 B) and 6 actions (24 B) in two arrays (about 64 B of headers): 1.4e10 B in all.
        var model = new RiverSwim(6, Criterion.FiniteHorizon(100_000_000));
        var error = Assert.Throws<MdpSolverException>(() => MdpSolver.Solve(model, new SolverOptions { MemoryLimitBytes = 1L << 30 }));
        Assert.Equal(SolverErrorIds.InsufficientMemory, error.Id);
        Assert.Contains("12.7 GiB", error.Message);
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
}
