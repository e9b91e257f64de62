using System;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;
using RlSpec.Tests.Runtime.Models;
using Xunit;

namespace RlSpec.Tests.Runtime;

public class SparseMdpTests
{
    [Fact]
    public void From_gives_the_same_values_and_policy_as_the_source_model()
    {
        var source = new RiverSwim(8, Criterion.Discounted(0.95));
        var sparse = SparseMdp.From(source);
        Assert.Equal(8, sparse.StateCount);
        Assert.Equal(16, sparse.RowCount);
        foreach (var method in new[] { SolverMethod.ValueIteration, SolverMethod.PolicyIteration })
        {
            var a = MdpSolver.Solve(source, new SolverOptions { Method = method });
            var b = MdpSolver.Solve(sparse, new SolverOptions { Method = method });
            Assert.True(DenseReference.MaxDiff(a.Values, b.Values) <= 1e-12);
            Assert.Equal(a.Policy, b.Policy);
        }
        Assert.Equal("(s=3)", sparse.StateLabel(3));
        Assert.Equal("right", sparse.ActionName(1));
        Assert.Equal(source.RuleLocation(2), sparse.RuleLocation(2));
    }

    [Fact]
    public void From_keeps_terminal_states_and_disabled_actions()
    {
        var source = new GridWorld(4, 3);
        var sparse = SparseMdp.From(source);
        Assert.True(sparse.IsTerminal(11));
        Assert.Equal(sparse.RowGroupStart[11], sparse.RowGroupStart[12]); // no rows for the terminal state
        var probe = new EnabledProbe();
        Assert.False(sparse.Transitions(0, 2, 0, ref probe)); // left is disabled in column 0
        Assert.True(sparse.Transitions(1, 2, 0, ref probe));
        var a = MdpSolver.Solve(source, new SolverOptions());
        var b = MdpSolver.Solve(sparse, new SolverOptions());
        Assert.True(DenseReference.MaxDiff(a.Values, b.Values) <= 1e-12);
        Assert.Equal(a.Policy, b.Policy);
    }

    [Fact]
    public void From_merges_repeated_successors()
    {
        // Forest with one age class reports successor 0 twice for `wait` (fire and growth).
        var sparse = SparseMdp.From(new Forest(1, 4.0, 2.0, 0.1, 0.96));
        Assert.Equal(2, sparse.RowCount);
        Assert.Equal(2, sparse.EntryCount);
        Assert.Equal(1.0, sparse.Probabilities[0], 15);
        Assert.Equal(4.0, sparse.RowRewards[0], 15);
    }

    [Fact]
    public void From_rejects_time_dependent_models()
        => Assert.Throws<ArgumentException>(() => SparseMdp.From(new TimedRiverSwim(4, 5)));

    [Fact]
    public void The_constructor_checks_its_arrays()
    {
        Assert.Throws<ArgumentException>(() => new SparseMdp("Bad", Criterion.Discounted(0.9), 1, [0, 1], [0], [0, 1], [5], [1.0], [0.0]));
        Assert.Throws<ArgumentException>(() => new SparseMdp("Bad", Criterion.Discounted(0.9), 2, [0, 2], [1, 0], [0, 1, 2], [0, 0], [1.0, 1.0], [0.0, 0.0]));
    }
}
