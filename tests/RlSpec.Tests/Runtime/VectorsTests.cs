using System;
using System.Linq;
using RlSpec.Compiler;
using RlSpec.Runtime.Modeling;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.Tests.Runtime;

/// <summary>The vector built-ins at run time (Vectors) against hand-computed values, and the compile-time evaluation of dot and normalize against them.</summary>
public class VectorsTests
{
    [Fact]
    public void Dot_and_normalize_have_their_textbook_values_and_refuse_what_has_no_value()
    {
        Assert.Equal(1 * 4 + 2 * 5 + 3 * 6.0, Vectors.Dot(new[] { 1.0, 2, 3 }, new[] { 4.0, 5, 6 }));
        Assert.Equal(new[] { 0.6, 0.8 }, Vectors.Normalize(new[] { 3.0, 4.0 }));
        Assert.Throws<ArgumentException>(() => Vectors.Dot(new[] { 1.0 }, new[] { 1.0, 2.0 }));
        Assert.Throws<ArgumentException>(() => Vectors.Normalize(new[] { 0.0, 0.0 }));
        Assert.Equal(new[] { 1.0, -2.0 }, Vectors.Real(new[] { 1, -2 }));
    }

    [Fact]
    public void A_seeded_draw_reads_its_own_stream_from_the_start()
    {
        var g = Vectors.Gaussian(4, 7, 3);
        var r = RandomStream.Create(3, 7);
        Assert.Equal(Enumerable.Range(0, 4).Select(_ => Sampling.Normal(ref r, 0, 1)).ToArray(), g);
        Assert.Equal(g, Vectors.Gaussian(4, 7, 3));
        Assert.NotEqual(g, Vectors.Gaussian(4, 8, 3));
        Assert.NotEqual(g, Vectors.Gaussian(4, 7, 4));
        var u = Vectors.UnitRandom(4, 7, 3);
        Assert.Equal(1.0, Math.Sqrt(u.Sum(x => x * x)), 14);
        Assert.Equal(g.Select(x => x / Math.Sqrt(g.Sum(y => y * y))).ToArray(), u);
        var s = RandomStream.Create(0, unchecked((ulong)-5L));
        Assert.Equal(2 + 3 * s.NextDouble(), Vectors.UniformRandom(2, 5, -5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Vectors.Gaussian(0, 1, 0));
    }

    [Fact]
    public void Uniform_directions_have_the_moments_of_the_sphere()
    {
        // On the unit sphere in d dimensions, E[x_j] = 0 and E[x_j^2] = 1/d.
        const int d = 5, n = 20_000;
        var mean = new double[d];
        var square = new double[d];
        for (int k = 0; k < n; k++)
        {
            var x = Vectors.UnitRandom(d, k, 11);
            for (int j = 0; j < d; j++) { mean[j] += x[j] / n; square[j] += x[j] * x[j] / n; }
        }
        // sd of x_j is 1/sqrt(d); of x_j^2 below 1/sqrt(d) too: 5 standard errors.
        for (int j = 0; j < d; j++)
        {
            Assert.True(Math.Abs(mean[j]) < 5 / Math.Sqrt(d * (double)n), $"E[x_{j}] = {mean[j]}");
            Assert.True(Math.Abs(square[j] - 1.0 / d) < 5 / Math.Sqrt(d * (double)n), $"E[x_{j}^2] = {square[j]}");
        }
    }

    [Fact]
    public void Compile_time_dot_and_normalize_agree_with_the_runtime()
    {
        // A constant let is checked at compile time (RLS0605 on a mismatch) and computed again by the emitted Create.
        var bandit = Compiler.Bandits.BanditBehaviourTests.Load(
            "bandit V { let u = normalize([3, 4])\n let m = dot(u, [1.0, 2.0])\n arms bernoulli(m / 4), bernoulli(u[0]) }");
        Assert.Equal(Vectors.Dot(Vectors.Normalize(new[] { 3.0, 4.0 }), new[] { 1.0, 2.0 }) / 4, bandit.Mean(0));
        Assert.Equal(0.6, bandit.Mean(1));
        var result = RlSpecCompiler.Compile("v.rlspec", "bandit V { let m = dot([1, 2], [1.0])\n arms bernoulli(0.5) }");
        Assert.Equal("RLS0605", Assert.Single(result.Diagnostics).Id);
    }
}
