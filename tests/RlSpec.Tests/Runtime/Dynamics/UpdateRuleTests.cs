using System;
using System.Linq;
using RlSpec.Runtime.Dynamics;
using RlSpec.Runtime.Randomness;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Runtime.Dynamics;

/// <summary>The shared update rules against slow, independent implementations written here on fixed inputs.</summary>
public class UpdateRuleTests
{
    private static double[] Gaussian(ref RandomStream r, int n, double sd = 1)
    {
        var v = new double[n];
        for (int i = 0; i < n; i++) v[i] = Sampling.Normal(ref r, 0, sd);
        return v;
    }

    private static double[] RandomDistribution(ref RandomStream r, int n)
    {
        var v = new double[n];
        for (int i = 0; i < n; i++) v[i] = Sampling.Uniform(ref r, 0.01, 1);
        double s = v.Sum();
        return v.Select(p => p / s).ToArray();
    }

    private struct OddEntries : IEntryMask
    {
        public readonly bool Includes(int index) => index % 2 == 1;
    }

    [Theory]
    [InlineData(1.0, 0.3)]
    [InlineData(1.0, -2.0)]
    [InlineData(0.9, 0.5)]
    [InlineData(0.0, -1.5)]
    public void Entropy_step_is_x_to_the_keep_times_exp_of_scale_g_normalized(double keep, double scale)
    {
        var r = RandomStream.Create(11, 0);
        for (int trial = 0; trial < 20; trial++)
        {
            int n = 1 + trial % 7;
            var x = RandomDistribution(ref r, n);
            var g = Gaussian(ref r, n);
            // independent: in probability space, w = x^keep·exp(scale·g), divided by Σ w
            var w = x.Select((p, i) => Math.Pow(p, keep) * Math.Exp(scale * g[i])).ToArray();
            double z = w.Sum();
            var logits = x.Select(v => Math.Log(v)).ToArray();
            var p = new double[n];
            EntropyMirrorStep.Step(logits, g, keep, scale, p);
            for (int i = 0; i < n; i++)
            {
                Assert.Equal(w[i] / z, p[i], 1e-14);
                Assert.Equal(Math.Log(w[i] / z), logits[i], 1e-12);
            }
        }
    }

    [Fact]
    public void Entropy_step_masks_entries_and_keeps_zero_probabilities_at_zero()
    {
        double[] x = [0.2, 0.5, 0.7, 0.0, 0.1, 0.3];
        double[] g = [1.0, -1.0, 2.0, 3.0, 0.5, 0.0];
        var logits = x.Select(v => Math.Log(v)).ToArray();
        var p = new double[6];
        p[0] = 42; // outside the mask: untouched
        EntropyMirrorStep.Step(logits, g, 1, 0.7, p, new OddEntries());
        double w1 = 0.5 * Math.Exp(-0.7), w5 = 0.3, z = w1 + w5; // entry 3 has x = 0
        Assert.Equal(42, p[0]);
        Assert.Equal(w1 / z, p[1], 1e-15);
        Assert.Equal(0, p[3]);
        Assert.Equal(w5 / z, p[5], 1e-15);
        Assert.Equal(Math.Log(0.2), logits[0]);
    }

    [Fact]
    public void Entropy_step_with_a_huge_step_is_finite_and_puts_the_mass_on_the_best_entry()
    {
        double[] g = [1.0, 3.0, 2.0];
        var logits = new double[3];
        var p = new double[3];
        EntropyMirrorStep.Step(logits, g, 1, 1e6, p);
        Assert.Equal([0.0, 1.0, 0.0], p);
        Assert.All(logits, v => Assert.False(double.IsNaN(v)));
        // a probability underflowed to 0 keeps a finite logit and recovers when the gradient turns
        Assert.True(double.IsFinite(logits[0]));
        EntropyMirrorStep.Step(logits, [5.0, -5.0, 0.0], 1, 1e6, p);
        Assert.Equal([1.0, 0.0, 0.0], p);
    }

    /// <summary>Independent simplex projection: bisection on θ in Σ max(v − θ, 0) = 1.</summary>
    private static double[] SimplexByBisection(double[] v)
    {
        double lo = v.Min() - 1, hi = v.Max();
        for (int k = 0; k < 200; k++)
        {
            double mid = (lo + hi) / 2;
            if (v.Sum(u => Math.Max(u - mid, 0)) > 1) lo = mid; else hi = mid;
        }
        return v.Select(u => Math.Max(u - (lo + hi) / 2, 0)).ToArray();
    }

    [Fact]
    public void Simplex_projection_matches_bisection_on_the_threshold()
    {
        var r = RandomStream.Create(12, 0);
        for (int trial = 0; trial < 50; trial++)
        {
            int n = 1 + trial % 9;
            var v = Gaussian(ref r, n, 2);
            var expected = SimplexByBisection(v);
            var scratch = new double[n];
            EuclideanProjection.Simplex(v, scratch);
            for (int i = 0; i < n; i++) Assert.Equal(expected[i], v[i], 1e-12);
        }
    }

    [Fact]
    public void Masked_simplex_projection_projects_the_included_entries_and_zeroes_the_rest()
    {
        double[] v = [5, 0.3, -2, 0.9, 7, 0.4];
        var expected = SimplexByBisection([0.3, 0.9, 0.4]);
        EuclideanProjection.Simplex(v, new double[6], new OddEntries());
        double[] want = [0, expected[0], 0, expected[1], 0, expected[2]];
        for (int i = 0; i < 6; i++) Assert.Equal(want[i], v[i], 1e-12);
    }

    [Fact]
    public void Box_nonnegative_and_ball_projections_are_the_nearest_points()
    {
        double[] v = [-3, 0.5, 4];
        EuclideanProjection.Box(v, -1, 2);
        Assert.Equal([-1, 0.5, 2], v);
        double[] w = [-3, 0.5, 0];
        EuclideanProjection.Nonnegative(w);
        Assert.Equal([0, 0.5, 0], w);
        double[] b = [3, 4];
        EuclideanProjection.Ball(b, 2);
        Assert.Equal(1.2, b[0], 15);
        Assert.Equal(1.6, b[1], 15);
        double[] inside = [0.3, 0.4];
        EuclideanProjection.Ball(inside, 1);
        Assert.Equal([0.3, 0.4], inside);
        // nearest point: no other point of the ball of radius 2 is closer to (3, 4) than (1.2, 1.6) (distance 3)
        for (int k = 0; k < 360; k++)
        {
            double a = k * Math.PI / 180;
            Assert.True(Math.Sqrt(Math.Pow(3 - 2 * Math.Cos(a), 2) + Math.Pow(4 - 2 * Math.Sin(a), 2)) >= 3 - 1e-12);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(100)]
    public void Optimistic_entropy_step_equals_two_entropy_steps_in_turn(int n)
    {
        // The fused pair (secondary ẑ + a·g, then the point ẑ + a·g + b·g) against two plain steps, in probability space,
        // for lengths on both sides of the SIMD width; entry 0 is a probability that is exactly 0 (logit −∞) and stays 0.
        var r = RandomStream.Create(77, (ulong)n);
        var hat = new double[n];
        var g = new double[n];
        for (int i = 0; i < n; i++) { hat[i] = 3 * Sampling.Normal(ref r, 0, 1); g[i] = 5 * Sampling.Normal(ref r, 0, 1); }
        if (n > 1) hat[0] = double.NegativeInfinity;
        double a = -0.7, b = 0.3;
        var expectedHat = hat.Select((h, i) => h + a * g[i]).ToArray();
        var w = expectedHat.Select((h, i) => Math.Exp(h + b * g[i] - expectedHat.Max() - 10)).ToArray();
        var expected = w.Select(v => v / w.Sum()).ToArray();
        var secondary = (double[])hat.Clone();
        var logits = new double[n];
        var p = new double[n];
        EntropyMirrorStep.OptimisticStep(secondary, g, a, b, logits, p);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(expected[i], p[i], 1e-14);
            Assert.Equal(Math.Exp(logits[i]), p[i], 1e-14);
        }
        Assert.Equal(1, p.Sum(), 14);
        // the secondary logits are shifted by a constant: the same distribution
        var hatW = secondary.Select(Math.Exp).ToArray();
        var hatExpected = expectedHat.Select(h => Math.Exp(h - expectedHat.Max())).ToArray();
        for (int i = 0; i < n; i++) Assert.Equal(hatExpected[i] / hatExpected.Sum(), hatW[i] / hatW.Sum(), 1e-14);
        Assert.Equal(0, secondary.Max());
        if (n > 1) { Assert.Equal(0.0, p[0]); Assert.True(double.IsNegativeInfinity(secondary[0])); }
    }

    [Fact]
    public void Optimistic_entropy_step_leaves_all_zero_probabilities_unchanged()
    {
        var secondary = new[] { double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity };
        var logits = new double[5];
        var p = new[] { 0.1, 0.2, 0.3, 0.2, 0.2 };
        EntropyMirrorStep.OptimisticStep(secondary, [1, 2, 3, 4, 5], 0.1, 0.1, logits, p);
        Assert.Equal(new[] { 0.1, 0.2, 0.3, 0.2, 0.2 }, p);
        Assert.All(secondary, v => Assert.True(double.IsNegativeInfinity(v)));
        Assert.Throws<ArgumentException>(() => EntropyMirrorStep.OptimisticStep(new double[3], new double[2], 0.1, 0.1, new double[3], new double[3]));
    }

    [Fact]
    public void Update_rules_allocate_nothing()
    {
        var logits = new double[50];
        var p = new double[50];
        var g = new double[50];
        var scratch = new double[50];
        for (int i = 0; i < 50; i++) g[i] = Math.Sin(i);
        long bytes = Allocations.Least(() =>
        {
            for (int k = 0; k < 100; k++)
            {
                EntropyMirrorStep.Step(logits, g, 1, 0.1, p);
                EntropyMirrorStep.OptimisticStep(logits, g, 0.1, 0.1, scratch, p);
                p.CopyTo(scratch, 0);
                EuclideanProjection.Simplex(g.AsSpan(), scratch);
                EuclideanProjection.Ball(g, 1);
                EuclideanProjection.Box(g, -1, 1);
                EuclideanProjection.Nonnegative(g);
            }
        });
        Assert.Equal(0, bytes);
    }
}
