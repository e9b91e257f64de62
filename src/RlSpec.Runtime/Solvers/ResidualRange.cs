using System;

namespace RlSpec.Runtime.Solvers;

/// <summary>
/// The range [Min, Max] of (TV − V) over the states, the quantity behind the
/// MacQueen/Porteus bounds; when the model has terminal states, 0 is included (their value is exact).
/// </summary>
public readonly record struct ResidualRange(double Min, double Max)
{
    /// <summary>‖TV − V‖∞.</summary>
    public double Norm => Math.Max(Math.Abs(Min), Math.Abs(Max));

    /// <summary>Half the width, (Max − Min)/2.</summary>
    public double HalfSpan => 0.5 * (Max - Min);

    /// <summary>The empty range, to be widened.</summary>
    public static ResidualRange Empty => new(double.PositiveInfinity, double.NegativeInfinity);

    public ResidualRange Include(double d) => new(Math.Min(Min, d), Math.Max(Max, d));

    /// <summary>Replaces an empty range (no states) by [0, 0].</summary>
    public ResidualRange OrZero() => Min > Max ? new(0, 0) : this;
}
