using System;
using System.Runtime.CompilerServices;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Solvers;

/// <summary>
/// The one Bellman sweep of the runtime, after Storm's <c>ValueIterationOperator</c>: the operator
/// owns the loop over states, terminal states, the residual range and the non-finite check; a
/// backend (<see cref="ISweepBackend"/>) sees one state and says what its backup is (greedy over
/// the actions, one fixed action, expected steps) and how the stored value follows from it
/// (relative value iteration damps it). Jacobi and Gauss-Seidel are the same loop: Jacobi writes
/// into a second buffer, Gauss-Seidel passes the same buffer twice, so later states read the
/// values of earlier ones from this sweep. Every solver's sweep is this one, specialized by the
/// JIT for each model and backend; it allocates nothing.
/// </summary>
internal static class SweepOperator
{
    /// <summary>
    /// One sweep: for each state s, <paramref name="target"/>[s] = backend.Update(values[s], backup(s));
    /// terminal states and states the backend has no action for get 0 and action -1. Returns the
    /// range of backup − value over the states (0 included when some state is absorbing); when a
    /// backup or value is NaN or infinite, both ends are NaN (tested once per sweep, not per state).
    /// <paramref name="policy"/> may be empty (then no actions are recorded).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ResidualRange Apply<TModel, TBackend>(ref TModel model, ref TBackend backend, ReadOnlySpan<double> values, Span<double> target, Span<int> policy, int step)
        where TModel : struct, IMdp
        where TBackend : struct, ISweepBackend, allows ref struct
        => ApplyRange(ref model, ref backend, values, target, policy, step, 0, model.StateCount).Range();

    /// <summary>
    /// The sweep restricted to the states lo..hi-1, in order: what a block of <see cref="ParallelSweep{TModel}"/> runs.
    /// The result's minimum and maximum combine over blocks in any order to the serial sweep's, exactly.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SweepStats ApplyRange<TModel, TBackend>(ref TModel model, ref TBackend backend, ReadOnlySpan<double> values, Span<double> target, Span<int> policy, int step, int lo, int hi)
        where TModel : struct, IMdp
        where TBackend : struct, ISweepBackend, allows ref struct
    {
        // The greedy sweep over explicit CSR has its own loop, the same work in the same order (CsrGreedySweep); the
        // JIT removes this test for every other model and backend.
        if (typeof(TModel) == typeof(SparseMdp) && typeof(TBackend) == typeof(GreedyBackend))
        {
            ref GreedyBackend greedy = ref Unsafe.As<TBackend, GreedyBackend>(ref backend);
            return CsrGreedySweep.Apply(in Unsafe.As<TModel, SparseMdp>(ref model), values, target, policy, greedy.Gamma, ref greedy.MaxOutcomes, lo, hi);
        }
        bool recordPolicy = !policy.IsEmpty;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        double probe = 0; // stays 0 unless some difference is NaN or ±∞ (0·x is NaN exactly then)
        bool absorbing = false;
        for (int s = lo; s < hi; s++)
        {
            if (model.IsTerminal(s) || !backend.Backup(ref model, s, step, values, out double backup, out int action))
            {
                target[s] = 0;
                if (recordPolicy) policy[s] = -1;
                absorbing = true;
                continue;
            }
            if (recordPolicy) policy[s] = action;
            double old = values[s];
            double d = backup - old;
            if (d < min) min = d;
            if (d > max) max = d;
            probe += 0 * d;
            target[s] = backend.Update(old, backup);
        }
        return new SweepStats(min, max, probe != 0 || double.IsNaN(probe), absorbing);
    }
}

/// <summary>What one sweep (or one block of it) saw: the range of backup − value, a non-finite difference, an absorbing state.</summary>
internal readonly record struct SweepStats(double Min, double Max, bool NonFinite, bool Absorbing)
{
    /// <summary>Both blocks' observations; min, max and the flags are exact in any order.</summary>
    public SweepStats Merge(SweepStats other) => new(Math.Min(Min, other.Min), Math.Max(Max, other.Max), NonFinite | other.NonFinite, Absorbing | other.Absorbing);

    /// <summary>The residual range: NaN at both ends when some difference was not finite, 0 included when a state is absorbing.</summary>
    public ResidualRange Range()
    {
        if (NonFinite) return new ResidualRange(double.NaN, double.NaN);
        double min = Min, max = Max;
        if (Absorbing)
        {
            min = Math.Min(min, 0);
            max = Math.Max(max, 0);
        }
        return new ResidualRange(min, max).OrZero();
    }
}

/// <summary>What a <see cref="SweepOperator"/> does at one state (Storm: the backend that sees the row range and applies the update).</summary>
internal interface ISweepBackend
{
    /// <summary>The backup of <paramref name="state"/> from <paramref name="values"/>; false when the state has no action (it is then treated as absorbing with value 0).</summary>
    bool Backup<TModel>(ref TModel model, int state, int step, ReadOnlySpan<double> values, out double backup, out int action)
        where TModel : struct, IMdp;

    /// <summary>The value stored for a state, from its old value and its backup.</summary>
    double Update(double old, double backup);
}

/// <summary>The optimal operator T: max over enabled actions of Σ p·(r + γV), ties to the lowest index; counts outcomes for the rounding bound.</summary>
internal ref struct GreedyBackend(double gamma) : ISweepBackend
{
    /// <summary>Most outcomes of one state-action pair seen so far.</summary>
    public int MaxOutcomes = 1;

    /// <summary>The discount γ.</summary>
    public readonly double Gamma => gamma;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Backup<TModel>(ref TModel model, int state, int step, ReadOnlySpan<double> values, out double backup, out int action)
        where TModel : struct, IMdp
    {
        backup = BellmanOperator.Greedy(ref model, state, step, values, gamma, out action, ref MaxOutcomes);
        return action >= 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly double Update(double old, double backup) => backup;
}

/// <summary>The policy operator T_π: the one action π(s) (none when π(s) &lt; 0); counts outcomes for the rounding bound.</summary>
internal ref struct FixedPolicyBackend(ReadOnlySpan<int> policy, double gamma) : ISweepBackend
{
    private readonly ReadOnlySpan<int> _policy = policy;

    /// <summary>Most outcomes of one state-action pair seen so far.</summary>
    public int MaxOutcomes = 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Backup<TModel>(ref TModel model, int state, int step, ReadOnlySpan<double> values, out double backup, out int action)
        where TModel : struct, IMdp
    {
        action = _policy[state];
        if (action < 0)
        {
            backup = 0;
            return false;
        }
        var visitor = new BellmanBackup(values, gamma);
        model.Transitions(state, action, step, ref visitor);
        if (visitor.Outcomes > MaxOutcomes) MaxOutcomes = visitor.Outcomes;
        backup = visitor.Value;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly double Update(double old, double backup) => backup;
}

/// <summary>
/// Relative value iteration's damped update on top of another backend: stores h + τ·(backup − h),
/// the aperiodicity transform P̃ = τP + (1 − τ)I applied to the increment.
/// </summary>
internal ref struct RelativeBackend<TInner>(TInner inner, double tau) : ISweepBackend
    where TInner : struct, ISweepBackend, allows ref struct
{
    private TInner _inner = inner;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Backup<TModel>(ref TModel model, int state, int step, ReadOnlySpan<double> values, out double backup, out int action)
        where TModel : struct, IMdp
        => _inner.Backup(ref model, state, step, values, out backup, out action);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly double Update(double old, double backup) => old + tau * (backup - old);
}

/// <summary>
/// Expected steps to termination under π: x(s) ← 1 + Σ p·x(next), the fixed point τ of
/// (I − P_π)τ = 1 (<see cref="ExpectedSteps"/>).
/// </summary>
internal readonly ref struct StepsBackend(ReadOnlySpan<int> policy) : ISweepBackend
{
    private readonly ReadOnlySpan<int> _policy = policy;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Backup<TModel>(ref TModel model, int state, int step, ReadOnlySpan<double> values, out double backup, out int action)
        where TModel : struct, IMdp
    {
        action = _policy[state];
        if (action < 0)
        {
            backup = 0;
            return false;
        }
        var product = new TransitionProduct(values);
        model.Transitions(state, action, step, ref product);
        backup = 1 + product.Expected;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Update(double old, double backup) => backup;
}
