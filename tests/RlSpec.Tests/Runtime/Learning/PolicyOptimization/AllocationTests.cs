using RlSpec.Runtime.Learning.PolicyOptimization;
using RlSpec.Runtime.Randomness;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Runtime.Learning.PolicyOptimization;

/// <summary>A policy update allocates nothing once Reset has allocated its buffers (dense LU and BiCGSTAB paths, exact and sampled Q).</summary>
public class AllocationTests
{
    private static long StepAllocates<T>(T optimizer, int denseLimit) where T : struct, IPolicyOptimizer
    {
        var m = TabularModel.Random(12, 3, 0.9, seed: 31, disableOne: true);
        optimizer.Reset(m.Setup(denseLimit: denseLimit));
        var random = RandomStream.Create(4, 4);
        long k = 0;
        return Allocations.Least(() =>
        {
            for (int i = 0; i < 5; i++) optimizer.Step(++k, ref random);
        });
    }

    public static TheoryData<int> Limits => new() { 300, 0 };

    [Theory]
    [MemberData(nameof(Limits))]
    public void EveryOptimizerStepsWithoutAllocating(int denseLimit)
    {
        Assert.Equal(0, StepAllocates(new SoftmaxPolicyGradient(0.5), denseLimit));
        Assert.Equal(0, StepAllocates(new NaturalPolicyGradient(0.1, 1.2, 0), denseLimit));
        Assert.Equal(0, StepAllocates(new PolicyMirrorDescentKl(1.0, 0), denseLimit));
        Assert.Equal(0, StepAllocates(new PolicyMirrorDescentEuclidean(1.0, 0), denseLimit));
        Assert.Equal(0, StepAllocates(new Mdpo(1.0, 0), denseLimit));
        Assert.Equal(0, StepAllocates(new EntropyRegularizedNpg(0.1, 0.1, 0), denseLimit));
        Assert.Equal(0, StepAllocates(new ProjectedPolicyGradient(0.1), denseLimit));
        Assert.Equal(0, StepAllocates(new PolicyIterationReference(), denseLimit));
    }

    [Fact]
    public void SampledQStepsWithoutAllocating()
    {
        Assert.Equal(0, StepAllocates(new NaturalPolicyGradient(0.1, 1.0, 3), 300));
        Assert.Equal(0, StepAllocates(new PolicyMirrorDescentKl(1.0, 3), 300));
        Assert.Equal(0, StepAllocates(new PolicyMirrorDescentEuclidean(1.0, 3), 300));
        Assert.Equal(0, StepAllocates(new Mdpo(1.0, 3), 300));
        Assert.Equal(0, StepAllocates(new EntropyRegularizedNpg(0.1, 0.1, 3), 300));
    }
}
