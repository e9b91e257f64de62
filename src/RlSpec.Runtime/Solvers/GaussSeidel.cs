using System;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Solvers;

/// <summary>
/// Gauss-Seidel value iteration: backs up states in index order, in place, so later states
/// already see the new values of earlier ones (Puterman 1994, §6.3.3). Converges in fewer
/// sweeps than Jacobi; its change per sweep is not a certificate, so the solver certifies
/// with one Jacobi sweep at the end.
/// </summary>
public static class GaussSeidel
{
    /// <summary>One in-place sweep; returns max |change|. Allocates nothing.</summary>
    public static double Sweep<TModel>(in TModel model, Span<double> values, double gamma, int step = 0)
        where TModel : struct, IMdp
    {
        TModel m = model;
        return SweepCore(ref m, values, gamma, step);
    }

    internal static double SweepCore<TModel>(ref TModel model, Span<double> values, double gamma, int step)
        where TModel : struct, IMdp
    {
        int n = model.StateCount;
        double change = 0;
        for (int s = 0; s < n; s++)
        {
            if (model.IsTerminal(s))
            {
                values[s] = 0;
                continue;
            }
            double q = BellmanOperator.Greedy(ref model, s, step, values, gamma, out _);
            double d = Math.Abs(q - values[s]);
            if (!(d <= change)) change = d; // NaN propagates
            values[s] = q;
        }
        return change;
    }
}
