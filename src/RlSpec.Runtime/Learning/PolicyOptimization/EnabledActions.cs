using RlSpec.Runtime.Dynamics;

namespace RlSpec.Runtime.Learning.PolicyOptimization;

/// <summary>The enabled actions of one state, as the mask of the shared update rules (<see cref="EntropyMirrorStep"/>, <see cref="EuclideanProjection"/>).</summary>
internal readonly struct EnabledActions(ExactPolicyEvaluation evaluation, int state) : IEntryMask
{
    /// <inheritdoc/>
    public bool Includes(int index) => evaluation.Row(state, index) >= 0;
}
