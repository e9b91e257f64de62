using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Solvers;

/// <summary>
/// Modified policy iteration (Puterman and Shin 1978): one greedy Jacobi sweep (which also
/// certifies the current values), then <see cref="SolverOptions.MpiSweeps"/> sweeps of T_π for
/// the greedy policy. m = 0 is value iteration; m → ∞ is policy iteration.
/// </summary>
public static class ModifiedPolicyIteration
{
    internal static SolverResult Solve<TModel>(ref TModel model, double gamma, SolverOptions options, ref ProgressClock clock)
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
        int outcomes = RoundingBound.MaxOutcomes(ref model);
        int sweeps = System.Math.Max(0, options.MpiSweeps);
        ResidualRange range;
        int iteration = 0;
        while (true)
        {
            range = ValueIteration.SweepCore(ref model, v, next, policy, gamma, 0);
            iteration++;
            if (!double.IsFinite(range.Min + range.Max)) throw SolverResult.NonFinite(ref model, next, iteration);
            double bound = c * range.HalfSpan;
            clock.Tick(iteration, range.Norm);
            double target = rule.Target(next, bound);
            // Near the end, include the rounding allowance so the final certified bound meets the tolerance too.
            if (bound <= target) bound += ValueIteration.RoundingAtMidpoint(outcomes, next, range, gamma);
            if (bound <= target) break;
            if (ValueIteration.StopEarly(result, bound, iteration, options, ref stall)) break;
            // Partial evaluation: next ← T_π^m next, ping-ponging between the two buffers.
            for (int k = 0; k < sweeps; k++)
            {
                PolicyEvaluation.SweepCore(ref model, policy, next, v, gamma, 0);
                (v, next) = (next, v);
            }
            (v, next) = (next, v);
        }
        result.ErrorBound = ValueIteration.MidpointOfBracket(ref model, next, range, gamma);
        result.Values = next;
        result.Policy = policy;
        result.Iterations = iteration;
        result.Residual = range.Norm;
        return result;
    }
}
