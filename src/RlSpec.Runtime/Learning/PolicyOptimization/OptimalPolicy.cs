using System;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;

namespace RlSpec.Runtime.Learning.PolicyOptimization;

/// <summary>
/// The ground truth the curves are measured against: the optimal values V* and an optimal deterministic policy
/// π*, and for entropy weight τ &gt; 0 the regularized optimum π*_τ(a|s) ∝ exp(Q*_τ(s,a)/τ) with its value V*_τ
/// (Cen et al. 2021, Eq. 10). Both values are exact evaluations (<see cref="ExactPolicyEvaluation"/>) of the
/// returned policy, so a gap V*(ρ) − V^π(ρ) compares two solves of the same kind.
/// </summary>
public sealed class OptimalPolicy
{
    private OptimalPolicy(double[] values, double[] policy, double tau)
    {
        Values = values;
        Policy = policy;
        Regularization = tau;
    }

    /// <summary>V* (or V*_τ) per state.</summary>
    public double[] Values { get; }

    /// <summary>π* (one-hot, lowest action on ties) or π*_τ, at [s·A + a].</summary>
    public double[] Policy { get; }

    /// <summary>τ (0 for the unregularized optimum).</summary>
    public double Regularization { get; }

    /// <summary>
    /// V* and π*: the runtime's <see cref="MdpSolver"/> when the model's own criterion is discounted with the same
    /// γ (its policy as the starting point), then exact policy iteration with the stochastic-policy evaluator
    /// until no state improves by more than 1e-12·(1 + |V|) (normally zero further steps).
    /// </summary>
    public static OptimalPolicy Solve(ExactPolicyEvaluation evaluation)
    {
        var model = evaluation.Model;
        int n = evaluation.StateCount, actions = evaluation.ActionCount;
        var policy = new double[n * actions];
        var values = new double[n];
        var q = new double[n * actions];
        int[] start = new int[n];
        if (model.Criterion.Kind == CriterionKind.Discounted && model.Criterion.Discount == evaluation.Discount)
        {
            var solution = MdpSolver.Solve(model);
            Array.Copy(solution.Policy, start, n);
        }
        for (int s = 0; s < n; s++)
        {
            int a = start[s];
            if (!evaluation.HasActions(s)) continue;
            if (a < 0 || evaluation.Row(s, a) < 0) a = FirstEnabled(evaluation, s);
            policy[s * actions + a] = 1;
        }
        for (int iteration = 0; ; iteration++)
        {
            evaluation.Values(policy, values);
            evaluation.QValues(values, q);
            if (!Improve(evaluation, q, policy) || iteration > 10_000) break;
        }
        return new OptimalPolicy(values, policy, 0);
    }

    /// <summary>
    /// V*_τ and π*_τ for τ &gt; 0: soft value iteration V ← τ log Σ_a exp((r + γPV)/τ) (a γ-contraction) until the
    /// change is below 1e-14·(1 + |V|), then soft policy iteration π ← softmax(Q^π_τ/τ) with exact evaluation until
    /// the policy stops changing (to 1e-15), and V*_τ = V^{π*_τ}_τ evaluated exactly.
    /// </summary>
    public static OptimalPolicy SolveRegularized(ExactPolicyEvaluation evaluation, double tau)
    {
        if (!(tau > 0)) throw new ArgumentException($"the entropy weight must be positive, not {tau}.", nameof(tau));
        int n = evaluation.StateCount, actions = evaluation.ActionCount;
        var values = new double[n];
        var next = new double[n];
        var q = new double[n * actions];
        var policy = new double[n * actions];
        for (int sweep = 0; sweep < 1_000_000; sweep++)
        {
            evaluation.QValues(values, q);
            double change = 0, scale = 1;
            for (int s = 0; s < n; s++)
            {
                next[s] = evaluation.HasActions(s) ? SoftMax(evaluation, q, s, tau) : 0;
                change = Math.Max(change, Math.Abs(next[s] - values[s]));
                scale = Math.Max(scale, Math.Abs(next[s]));
            }
            (values, next) = (next, values);
            if (change <= 1e-14 * scale) break;
        }
        evaluation.QValues(values, q);
        Gibbs(evaluation, q, tau, policy);
        var previous = new double[n * actions];
        for (int iteration = 0; iteration < 100; iteration++)
        {
            evaluation.Values(policy, values, tau);
            evaluation.QValues(values, q);
            policy.AsSpan().CopyTo(previous);
            Gibbs(evaluation, q, tau, policy);
            if (evaluation.Distance(policy, previous) <= 1e-15) break;
        }
        evaluation.Values(policy, values, tau);
        return new OptimalPolicy(values, policy, tau);
    }

    /// <summary>τ log Σ_a exp(q(s,a)/τ) over the enabled actions of s, shifted by the maximum.</summary>
    private static double SoftMax(ExactPolicyEvaluation evaluation, double[] q, int s, double tau)
    {
        int actions = evaluation.ActionCount;
        double max = double.NegativeInfinity;
        for (int a = 0; a < actions; a++) if (evaluation.Row(s, a) >= 0) max = Math.Max(max, q[s * actions + a]);
        double sum = 0;
        for (int a = 0; a < actions; a++) if (evaluation.Row(s, a) >= 0) sum += Math.Exp((q[s * actions + a] - max) / tau);
        return max + tau * Math.Log(sum);
    }

    /// <summary>π(a|s) ∝ exp(q(s,a)/τ) on the enabled actions.</summary>
    private static void Gibbs(ExactPolicyEvaluation evaluation, double[] q, double tau, double[] policy)
    {
        int n = evaluation.StateCount, actions = evaluation.ActionCount;
        Array.Clear(policy);
        for (int s = 0; s < n; s++)
        {
            if (!evaluation.HasActions(s)) continue;
            double max = double.NegativeInfinity, sum = 0;
            for (int a = 0; a < actions; a++) if (evaluation.Row(s, a) >= 0) max = Math.Max(max, q[s * actions + a]);
            for (int a = 0; a < actions; a++)
                if (evaluation.Row(s, a) >= 0) sum += policy[s * actions + a] = Math.Exp((q[s * actions + a] - max) / tau);
            for (int a = 0; a < actions; a++) policy[s * actions + a] /= sum;
        }
    }

    /// <summary>
    /// The greedy step of policy iteration on a one-hot policy: switch a state to its lowest best action only when it
    /// beats the current action by more than 1e-12·(1 + |Q|) (so ties never cycle). Returns whether anything changed.
    /// </summary>
    internal static bool Improve(ExactPolicyEvaluation evaluation, ReadOnlySpan<double> q, Span<double> policy)
    {
        int n = evaluation.StateCount, actions = evaluation.ActionCount;
        bool changed = false;
        for (int s = 0; s < n; s++)
        {
            if (!evaluation.HasActions(s)) continue;
            int current = -1, best = -1;
            for (int a = 0; a < actions; a++)
            {
                if (evaluation.Row(s, a) < 0) continue;
                if (policy[s * actions + a] == 1) current = a;
                if (best < 0 || q[s * actions + a] > q[s * actions + best]) best = a;
            }
            if (current >= 0 && q[s * actions + best] - q[s * actions + current] <= 1e-12 * (1 + Math.Abs(q[s * actions + current]))) continue;
            for (int a = 0; a < actions; a++) policy[s * actions + a] = a == best ? 1 : 0;
            changed = true;
        }
        return changed;
    }

    private static int FirstEnabled(ExactPolicyEvaluation evaluation, int s)
    {
        for (int a = 0; a < evaluation.ActionCount; a++) if (evaluation.Row(s, a) >= 0) return a;
        return -1;
    }
}
