using RlSpec.Runtime.Solvers;
using Xunit;

namespace RlSpec.Tests.Runtime;

/// <summary>The default discounted method follows the cost model, not a state-count threshold.</summary>
public class MethodCostModelTests
{
    [Fact]
    public void Many_outcomes_per_pair_choose_policy_iteration()
    {
        // 441 states (above the old threshold of 300) but about 400 outcomes per pair: evaluation is cheap next to the sweeps.
        var jack = RlSpec.Models.JacksCarRental.Create();
        var shape = MethodCostModel.Probe(ref jack);
        Assert.True(shape.OutcomesPerPair > 100, $"k = {shape.OutcomesPerPair}");
        Assert.Equal(SolverMethod.PolicyIteration, MdpSolver.DefaultMethod(jack));
    }

    [Fact]
    public void Large_models_with_few_outcomes_choose_modified_policy_iteration()
    {
        // 100,001 states with 2-3 outcomes per pair: Krylov evaluations cost more than the sweeps.
        var admission = RlSpec.Models.Admission.Create(N: 100_000);
        Assert.Equal(SolverMethod.ModifiedPolicyIteration, MdpSolver.DefaultMethod(admission));
        // A small model with few outcomes and γ close to 1: exact evaluation is cheap.
        Assert.Equal(SolverMethod.PolicyIteration, MdpSolver.DefaultMethod(RlSpec.Models.Forest.Create()));
    }
}
