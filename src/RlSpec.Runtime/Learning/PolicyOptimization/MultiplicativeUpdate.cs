using System;
using RlSpec.Runtime.Dynamics;

namespace RlSpec.Runtime.Learning.PolicyOptimization;

/// <summary>
/// The closed-form KL-proximal step shared by NPG, PMD-KL, MDPO and entropy-regularized NPG, kept in the log
/// domain: log π_{k+1}(a|s) = keep·log π_k(a|s) + scale·Q(s,a) − log Z_s over the enabled actions. Actions with
/// π_k = 0 stay at 0 (keep &gt; 0), as in the exact update; with keep = 0 they restart from exp(scale·Q).
/// </summary>
internal static class MultiplicativeUpdate
{
    /// <summary>Steps beyond this are capped so scale·Q stays finite; the policy is greedy to machine precision long before.</summary>
    public const double MaxScale = 1e280;

    /// <summary>log π for the enabled actions (−∞ where π = 0), 0 elsewhere.</summary>
    public static void Logits(ExactPolicyEvaluation evaluation, ReadOnlySpan<double> policy, Span<double> logits)
    {
        int actions = evaluation.ActionCount;
        for (int i = 0; i < logits.Length; i++)
            logits[i] = evaluation.Row(i / actions, i % actions) >= 0 ? Math.Log(policy[i]) : 0;
    }

    /// <summary>One state's step (the shared <see cref="EntropyMirrorStep"/> over the state's enabled actions); writes the new logits (normalized) and the policy.</summary>
    public static void Apply(ExactPolicyEvaluation evaluation, int s, Span<double> logits, ReadOnlySpan<double> q, double keep, double scale, Span<double> policy)
    {
        int actions = evaluation.ActionCount, o = s * actions;
        EntropyMirrorStep.Step(logits.Slice(o, actions), q.Slice(o, actions), keep, Math.Min(scale, MaxScale), policy.Slice(o, actions), new EnabledActions(evaluation, s));
    }
}
