using System;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Solvers;

/// <summary>
/// Jacobi value iteration, V_{k+1} = T V_k, with the MacQueen/Porteus bounds as stopping rule
/// (Puterman 1994, Thm. 6.6.3): for any V, TV + c·min(TV − V) ≤ V* ≤ TV + c·max(TV − V) with
/// c = γ/(1 − γ). The solver returns the midpoint TV + c·(min + max)/2 and certifies
/// ‖V − V*‖∞ ≤ c·(max − min)/2, which never exceeds γ‖TV − V‖∞/(1 − γ).
/// </summary>
public static class ValueIteration
{
    /// <summary>
    /// One Jacobi sweep: <paramref name="next"/> = T(<paramref name="values"/>) and the greedy
    /// policy (lowest action index on ties; -1 for terminal states). Returns the range of
    /// next − values over the states. Allocates nothing.
    /// </summary>
    public static ResidualRange Sweep<TModel>(in TModel model, ReadOnlySpan<double> values, Span<double> next, Span<int> policy, double gamma, int step = 0)
        where TModel : struct, IMdp
    {
        TModel m = model;
        return SweepCore(ref m, values, next, policy, gamma, step);
    }

    internal static ResidualRange SweepCore<TModel>(ref TModel model, ReadOnlySpan<double> values, Span<double> next, Span<int> policy, double gamma, int step)
        where TModel : struct, IMdp
    {
        var greedy = new GreedyBackend(gamma);
        return SweepOperator.Apply(ref model, ref greedy, values, next, policy, step);
    }

    /// <summary>
    /// Replaces <paramref name="next"/> (= TV) by the midpoint of the MacQueen bracket and returns
    /// its certified distance c·(max − min)/2 to the fixed point, plus a rounding allowance (terminal states stay 0).
    /// </summary>
    internal static double MidpointOfBracket<TModel>(ref TModel model, Span<double> next, ResidualRange range, double gamma, int outcomes, out double rounding)
        where TModel : struct, IMdp
    {
        double c = gamma == 0 ? 0 : gamma / (1 - gamma);
        double shift = c * 0.5 * (range.Min + range.Max);
        if (shift != 0)
            for (int s = 0; s < next.Length; s++)
                if (!model.IsTerminal(s)) next[s] += shift;
        // Rounding in the final backup and the shift: one backup's error, propagated by 1/(1 − γ).
        rounding = RoundingBound.PerBackup(outcomes, next) / (1 - gamma);
        return c * range.HalfSpan + rounding;
    }

    /// <summary>
    /// The rounding allowance <see cref="MidpointOfBracket"/> will add, computed before the shift:
    /// (k+2)·ε·(max|TV| + |shift|)/(1 − γ) bounds it, since the midpoint is TV moved by the shift.
    /// </summary>
    internal static double RoundingAtMidpoint(int outcomes, ReadOnlySpan<double> next, ResidualRange range, double gamma)
    {
        double c = gamma == 0 ? 0 : gamma / (1 - gamma);
        double maxAbs = 0;
        foreach (double v in next) maxAbs = Math.Max(maxAbs, Math.Abs(v));
        return (outcomes + 2) * RoundingBound.Epsilon * (maxAbs + Math.Abs(c * 0.5 * (range.Min + range.Max))) / (1 - gamma);
    }

    /// <summary>
    /// The rounding floor per unit of max|V| for a discounted certificate: twice the allowance
    /// (k+2)·ε/(1 − γ), so the residual part of the bound may take as much as the rounding part.
    /// </summary>
    internal static double FloorPerAbs(int outcomes, double gamma) => 2 * (outcomes + 2) * RoundingBound.Epsilon / (1 - gamma);

    /// <summary>Jacobi value iteration: <see cref="ModifiedPolicyIteration"/> with m = 0.</summary>
    internal static SolverResult Solve<TModel>(ref TModel model, double gamma, SolverOptions options, ref ProgressClock clock)
        where TModel : struct, IMdp
        => ModifiedPolicyIteration.Solve(ref model, gamma, evaluationSweeps: 0, inPlace: false, options, ref clock);

    /// <summary>
    /// Shared stopping rules besides convergence: no progress for a long time (the tolerance is
    /// below what floating point resolves) and the iteration limit. Sets
    /// <see cref="SolverResult.StopReason"/>; <see cref="MdpSolver"/> words the warning from the final bound.
    /// </summary>
    internal static bool StopEarly(SolverResult result, double bound, int iteration, SolverOptions options, ref StallDetector stall)
    {
        if (stall.Stalled(bound))
        {
            result.StopReason = StopReason.RoundingFloor;
            return true;
        }
        if (iteration >= options.MaxIterations)
        {
            result.StopReason = StopReason.IterationLimit;
            return true;
        }
        return false;
    }
}
