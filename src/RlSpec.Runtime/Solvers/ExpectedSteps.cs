using System;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Solvers;

/// <summary>
/// A certified upper bound on the expected number of steps to termination, max_s τ(s), under a
/// proper policy π, where τ solves (I − P_π)τ = 1. Any u with u − P_π u ≥ 1 satisfies u ≥ τ
/// (expand u = Σ_k P_π^k (u − P_π u), P_π^k → 0 for proper π). So an approximate solution x
/// is scaled by α = 1/(1 + min_s e(s)), e = (I − P_π)x − 1, which makes αx such a u: the bound
/// holds however inexact x is. Small models solve for x by dense LU; large ones run Gauss-Seidel
/// sweeps x ← 1 + P_π x (Krylov methods proved unreliable on these nearly singular systems)
/// until the scaling costs less than 0.1 %.
/// </summary>
internal static class ExpectedSteps
{
    /// <summary>Scaling slack at which the Gauss-Seidel refinement stops: the bound is then within 0.1 % of max τ.</summary>
    private const double Slack = 1e-3;

    /// <summary>Upper bound on max_s τ(s); +∞ when none could be certified within the iteration limit.</summary>
    /// <param name="model">The model.</param>
    /// <param name="policy">A proper policy.</param>
    /// <param name="options">Dense-solve limit, iteration limit and cancellation.</param>
    /// <param name="x">Starting guess (e.g. the previous call's), overwritten by the approximate τ.</param>
    public static double UpperBound<TModel>(ref TModel model, int[] policy, SolverOptions options, double[] x) where TModel : struct, IMdp
    {
        int n = model.StateCount;
        var ones = new double[n];
        for (int s = 0; s < n; s++) ones[s] = model.IsTerminal(s) || policy[s] < 0 ? 0 : 1;
        var residual = new double[n];
        int outcomes = RoundingBound.MaxOutcomes(ref model);
        if (n <= options.DenseSolveLimit)
        {
            PolicyEvaluation.SolveLinear(ref model, policy, 1.0, ones, x, options.DenseSolveLimit, options.CancellationToken);
            return Certify(ref model, policy, x, ones, residual, outcomes, out _);
        }
        double bound = Certify(ref model, policy, x, ones, residual, outcomes, out double minExcess);
        for (int sweep = 1; minExcess < -Slack && sweep <= options.MaxIterations; sweep++)
        {
            options.CancellationToken.ThrowIfCancellationRequested();
            var steps = new StepsBackend(policy);
            SweepOperator.Apply(ref model, ref steps, x, x, default, 0); // in place: Gauss-Seidel
            if (sweep % 16 == 0) bound = Certify(ref model, policy, x, ones, residual, outcomes, out minExcess);
        }
        return minExcess < -Slack ? double.PositiveInfinity : bound;
    }

    /// <summary>max x / (1 + min e), or +∞ when min e ≤ −1; <paramref name="minExcess"/> = min e (rounding allowed for).</summary>
    private static double Certify<TModel>(ref TModel model, int[] policy, double[] x, double[] ones, double[] residual, int outcomes, out double minExcess)
        where TModel : struct, IMdp
    {
        PolicyEvaluation.MultiplyCore(ref model, policy, x, residual, 1.0, 0);
        minExcess = double.PositiveInfinity;
        double max = 0;
        for (int s = 0; s < x.Length; s++)
        {
            if (ones[s] == 0) continue;
            minExcess = Math.Min(minExcess, residual[s] - 1);
            max = Math.Max(max, x[s]);
        }
        if (double.IsPositiveInfinity(minExcess)) { minExcess = 0; return 0; } // every state is terminal
        minExcess -= (outcomes + 2) * RoundingBound.Epsilon * Math.Max(1, max); // rounding in the product
        if (double.IsNaN(minExcess)) minExcess = double.NegativeInfinity;
        return minExcess > -1 && double.IsFinite(max) ? max / (1 + minExcess) : double.PositiveInfinity;
    }
}
