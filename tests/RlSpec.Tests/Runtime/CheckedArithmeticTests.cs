using System;
using RlSpec.Compiler.Semantics;
using RlSpec.Runtime.Modeling;
using Xunit;

namespace RlSpec.Tests.Runtime;

/// <summary>
/// The checked operations emitted for unproven integer operations, against 64-bit arithmetic; and the
/// interval operators the proof rests on, against points drawn inside the intervals.
/// </summary>
public class CheckedArithmeticTests
{
    private static int Draw(Random r) => r.Next(4) switch
    {
        0 => r.Next(-50, 50),
        1 => r.Next(-50_000, 50_000),
        2 => r.Next(int.MinValue, int.MaxValue),
        _ => r.Next(2) == 0 ? int.MaxValue - r.Next(3) : int.MinValue + r.Next(3),
    };

    private static void Agrees(long exact, Func<int> run)
    {
        if (exact >= int.MinValue && exact <= int.MaxValue) Assert.Equal(exact, run());
        else Assert.Throws<IntegerOverflowException>(() => run());
    }

    [Fact]
    public void Checked_operations_return_the_exact_result_or_throw_when_it_is_not_an_int()
    {
        var r = new Random(12345);
        for (int k = 0; k < 20_000; k++)
        {
            int a = Draw(r), b = Draw(r);
            Agrees((long)a + b, () => CheckedArithmetic.Add(a, b, "a + b", 1, 1));
            Agrees((long)a - b, () => CheckedArithmetic.Subtract(a, b, "a - b", 1, 1));
            Agrees((long)a * b, () => CheckedArithmetic.Multiply(a, b, "a * b", 1, 1));
            Agrees(-(long)a, () => CheckedArithmetic.Negate(a, "-a", 1, 1));
        }
    }

    [Fact]
    public void Checked_power_matches_repeated_multiplication_in_64_bits()
    {
        for (int b = -40; b <= 40; b++)
        {
            for (int e = 0; e <= 40; e++)
            {
                long exact = 1;
                bool overflow = false;
                for (int k = 0; k < e && !overflow; k++)
                {
                    exact *= b;
                    overflow = exact < int.MinValue || exact > int.MaxValue;
                }
                int bb = b, ee = e;
                if (overflow) Assert.Throws<IntegerOverflowException>(() => CheckedArithmetic.Power(bb, ee, "b ^ e", 1, 1));
                else Assert.Equal(exact, CheckedArithmetic.Power(bb, ee, "b ^ e", 1, 1));
            }
        }
        Assert.Equal(-1, CheckedArithmetic.Power(-1, int.MaxValue, "(-1) ^ big", 1, 1));
    }

    [Fact]
    public void The_exception_names_the_expression_and_the_operands()
    {
        var e = Assert.Throws<IntegerOverflowException>(() => CheckedArithmetic.Multiply(1666681, 1291, "s * s * s", 7, 13));
        Assert.Equal("integer overflow in s * s * s (line 7): 1666681 * 1291 is outside the 32-bit integers -2147483648..2147483647", e.Message);
        Assert.Equal((7, 13), (e.Line, e.Column));
    }

    private static long Saturated(long v) => Math.Clamp(v, -(1L << 61), 1L << 61);

    [Fact]
    public void Interval_operators_contain_every_result_of_points_inside()
    {
        var r = new Random(4242);
        for (int k = 0; k < 5_000; k++)
        {
            int a1 = Draw(r), a2 = Draw(r), b1 = Draw(r), b2 = Draw(r);
            var x = new Interval(Math.Min(a1, a2), Math.Max(a1, a2));
            var y = new Interval(Math.Min(b1, b2), Math.Max(b1, b2));
            for (int j = 0; j < 5; j++)
            {
                long p = x.Lo + (long)(r.NextDouble() * (x.Hi - x.Lo));
                long q = y.Lo + (long)(r.NextDouble() * (y.Hi - y.Lo));
                // Bounds saturate at ±2^61 (far outside int): a result beyond is contained as that bound.
                Assert.True((x + y).Contains(Saturated(p + q)));
                Assert.True((x - y).Contains(Saturated(p - q)));
                Assert.True((x * y).Contains(Saturated(p * q)));
                Assert.True((-x).Contains(-p));
            }
            // An interval that fits in int proves the operation safe for every pair of points inside.
            if ((x * y).FitsInt32)
            {
                Assert.InRange((long)x.Lo * y.Lo, int.MinValue, int.MaxValue);
                Assert.InRange((long)x.Hi * y.Hi, int.MinValue, int.MaxValue);
            }
        }
    }
}
