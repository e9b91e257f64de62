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
        var greedy = new GreedyBackend(gamma);
        return SweepOperator.Apply(ref model, ref greedy, values, values, default, step).Norm;
    }

    /// <summary>Gauss-Seidel value iteration: <see cref="ModifiedPolicyIteration"/>'s loop with m = 0 and in-place sweeps.</summary>
    internal static SolverResult Solve<TModel>(ref TModel model, double gamma, SolverOptions options, ref ProgressClock clock)
        where TModel : struct, IMdp
        => ModifiedPolicyIteration.Solve(ref model, gamma, evaluationSweeps: 0, inPlace: true, options, ref clock);
}
