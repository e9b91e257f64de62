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

    /// <summary>Every operation of the language in one objective, with sums in non-linear positions (their backward pass loops again) and nested.</summary>
    private const string EveryOperation = """
        problem EveryOperation {
          param n = 4, m = 3
          let B ~ gaussian(n, m, seed = 1)
          let S ~ symmetric_gaussian(n, n, seed = 2)
          let F ~ symmetric_gaussian(5, n, n, seed = 3)
          let w = [0.5 + i for i in 0..n-1]
          let c = sum(i in 0..n-1, w[i]^2)
          var x : vector(n) init uniform(lo = 0.5, hi = 1.5, seed = 4)
          var Y : matrix(n, m) init gaussian(scale = 0.5, seed = 5)
          var s : scalar init 1.2
          minimize log(1 + sum(i in 0..n-1, exp(x[i] - 1) * w[i])) + sqrt(sqnorm(Y) + 1)
                   + trace(transpose(Y) * S * Y) / c + total(hadamard(B, Y)) + norm1(Y - B) + norm2(x)
                   + sum(i in 0..n-1, sum(j in 0..m-1, relu(Y[i][j]) * x[i])) ^ 2 / 10
                   + x' * diag(w) * x / s + s ^ 3 + abs(s - 2) + inner(x, Y * B' * x) / (1 + s * s)
                   + sum(k in 0..4, inner(F[k], Y * Y') * s) + x[n - 1] * Y[1][2]
        }
        """;

    [Fact]
    public void Every_operation_differentiates_correctly()
    {
        var p = Load(EveryOperation);
        Assert.Equal(5, p.Terms); // the one sum in a linear position, over k in 0..4
        Assert.Equal(4 + 12 + 1, p.Dimension);
        for (ulong seed = 1; seed <= 3; seed++)
        {
            var x = RandomPoint(p, seed, 0.2);
            var g = new double[p.Dimension];
            double value = p.Gradient(x, g, 1);
            Assert.Equal(p.Objective(x, 1), value, 12);
            var fd = FiniteDifferences(p, x, 1, 1e-6);
            double error = RelativeError(g, fd);
            Assert.True(error < 1e-6, $"relative error {error:E2} between the gradient and central differences");
            var mean = new double[p.Dimension];
            var term = new double[p.Dimension];
            for (int k = 0; k < p.Terms; k++)
            {
                p.TermGradient(x, k, term, 1);
                for (int j = 0; j < mean.Length; j++) mean[j] += term[j] / p.Terms;
            }
            Assert.True(RelativeError(mean, g) < 1e-12, $"the terms' mean differs from the gradient by {RelativeError(mean, g):E2}");
        }
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
