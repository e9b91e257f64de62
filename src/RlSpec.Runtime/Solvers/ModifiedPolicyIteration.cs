using System;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Solvers;

/// <summary>
/// Modified policy iteration (Puterman and Shin 1978), the one discounted iteration loop: a greedy
/// Jacobi sweep (which also certifies the current values by the MacQueen bracket), then m sweeps
/// of T_π for the greedy policy. m = 0 is value iteration; m → ∞ is policy iteration. With
/// in-place sweeps it is Gauss-Seidel value iteration, whose change per sweep is no certificate:
/// a Jacobi sweep certifies whenever γ/(1 − γ)·change has reached the target (or halved since the
/// last check). Every sweep is <see cref="SweepOperator"/>'s.
/// </summary>
public static class ModifiedPolicyIteration
{
    internal static SolverResult Solve<TModel>(ref TModel model, double gamma, SolverOptions options, ref ProgressClock clock)
        where TModel : struct, IMdp
        => Solve(ref model, gamma, Math.Max(0, options.MpiSweeps), inPlace: false, options, ref clock);

    internal static SolverResult Solve<TModel>(ref TModel model, double gamma, int evaluationSweeps, bool inPlace, SolverOptions options, ref ProgressClock clock)
        where TModel : struct, IMdp
    {
        int n = model.StateCount;
        var v = new double[n];
        var next = new double[n];
        var policy = new int[n];
        var result = new SolverResult();
        double c = gamma == 0 ? 0 : gamma / (1 - gamma);
        var stall = new StallDetector();
        var rule = new StoppingRule(options);
        var greedy = new GreedyBackend(gamma); // also counts the outcomes for the rounding allowance
        // Block sweeps on several threads for large models or when asked (results do not depend on the thread count).
        int threads = ParallelSweep.Threads(options, n);
        var parallel = threads > 0 ? new ParallelSweep<TModel>(model, threads) : null;
        double nextCheck = double.NaN; // Gauss-Seidel: NaN until the first certificate, then c·change/2 of the last one
        ResidualRange range;
        int iteration = 0;
        while (true)
        {
            if (inPlace)
            {
                double change;
                if (parallel is null) change = SweepOperator.Apply(ref model, ref greedy, v, v, default, 0).Norm;
                else
                {
                    change = parallel.Sweep(v, next, null, null, gamma, gaussSeidel: true, ref greedy.MaxOutcomes).Norm;
                    (v, next) = (next, v);
                }
                iteration++;
                if (!double.IsFinite(change)) throw SolverResult.NonFinite(ref model, v, iteration);
                clock.Tick(iteration, change);
                bool last = change == 0 || iteration >= options.MaxIterations;
                double checkAt = double.IsNaN(nextCheck) ? rule.Target(v, c * change, 0, ValueIteration.FloorPerAbs(greedy.MaxOutcomes, gamma)) : nextCheck;
                if (c * change > checkAt && !last) continue;
                nextCheck = c * change * 0.5;
                range = parallel is null ? SweepOperator.Apply(ref model, ref greedy, v, next, policy, 0) : parallel.Sweep(v, next, policy, null, gamma, gaussSeidel: false, ref greedy.MaxOutcomes);
                if (!double.IsFinite(range.Min + range.Max)) throw SolverResult.NonFinite(ref model, next, iteration);
                double bound = c * range.HalfSpan + ValueIteration.RoundingAtMidpoint(greedy.MaxOutcomes, next, range, gamma);
                if (bound <= rule.Target(next, bound, 0, ValueIteration.FloorPerAbs(greedy.MaxOutcomes, gamma)) || ValueIteration.StopEarly(result, bound, iteration, options, ref stall) || last) break;
                continue;
            }
            range = parallel is null ? SweepOperator.Apply(ref model, ref greedy, v, next, policy, 0) : parallel.Sweep(v, next, policy, null, gamma, gaussSeidel: false, ref greedy.MaxOutcomes);
            iteration++;
            if (!double.IsFinite(range.Min + range.Max)) throw SolverResult.NonFinite(ref model, next, iteration);
            double jacobiBound = c * range.HalfSpan;
            clock.Tick(iteration, range.Norm);
            double target = rule.Target(next, jacobiBound, 0, ValueIteration.FloorPerAbs(greedy.MaxOutcomes, gamma));
            // Near the end, include the rounding allowance so the final certified bound meets the tolerance too.
            if (jacobiBound <= target) jacobiBound += ValueIteration.RoundingAtMidpoint(greedy.MaxOutcomes, next, range, gamma);
            if (jacobiBound <= target) break;
            if (ValueIteration.StopEarly(result, jacobiBound, iteration, options, ref stall)) break;
            // Partial evaluation: next ← T_π^m next, ping-ponging between the two buffers.
            for (int k = 0; k < evaluationSweeps; k++)
            {
                if (parallel is null)
                {
                    var fixedPolicy = new FixedPolicyBackend(policy, gamma);
                    SweepOperator.Apply(ref model, ref fixedPolicy, next, v, default, 0);
                }
                else
                {
                    int ignored = 0;
                    parallel.Sweep(next, v, null, policy, gamma, gaussSeidel: false, ref ignored);
                }
                (v, next) = (next, v);
            }
            (v, next) = (next, v);
        }
        result.ErrorBound = ValueIteration.MidpointOfBracket(ref model, next, range, gamma, greedy.MaxOutcomes, out result.RoundingAllowance);
        result.TargetFloor = rule.Floor;
        result.Values = next;
        result.Policy = policy;
        result.Iterations = iteration;
        result.Residual = range.Norm;
        return result;
    }
}
