using System;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Modeling;

/// <summary>
/// The vector built-ins of the RlSpec language for emitted code (<c>dot</c>, <c>normalize</c>) and its
/// seeded random draws of a problem instance (<c>gaussian_vector</c>, <c>unit_vector_random</c>,
/// <c>uniform_random</c>), which emitted <c>Create</c> methods call once, when the model is created.
/// </summary>
/// <remarks>
/// A draw with <c>seed = s</c> in an instance created with instance seed <c>I</c> reads the stream
/// <c>RandomStream.Create(I, (ulong)s)</c> from its start (a negative s is taken as its 64-bit two's
/// complement): the same (s, I) always give the same values, another s or another I unrelated ones. The
/// experiment engine passes one I for a whole experiment (<c>instance fixed</c>) or one per run
/// (<c>instance per_run</c>); <c>Create</c> without it uses I = 0. See docs/language.md, Bandits.
/// </remarks>
public static class Vectors
{
    /// <summary>The stream a draw with seed <paramref name="seed"/> reads in the instance <paramref name="instanceSeed"/>.</summary>
    public static RandomStream Stream(long seed, ulong instanceSeed) => RandomStream.Create(instanceSeed, unchecked((ulong)seed));

    /// <summary><paramref name="dimension"/> independent standard normal values, in order, from the seed's stream.</summary>
    public static double[] Gaussian(int dimension, long seed, ulong instanceSeed)
    {
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "gaussian_vector: the dimension must be at least 1");
        var random = Stream(seed, instanceSeed);
        var v = new double[dimension];
        for (int j = 0; j < dimension; j++) v[j] = Sampling.Normal(ref random, 0, 1);
        return v;
    }

    /// <summary>
    /// A point uniform on the unit sphere in <paramref name="dimension"/> dimensions: a standard normal
    /// vector divided by its length (Muller, "A note on a method for generating points uniformly on
    /// n-dimensional spheres", CACM 1959), which is uniform because the normal density is rotation invariant.
    /// </summary>
    public static double[] UnitRandom(int dimension, long seed, ulong instanceSeed)
    {
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "unit_vector_random: the dimension must be at least 1");
        return Normalize(Gaussian(dimension, seed, instanceSeed));
    }

    /// <summary>One real uniform in [<paramref name="lo"/>, <paramref name="hi"/>), the first draw of the seed's stream.</summary>
    public static double UniformRandom(double lo, double hi, long seed, ulong instanceSeed)
    {
        var random = Stream(seed, instanceSeed);
        return Sampling.Uniform(ref random, lo, hi);
    }

    /// <summary>The inner product ⟨u, v⟩; the vectors must have one length.</summary>
    public static double Dot(double[] u, double[] v)
    {
        if (u.Length != v.Length) throw new ArgumentException($"dot: vectors of lengths {u.Length} and {v.Length}; they must have one length");
        double sum = 0;
        for (int j = 0; j < u.Length; j++) sum += u[j] * v[j];
        return sum;
    }

    /// <summary>The unit vector v / ‖v‖ (a new array); a zero vector has no direction and throws.</summary>
    public static double[] Normalize(double[] v)
    {
        double norm = 0;
        foreach (var x in v) norm += x * x;
        norm = Math.Sqrt(norm);
        if (!(norm > 0)) throw new ArgumentException("normalize: the vector is zero (or empty) and has no direction");
        var unit = new double[v.Length];
        for (int j = 0; j < v.Length; j++) unit[j] = v[j] / norm;
        return unit;
    }

    /// <summary>A list of ints as reals, for the vector functions.</summary>
    public static double[] Real(int[] v)
    {
        var r = new double[v.Length];
        for (int j = 0; j < v.Length; j++) r[j] = v[j];
        return r;
    }
}
