using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Randomness;
using Xunit;

namespace RlSpec.Tests.Runtime.Experiments;

/// <summary>Stream derivation: the documented formula, and test vectors (docs/experiments.md lists the same numbers).</summary>
public class StreamKeysTests
{
    [Theory]
    [InlineData(0, StreamPurpose.Arm, 0, 0x0000000000000000UL)]
    [InlineData(0, StreamPurpose.Arm, 3, 0x0000000000000003UL)]
    [InlineData(7, StreamPurpose.Adversary, 0, 0x0000000710000000UL)]
    [InlineData(12, StreamPurpose.Algorithm, 0, 0x0000000C20000000UL)]
    [InlineData(5, StreamPurpose.Instance, 0, 0x0000000530000000UL)]
    [InlineData(0, StreamPurpose.FixedInstance, 0, 0x0000000040000000UL)]
    [InlineData(int.MaxValue, StreamPurpose.Arm, StreamKeys.MaxArms - 1, 0x7FFFFFFF0FFFFFFFUL)]
    public void The_stream_index_is_run_times_2_32_plus_purpose_times_2_28_plus_arm(int run, StreamPurpose purpose, int arm, ulong expected)
    {
        Assert.Equal(expected, StreamKeys.Index(run, purpose, arm));
        Assert.Equal((ulong)run * (1UL << 32) + (ulong)purpose * (1UL << 28) + (ulong)arm, StreamKeys.Index(run, purpose, arm));
    }

    /// <summary>Independent SplitMix64 + xoshiro256** (Vigna's reference algorithms, written out here) for the derivation of RandomStream.Create.</summary>
    private static ulong[] Reference(ulong seed, ulong index, int count)
    {
        const ulong Gamma = 0x9E3779B97F4A7C15UL;
        static ulong Mix(ulong z)
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
        ulong key = Mix(unchecked(seed + Gamma));
        ulong h = Mix(unchecked(key + (index + 1) * Gamma));
        ulong s0 = Mix(unchecked(h + Gamma)), s1 = Mix(unchecked(h + 2 * Gamma)), s2 = Mix(unchecked(h + 3 * Gamma)), s3 = Mix(unchecked(h + 4 * Gamma));
        var output = new ulong[count];
        for (int i = 0; i < count; i++)
        {
            ulong r = s1 * 5;
            output[i] = ((r << 7) | (r >> 57)) * 9;
            ulong t = s1 << 17;
            s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t;
            s3 = (s3 << 45) | (s3 >> 19);
        }
        return output;
    }

    [Theory]
    [InlineData(42UL, 0, StreamPurpose.Arm, 0)]
    [InlineData(42UL, 0, StreamPurpose.Arm, 1)]
    [InlineData(42UL, 1, StreamPurpose.Arm, 0)]
    [InlineData(42UL, 3, StreamPurpose.Adversary, 0)]
    [InlineData(7UL, 999, StreamPurpose.Algorithm, 0)]
    public void Streams_are_RandomStream_Create_of_the_seed_and_the_key(ulong seed, int run, StreamPurpose purpose, int arm)
    {
        var stream = StreamKeys.Stream(seed, run, purpose, arm);
        var expected = Reference(seed, StreamKeys.Index(run, purpose, arm), 4);
        for (int i = 0; i < 4; i++) Assert.Equal(expected[i], stream.NextUInt64());
    }

    /// <summary>Pinned first outputs (docs/experiments.md, "Test vectors"): a change of the derivation breaks every stored result.</summary>
    [Theory]
    [InlineData(42UL, 0, StreamPurpose.Arm, 0, 0xC986FD807E5B8AB5UL)]
    [InlineData(42UL, 0, StreamPurpose.Arm, 1, 0xC57CD3752C59F2DEUL)]
    [InlineData(42UL, 1, StreamPurpose.Arm, 0, 0xDCA70315459D83D3UL)]
    [InlineData(42UL, 0, StreamPurpose.Adversary, 0, 0x50BE4BEB8666F490UL)]
    [InlineData(42UL, 0, StreamPurpose.Algorithm, 0, 0xA83AABF53624C6D2UL)]
    public void Test_vectors(ulong seed, int run, StreamPurpose purpose, int arm, ulong first)
    {
        var stream = StreamKeys.Stream(seed, run, purpose, arm);
        Assert.Equal(first.ToString("X16"), stream.NextUInt64().ToString("X16"));
    }

    [Fact]
    public void Instance_seeds_are_the_first_output_of_their_streams()
    {
        Assert.Equal(Reference(42, StreamKeys.Index(0, StreamPurpose.FixedInstance), 1)[0], StreamKeys.InstanceSeed(42));
        Assert.Equal(Reference(42, StreamKeys.Index(9, StreamPurpose.Instance), 1)[0], StreamKeys.InstanceSeed(42, 9));
        Assert.Equal(StreamKeys.InstanceSeed(42), StreamKeys.InstanceSeed(42, 9, InstanceMode.Fixed));
        Assert.NotEqual(StreamKeys.InstanceSeed(42, 8), StreamKeys.InstanceSeed(42, 9));
    }
}
