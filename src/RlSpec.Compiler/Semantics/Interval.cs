using System;

namespace RlSpec.Compiler.Semantics
{
    /// <summary>
    /// A closed range of integers [Lo, Hi] for the overflow analysis. Bounds saturate at ±2^61, far beyond
    /// the 32-bit integers the language computes with, so the arithmetic on bounds is exact in long (a sum
    /// of two bounds stays below 2^62) and a saturated bound still says "may overflow". Every operator
    /// contains the result of any points inside its operands.
    /// </summary>
    public readonly struct Interval : IEquatable<Interval>
    {
        private const long Limit = 1L << 61;

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

        public static Interval operator +(Interval a, Interval b) => new Interval(Saturate(a.Lo + b.Lo), Saturate(a.Hi + b.Hi));

        public static Interval operator -(Interval a, Interval b) => new Interval(Saturate(a.Lo - b.Hi), Saturate(a.Hi - b.Lo));

        public static Interval operator -(Interval a) => new Interval(-a.Hi, -a.Lo);

        public static Interval operator *(Interval a, Interval b)
        {
            long p1 = Multiply(a.Lo, b.Lo), p2 = Multiply(a.Lo, b.Hi), p3 = Multiply(a.Hi, b.Lo), p4 = Multiply(a.Hi, b.Hi);
            return new Interval(Math.Min(Math.Min(p1, p2), Math.Min(p3, p4)), Math.Max(Math.Max(p1, p2), Math.Max(p3, p4)));
        }

        /// <summary>The exact product, saturated: in long when both factors are at most 2^31, else with BigInteger.</summary>
        private static long Multiply(long x, long y)
        {
            const long Small = 1L << 31;
            if (x >= -Small && x <= Small && y >= -Small && y <= Small) return Saturate(x * y);
            var p = new System.Numerics.BigInteger(x) * y;
            return p > Limit ? Limit : p < -Limit ? -Limit : (long)p;
        }

        /// <summary>The largest absolute value.</summary>
        public long Magnitude => Math.Max(Math.Abs(Lo), Math.Abs(Hi));

        internal static long Saturate(long v) => v > Limit ? Limit : v < -Limit ? -Limit : v;

        /// <summary>A real bound (from widening a parameter) as a saturated integer bound.</summary>
        internal static long Saturate(double v) => v >= Limit ? Limit : v <= -Limit ? -Limit : (long)v;

        public bool Equals(Interval other) => Lo == other.Lo && Hi == other.Hi;

        public override bool Equals(object? obj) => obj is Interval other && Equals(other);

        public override int GetHashCode() => (Lo.GetHashCode() * 397) ^ Hi.GetHashCode();

        public override string ToString() => $"{Lo}..{Hi}";
    }
}
