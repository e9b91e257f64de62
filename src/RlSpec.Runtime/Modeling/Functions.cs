using System;
using System.Runtime.CompilerServices;

namespace RlSpec.Runtime.Modeling;

/// <summary>
/// The built-in functions of the RlSpec language with the language's semantics, for emitted code:
/// <c>%</c> is a remainder in 0..b-1, <c>clamp</c> never throws, <c>round</c> rounds halves away from zero.
/// </summary>
public static class Functions
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Mod(int a, int b)
    {
        int r = a % b;
        return r < 0 ? r + Math.Abs(b) : r;
    }

    public static int IntPow(int b, int e)
    {
        if (e < 0) throw new ArgumentOutOfRangeException(nameof(e), e, "integer power with a negative exponent");
        int result = 1;
        for (int k = 0; k < e; k++) result *= b;
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Clamp(int x, int lo, int hi) => x < lo ? lo : x > hi ? hi : x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Clamp(double x, double lo, double hi) => x < lo ? lo : x > hi ? hi : x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Floor(double x) => ToInt(Math.Floor(x), "floor", x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Ceil(double x) => ToInt(Math.Ceiling(x), "ceil", x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Round(double x) => ToInt(Math.Round(x, MidpointRounding.AwayFromZero), "round", x);

    /// <summary>A whole real as an int; outside the 32-bit range (or NaN) C# would give an unspecified value, so this throws.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ToInt(double whole, string function, double x)
    {
        if (whole >= int.MinValue && whole <= int.MaxValue) return (int)whole;
        throw new IntegerOverflowException(function + "(...)", function + "(" + x.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + ")");
    }

    public static int Min(int[] items)
    {
        int m = items[0];
        foreach (var x in items) m = Math.Min(m, x);
        return m;
    }

    public static double Min(double[] items)
    {
        double m = items[0];
        foreach (var x in items) m = Math.Min(m, x);
        return m;
    }

    public static int Max(int[] items)
    {
        int m = items[0];
        foreach (var x in items) m = Math.Max(m, x);
        return m;
    }

    public static double Max(double[] items)
    {
        double m = items[0];
        foreach (var x in items) m = Math.Max(m, x);
        return m;
    }

    /// <summary>E[X] for X ~ categorical(p) on 0..k-1.</summary>
    public static double CategoricalMean(double[] p)
    {
        double m = 0;
        for (int k = 0; k < p.Length; k++) m += k * p[k];
        return m;
    }
}
