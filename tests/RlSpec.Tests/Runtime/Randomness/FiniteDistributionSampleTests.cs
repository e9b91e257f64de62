using System;
using RlSpec.Runtime.Modeling;
using RlSpec.Runtime.Randomness;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Runtime.Randomness;

/// <summary>FiniteDistribution.Sample draws each value with the probability of its stored pmf.</summary>
public class FiniteDistributionSampleTests
{
    public static TheoryData<string> Names => new() { "poisson(4) clamped to 0..10", "poisson(4) truncated to 2..6", "geometric(0.3) on 0..8", "binomial(12, 0.35)", "categorical with zero cells", "uniform(-2, 3)", "point mass" };

    private static FiniteDistribution Make(string name) => name switch
    {
        "poisson(4) clamped to 0..10" => FiniteDistribution.Poisson(4, 0, 10, clamp: true),
        "poisson(4) truncated to 2..6" => FiniteDistribution.Poisson(4, 2, 6, clamp: false),
        "geometric(0.3) on 0..8" => FiniteDistribution.Geometric(0.3, 0, 8, clamp: true),
        "binomial(12, 0.35)" => FiniteDistribution.Binomial(12, 0.35),
        "categorical with zero cells" => FiniteDistribution.Categorical(new[] { 0, 0.2, 0, 0.5, 0.3, 0 }),
        "uniform(-2, 3)" => FiniteDistribution.Uniform(-2, 3),
        _ => FiniteDistribution.Categorical(new[] { 0, 0, 1.0 }),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Samples_fit_the_pmf_and_never_hit_a_zero_cell(string name)
    {
        var d = Make(name);
        var r = RandomStream.Create(77, (ulong)name.Length);
        var counts = new long[d.Pmf.Length];
        for (int i = 0; i < 100_000; i++)
        {
            int x = d.Sample(ref r);
            Assert.InRange(x, d.Lo, d.Hi);
            counts[x - d.Lo]++;
        }
        for (int k = 0; k < counts.Length; k++)
            if (d.Pmf[k] == 0) Assert.Equal(0, counts[k]);
        ChiSquare.AssertFits(counts, d.Pmf, ChiSquare.Bonferroni(1e-3, Names.Count), name);
    }

    [Fact]
    public void A_draw_at_the_top_of_the_unit_interval_picks_the_last_value_with_mass()
    {
        // The stream whose next double is the largest one below 1: state words make NextUInt64 return
        // all ones. rotl(s1·5, 7)·9 = 2^64−1 needs s1·5 = rotr((2^64−1)·9⁻¹, 7); 9⁻¹ mod 2^64 = 0x8E38E38E38E38E39.
        ulong target = unchecked(ulong.MaxValue * 0x8E38E38E38E38E39UL);
        ulong s1 = unchecked(System.Numerics.BitOperations.RotateRight(target, 7) * 0xCCCCCCCCCCCCCCCDUL); // 5⁻¹ mod 2^64
        var r = new RandomStream(0, s1, 0, 0);
        var probe = r;
        Assert.Equal(ulong.MaxValue, probe.NextUInt64());
        var d = FiniteDistribution.Categorical(new[] { 0.5, 0.5, 0 });
        Assert.Equal(1, d.Sample(ref r));
    }
}
