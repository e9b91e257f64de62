using System;
using RlSpec.Runtime.Modeling;

namespace RlSpec.Runtime.Optimization.Transport;

/// <summary>The checks an emitted transport problem runs on its data when it is created (data generated or computed at run time).</summary>
public static class TransportData
{
    /// <summary>The relative tolerance on the marginals' masses, the compiler's and <see cref="Sinkhorn"/>'s.</summary>
    public const double MassTolerance = 1e-9;

    /// <summary>Throws a <see cref="ModelDataException"/> with the compiler's id naming the first problem: a non-finite cost (RLS0924), a marginal entry that is not positive or unequal masses (RLS0922), epsilon (RLS0923).</summary>
    public static void Check(double[] cost, int rows, int columns, double[] source, double[] target, double epsilon)
    {
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        if (cost.Length != (long)rows * columns || source.Length != rows || target.Length != columns)
            throw new ModelDataException("RLS0921", $"the transport's data has lengths {cost.Length}, {source.Length}, {target.Length} for a {rows}×{columns} cost");
        if (!(epsilon > 0) || double.IsInfinity(epsilon)) throw new ModelDataException("RLS0923", $"the regularization epsilon must be positive and finite, not {epsilon}");
        for (int k = 0; k < cost.Length; k++)
            if (!double.IsFinite(cost[k])) throw new ModelDataException("RLS0924", $"the transport cost C[{k / columns + 1}, {k % columns + 1}] is {cost[k]}, not a finite number");
        double sa = Mass(source, "source"), sb = Mass(target, "target");
        if (Math.Abs(sa - sb) > MassTolerance * Math.Max(sa, sb))
            throw new ModelDataException("RLS0922", $"the source has mass {sa} and the target {sb}; the marginals must carry one mass (normalize both)");
    }

    private static double Mass(double[] marginal, string which)
    {
        double sum = 0;
        for (int k = 0; k < marginal.Length; k++)
        {
            if (!(marginal[k] > 0) || double.IsInfinity(marginal[k]))
                throw new ModelDataException("RLS0922", $"the {which} marginal's entry {k + 1} is {marginal[k]}; marginal entries must be positive and finite");
            sum += marginal[k];
        }
        return sum;
    }
}
