using System;

namespace RlSpec.Compiler.Semantics
{
    /// <summary>
    /// A closed range of integers [Lo, Hi] for the overflow analysis. Bounds saturate at ±2^62, far beyond
    /// the 32-bit integers the language computes with, so the arithmetic on bounds never overflows itself
    /// and a bound beyond int still says "may overflow".
    /// </summary>
    public readonly struct Interval : IEquatable<Interval>
    {
        private const double Limit = 4611686018427387904.0; // 2^62

        public Interval(long lo, long hi)
        {
            Lo = lo;
            Hi = hi;
        }

        public long Lo { get; }

        public long Hi { get; }

        /// <summary>Every 32-bit integer: what an int value may be when nothing better is known.</summary>
        public static Interval Int32 => new Interval(int.MinValue, int.MaxValue);

        public static Interval Point(long v) => new Interval(v, v);

        /// <summary>True when every value is a 32-bit integer: an operation with this result cannot overflow.</summary>
        public bool FitsInt32 => Lo >= int.MinValue && Hi <= int.MaxValue;

        public bool Contains(long v) => Lo <= v && v <= Hi;

        /// <summary>The values an int can hold after an operation that either stays in range or throws.</summary>
        public Interval ClampToInt32() => new Interval(Math.Max(Lo, int.MinValue), Math.Min(Hi, int.MaxValue));

        public Interval Union(Interval other) => new Interval(Math.Min(Lo, other.Lo), Math.Max(Hi, other.Hi));

        public static Interval operator +(Interval a, Interval b) => FromDoubles((double)a.Lo + b.Lo, (double)a.Hi + b.Hi);

        public static Interval operator -(Interval a, Interval b) => FromDoubles((double)a.Lo - b.Hi, (double)a.Hi - b.Lo);

        public static Interval operator -(Interval a) => FromDoubles(-(double)a.Hi, -(double)a.Lo);

        public static Interval operator *(Interval a, Interval b)
        {
            // Doubles are exact below 2^53, so the comparison with the int range (2^31) is exact; larger
            // products only need to stay large.
            double p1 = (double)a.Lo * b.Lo, p2 = (double)a.Lo * b.Hi, p3 = (double)a.Hi * b.Lo, p4 = (double)a.Hi * b.Hi;
            return FromDoubles(Math.Min(Math.Min(p1, p2), Math.Min(p3, p4)), Math.Max(Math.Max(p1, p2), Math.Max(p3, p4)));
        }

        /// <summary>The largest absolute value.</summary>
        public long Magnitude => Math.Max(Math.Abs(Math.Max(Lo, -(long)Limit)), Math.Abs(Hi));

        private static Interval FromDoubles(double lo, double hi) => new Interval(Saturate(lo), Saturate(hi));

        internal static long Saturate(double v) => v >= Limit ? (long)Limit : v <= -Limit ? -(long)Limit : (long)v;

        public bool Equals(Interval other) => Lo == other.Lo && Hi == other.Hi;

        public override bool Equals(object? obj) => obj is Interval other && Equals(other);

        public override int GetHashCode() => (Lo.GetHashCode() * 397) ^ Hi.GetHashCode();

        public override string ToString() => $"{Lo}..{Hi}";
    }
}
