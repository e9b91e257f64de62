using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;
using RlSpec.Tests.Runtime.Models;
using Xunit;

namespace RlSpec.Tests.Runtime;

/// <summary>Total reward needs a policy that reaches the `until` target with probability 1 (issue 6).</summary>
public class TargetReachabilityTests
{
    /// <summary>
    /// Five states, state 3 terminal. 0: `a0` to 1, `a1` to 2 or 3; 1: only a self-loop; 2: to itself
    /// or 3; 4: to 1 or 3 (reaches the target with probability 1/2 only). By hand: from 0 and 2
    /// a proper policy exists (0 takes a1); from 1 and 4 none does.
    /// </summary>
    private static SparseMdp Model() => new("Trap", Criterion.TotalReward(), 2,
        rowGroupStart: [0, 2, 3, 4, 4, 5], rowActions: [0, 1, 0, 0, 0], rowStart: [0, 1, 3, 4, 6, 8],
        columns: [1, 2, 3, 1, 2, 3, 1, 3], probabilities: [1, 0.5, 0.5, 1, 0.5, 0.5, 0.5, 0.5], rowRewards: [-1, -1, -1, -1, -1],
        terminal: [false, false, false, true, false], stateLabels: ["(s=0)", "(s=1)", "(s=2)", "(s=3)", "(s=4)"], actionNames: ["a0", "a1"]);

    [Fact]
    public void Prob1E_finds_the_states_without_a_proper_policy()
    {
        Assert.Equal(new[] { 1, 4 }, Prob1E.StatesWithoutProperPolicy(Model()));
        Assert.Empty(Prob1E.StatesWithoutProperPolicy(new GridWorld(4, 4)));
    }

    [Theory]
    [InlineData(SolverMethod.GaussSeidel)]
    [InlineData(SolverMethod.ValueIteration)]
    public void Solving_such_a_model_fails_naming_the_states(SolverMethod method)
    {
        var error = Assert.Throws<MdpSolverException>(() => MdpSolver.Solve(Model(), new SolverOptions { Method = method }));
        Assert.Equal(SolverErrorIds.TargetUnreachable, error.Id);
        Assert.Contains("2 state(s): (s=1), (s=4)", error.Message);
        Assert.Contains("no policy reaches the `until` target", error.Message);
        Assert.DoesNotContain("grows", error.Message);
    }
}
