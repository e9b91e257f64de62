namespace RlSpec.Runtime.Mdp;

/// <summary>
/// A finite Markov decision process as emitted by the RlSpec compiler: a struct whose states and
/// actions are dense integer indices and whose transitions are produced on demand, either from
/// static tables or by arithmetic on the state variables (matrix-free).
/// </summary>
/// <remarks>
/// Solvers are generic over <c>TModel : struct, IMdp</c>, so the JIT specializes every sweep for
/// the concrete model and inlines <see cref="Transitions{TVisitor}"/> together with the visitor.
/// Nothing in this interface allocates.
/// </remarks>
public interface IMdp
{
    /// <summary>Number of states; states are 0..StateCount-1.</summary>
    int StateCount { get; }

    /// <summary>Number of actions; actions are 0..ActionCount-1 (families are expanded).</summary>
    int ActionCount { get; }

    /// <summary>The optimality criterion declared by the model.</summary>
    Criterion Criterion { get; }

    /// <summary>True when rules, probabilities or rewards read the step index <c>t</c>.</summary>
    bool IsTimeDependent { get; }

    /// <summary>True for states that satisfy the model's <c>until</c> condition: absorbing, value 0.</summary>
    bool IsTerminal(int state);

    /// <summary>
    /// Reports every outcome of taking <paramref name="action"/> in <paramref name="state"/> at step
    /// <paramref name="step"/> to <paramref name="visitor"/>. Returns false when the action is not
    /// available in that state (its <c>when</c> guard is false); then nothing is reported.
    /// </summary>
    bool Transitions<TVisitor>(int state, int action, int step, ref TVisitor visitor)
        where TVisitor : struct, ITransitionVisitor, allows ref struct;

    /// <summary>Reports the initial distribution as outcomes (reward 0).</summary>
    void Initial<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, ITransitionVisitor, allows ref struct;

    /// <summary>The model's name as written in the .rlspec file.</summary>
    string Name { get; }

    /// <summary>A state as the user reads it, e.g. <c>(x=2, y=1)</c>.</summary>
    string StateLabel(int state);

    /// <summary>An action as the user reads it, e.g. <c>right</c> or <c>order(3)</c>.</summary>
    string ActionName(int action);

    /// <summary>The name of state variable <paramref name="variable"/> as in the .rlspec file, for messages.</summary>
    string StateVariableName(int variable) => "#" + variable.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Number of state variables. The default counts the <c>name=value</c> parts of the first state's
    /// label (<see cref="StateLabelParts"/>); emitted models may answer directly.
    /// </summary>
    int StateVariableCount => StateCount == 0 ? 0 : StateLabelParts.Count(StateLabel(0));

    /// <summary>
    /// The value of state variable <paramref name="variable"/> in <paramref name="state"/> as the user
    /// reads it (<c>3</c>, <c>true</c>, an enumeration member). The default reads it off the state's label.
    /// </summary>
    string StateVariableValue(int state, int variable) => StateLabelParts.Value(StateLabel(state), variable) ?? "";

    /// <summary>Where rule <paramref name="rule"/> (as passed to <see cref="ITransitionVisitor.BeginRule"/>) is in the source.</summary>
    SourceLocation RuleLocation(int rule);

    /// <summary>
    /// Where reward term <paramref name="term"/> (as passed to <see cref="ITransitionVisitor.BeginReward"/>) is in
    /// the source. The default, for models that report no terms, is the start of the file.
    /// </summary>
    SourceLocation RewardLocation(int term) => new(RuleLocation(-1).Path, 1, 1);

    /// <summary>
    /// Where action <paramref name="action"/> is declared in the source: at its <c>when</c> guard when it has
    /// one (what decides where it is available). The default, for models that report none, is the start of the file.
    /// </summary>
    SourceLocation ActionLocation(int action) => new(RuleLocation(-1).Path, 1, 1);

    /// <summary>
    /// The state whose <see cref="StateLabel"/> is <paramref name="label"/>. The default scans the
    /// states in order, building one label at a time and keeping none, and stops at the first match;
    /// models that can parse their labels override it to answer without the scan.
    /// </summary>
    bool TryParseState(string label, out int state)
    {
        int n = StateCount;
        for (int s = 0; s < n; s++)
        {
            if (string.Equals(StateLabel(s), label, System.StringComparison.Ordinal))
            {
                state = s;
                return true;
            }
        }
        state = -1;
        return false;
    }
}

/// <summary>A position in a .rlspec file, for messages about a model's rules.</summary>
public readonly record struct SourceLocation(string Path, int Line, int Column)
{
    public override string ToString() => $"{Path}({Line},{Column})";
}
