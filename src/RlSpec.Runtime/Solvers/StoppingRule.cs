using System;

namespace RlSpec.Runtime.Solvers;

/// <summary>
/// The target the certified error bound must reach: <see cref="SolverOptions.Tolerance"/> itself
/// (absolute) or Tolerance · max(1, span of the values) (relative, see <see cref="ToleranceKind"/>).
/// During iteration the span pass (O(n), no allocation) runs only when the bound is within a
/// factor 2 of the target or every 16th check, so a relative tolerance costs little per sweep.
/// </summary>
internal struct StoppingRule
{
    private readonly double _tolerance;
    private readonly bool _relative;
    private double _scale;
    private int _checks;

    public StoppingRule(SolverOptions options)
    {
        _tolerance = options.Tolerance;
        _relative = options.ToleranceKind == ToleranceKind.Relative;
        _scale = 1;
        _checks = 0;
    }

    /// <summary>The target as last computed (no pass over the values).</summary>
    public readonly double Current => _tolerance * _scale;

    /// <summary>The target for the current iterate <paramref name="values"/>, given the latest bound.</summary>
    public double Target(ReadOnlySpan<double> values, double bound, double extraScale = 0)
    {
        if (!_relative) return _tolerance;
        if (bound <= 2 * Current || (_checks++ & 15) == 0) _scale = Scale(values, extraScale);
        return Current;
    }

    /// <summary>The exact target for final values.</summary>
    public static double Final(SolverOptions options, ReadOnlySpan<double> values, double extraScale = 0) =>
        options.ToleranceKind == ToleranceKind.Relative ? options.Tolerance * Scale(values, extraScale) : options.Tolerance;

    /// <summary>max(1, max V − min V, <paramref name="extraScale"/>).</summary>
    public static double Scale(ReadOnlySpan<double> values, double extraScale = 0)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (v < min) min = v;
            if (v > max) max = v;
        }
        double span = max >= min ? max - min : 0;
        return Math.Max(1, Math.Max(span, Math.Abs(extraScale)));
    }
}
