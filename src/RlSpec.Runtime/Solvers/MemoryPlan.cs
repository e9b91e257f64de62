using System;
using System.Globalization;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Solvers;

/// <summary>
/// Estimates the memory a solve allocates (values, policies, solver buffers) before it allocates
/// anything, and refuses with <see cref="SolverErrorIds.InsufficientMemory"/> when that exceeds what
/// the machine has free: the GC's <c>TotalAvailableMemoryBytes</c> (physical memory or the container
/// limit) minus the memory in use on the machine (<c>MemoryLoadBytes</c>), or
/// <see cref="SolverOptions.MemoryLimitBytes"/> when set. The estimate counts the large arrays only;
/// validation and labels need O(1) memory per state-action pair checked and are not counted.
/// </summary>
internal static class MemoryPlan
{
    /// <summary>Bytes of an array object besides its elements (header, length, the reference that holds it).</summary>
    private const long ArrayOverhead = 32;

    /// <summary>The bytes of the large arrays <paramref name="method"/> allocates for <paramref name="n"/> states.</summary>
    public static long Estimate(Criterion criterion, SolverMethod method, long n, int actionCount, SolverOptions options, bool evaluation)
    {
        const long Value = sizeof(double), Action = sizeof(int);
        switch (criterion.Kind)
        {
            case CriterionKind.FiniteHorizon:
                // Values and (narrowed) policy of every step, plus V_H and the step's int policy buffer.
                return criterion.Horizon * (n * PerStateAndStep(actionCount) + 2 * ArrayOverhead) + n * (Value + Action);
            case CriterionKind.TotalReward:
                // v, next, policy, expected steps, their workspace; Prob1E's graph (about 3 ints per transition, at least one per state).
                return n * (5 * Value + Action) + (evaluation ? 0 : 12 * n) + LinearSolve(n, options);
            case CriterionKind.AverageReward:
                return n * (2 * Value + Action);
            default:
                if (evaluation || method == SolverMethod.PolicyIteration)
                    return n * (3 * Value + Action) + LinearSolve(n, options);
                return n * (2 * Value + Action);
        }
    }

    /// <summary>Finite horizon: a value (8 bytes) and a policy entry (1, 2 or 4 bytes, <see cref="FiniteHorizonPolicy.EntryBytes"/>) per state and step.</summary>
    public static long PerStateAndStep(int actionCount) => sizeof(double) + FiniteHorizonPolicy.EntryBytes(actionCount);

    /// <summary>Dense LU (8·n² bytes) up to the dense limit, else BiCGSTAB's six vectors.</summary>
    private static long LinearSolve(long n, SolverOptions options) => n <= options.DenseSolveLimit ? n * n * sizeof(double) : 6 * n * sizeof(double);

    /// <summary>What the solve may use: the option if set, else the machine's available memory minus its current load.</summary>
    public static long Available(SolverOptions options)
    {
        if (options.MemoryLimitBytes is long limit) return limit;
        var info = GC.GetGCMemoryInfo();
        return Math.Max(0, info.TotalAvailableMemoryBytes - info.MemoryLoadBytes);
    }

    /// <summary>Throws when the estimate exceeds the available memory, saying how to shrink the solve.</summary>
    public static void Check<TModel>(ref TModel model, SolverMethod method, SolverOptions options, bool evaluation) where TModel : struct, IMdp
    {
        Criterion criterion = model.Criterion;
        long n = model.StateCount;
        long needed = Estimate(criterion, method, n, model.ActionCount, options, evaluation);
        long perStep = n * PerStateAndStep(model.ActionCount) + 2 * ArrayOverhead;
        long available = Available(options);
        if (needed <= available) return;
        string advice = criterion.Kind switch
        {
            CriterionKind.FiniteHorizon =>
                $"the values and the policy of every one of the {criterion.Horizon.ToString(CultureInfo.InvariantCulture)} steps are kept ({Size(perStep)} per step): use a shorter horizon (at most about {(available / Math.Max(1, perStep)).ToString(CultureInfo.InvariantCulture)} steps fit), fewer states, or a discounted criterion, which keeps one value vector",
            _ when (method == SolverMethod.PolicyIteration || evaluation) && n <= options.DenseSolveLimit =>
                $"the dense evaluation needs 8·n² bytes: lower SolverOptions.DenseSolveLimit or use GaussSeidel, which needs about 20 bytes per state",
            _ => $"the solve keeps about {(needed / Math.Max(1, n)).ToString(CultureInfo.InvariantCulture)} bytes per state: use fewer states (e.g. smaller ranges of the state variables)",
        };
        throw new MdpSolverException(SolverErrorIds.InsufficientMemory,
            $"solving model '{model.Name}' ({n.ToString("N0", CultureInfo.InvariantCulture)} states, {(evaluation ? "PolicyEvaluation" : method.ToString())}) needs about {Size(needed)}, but only {Size(available)} " +
            (options.MemoryLimitBytes is null ? "of memory are available on this machine" : "are allowed (SolverOptions.MemoryLimitBytes)") + $"; {advice}.");
    }

    private static string Size(long bytes) => bytes >= 1L << 30
        ? (bytes / (double)(1L << 30)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB"
        : (bytes / (double)(1L << 20)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";
}
