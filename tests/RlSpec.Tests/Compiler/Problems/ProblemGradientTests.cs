using System;
using System.Linq;
using RlSpec.Runtime.Optimization;
using RlSpec.Tests.Infrastructure;
using Xunit;
using static RlSpec.Tests.Compiler.Problems.ProblemTestSupport;

namespace RlSpec.Tests.Compiler.Problems;

/// <summary>
/// The compiled gradients of every example problem against central finite differences of the compiled
/// objective (normwise relative 1e-6 at random points, away from kinks with probability 1), the objective
/// that Gradient returns, the finite sum's terms averaging to the gradient, and zero allocations.
/// </summary>
public class ProblemGradientTests
{
    [Theory]
    [MemberData(nameof(ProblemTestSupport.Examples), MemberType = typeof(ProblemTestSupport))]
    public void Gradient_agrees_with_central_differences(string file)
    {
        var p = Load(ExampleText(file));
        for (ulong seed = 1; seed <= 2; seed++)
        {
            var x = RandomPoint(p, seed, 0.3);
            long round = 7 + (long)seed;
            var g = new double[p.Dimension];
            double value = p.Gradient(x, g, round);
            Assert.Equal(p.Objective(x, round), value, 12);
            var fd = FiniteDifferences(p, x, round, 1e-6);
            double error = RelativeError(g, fd);
            Assert.True(error < 1e-6, $"{file}: relative error {error:E2} between the gradient and central differences");
        }
    }

    [Theory]
    [MemberData(nameof(ProblemTestSupport.Examples), MemberType = typeof(ProblemTestSupport))]
    public void Terms_average_to_the_gradient(string file)
    {
        var p = Load(ExampleText(file));
        var x = RandomPoint(p, 3, 0.2);
        var g = new double[p.Dimension];
        double value = p.Gradient(x, g, 4);
        var mean = new double[p.Dimension];
        var term = new double[p.Dimension];
        double meanValue = 0;
        for (int i = 0; i < p.Terms; i++)
        {
            meanValue += p.TermGradient(x, i, term, 4) / p.Terms;
            for (int k = 0; k < mean.Length; k++) mean[k] += term[k] / p.Terms;
        }
        Assert.True(RelativeError(mean, g) < 1e-10, $"{file}: the terms' mean gradient differs from the gradient by {RelativeError(mean, g):E2}");
        Assert.Equal(value, meanValue, 1e-9 * Math.Max(1, Math.Abs(value)));
    }

    [Fact]
    public void Sensing_is_a_finite_sum_of_its_measurements_and_its_gradient_allocates_nothing()
    {
        var p = Load(ExampleText("matrix-sensing.rlspec"));
        Assert.Equal(1000, p.Terms);
        Assert.Equal(250, p.Dimension);
        Assert.False(p.IsOnline);
        var x = RandomPoint(p, 5, 0.1);
        var g = new double[p.Dimension];
        long bytes = Allocations.Least(() => { for (int k = 0; k < 5; k++) p.Gradient(x, g, 1); });
        Assert.Equal(0, bytes);
        bytes = Allocations.Least(() => { for (int k = 0; k < 50; k++) p.TermGradient(x, k, g, 1); p.Objective(x, 1); p.Project(x); });
        Assert.Equal(0, bytes);
        var values = new double[p.MetricNames.Count];
        bytes = Allocations.Least(() => p.Metrics(x, values));
        Assert.Equal(0, bytes);
    }
}
