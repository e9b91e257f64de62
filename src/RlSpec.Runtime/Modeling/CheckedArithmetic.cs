using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace RlSpec.Runtime.Modeling;

/// <summary>
/// Integer operations that throw <see cref="IntegerOverflowException"/> instead of wrapping around.
/// Emitted code calls them only for the operations the compiler's interval analysis could not prove
/// safe, so the common case stays plain C# arithmetic. The expression text is a string literal of the
/// emitted code, passed only to build the message when the operation fails.
/// </summary>
public static class CheckedArithmetic
{
    /// <summary>The key in <see cref="Exception.Data"/> under which a failing operation stores its expression text.</summary>
    public const string ExpressionKey = "RlSpec.Expression";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Add(int a, int b, string expression, int line, int column)
    {
        long r = (long)a + b;
        if (r != (int)r) Fail(expression, line, column, a, "+", b);
        return (int)r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Subtract(int a, int b, string expression, int line, int column)
    {
        long r = (long)a - b;
        if (r != (int)r) Fail(expression, line, column, a, "-", b);
        return (int)r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Multiply(int a, int b, string expression, int line, int column)
    {
        long r = (long)a * b;
        if (r != (int)r) Fail(expression, line, column, a, "*", b);
        return (int)r;
    }

    /// <summary>
    /// The length of the list <c>lo..hi</c> (0 when empty), for a comprehension the compiler could not
    /// prove short: hi - lo + 1 in 32 bits wraps for <c>-2147483648..2147483647</c>.
    /// </summary>
    public static int RangeLength(int lo, int hi, string expression, int line, int column)
    {
        long n = (long)hi - lo + 1;
        if (n <= 0) return 0;
        if (n > int.MaxValue) throw new IntegerOverflowException(expression, "the length " + n.ToString(CultureInfo.InvariantCulture) + " of " + Text(lo) + ".." + Text(hi), line, column);
        return (int)n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Negate(int a, string expression, int line, int column)
    {
        if (a == int.MinValue) throw new IntegerOverflowException(expression, "-(" + Text(a) + ")", line, column);
        return -a;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Abs(int a, string expression, int line, int column)
    {
        if (a == int.MinValue) throw new IntegerOverflowException(expression, "abs(" + Text(a) + ")", line, column);
        return a < 0 ? -a : a;
    }

    /// <summary><c>b ^ e</c> for integers: a negative exponent is an error, as in <see cref="Functions.IntPow"/>.</summary>
    public static int Power(int b, int e, string expression, int line, int column)
    {
        if (e < 0) throw new ArgumentOutOfRangeException(nameof(e), e, $"integer power with a negative exponent in {expression} (line {line})");
        // |b| <= 1 never overflows (and would otherwise loop e times); any other base overflows within 32 steps.
        if (b == 0) return e == 0 ? 1 : 0;
        if (b == 1) return 1;
        if (b == -1) return (e & 1) == 0 ? 1 : -1;
        long r = 1;
        for (int k = 0; k < e; k++)
        {
            r *= b;
            if (r != (int)r) throw new IntegerOverflowException(expression, Text(b) + " ^ " + Text(e), line, column);
        }
        return (int)r;
    }

    /// <summary>The language's remainder (in 0..|b|-1), naming the expression when the divisor is zero.</summary>
    public static int Remainder(int a, int b, string expression, int line, int column)
    {
        if (b == 0)
        {
            // The validator reads the expression from Data, so the message names it (RLS0307).
            var e = new DivideByZeroException($"remainder by zero in {expression} (line {line}): {Text(a)} % 0");
            e.Data[ExpressionKey] = expression;
            throw e;
        }
        if (b == -1) return 0; // int.MinValue % -1 throws in C#; the remainder is 0.
        return Functions.Mod(a, b);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Fail(string expression, int line, int column, int a, string op, int b) =>
        throw new IntegerOverflowException(expression, Text(a) + " " + op + " " + Text(b), line, column);

    private static string Text(int v) => v.ToString(CultureInfo.InvariantCulture);
}
