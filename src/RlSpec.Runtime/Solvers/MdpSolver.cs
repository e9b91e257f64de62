using System;
using System.Collections.Generic;
using System.Globalization;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Solvers;

/// <summary>
/// The entry point for planning: solves any <see cref="IMdp"/> (an emitted matrix-free model or a
/// <see cref="SparseMdp"/>) for its declared criterion and reports a certified error bound.
/// Deterministic: the same model and options give bit-identical results, for any <see cref="SolverOptions.Threads"/>.
/// </summary>
public static class MdpSolver
{
    /// <summary>
    /// The method used when <see cref="SolverOptions.Method"/> is null: discounted → the cheaper of
    /// <see cref="SolverMethod.PolicyIteration"/> and <see cref="SolverMethod.ModifiedPolicyIteration"/> by
    /// <see cref="MethodCostModel"/> (states, outcomes per state-action pair, actions, discount, tolerance);
    /// finite horizon → <see cref="SolverMethod.BackwardInduction"/>; total reward → <see cref="SolverMethod.GaussSeidel"/>;
    /// average reward → <see cref="SolverMethod.RelativeValueIteration"/>.
    /// </summary>
    public static SolverMethod DefaultMethod<TModel>(in TModel model, SolverOptions? options = null) where TModel : struct, IMdp
    {
        TModel m = model;
        Criterion criterion = m.Criterion;
        return criterion.Kind switch
        {
            CriterionKind.Discounted => MethodCostModel.ChooseDiscounted(ref m, criterion.Discount, options ?? SolverOptions.Default),
            CriterionKind.FiniteHorizon => SolverMethod.BackwardInduction,
            CriterionKind.TotalReward => SolverMethod.GaussSeidel,
            _ => SolverMethod.RelativeValueIteration,
        };
    }

    /// <summary>The methods that solve a criterion, the default's alternatives.</summary>
    public static SolverMethod[] FittingMethods(Criterion criterion) => criterion.Kind switch
    {
        CriterionKind.Discounted => [SolverMethod.PolicyIteration, SolverMethod.ValueIteration, SolverMethod.GaussSeidel, SolverMethod.ModifiedPolicyIteration],
        CriterionKind.FiniteHorizon => [SolverMethod.BackwardInduction],
        CriterionKind.TotalReward => [SolverMethod.GaussSeidel, SolverMethod.ValueIteration],
        _ => [SolverMethod.RelativeValueIteration],
    };

    /// <summary>Solves the model for its declared criterion.</summary>
    /// <exception cref="MdpSolverException">The method does not fit the criterion, or the criterion's parameter is invalid.</exception>
    public static MdpSolution Solve<TModel>(in TModel model, SolverOptions? options = null) where TModel : struct, IMdp
    {
        options ??= SolverOptions.Default;
        TModel m = model;
        Criterion criterion = m.Criterion;
        CheckCriterion(criterion);
        CheckOptions(options);
        SolverMethod method = options.Method ?? DefaultMethod(m, options);
        CheckFits(method, criterion);
        MemoryPlan.Check(ref m, method, options, evaluation: false);
        Validate(ref m, options);
        if (criterion.Kind == CriterionKind.TotalReward) CheckTargetReachable(ref m);
        string name = method.ToString();
        var clock = new ProgressClock(options, name);
        double gamma = criterion.Discount;
        SolverResult result = method switch
        {
            SolverMethod.ValueIteration when criterion.Kind == CriterionKind.TotalReward => TotalRewardIteration.Solve(ref m, gaussSeidel: false, options, ref clock),
            SolverMethod.GaussSeidel when criterion.Kind == CriterionKind.TotalReward => TotalRewardIteration.Solve(ref m, gaussSeidel: true, options, ref clock),
            SolverMethod.ValueIteration => ValueIteration.Solve(ref m, gamma, options, ref clock),
            SolverMethod.GaussSeidel => GaussSeidel.Solve(ref m, gamma, options, ref clock),
            SolverMethod.PolicyIteration => PolicyIteration.Solve(ref m, gamma, options, ref clock),
            SolverMethod.ModifiedPolicyIteration => ModifiedPolicyIteration.Solve(ref m, gamma, options, ref clock),
            SolverMethod.BackwardInduction => BackwardInduction.Solve(ref m, criterion.Horizon, gamma, null, options, ref clock),
            _ => RelativeValueIteration.Solve(ref m, null, options, ref clock),
        };
        return Finish(ref m, result, name, options, clock.Seconds);
    }

    /// <summary>
    /// Evaluates a stationary policy (action index per state; entries of terminal states are
    /// ignored) under the model's criterion: discounted and total reward by an exact linear solve
    /// (certified with one sweep of T_π), finite horizon by backward recursion with the same
    /// action at every step, average reward by relative value iteration with the policy fixed.
    /// </summary>
    /// <exception cref="MdpSolverException">The policy has the wrong length, picks a disabled action, or (total reward) is improper.</exception>
    public static MdpSolution Evaluate<TModel>(in TModel model, int[] policy, SolverOptions? options = null) where TModel : struct, IMdp
    {
        ArgumentNullException.ThrowIfNull(policy);
        options ??= SolverOptions.Default;
        TModel m = model;
        Criterion criterion = m.Criterion;
        CheckCriterion(criterion);
        CheckOptions(options);
        MemoryPlan.Check(ref m, SolverMethod.PolicyIteration, options, evaluation: true);
        Validate(ref m, options);
        int[] pi = CheckPolicy(ref m, policy);
        const string name = "PolicyEvaluation";
        var clock = new ProgressClock(options, name);
        int n = m.StateCount;
        double gamma = criterion.Discount;
        SolverResult result;
        switch (criterion.Kind)
        {
            case CriterionKind.FiniteHorizon:
                result = BackwardInduction.Solve(ref m, criterion.Horizon, gamma, pi, options, ref clock);
                break;
            case CriterionKind.AverageReward:
                result = RelativeValueIteration.Solve(ref m, pi, options, ref clock);
                break;
            default:
            {
                result = new SolverResult();
                bool total = criterion.Kind == CriterionKind.TotalReward;
                if (total)
                {
                    int[] improper = PolicyGraph.ImproperStates(m, pi);
                    if (improper.Length > 0)
                        throw new MdpSolverException($"the policy is improper: from {SolverResult.Name(ref m, improper)} it does not reach a terminal state with probability 1, so its total reward is not defined.");
                }
                var v = new double[n];
                if (total && n > options.DenseSolveLimit)
                {
                    // (I − P_π) is nearly singular when termination is slow, where Krylov methods
                    // stall; Gauss-Seidel sweeps of T_π converge for a proper policy.
                    for (int sweep = 1; ; sweep++)
                    {
                        double change = PolicyEvaluation.GaussSeidelSweep(ref m, pi, v, 1.0, 0);
                        if (!double.IsFinite(change)) throw SolverResult.NonFinite(ref m, v, sweep);
                        clock.Tick(sweep, change);
                        result.Iterations = sweep;
                        if (!(change > 0.01 * options.Tolerance / n)) break;
                        if (sweep >= options.MaxIterations) { result.StopReason = StopReason.IterationLimit; break; }
                    }
                }
                else
                {
                    var rewards = new double[n];
                    PolicyEvaluation.Rewards(ref m, pi, rewards, 0);
                    PolicyEvaluation.SolveLinear(ref m, pi, gamma, rewards, v, options.DenseSolveLimit, options.CancellationToken);
                    result.Iterations = 1;
                }
                var next = new double[n];
                var evaluation = new FixedPolicyBackend(pi, gamma);
                var range = SweepOperator.Apply(ref m, ref evaluation, v, next, default, 0);
                if (!double.IsFinite(range.Min + range.Max)) throw SolverResult.NonFinite(ref m, next, result.Iterations);
                result.Residual = range.Norm;
                if (total)
                {
                    double maxSteps = ExpectedSteps.UpperBound(ref m, pi, options, new double[n]);
                    result.RoundingAllowance = maxSteps * RoundingBound.PerBackup(evaluation.MaxOutcomes, v);
                    result.ErrorBound = maxSteps * range.Norm + result.RoundingAllowance;
                    result.Values = v;
                }
                else
                {
                    result.ErrorBound = ValueIteration.MidpointOfBracket(ref m, next, range, gamma, evaluation.MaxOutcomes, out result.RoundingAllowance);
                    result.Values = next;
                }
                result.Policy = pi;
                break;
            }
        }
        return Finish(ref m, result, name, options, clock.Seconds);
    }

    /// <summary>
    /// Checks the final bound against the target and words one warning per stop reason from the
    /// bound actually certified (never from an intermediate number).
    /// </summary>
    private static double CheckStop<TModel>(ref TModel model, SolverResult result, SolverOptions options, out bool raised) where TModel : struct, IMdp
    {
        raised = false;
        Criterion criterion = model.Criterion;
        if (criterion.Kind == CriterionKind.FiniteHorizon) return 0; // exact recursion; the bound covers rounding only
        double target = StoppingRule.Final(options, result.Values, result.Gain ?? 0, result.RoundingFloor, out raised);
        if (result.StopReason == StopReason.Converged && !(result.ErrorBound <= target)) result.StopReason = StopReason.RoundingFloor;
        string bound = SolverResult.Format(result.ErrorBound);
        string asked = raised
            ? $"the target {SolverResult.Format(target)} (tolerance {SolverResult.Format(options.Tolerance)} relative to the span of the values, raised to the rounding floor)"
            : options.ToleranceKind == ToleranceKind.Relative && target != options.Tolerance
            ? $"the target {SolverResult.Format(target)} (tolerance {SolverResult.Format(options.Tolerance)} relative to the span of the values)"
            : $"the tolerance {SolverResult.Format(target)}";
        switch (result.StopReason)
        {
            case StopReason.IterationLimit:
                result.Warnings.Add($"stopped at the iteration limit ({options.MaxIterations.ToString(CultureInfo.InvariantCulture)}) with a certified error bound of {bound}, above {asked}; raise the iteration limit or the tolerance.");
                break;
            case StopReason.RoundingFloor:
                double maxAbs = 0;
                foreach (double v in result.Values) maxAbs = Math.Max(maxAbs, Math.Abs(v));
                result.Warnings.Add($"the certified error bound is {bound}, above {asked}: floating-point rounding at this value scale (max |V| = {SolverResult.Format(maxAbs)}) does not resolve a smaller error; use a larger tolerance.");
                break;
        }
        return target;
    }

    private static MdpSolution Finish<TModel>(ref TModel model, SolverResult result, string method, SolverOptions options, double seconds) where TModel : struct, IMdp
    {
        double target = CheckStop(ref model, result, options, out bool raised);
        var stuck = new List<int>();
        for (int s = 0; s < result.Policy.Length; s++)
            if (result.Policy[s] < 0 && !model.IsTerminal(s)) stuck.Add(s);
        if (stuck.Count > 0)
            result.Warnings.Add($"{stuck.Count.ToString(CultureInfo.InvariantCulture)} non-terminal state(s) have no enabled action ({SolverResult.Name(ref model, stuck)}); they were treated as absorbing with value 0. Run the validator (RLS0304).");
        IMdp boxed = model; // one allocation, outside every loop: keeps labels and names reachable
        return new MdpSolution(boxed)
        {
            ModelName = model.Name,
            Method = method,
            Criterion = model.Criterion,
            Values = result.Values,
            ValuesByStep = result.ValuesByStep,
            Policy = result.Policy,
            PolicyByStep = result.PolicyByStep,
            Gain = result.Gain,
            Iterations = result.Iterations,
            ErrorBound = result.ErrorBound,
            Residual = result.Residual,
            Seconds = seconds,
            StopReason = result.StopReason,
            Tolerance = options.Tolerance,
            ToleranceKind = options.ToleranceKind,
            TargetBound = target,
            TargetRaisedToRoundingFloor = raised,
            Warnings = result.Warnings.ToArray(),
        };
    }

    /// <summary>Refuses a model the validator finds problems in (unless the caller opted out), before any allocation for the solve.</summary>
    private static void Validate<TModel>(ref TModel model, SolverOptions options) where TModel : struct, IMdp
    {
        if (options.SkipValidation) return;
        var errors = MdpValidator.Validate(in model);
        if (errors.Count == 0) return;
        throw Invalid(model.Name, errors);
    }

    /// <summary>The exception a solve refuses model <paramref name="name"/> with when the validator found <paramref name="errors"/> (one message for every engine).</summary>
    public static MdpSolverException Invalid(string name, IReadOnlyList<ModelError> errors)
    {
        var lines = new System.Text.StringBuilder();
        lines.Append(CultureInfo.InvariantCulture, $"model '{name}' is invalid, so it was not solved ({errors.Count}{(errors.Count >= 20 ? " or more" : "")} problem(s); fix them, or set SolverOptions.SkipValidation if the model was validated already):");
        for (int i = 0; i < errors.Count && i < 5; i++) lines.Append("\n  ").Append(errors[i].ToString());
        if (errors.Count > 5) lines.Append("\n  ...");
        return new MdpSolverException(SolverErrorIds.InvalidModel, lines.ToString(), errors);
    }

    /// <summary>Total reward is defined only where some policy terminates with probability 1; refuses the model otherwise (RLS0312).</summary>
    private static void CheckTargetReachable<TModel>(ref TModel model) where TModel : struct, IMdp
    {
        int[] stuck = Prob1E.StatesWithoutProperPolicy(model);
        if (stuck.Length == 0) return;
        throw new MdpSolverException(SolverErrorIds.TargetUnreachable,
            $"no policy reaches the `until` target with probability 1 from {stuck.Length.ToString(CultureInfo.InvariantCulture)} state(s): {SolverResult.Name(ref model, stuck)}. " +
            "From these states every policy may stay away from the target forever, so their total reward is not defined. " +
            "Make the `until` condition reachable from every state (e.g. an action or a rule that leads towards it), or include these states in it.");
    }

    private static void CheckCriterion(Criterion criterion)
    {
        switch (criterion.Kind)
        {
            case CriterionKind.Discounted when !(criterion.Discount >= 0 && criterion.Discount < 1):
                throw new MdpSolverException($"the discount factor must be in [0, 1), got {criterion.Discount.ToString(CultureInfo.InvariantCulture)}; for undiscounted problems declare `until <condition>` (total reward) or `average`.");
            case CriterionKind.FiniteHorizon when criterion.Horizon < 0:
                throw new MdpSolverException($"the horizon must be at least 0, got {criterion.Horizon}.");
            case CriterionKind.FiniteHorizon when !(criterion.Discount >= 0 && criterion.Discount <= 1):
                throw new MdpSolverException($"the discount factor must be in [0, 1], got {criterion.Discount.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    private static void CheckOptions(SolverOptions options)
    {
        if (!(options.Tolerance > 0)) throw new MdpSolverException($"the tolerance must be positive, got {options.Tolerance.ToString(CultureInfo.InvariantCulture)}.");
        if (options.MaxIterations < 1) throw new MdpSolverException($"the iteration limit must be at least 1, got {options.MaxIterations}.");
        if (options.Threads is int threads && threads < 1) throw new MdpSolverException($"the number of threads must be at least 1, got {threads}.");
        if (options.MpiSweeps < 0) throw new MdpSolverException($"the number of evaluation sweeps of modified policy iteration must be at least 0, got {options.MpiSweeps}.");
    }

    /// <summary>Rejects a method that does not solve the criterion, naming the ones that do.</summary>
    private static void CheckFits(SolverMethod method, Criterion criterion)
    {
        SolverMethod[] fitting = FittingMethods(criterion);
        if (Array.IndexOf(fitting, method) < 0)
            throw new MdpSolverException($"{method} does not solve a {criterion} model; use {string.Join(" or ", fitting)}.");
    }

    private static int[] CheckPolicy<TModel>(ref TModel model, int[] policy) where TModel : struct, IMdp
    {
        int n = model.StateCount;
        if (policy.Length != n)
            throw new MdpSolverException($"the policy has {policy.Length} entries but model '{model.Name}' has {n} states.");
        var pi = new int[n];
        Criterion criterion = model.Criterion;
        int steps = criterion.Kind == CriterionKind.FiniteHorizon && model.IsTimeDependent ? criterion.Horizon : 1;
        for (int s = 0; s < n; s++)
        {
            if (model.IsTerminal(s)) { pi[s] = -1; continue; }
            int a = policy[s];
            if ((uint)a >= (uint)model.ActionCount)
                throw new MdpSolverException($"the policy picks action {a} in state {model.StateLabel(s)}, but actions are 0..{model.ActionCount - 1}.");
            for (int t = 0; t < steps; t++)
            {
                var probe = new EnabledProbe();
                if (!model.Transitions(s, a, t, ref probe))
                    throw new MdpSolverException($"the policy picks `{model.ActionName(a)}` in state {model.StateLabel(s)}{(steps > 1 ? $" at step {t}" : "")}, where it is not enabled.");
            }
            pi[s] = a;
        }
        return pi;
    }
}
