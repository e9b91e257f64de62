using System;

namespace RlSpec.Runtime.Solvers;

/// <summary>
/// The target the certified error bound must reach: <see cref="SolverOptions.Tolerance"/> itself
/// (absolute) or Tolerance · max(1, span of the values) (relative, see <see cref="ToleranceKind"/>).
/// A relative target never asks below the rounding floor, twice the rounding allowance the
/// certificate adds ((k+2)·ε·max|V| per backup, see <see cref="RoundingBound"/>): when the values
/// are large but nearly equal (a flat reward of 20,000), Tolerance · max(1, span) can sit below
/// what floating point resolves at that scale, and the target is raised to the floor instead of
/// stopping on <see cref="StopReason.RoundingFloor"/> (an absolute tolerance is taken as asked).
/// During iteration the pass over the values (O(n), no allocation) runs only when the bound is
/// within a factor 2 of the target or every 16th check, so a relative tolerance costs little per sweep.
/// </summary>
internal struct StoppingRule
{
    private readonly double _tolerance;
    private readonly bool _relative;
    private double _scale;
    private double _floor;
    private int _checks;

    public StoppingRule(SolverOptions options)
    {
        _tolerance = options.Tolerance;
        _relative = options.ToleranceKind == ToleranceKind.Relative;
        _scale = 1;
        _floor = 0;
        _checks = 0;
    }

    /// <summary>The target as last computed (no pass over the values).</summary>
    public readonly double Current => Math.Max(_tolerance * _scale, _floor);

    /// <summary>The rounding floor as last computed (0 for an absolute tolerance).</summary>
    public readonly double Floor => _floor;

    /// <summary>
    /// The target for the current iterate <paramref name="values"/>, given the latest bound;
    /// relative targets are at least <paramref name="floorPerAbs"/> · max|values| (the solver's rounding floor).
    /// </summary>
    public double Target(ReadOnlySpan<double> values, double bound, double extraScale = 0, double floorPerAbs = 0)
    {
        if (!_relative) return _tolerance;
        if (bound <= 2 * Current || (_checks++ & 15) == 0)
        {
            _scale = Scale(values, extraScale, out double maxAbs);
            _floor = floorPerAbs * maxAbs;
        }
        return Current;
    }

    /// <summary>
    /// The exact target for final values: relative targets are raised to <paramref name="roundingFloor"/>
    /// when that is larger (<paramref name="raised"/> says so).
    /// </summary>
    public static double Final(SolverOptions options, ReadOnlySpan<double> values, double extraScale, double roundingFloor, out bool raised)
    {
        raised = false;
        if (options.ToleranceKind != ToleranceKind.Relative) return options.Tolerance;
        double target = options.Tolerance * Scale(values, extraScale, out _);
        if (!(roundingFloor > target)) return target;
        raised = true;
        return roundingFloor;
    }

    /// <summary>max(1, max V − min V, <paramref name="extraScale"/>).</summary>
    public static double Scale(ReadOnlySpan<double> values, double extraScale = 0) => Scale(values, extraScale, out _);

    /// <summary>max(1, max V − min V, <paramref name="extraScale"/>), and max |V| from the same pass.</summary>
    public static double Scale(ReadOnlySpan<double> values, double extraScale, out double maxAbs)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (v < min) min = v;
            if (v > max) max = v;
        }
        double span = max >= min ? max - min : 0;
        maxAbs = max >= min ? Math.Max(Math.Abs(min), Math.Abs(max)) : 0;
        return Math.Max(1, Math.Max(span, Math.Abs(extraScale)));
    }
}
