using System;
using RlSpec.Runtime.Hosting;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;
using RlSpec.Tests.Runtime.Models;
using Xunit;

namespace RlSpec.Tests.Runtime;

public class MdpHostTests
{
    [Fact]
    public void A_host_created_by_reflection_solves_without_further_reflection()
    {
        object model = Forest.Example;
        var host = (IMdpHost)Activator.CreateInstance(typeof(MdpHost<>).MakeGenericType(model.GetType()), model)!;
        Assert.Equal("Forest", host.Name);
        Assert.Equal(3, host.StateCount);
        Assert.Equal(2, host.ActionCount);
        Assert.Equal(CriterionKind.Discounted, host.Criterion.Kind);
        Assert.Equal(new[] { "wait", "cut" }, host.ActionNames);
        Assert.Equal("(age=1)", host.StateLabels[1]);
        Assert.Equal(3, host.StateLabels.Count);
        Assert.Equal(1, host.ActionIndex("cut"));
        Assert.Equal(-1, host.ActionIndex("burn"));
        Assert.Empty(host.Validate());
        var solution = host.Solve(new SolverOptions());
        Assert.Equal("wait", solution.Action("(age=0)"));
        var evaluation = host.Evaluate(solution.Policy);
        Assert.True(DenseReference.MaxDiff(solution.Values, evaluation.Values) <= 1e-9);
    }
}
