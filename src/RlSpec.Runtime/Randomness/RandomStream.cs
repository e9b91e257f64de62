using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace RlSpec.Runtime.Randomness;

/// <summary>
/// One reproducible stream of random numbers: xoshiro256** (Blackman and Vigna, "Scrambled linear
/// pseudorandom number generators", 2021) with its 256-bit state seeded through SplitMix64
/// (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014).
/// </summary>
/// <remarks>
/// <para>
/// A mutable struct: pass it by <c>ref</c>; a copy continues the same sequence independently.
/// Nothing allocates. See docs/randomness.md for the algorithms and the reproducibility scope.
/// </para>
/// <para>
/// Stream derivation (<see cref="Create"/>) depends on (master seed, stream index) alone, so run r
/// of an experiment sees the same numbers whatever the thread count, shard layout or order of
/// completion: with SplitMix64's output function <c>mix</c> and its increment γ = 0x9E3779B97F4A7C15,
/// <c>key = mix(masterSeed + γ)</c> (SplitMix64's first output from <c>masterSeed</c>),
/// <c>h = mix(key + (streamIndex + 1)·γ)</c> (its output number <c>streamIndex</c> from <c>key</c>,
/// a bijection of the index, so distinct indices give distinct 64-bit seeds), and the four state
/// words are SplitMix64's first four outputs from <c>h</c> (never all zero, as <c>mix</c> is a bijection).
/// Two streams start at unrelated points of xoshiro256**'s period of 2^256 − 1, so they overlap only
/// with negligible probability (about n²·L / 2^256 for n streams of length L).
/// </para>
/// </remarks>
public struct RandomStream
{
    /// <summary>SplitMix64's increment, the odd integer closest to 2^64 / φ.</summary>
    internal const ulong Gamma = 0x9E3779B97F4A7C15UL;

    private ulong _s0, _s1, _s2, _s3;

    /// <summary>A generator with the given state words (not all zero); for tests against reference vectors.</summary>
    internal RandomStream(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0) throw new ArgumentException("xoshiro256** needs a state that is not all zero");
        _s0 = s0; _s1 = s1; _s2 = s2; _s3 = s3;
    }

    /// <summary>
    /// Stream number <paramref name="streamIndex"/> of <paramref name="masterSeed"/>: the same pair always
    /// gives the same sequence; distinct indices give distinct, in practice non-overlapping, sequences.
    /// </summary>
    public static RandomStream Create(ulong masterSeed, ulong streamIndex)
    {
        ulong key = unchecked(Mix(masterSeed + Gamma));
        ulong h = unchecked(Mix(key + (streamIndex + 1) * Gamma));
        return unchecked(new RandomStream(Mix(h + Gamma), Mix(h + 2 * Gamma), Mix(h + 3 * Gamma), Mix(h + 4 * Gamma)));
    }

    /// <summary>SplitMix64's output function (a bijection of 64-bit words), as in Steele et al. 2014 / Vigna's splitmix64.c.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The next 64 random bits (xoshiro256**'s output <c>rotl(s1·5, 7)·9</c>, then its state step).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1): the top 53 bits times 2^-53, so every value is a multiple of 2^-53.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in (0, 1): (top 52 bits + ½) times 2^-52, never 0 or 1 (safe for logarithms).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextOpenDouble() => ((NextUInt64() >> 12) + 0.5) * (1.0 / (1UL << 52));

    /// <summary>
    /// A uniform integer in 0..<paramref name="exclusiveMax"/>−1, unbiased: Lemire's multiply-and-reject
    /// ("Fast random integer generation in an interval", ACM TOMACS 2019).
    /// </summary>
    public int NextInt(int exclusiveMax)
    {
        if (exclusiveMax <= 0) throw new ArgumentOutOfRangeException(nameof(exclusiveMax), exclusiveMax, "the bound must be positive");
        return (int)NextBelow((ulong)exclusiveMax);
    }

    /// <summary>A uniform integer in <paramref name="lo"/>..<paramref name="hiInclusive"/>, unbiased (Lemire's method).</summary>
    public long NextLong(long lo, long hiInclusive)
    {
        if (hiInclusive < lo) throw new ArgumentOutOfRangeException(nameof(hiInclusive), hiInclusive, $"the range {lo}..{hiInclusive} is empty");
        ulong range = unchecked((ulong)(hiInclusive - lo) + 1);
        // range wraps to 0 only for the full 64-bit range, where every word is equally likely.
        ulong offset = range == 0 ? NextUInt64() : NextBelow(range);
        return unchecked(lo + (long)offset);
    }

    /// <summary>Lemire's method: the high word of x·range is uniform once low words below 2^64 mod range are rejected.</summary>
    private ulong NextBelow(ulong range)
    {
        ulong high = Math.BigMul(NextUInt64(), range, out ulong low);
        if (low < range)
        {
            ulong threshold = (0 - range) % range; // 2^64 mod range
            while (low < threshold) high = Math.BigMul(NextUInt64(), range, out low);
        }
        return high;
    }
}
