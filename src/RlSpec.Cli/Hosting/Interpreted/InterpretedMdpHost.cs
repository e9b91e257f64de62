using System.Collections.Generic;
using RlSpec.Compiler.Kinds.Mdp.Ir;
using RlSpec.Runtime.Hosting;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;

namespace RlSpec.Cli.Hosting.Interpreted;

/// <summary>
/// The CLI's host for an interpreted model: the runtime's <see cref="MdpHost{TModel}"/> over the interpreter's
/// <see cref="SparseMdp"/>, with the state variables' names from the IR (a sparse model knows only their positions).
/// </summary>
internal sealed class InterpretedMdpHost(SparseMdp model, MdpIr ir) : IMdpHost
{
    private readonly MdpHost<SparseMdp> _host = new(model);

    public string Name => _host.Name;
    public int StateCount => _host.StateCount;
    public int ActionCount => _host.ActionCount;
    public Criterion Criterion => _host.Criterion;
    public IReadOnlyList<string> StateLabels => _host.StateLabels;
    public IReadOnlyList<string> ActionNames => _host.ActionNames;
    public IReadOnlyList<ModelError> Validate(int maxErrors = 20) => _host.Validate(maxErrors);
    public MdpSolution Solve(SolverOptions? options = null) => _host.Solve(options);
    public MdpSolution Evaluate(int[] policy, SolverOptions? options = null) => _host.Evaluate(policy, options);
    public int ActionIndex(string name) => _host.ActionIndex(name);
    public int StateVariableCount => ir.StateVariables.Count;
    public string StateVariableName(int variable) => (uint)variable < (uint)ir.StateVariables.Count ? ir.StateVariables[variable].Name : "#" + variable;
    public string StateVariableValue(int state, int variable) => _host.StateVariableValue(state, variable);
}
