using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics.Distributions;
using RlSpec.Runtime.Randomness;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Runtime.Randomness;

/// <summary>
/// Every sampler at a fixed seed: sample mean and variance against the closed forms (within 5 standard
/// errors), and a chi-square goodness-of-fit against the exact distribution (MathNet's pmf/cdf, an
/// independent implementation), for every regime of each method (inversion and rejection sides,
/// mirrored binomials, shape below and above 1). The chi-square tests share one Bonferroni-corrected
/// family level of 1e-3.
/// </summary>
public class SamplingTests
{
    private const int Samples = 200_000;
    private const double Z = 5;

    private delegate long DiscreteSampler(ref RandomStream r);
    private delegate double ContinuousSampler(ref RandomStream r);

    private sealed record DiscreteCase(DiscreteSampler Sample, Func<long, double> Pmf, Func<long, double> Cdf, long Lo, long Hi, double Mean, double Variance);
    private sealed record ContinuousCase(ContinuousSampler Sample, Func<double, double> Cdf, double Mean, double Variance);

    private static double GeometricCdf(double p, long k) => k < 0 ? 0 : 1 - Math.Pow(1 - p, k + 1);

    private static readonly double[] CategoricalProbabilities = { 0.2, 0, 0.5, 0.3 };

    private static readonly Dictionary<string, DiscreteCase> Discrete = new()
    {
        ["bernoulli(0.3)"] = new((ref RandomStream r) => Sampling.Bernoulli(ref r, 0.3) ? 1 : 0, k => k == 0 ? 0.7 : k == 1 ? 0.3 : 0, k => k < 0 ? 0 : k == 0 ? 0.7 : 1, 0, 1, 0.3, 0.21),
        ["binomial(10, 0.5) by inversion"] = Binomial(10, 0.5),
        ["binomial(20, 0.2) by inversion"] = Binomial(20, 0.2),
        ["binomial(1000, 0.003) by inversion"] = Binomial(1000, 0.003),
        ["binomial(50, 0.9) mirrored inversion"] = Binomial(50, 0.9),
        ["binomial(100, 0.3) by BTRS"] = Binomial(100, 0.3),
        ["binomial(200, 0.7) mirrored BTRS"] = Binomial(200, 0.7),
        ["binomial(40, 0.25) by BTRS at n·p = 10"] = Binomial(40, 0.25),
        ["binomial(1000000, 0.4) by BTRS"] = Binomial(1_000_000, 0.4),
        ["poisson(0.5) by inversion"] = Poisson(0.5),
        ["poisson(3) by inversion"] = Poisson(3),
        ["poisson(9.99) by inversion"] = Poisson(9.99),
        ["poisson(10) by PTRS"] = Poisson(10),
        ["poisson(37.5) by PTRS"] = Poisson(37.5),
        ["poisson(1000) by PTRS"] = Poisson(1000),
        ["poisson(1000000) by PTRS"] = Poisson(1_000_000),
        ["geometric(0.3)"] = Geometric(0.3),
        ["geometric(0.01)"] = Geometric(0.01),
        ["categorical([0.2, 0, 0.5, 0.3])"] = new((ref RandomStream r) => Sampling.Categorical(ref r, CategoricalProbabilities), k => k is >= 0 and <= 3 ? CategoricalProbabilities[k] : 0,
            k => k < 0 ? 0 : CategoricalProbabilities.Take((int)Math.Min(k + 1, 4)).Sum(), 0, 3, 1 * 0 + 2 * 0.5 + 3 * 0.3, 4 * 0.5 + 9 * 0.3 - 1.9 * 1.9),
        ["uniform_int(-3, 4)"] = new((ref RandomStream r) => Sampling.UniformInt(ref r, -3, 4), k => k >= -3 && k <= 4 ? 0.125 : 0, k => Math.Clamp((k + 4) / 8.0, 0, 1), -3, 4, 0.5, (64 - 1) / 12.0),
    };

    private static DiscreteCase Binomial(long n, double p)
    {
        double sd = Math.Sqrt(n * p * (1 - p));
        long lo = Math.Max(0, (long)(n * p - 8 * sd - 2)), hi = Math.Min(n, (long)(n * p + 8 * sd + 2));
        return new((ref RandomStream r) => Sampling.Binomial(ref r, n, p),
            k => MathNet.Numerics.Distributions.Binomial.PMF(p, (int)n, (int)k),
            k => k < 0 ? 0 : MathNet.Numerics.Distributions.Binomial.CDF(p, (int)n, k),
            lo, hi, n * p, n * p * (1 - p));
    }

    private static DiscreteCase Poisson(double lambda)
    {
        double sd = Math.Sqrt(lambda);
        long lo = Math.Max(0, (long)(lambda - 8 * sd - 2)), hi = (long)(lambda + 8 * sd + 10);
        return new((ref RandomStream r) => Sampling.Poisson(ref r, lambda),
            k => MathNet.Numerics.Distributions.Poisson.PMF(lambda, (int)k),
            k => k < 0 ? 0 : MathNet.Numerics.Distributions.Poisson.CDF(lambda, k),
            lo, hi, lambda, lambda);
    }

    private static DiscreteCase Geometric(double p)
    {
        long hi = (long)Math.Ceiling(Math.Log(1e-12) / Math.Log(1 - p));
        return new((ref RandomStream r) => Sampling.Geometric(ref r, p), k => k < 0 ? 0 : p * Math.Pow(1 - p, k), k => GeometricCdf(p, k), 0, hi, (1 - p) / p, (1 - p) / (p * p));
    }

    private static readonly Dictionary<string, ContinuousCase> Continuous = new()
    {
        ["uniform(-1, 3)"] = new((ref RandomStream r) => Sampling.Uniform(ref r, -1, 3), x => Math.Clamp((x + 1) / 4, 0, 1), 1, 16 / 12.0),
        ["normal(2, 3)"] = new((ref RandomStream r) => Sampling.Normal(ref r, 2, 3), x => Normal.CDF(2, 3, x), 2, 9),
        ["exponential(0.5)"] = new((ref RandomStream r) => Sampling.Exponential(ref r, 0.5), x => Exponential.CDF(0.5, x), 2, 4),
        ["gamma(0.3, 2) with the boost"] = Gamma(0.3, 2),
        ["gamma(1, 1)"] = Gamma(1, 1),
        ["gamma(2.5, 0.5)"] = Gamma(2.5, 0.5),
        ["gamma(100, 1)"] = Gamma(100, 1),
        ["beta(0.5, 0.5)"] = Beta(0.5, 0.5),
        ["beta(2, 5)"] = Beta(2, 5),
        ["beta(0.05, 0.1)"] = Beta(0.05, 0.1),
        ["beta(300, 200)"] = Beta(300, 200),
    };

    private static ContinuousCase Gamma(double shape, double scale) =>
        new((ref RandomStream r) => Sampling.Gamma(ref r, shape, scale), x => MathNet.Numerics.Distributions.Gamma.CDF(shape, 1 / scale, x), shape * scale, shape * scale * scale);

    private static ContinuousCase Beta(double a, double b) =>
        new((ref RandomStream r) => Sampling.Beta(ref r, a, b), x => MathNet.Numerics.Distributions.Beta.CDF(a, b, x), a / (a + b), a * b / ((a + b) * (a + b) * (a + b + 1)));

    /// <summary>All chi-square tests in this class: the Bonferroni divisor.</summary>
    private static int FamilySize => Discrete.Count + Continuous.Count;

    public static TheoryData<string> DiscreteNames => new(Discrete.Keys);
    public static TheoryData<string> ContinuousNames => new(Continuous.Keys);

    private static ulong Seed(string name) => (ulong)name.Aggregate(17L, (h, c) => h * 31 + c);

    [Theory]
    [MemberData(nameof(DiscreteNames))]
    public void Discrete_sampler_fits_its_exact_distribution(string name)
    {
        var c = Discrete[name];
        var r = RandomStream.Create(2026, Seed(name));
        // Cells: below Lo, each of Lo..Hi, above Hi.
        int width = (int)(c.Hi - c.Lo + 1);
        var counts = new long[width + 2];
        var values = new double[Samples];
        for (int i = 0; i < Samples; i++)
        {
            long x = c.Sample(ref r);
            values[i] = x;
            counts[x < c.Lo ? 0 : x > c.Hi ? width + 1 : (int)(x - c.Lo) + 1]++;
        }
        var probabilities = new double[width + 2];
        probabilities[0] = c.Cdf(c.Lo - 1);
        double inside = 0;
        for (int k = 0; k < width; k++) inside += probabilities[k + 1] = c.Pmf(c.Lo + k);
        probabilities[width + 1] = Math.Max(0, 1 - probabilities[0] - inside);
        ChiSquare.AssertFits(counts, probabilities, ChiSquare.Bonferroni(1e-3, FamilySize), name);
        AssertMoments(values, c.Mean, c.Variance, name);
    }

    [Theory]
    [MemberData(nameof(ContinuousNames))]
    public void Continuous_sampler_fits_its_exact_distribution(string name)
    {
        // 50 cells of equal probability: the probability integral transform F(X) is uniform.
        const int Cells = 50;
        var c = Continuous[name];
        var r = RandomStream.Create(2026, Seed(name));
        var counts = new long[Cells];
        var values = new double[Samples];
        for (int i = 0; i < Samples; i++)
        {
            double x = c.Sample(ref r);
            values[i] = x;
            counts[Math.Clamp((int)(c.Cdf(x) * Cells), 0, Cells - 1)]++;
        }
        var probabilities = Enumerable.Repeat(1.0 / Cells, Cells).ToArray();
        ChiSquare.AssertFits(counts, probabilities, ChiSquare.Bonferroni(1e-3, FamilySize), name);
        AssertMoments(values, c.Mean, c.Variance, name);
    }

    /// <summary>Sample mean within Z standard errors of the mean, and sample variance within Z of its own standard error (from the fourth central moment).</summary>
    private static void AssertMoments(double[] values, double mean, double variance, string name)
    {
        int n = values.Length;
        double m = values.Average();
        double m2 = 0, m4 = 0;
        foreach (double x in values) { double d = x - m; m2 += d * d; m4 += d * d * d * d; }
        m2 /= n - 1;
        m4 /= n;
        Assert.True(Math.Abs(m - mean) <= Z * Math.Sqrt(variance / n) + 1e-12, $"{name}: mean {m}, expected {mean}");
        double varianceError = Math.Sqrt(Math.Max(m4 - m2 * m2, 0) / n);
        Assert.True(Math.Abs(m2 - variance) <= Z * varianceError + 1e-12 * variance, $"{name}: variance {m2}, expected {variance} (standard error {varianceError})");
    }

    [Fact]
    public void Degenerate_parameters_give_their_point_mass()
    {
        var r = RandomStream.Create(5, 0);
        Assert.Equal(0, Sampling.Binomial(ref r, 0, 0.5));
        Assert.Equal(0, Sampling.Binomial(ref r, 7, 0));
        Assert.Equal(7, Sampling.Binomial(ref r, 7, 1));
        Assert.Equal(0, Sampling.Poisson(ref r, 0));
        Assert.Equal(0, Sampling.Geometric(ref r, 1));
        Assert.False(Sampling.Bernoulli(ref r, 0));
        Assert.True(Sampling.Bernoulli(ref r, 1));
        Assert.Equal(4.0, Sampling.Normal(ref r, 4, 0));
        Assert.Equal(2.5, Sampling.Uniform(ref r, 2.5, 2.5));
    }

    [Fact]
    public void Invalid_parameters_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => { var r = RandomStream.Create(1, 0); Sampling.Bernoulli(ref r, 1.2); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { var r = RandomStream.Create(1, 0); Sampling.Binomial(ref r, -1, 0.5); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { var r = RandomStream.Create(1, 0); Sampling.Poisson(ref r, double.NaN); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { var r = RandomStream.Create(1, 0); Sampling.Geometric(ref r, 0); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { var r = RandomStream.Create(1, 0); Sampling.Gamma(ref r, 0, 1); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { var r = RandomStream.Create(1, 0); Sampling.Beta(ref r, 1, -1); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { var r = RandomStream.Create(1, 0); Sampling.Exponential(ref r, 0); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { var r = RandomStream.Create(1, 0); Sampling.Normal(ref r, 0, -1); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { var r = RandomStream.Create(1, 0); Sampling.Uniform(ref r, 1, 0); });
    }

    [Fact]
    public void Sampling_allocates_nothing()
    {
        var finite = RlSpec.Runtime.Modeling.FiniteDistribution.Poisson(4, 0, 20, clamp: true);
        var probabilities = new[] { 0.1, 0.6, 0.3 };
        var r = RandomStream.Create(9, 0);
        double sink = 0;
        void Draw(ref RandomStream s)
        {
            sink += s.NextUInt64() + s.NextDouble() + s.NextOpenDouble() + s.NextInt(7) + s.NextLong(-5, 5);
            sink += Sampling.Bernoulli(ref s, 0.4) ? 1 : 0;
            sink += Sampling.Binomial(ref s, 20, 0.2) + Sampling.Binomial(ref s, 500, 0.6);
            sink += Sampling.Poisson(ref s, 3) + Sampling.Poisson(ref s, 300);
            sink += Sampling.Geometric(ref s, 0.2) + Sampling.UniformInt(ref s, 1, 6) + Sampling.Uniform(ref s, 0, 2);
            sink += Sampling.Normal(ref s, 0, 1) + Sampling.Exponential(ref s, 2);
            sink += Sampling.Gamma(ref s, 0.5, 1) + Sampling.Gamma(ref s, 3, 1) + Sampling.Beta(ref s, 2, 3);
            sink += finite.Sample(ref s) + Sampling.Categorical(ref s, probabilities);
        }
        Assert.Equal(0, RlSpec.Tests.Infrastructure.Allocations.Least(
            () => { for (int i = 0; i < 10_000; i++) Draw(ref r); },
            warmUp: () => { for (int i = 0; i < 1000; i++) Draw(ref r); }));
        Assert.True(sink > 0);
    }
}
