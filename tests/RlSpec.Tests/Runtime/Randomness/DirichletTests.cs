using System;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.Tests.Runtime.Randomness;

/// <summary>Sampling.Dirichlet: marginals are Beta(α_i, α₀ − α_i) (Kolmogorov–Smirnov), points lie on the simplex.</summary>
public class DirichletTests
{
    [Theory]
    [InlineData(new[] { 6.0, 1.0, 4.0, 3.0 })]
    [InlineData(new[] { 0.05, 0.2, 0.5 })]
    public void Marginals_are_beta(double[] alpha)
    {
        const int n = 20_000;
        double alpha0 = 0;
        foreach (double a in alpha) alpha0 += a;
        var samples = new double[alpha.Length][];
        for (int i = 0; i < alpha.Length; i++) samples[i] = new double[n];
        var r = RandomStream.Create(99, 0);
        var point = new double[alpha.Length];
        for (int j = 0; j < n; j++)
        {
            Sampling.Dirichlet(ref r, alpha, point);
            double total = 0;
            for (int i = 0; i < alpha.Length; i++) { samples[i][j] = point[i]; total += point[i]; Assert.InRange(point[i], 0, 1); }
            Assert.Equal(1.0, total, 12);
        }
        for (int i = 0; i < alpha.Length; i++)
        {
            Array.Sort(samples[i]);
            double d = 0;
            for (int j = 0; j < n; j++)
            {
                double cdf = MathNet.Numerics.Distributions.Beta.CDF(alpha[i], alpha0 - alpha[i], samples[i][j]);
                d = Math.Max(d, Math.Max((j + 1.0) / n - cdf, cdf - (double)j / n));
            }
            // Kolmogorov–Smirnov at level 0.001: D < 1.95/√n.
            Assert.True(d < 1.95 / Math.Sqrt(n), $"component {i}: D = {d}");
        }
    }

    [Fact]
    public void Rejects_bad_concentrations()
    {
        var point = new double[2];
        Assert.Throws<ArgumentOutOfRangeException>(() => { var s = RandomStream.Create(1, 0); Sampling.Dirichlet(ref s, [1.0, 0.0], point); });
        Assert.Throws<ArgumentException>(() => { var s = RandomStream.Create(1, 0); Sampling.Dirichlet(ref s, [1.0, 1.0, 1.0], point); });
    }
}
