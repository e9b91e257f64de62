using RlSpec.Compiler.Kinds.Mdp.Ir;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Cli.Hosting.Interpreted;

/// <summary>
/// The interpreter as an <see cref="IMdp"/>: the validator and <see cref="SparseMdp.From{TModel}"/> enumerate it as
/// they enumerate a compiled model, and a model that reads the step <c>t</c> is solved on it directly.
/// </summary>
internal readonly struct InterpretedMdp(Interpreter interpreter) : IMdp
{
    public int StateCount => (int)interpreter.Ir.StateCount;
    public int ActionCount => (int)interpreter.Ir.ActionCount;
    public Criterion Criterion => interpreter.Criterion;
    public bool IsTimeDependent => interpreter.Ir.UsesStep;
    public bool IsTerminal(int state) => interpreter.IsTerminal(state);

    public bool Transitions<TVisitor>(int state, int action, int step, ref TVisitor visitor) where TVisitor : struct, ITransitionVisitor, allows ref struct =>
        interpreter.Transitions(state, action, step, ref visitor);

    public void Initial<TVisitor>(ref TVisitor visitor) where TVisitor : struct, ITransitionVisitor, allows ref struct => interpreter.Initial(ref visitor);

    public string Name => interpreter.Ir.Name;
    public string StateLabel(int state) => interpreter.StateLabel(state);
    public string ActionName(int action) => interpreter.ActionName(action);
    public string StateVariableName(int variable) => (uint)variable < (uint)interpreter.Ir.StateVariables.Count ? interpreter.Ir.StateVariables[variable].Name : "#" + variable;
    public int StateVariableCount => interpreter.Ir.StateVariables.Count;

    public SourceLocation RuleLocation(int rule) => Location(interpreter.Ir.RuleLocations, rule);

    public SourceLocation RewardLocation(int term) => Location(interpreter.Ir.RewardLocations, term);

    public SourceLocation ActionLocation(int action) => interpreter.ActionLocation(action);

    /// <summary>The path the emitted model's locations carry (<c>SourcePath</c>: a rooted path reduced to its file name).</summary>
    private string SourcePath => RlSpec.Compiler.Emit.CSharpNames.PortablePath(interpreter.Ir.SourcePath);

    private SourceLocation Location(System.Collections.Generic.List<(int Line, int Column)> locations, int id) =>
        (uint)id < (uint)locations.Count
            ? new SourceLocation(SourcePath, locations[id].Line, locations[id].Column)
            : new SourceLocation(SourcePath, 1, 1);
}
