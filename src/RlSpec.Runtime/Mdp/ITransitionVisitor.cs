namespace RlSpec.Runtime.Mdp;

/// <summary>
/// Receives the outcomes of one state-action pair from <see cref="IMdp.Transitions{TVisitor}"/>.
/// Implementations are structs so that the JIT inlines them into the emitted transition code.
/// </summary>
public interface ITransitionVisitor
{
    /// <summary>
    /// When true, emitted code also reports which rule fired and successors that leave the state
    /// space (instead of indexing with them). It is a static constant per visitor type, so the
    /// checks vanish from the solver's specialized code.
    /// </summary>
    static abstract bool Validating { get; }

    /// <summary>One outcome: successor state, its probability, and the reward collected.</summary>
    void Outcome(int next, double probability, double reward);

    /// <summary>Called first when rule <paramref name="rule"/> matches (only when <see cref="Validating"/>).</summary>
    void BeginRule(int rule);

    /// <summary>
    /// A successor assigns <paramref name="value"/> to state variable <paramref name="variable"/>,
    /// outside its declared domain (only when <see cref="Validating"/>). The outcome is dropped.
    /// </summary>
    void OutOfRange(int variable, long value, double probability);

    /// <summary>
    /// Reward term <paramref name="term"/> is about to be evaluated (only when <see cref="Validating"/>), so a
    /// failure while evaluating it is reported at the term rather than at the rule.
    /// </summary>
    /// <remarks>Has an empty default; ref struct visitors must still declare it (CS9245).</remarks>
    void BeginReward(int term) { }

    /// <summary>
    /// The reward collected so far is <paramref name="total"/> after term <paramref name="term"/> was added (only
    /// when <see cref="Validating"/>): the first term after which it is NaN or infinite is the one at fault.
    /// </summary>
    void RewardTotal(int term, double total) { }

    /// <summary>No rule matched an enabled action and the model declares no default (only when <see cref="Validating"/>).</summary>
    void NoMatchingRule();
}
