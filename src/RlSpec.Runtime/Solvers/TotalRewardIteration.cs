using System;
using System.Collections.Generic;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Solvers;

/// <summary>
/// Value iteration (Jacobi or Gauss-Seidel) for the total reward until a terminal state, the
/// stochastic shortest path problem (Bertsekas and Tsitsiklis 1991). After convergence it checks
/// that the greedy policy π is proper (terminates with probability 1 from every state, by graph
/// reachability on π's support) and certifies ‖V − V^π‖∞ ≤ max_s τ(s)·‖TV − V‖∞, where τ solves
/// (I − P_π)τ = 1 (expected steps to termination). Values that grow without bound are reported
/// as divergence instead of iterating forever.
/// </summary>
public static class TotalRewardIteration
{
    /// <summary>Sweeps between two divergence checks.</summary>
    public const int DivergenceWindow = 1000;

    internal static SolverResult Solve<TModel>(ref TModel model, bool gaussSeidel, SolverOptions options, ref ProgressClock clock)
        where TModel : struct, IMdp
    {
        int n = model.StateCount;
        var v = new double[n];
        var next = new double[n];
        var policy = new int[n];
        var result = new SolverResult();
        var rule = new StoppingRule(options);
        // A relative target asks the change per sweep for no less than one backup's rounding, (k+2)·ε·max|V|.
        double changeFloorPerAbs = options.ToleranceKind == ToleranceKind.Relative ? (RoundingBound.MaxOutcomes(ref model) + 2) * RoundingBound.Epsilon : 0;
        double target = double.NaN; // NaN: the residual target is the tolerance target until a certificate says otherwise
        double windowResidual = double.PositiveInfinity, windowMaxAbs = 0;
        int iteration = 0;
        bool diverged = false, exhausted = false;
        var steps = new double[n]; // expected steps to termination, reused as the next round's starting guess
        for (int round = 0; ; round++)
        {
            while (true)
            {
                double change;
                if (gaussSeidel)
                {
                    change = GaussSeidel.SweepCore(ref model, v, 1.0, 0);
                }
                else
                {
                    change = ValueIteration.SweepCore(ref model, v, next, policy, 1.0, 0).Norm;
                    (v, next) = (next, v);
                }
                iteration++;
                clock.Tick(iteration, change);
                if (!double.IsFinite(change)) throw SolverResult.NonFinite(ref model, v, iteration);
                if (change <= (double.IsNaN(target) ? rule.Target(v, change, 0, changeFloorPerAbs) : target)) break;
                if (iteration >= options.MaxIterations) { exhausted = true; break; }
                if (iteration % DivergenceWindow == 0)
                {
                    double maxAbs = MaxAbs(v);
                    // Linear growth: the change per sweep does not shrink and the values grow by about that much per sweep.
                    if (change >= 0.99 * windowResidual && maxAbs - windowMaxAbs >= 0.5 * DivergenceWindow * change) { diverged = true; break; }
                    windowResidual = change;
                    windowMaxAbs = maxAbs;
                }
            }

            var range = ValueIteration.SweepCore(ref model, v, next, policy, 1.0, 0);
            if (!double.IsFinite(range.Min + range.Max)) throw SolverResult.NonFinite(ref model, next, iteration);
            result.Residual = range.Norm;
            if (diverged)
            {
                var growing = new List<int>();
                for (int s = 0; s < n && growing.Count < 6; s++)
                    if (!(Math.Abs(next[s] - v[s]) < 0.5 * range.Norm)) growing.Add(s);
                result.Warnings.Add($"values diverge: from {SolverResult.Name(ref model, growing)} the reward grows without bound, so some policy collects reward forever without reaching a terminal state. Make the `until` condition reachable or remove the reward on such cycles.");
                result.ErrorBound = double.PositiveInfinity;
                result.StopReason = StopReason.Unbounded;
                break;
            }
            int[] improper = PolicyGraph.ImproperStates(model, policy);
            if (improper.Length > 0)
            {
                result.Warnings.Add($"the optimal policy is improper: from {SolverResult.Name(ref model, improper)} it never reaches a terminal state with probability 1 (it prefers to stay forever). Its values are those of staying; no error bound can be certified.");
                result.ErrorBound = double.PositiveInfinity;
                result.StopReason = StopReason.ImproperPolicy;
                break;
            }
            double maxSteps = ExpectedSteps.UpperBound(ref model, policy, options, steps);
            double roundingPart = maxSteps * RoundingBound.PerBackup(ref model, v);
            result.ErrorBound = maxSteps * range.Norm + roundingPart;
            result.RoundingAllowance = roundingPart;
            // Sweep on while the residual, not rounding, dominates the bound.
            double residualPart = maxSteps * range.Norm;
            double tolerance = StoppingRule.Final(options, v, 0, 2 * roundingPart, out _);
            if (result.ErrorBound <= tolerance || exhausted || round >= 3 || residualPart <= roundingPart) break;
            // The certificate needs a smaller residual: aim below tolerance / max steps and continue.
            if (!double.IsFinite(maxSteps)) break;
            target = Math.Min(double.IsNaN(target) ? tolerance : target, 0.5 * Math.Max(tolerance, roundingPart) / maxSteps);
        }
        if (exhausted && result.StopReason == StopReason.Converged) result.StopReason = StopReason.IterationLimit;
        result.Values = v;
        result.Policy = policy;
        result.Iterations = iteration;
        return result;
    }

    private static double MaxAbs(ReadOnlySpan<double> x)
    {
        double max = 0;
        foreach (double e in x) max = Math.Max(max, Math.Abs(e));
        return max;
    }
}
