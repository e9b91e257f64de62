using System;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Solvers;

/// <summary>
/// Relative value iteration for the average-reward criterion (White 1963; Puterman 1994, §8.5)
/// on the aperiodicity-transformed model P̃ = τP + (1 − τ)I with τ = 0.5, which has the same
/// gain and bias but converges on periodic chains. Each sweep computes
/// h̃(s) = h(s) + τ·(max_a Q(s, a) − h(s)) and renormalizes so h(0) = 0. The gain bracket
/// min_s (Th − h)(s) ≤ g* ≤ max_s (Th − h)(s) (Puterman Thm. 8.5.5, valid when the optimal gain is
/// constant: unichain or weakly communicating models) certifies the gain; the solver stops when
/// its half-width is below the tolerance. Terminal states are absorbing with reward 0.
/// </summary>
public static class RelativeValueIteration
{
    /// <summary>The aperiodicity transform's weight on the original transitions.</summary>
    public const double Tau = 0.5;

    /// <summary>
    /// One sweep: <paramref name="next"/> = h + τ(Th − h) (or T_π with a fixed policy) and the
    /// greedy policy; returns the range of Th − h, the gain bracket. Allocates nothing.
    /// </summary>
    public static ResidualRange Sweep<TModel>(in TModel model, ReadOnlySpan<double> bias, Span<double> next, Span<int> policy)
        where TModel : struct, IMdp
    {
        TModel m = model;
        return SweepCore(ref m, bias, next, policy, null);
    }

    internal static ResidualRange SweepCore<TModel>(ref TModel model, ReadOnlySpan<double> bias, Span<double> next, Span<int> policy, int[]? fixedPolicy)
        where TModel : struct, IMdp
    {
        if (fixedPolicy is null)
        {
            var greedy = new RelativeBackend<GreedyBackend>(new GreedyBackend(1.0), Tau);
            return SweepOperator.Apply(ref model, ref greedy, bias, next, policy, 0);
        }
        var evaluation = new RelativeBackend<FixedPolicyBackend>(new FixedPolicyBackend(fixedPolicy, 1.0), Tau);
        return SweepOperator.Apply(ref model, ref evaluation, bias, next, policy, 0);
    }

    internal static SolverResult Solve<TModel>(ref TModel model, int[]? fixedPolicy, SolverOptions options, ref ProgressClock clock)
        where TModel : struct, IMdp
    {
        int n = model.StateCount;
        var h = new double[n];
        var next = new double[n];
        var policy = new int[n];
        var result = new SolverResult();
        var stall = new StallDetector();
        var rule = new StoppingRule(options);
        // A relative target is at least twice the rounding allowance, 2(k+2)·ε·max|h|.
        double floorPerAbs = options.ToleranceKind == ToleranceKind.Relative ? 2 * (RoundingBound.MaxOutcomes(ref model) + 2) * RoundingBound.Epsilon : 0;
        ResidualRange range;
        int iteration = 0;
        while (true)
        {
            range = SweepCore(ref model, h, next, policy, fixedPolicy);
            iteration++;
            if (!double.IsFinite(range.Min + range.Max)) throw SolverResult.NonFinite(ref model, next, iteration);
            clock.Tick(iteration, range.Max - range.Min);
            if (range.HalfSpan <= rule.Target(next, range.HalfSpan, 0.5 * (range.Min + range.Max), floorPerAbs)) break;
            if (ValueIteration.StopEarly(result, range.HalfSpan, iteration, options, ref stall)) break;
            // Terminal states keep bias 0 relative to the reference state (they are absorbing with reward 0).
            double reference = n > 0 ? next[0] : 0;
            for (int s = 0; s < n; s++) h[s] = model.IsTerminal(s) ? 0 : next[s] - reference;
        }
        result.Values = h;
        result.Policy = policy;
        result.Gain = 0.5 * (range.Min + range.Max);
        result.RoundingAllowance = RoundingBound.PerBackup(ref model, h);
        result.ErrorBound = range.HalfSpan + result.RoundingAllowance;
        result.TargetFloor = rule.Floor;
        result.Residual = range.Max - range.Min;
        result.Iterations = iteration;
        return result;
    }
}
