using System.Collections.Generic;

namespace RlSpec.Tests.Fuzzing;

/// <summary>
/// The decisions of one generated model, read from an array that CsCheck generates and shrinks. Past
/// the end of the array every choice is 0, the simplest option (no optional part, the first
/// alternative, the smallest count), so when CsCheck shrinks a failing array the model it spells
/// shrinks with it.
/// </summary>
public sealed class Choices(uint[] data)
{
    private int _next;

    /// <summary>A number in 0..n-1.</summary>
    public int Next(int n) => n <= 1 || _next >= data.Length ? 0 : (int)(data[_next++] % (uint)n);

    /// <summary>A number in lo..hi.</summary>
    public int Between(int lo, int hi) => lo + Next(hi - lo + 1);

    /// <summary>True with about this percentage; false once the choices run out.</summary>
    public bool Chance(int percent) => Next(100) >= 100 - percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
