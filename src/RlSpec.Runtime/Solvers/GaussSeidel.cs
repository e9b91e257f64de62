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

    /// <summary>
    /// Gauss-Seidel value iteration for a discounted model. When the in-place change is small,
    /// one Jacobi sweep certifies the bound; the result is that sweep's bracket midpoint.
    /// </summary>
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
        double nextCheck = double.NaN; // NaN: not certified yet, so check once c·change reaches the target
        int outcomes = RoundingBound.MaxOutcomes(ref model);
        int iteration = 0;
        while (true)
        {
            double change = SweepCore(ref model, v, gamma, 0);
            iteration++;
            if (!double.IsFinite(change)) throw SolverResult.NonFinite(ref model, v, iteration);
            clock.Tick(iteration, change);
            bool last = change == 0 || iteration >= options.MaxIterations;
            double checkAt = double.IsNaN(nextCheck) ? rule.Target(v, c * change) : nextCheck;
            if (c * change > checkAt && !last) continue;
            var range = ValueIteration.SweepCore(ref model, v, next, policy, gamma, 0);
            if (!double.IsFinite(range.Min + range.Max)) throw SolverResult.NonFinite(ref model, next, iteration);
            double bound = c * range.HalfSpan + ValueIteration.RoundingAtMidpoint(outcomes, next, range, gamma);
            double target = rule.Target(next, bound);
            if (bound <= target || ValueIteration.StopEarly(result, bound, iteration, options, ref stall) || last)
            {
                result.ErrorBound = ValueIteration.MidpointOfBracket(ref model, next, range, gamma);
                result.Residual = range.Norm;
                break;
            }
            nextCheck = c * change * 0.5;
        }
        result.Values = next;
        result.Policy = policy;
        result.Iterations = iteration;
        return result;
    }
}
