using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Mdp;

/// <summary>
/// An MDP that can also be simulated: one step of the model drawn with a caller's random stream,
/// the generative side that experiments and learning algorithms use, next to the exact side
/// (<see cref="IMdp.Transitions{TVisitor}"/>) that planners use. Every emitted MDP implements it.
/// </summary>
/// <remarks>
/// The two sides agree: over many draws, the successor of <see cref="Sample"/> has the probabilities
/// that <see cref="IMdp.Transitions{TVisitor}"/> reports, and the sampled reward's mean is the
/// expected reward Σ p·r (a test checks both by chi-square for every example). Random variables are
/// drawn directly from their distributions, never by listing the product of their supports, and
/// reward distributions are sampled, not averaged. Nothing allocates; all randomness comes from
/// the caller's stream, so a stream derived from (seed, run) reproduces a run exactly.
/// </remarks>
public interface IGenerativeMdp : IMdp
{
    /// <summary>
    /// Takes <paramref name="action"/> in <paramref name="state"/> at step <paramref name="step"/>:
    /// returns the sampled successor and sets <paramref name="reward"/> to the sampled reward; returns
    /// −1 (and reward 0) when the action is not available in that state.
    /// </summary>
    int Sample(int state, int action, int step, ref RandomStream random, out double reward);
}
