using System;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Solvers;

/// <summary>
/// Backward induction for a finite horizon H (Puterman 1994, §4.5): V_H = 0 and
/// V_t(s) = max_a Σ p·(r + γ·V_{t+1}(s')) for t = H−1..0, reading the step t in time-dependent
/// models. Exact up to rounding; the reported bound H·(k+2)·ε·max|V| covers the rounding of H
/// backups of at most k outcomes each (each backup sums k products and adds one more rounding
/// for the reward and one for the discount).
/// </summary>
public static class BackwardInduction
{
    /// <summary>One backward step: <paramref name="values"/> = T_t(<paramref name="next"/>). Allocates nothing.</summary>
    public static void Step<TModel>(in TModel model, int step, ReadOnlySpan<double> next, Span<double> values, Span<int> policy, double gamma = 1.0)
        where TModel : struct, IMdp
    {
        TModel m = model;
        int ignored = 0;
        StepCore(ref m, step, next, values, policy, gamma, null, ref ignored);
    }

    internal static void StepCore<TModel>(ref TModel model, int step, ReadOnlySpan<double> next, Span<double> values, Span<int> policy,
        double gamma, int[]? fixedPolicy, ref int maxOutcomes)
        where TModel : struct, IMdp
    {
        // Non-finite values are caught by the caller's scan of max |V|, so the residual range is not needed.
        if (fixedPolicy is null)
        {
            var greedy = new GreedyBackend(gamma);
            SweepOperator.Apply(ref model, ref greedy, next, values, policy, step);
            maxOutcomes = Math.Max(maxOutcomes, greedy.MaxOutcomes);
        }
        else
        {
            var evaluation = new FixedPolicyBackend(fixedPolicy, gamma);
            SweepOperator.Apply(ref model, ref evaluation, next, values, policy, step);
            maxOutcomes = Math.Max(maxOutcomes, evaluation.MaxOutcomes);
        }
    }

    internal static SolverResult Solve<TModel>(ref TModel model, int horizon, double gamma, int[]? fixedPolicy, SolverOptions options, ref ProgressClock clock)
        where TModel : struct, IMdp
    {
        int n = model.StateCount;
        bool timeDependent = model.IsTimeDependent;
        var values = new double[horizon][];
        // The policy of each step is computed into one int buffer and stored narrowed (a byte per state for most models).
        var policies = new FiniteHorizonPolicy(horizon, n, model.ActionCount);
        var stepPolicy = new int[n];
        ReadOnlySpan<double> next = new double[n];
        int maxOutcomes = 1;
        double maxAbs = 0;
        for (int t = horizon - 1; t >= 0; t--)
        {
            values[t] = new double[n];
            StepCore(ref model, timeDependent ? t : 0, next, values[t], stepPolicy, gamma, fixedPolicy, ref maxOutcomes);
            policies.Store(t, stepPolicy);
            foreach (double x in values[t]) maxAbs = Math.Max(maxAbs, Math.Abs(x));
            if (!double.IsFinite(maxAbs)) throw SolverResult.NonFinite(ref model, values[t], horizon - t);
            next = values[t];
            clock.Tick(horizon - t, 0);
        }
        var result = new SolverResult
        {
            Values = horizon > 0 ? values[0] : new double[n],
            Policy = horizon > 0 ? stepPolicy : NoPolicy(n), // the buffer holds step 0's policy last
            ValuesByStep = values,
            PolicyByStep = policies,
            Iterations = horizon,
            Residual = 0,
            ErrorBound = horizon * (maxOutcomes + 2) * Math.Pow(2, -52) * maxAbs,
        };
        return result;
    }

    private static int[] NoPolicy(int n)
    {
        var p = new int[n];
        Array.Fill(p, -1);
        return p;
    }
}
