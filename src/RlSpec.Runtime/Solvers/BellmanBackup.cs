using System;
using System.Runtime.CompilerServices;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Solvers;

/// <summary>
/// Accumulates the Bellman backup Σ p·(r + γ·V[next]) over the outcomes of one state-action
/// pair. A ref struct visitor, so the JIT inlines it into the model's transition code.
/// </summary>
public ref struct BellmanBackup : ITransitionVisitor
{
    private readonly ReadOnlySpan<double> _values;
    private readonly double _gamma;

    /// <summary>The backup Σ p·(r + γ·V[next]).</summary>
    public double Value;

    /// <summary>How many outcomes were reported.</summary>
    public int Outcomes;

    public BellmanBackup(ReadOnlySpan<double> values, double gamma)
    {
        _values = values;
        _gamma = gamma;
        Value = 0;
        Outcomes = 0;
    }

    public static bool Validating => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Outcome(int next, double probability, double reward)
    {
        Value += probability * (reward + _gamma * _values[next]);
        Outcomes++;
    }

    public void BeginRule(int rule) { }
    public void BeginReward(int term) { }
    public void RewardTotal(int term, double total) { }
    public void OutOfRange(int variable, long value, double probability) { }
    public void NoMatchingRule() { }
}

/// <summary>
/// Accumulates Σ p·x[next] and Σ p·r separately: the rows of P_π and r_π for policy evaluation.
/// </summary>
public ref struct TransitionProduct : ITransitionVisitor
{
    private readonly ReadOnlySpan<double> _x;

    /// <summary>Σ p·x[next].</summary>
    public double Expected;

    /// <summary>Σ p·r.</summary>
    public double Reward;

    public TransitionProduct(ReadOnlySpan<double> x)
    {
        _x = x;
        Expected = 0;
        Reward = 0;
    }

    public static bool Validating => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Outcome(int next, double probability, double reward)
    {
        Expected += probability * _x[next];
        Reward += probability * reward;
    }

    public void BeginRule(int rule) { }
    public void BeginReward(int term) { }
    public void RewardTotal(int term, double total) { }
    public void OutOfRange(int variable, long value, double probability) { }
    public void NoMatchingRule() { }
}

/// <summary>The Bellman operators T (optimal) and T_π (one action) applied at one state.</summary>
public static class BellmanOperator
{
    /// <summary>Q(s, a) = Σ p·(r + γ·V[next]); false when the action is disabled.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ActionValue<TModel>(ref TModel model, int state, int action, int step, ReadOnlySpan<double> values, double gamma, out double q)
        where TModel : struct, IMdp
    {
        var backup = new BellmanBackup(values, gamma);
        bool enabled = model.Transitions(state, action, step, ref backup);
        q = backup.Value;
        return enabled;
    }

    /// <summary>
    /// (TV)(s) = max_a Q(s, a) with ties broken to the lowest action index; returns 0 and
    /// action -1 when no action is enabled. <paramref name="maxOutcomes"/> is raised to the
    /// largest number of outcomes seen.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Greedy<TModel>(ref TModel model, int state, int step, ReadOnlySpan<double> values, double gamma, out int action, ref int maxOutcomes)
        where TModel : struct, IMdp
    {
        // Explicit sparse models walk their CSR rows directly; the JIT removes this test for every other model.
        if (typeof(TModel) == typeof(SparseMdp))
            return Unsafe.As<TModel, SparseMdp>(ref model).GreedyBackup(state, values, gamma, out action, ref maxOutcomes);
        double best = 0;
        action = -1;
        int actions = model.ActionCount;
        for (int a = 0; a < actions; a++)
        {
            var backup = new BellmanBackup(values, gamma);
            if (!model.Transitions(state, a, step, ref backup)) continue;
            if (backup.Outcomes > maxOutcomes) maxOutcomes = backup.Outcomes;
            if (action < 0 || backup.Value > best)
            {
                best = backup.Value;
                action = a;
            }
        }
        return best;
    }

    /// <summary>Greedy backup without outcome counting.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Greedy<TModel>(ref TModel model, int state, int step, ReadOnlySpan<double> values, double gamma, out int action)
        where TModel : struct, IMdp
    {
        int ignored = 0;
        return Greedy(ref model, state, step, values, gamma, out action, ref ignored);
    }
}

/// <summary>Accumulates the expected reward Σ p·r of one state-action pair.</summary>
public struct ExpectedReward : ITransitionVisitor
{
    /// <summary>Σ p·r.</summary>
    public double Value;

    public static bool Validating => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Outcome(int next, double probability, double reward) => Value += probability * reward;

    public readonly void BeginRule(int rule) { }
    public readonly void OutOfRange(int variable, long value, double probability) { }
    public readonly void NoMatchingRule() { }
}

/// <summary>Ignores every outcome: used to ask only whether an action is enabled.</summary>
public struct EnabledProbe : ITransitionVisitor
{
    public static bool Validating => false;
    public readonly void Outcome(int next, double probability, double reward) { }
    public readonly void BeginRule(int rule) { }
    public readonly void OutOfRange(int variable, long value, double probability) { }
    public readonly void NoMatchingRule() { }
}
