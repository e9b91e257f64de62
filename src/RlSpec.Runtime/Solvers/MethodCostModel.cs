using System;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Solvers;

/// <summary>
/// The default method of a discounted model, chosen by estimated work rather than a size threshold (issue 11).
/// Work is counted in outcome visits (one multiply-add of Σ p·V). With n states, ā enabled actions and k̄ outcomes
/// per state-action pair (probed on at most <see cref="ProbeStates"/> states spread over the model) one greedy sweep
/// costs W = n·ā·k̄ and one sweep of a fixed policy n·k̄; S = ln(tolerance)/ln γ sweeps bound the geometric convergence.
/// <list type="bullet">
/// <item>Modified policy iteration with m = <see cref="SolverOptions.MpiSweeps"/>: at most S/(m + 1) + 1 improvements
///   (each of its iterations contracts at least like m + 1 sweeps), each W + m·n·k̄.</item>
/// <item>Policy iteration: a handful of improvement steps (<see cref="PolicyIterationSteps"/>; Howard's method
///   typically needs 3-10 whatever the size), each one greedy sweep W plus one exact evaluation: dense LU,
///   n³/3 multiply-adds weighted by <see cref="DenseFlopWeight"/> (a vectorized flop over an array costs about a
///   tenth of an outcome visit through the model), up to <see cref="SolverOptions.DenseSolveLimit"/> states, else
///   BiCGSTAB with about 2·√n + 20 iterations of two products of n·k̄ each.</item>
/// </list>
/// Policy iteration wins when ā·k̄ is large (the evaluation is cheap next to the sweeps) and n is small; modified
/// policy iteration wins for large n with few outcomes, where n³ or the Krylov products dominate. The constants were
/// checked with the bench command <c>method-choice</c> (docs/performance.md).
/// </summary>
public static class MethodCostModel
{
    /// <summary>States whose outcomes are counted to estimate k̄ and ā.</summary>
    public const int ProbeStates = 64;

    /// <summary>Improvement steps assumed for policy iteration.</summary>
    public const double PolicyIterationSteps = 6;

    /// <summary>The measured shape of a model: enabled actions and outcomes per enabled state-action pair, averaged over the probed states.</summary>
    public readonly record struct ModelShape(int States, double ActionsPerState, double OutcomesPerPair);

    /// <summary>Cost of one dense LU multiply-add relative to one outcome visit.</summary>
    public const double DenseFlopWeight = 0.1;

    /// <summary>Estimated work (outcome visits) of modified policy iteration and of policy iteration for a discounted model.</summary>
    public readonly record struct Estimate(double ModifiedPolicyIteration, double PolicyIteration);

    /// <summary>Counts enabled actions and outcomes on up to <see cref="ProbeStates"/> evenly spaced non-terminal states.</summary>
    public static ModelShape Probe<TModel>(ref TModel model) where TModel : struct, IMdp
    {
        int n = model.StateCount, actions = model.ActionCount;
        if (n == 0) return new ModelShape(0, 0, 0);
        int probes = Math.Min(n, ProbeStates);
        long pairs = 0, outcomes = 0, probed = 0;
        for (int i = 0; i < probes; i++)
        {
            int s = (int)((long)i * n / probes);
            if (model.IsTerminal(s)) continue;
            probed++;
            for (int a = 0; a < actions; a++)
            {
                var counter = new OutcomeCounter();
                if (!model.Transitions(s, a, 0, ref counter)) continue;
                pairs++;
                outcomes += counter.Count;
            }
        }
        return new ModelShape(n, probed == 0 ? 0 : (double)pairs / probed, pairs == 0 ? 0 : (double)outcomes / pairs);
    }

    /// <summary>The work estimates for a shape, discount and options.</summary>
    public static Estimate Cost(ModelShape shape, double gamma, SolverOptions options)
    {
        double n = shape.States, k = Math.Max(1, shape.OutcomesPerPair), a = Math.Max(1, shape.ActionsPerState);
        double sweep = n * a * k;
        double tolerance = Math.Clamp(options.Tolerance, 1e-15, 0.5);
        double sweeps = gamma <= 0 ? 1 : Math.Min(options.MaxIterations, Math.Log(tolerance) / Math.Log(gamma));
        double m = Math.Max(0, options.MpiSweeps);
        double modified = (Math.Max(1, sweeps) / (m + 1) + 1) * (sweep + m * n * k);
        double evaluation = n <= options.DenseSolveLimit
            ? DenseFlopWeight * n * n * n / 3 + n * k
            : (2 * Math.Sqrt(n) + 20) * 2 * n * k;
        double policyIteration = PolicyIterationSteps * (sweep + evaluation) + sweep;
        return new Estimate(modified, policyIteration);
    }

    /// <summary>The cheaper of modified policy iteration and policy iteration for a discounted model.</summary>
    public static SolverMethod ChooseDiscounted<TModel>(ref TModel model, double gamma, SolverOptions options) where TModel : struct, IMdp
    {
        ModelShape shape;
        try
        {
            shape = Probe(ref model);
        }
        catch (Exception ex) when (ex is IndexOutOfRangeException or DivideByZeroException or ArgumentException or OverflowException or InvalidOperationException)
        {
            // The model fails to evaluate somewhere; the validator, which runs next, reports where. Any method will do.
            return SolverMethod.ModifiedPolicyIteration;
        }
        var estimate = Cost(shape, gamma, options);
        return estimate.PolicyIteration <= estimate.ModifiedPolicyIteration ? SolverMethod.PolicyIteration : SolverMethod.ModifiedPolicyIteration;
    }

    /// <summary>Counts outcomes of one state-action pair.</summary>
    private struct OutcomeCounter : ITransitionVisitor
    {
        public int Count;
        public static bool Validating => false;
        public void Outcome(int next, double probability, double reward) => Count++;
        public readonly void BeginRule(int rule) { }
        public readonly void OutOfRange(int variable, long value, double probability) { }
        public readonly void NoMatchingRule() { }
    }
}
