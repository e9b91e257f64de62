using System.Collections.Generic;
using RlSpec.Runtime.Hosting;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;

namespace RlSpec.Cli.Hosting.Interpreted;

/// <summary>
/// The CLI's host for an interpreted model. Names, labels and validation come from the interpreted model (so a model
/// error reads as the compiled engine's); solving runs on its sparse form, or on the interpreted model itself when it
/// reads the step <c>t</c>. A model with errors is refused with the validator's findings, as the compiled solve refuses it.
/// </summary>
internal sealed class InterpretedMdpHost(InterpretedModel interpreted) : IMdpHost
{
    private readonly MdpHost<InterpretedMdp> _model = new(interpreted.Model);
    private readonly MdpHost<SparseMdp>? _sparse = interpreted.Sparse is { } s ? new(s) : null;

    public string Name => _model.Name;
    public int StateCount => _model.StateCount;
    public int ActionCount => _model.ActionCount;
    public Criterion Criterion => _model.Criterion;
    public IReadOnlyList<string> StateLabels => _model.StateLabels;
    public IReadOnlyList<string> ActionNames => _model.ActionNames;
    public IReadOnlyList<ModelError> Validate(int maxErrors = 20) => _model.Validate(maxErrors);

    public MdpSolution Solve(SolverOptions? options = null)
    {
        Refuse(options);
        return _sparse is { } sparse ? sparse.Solve(options) : _model.Solve(options);
    }

    public MdpSolution Evaluate(int[] policy, SolverOptions? options = null)
    {
        Refuse(options);
        return _sparse is { } sparse ? sparse.Evaluate(policy, options) : _model.Evaluate(policy, options);
    }

    /// <summary>The compiled solve's refusal of an invalid model, with the findings on the interpreted model.</summary>
    private void Refuse(SolverOptions? options)
    {
        if (options is { SkipValidation: true } || interpreted.Errors.Count == 0) return;
        throw MdpSolver.Invalid(Name, interpreted.Errors);
    }

    public int ActionIndex(string name) => _model.ActionIndex(name);
    public int StateVariableCount => _model.StateVariableCount;
    public string StateVariableName(int variable) => _model.StateVariableName(variable);
    public string StateVariableValue(int state, int variable) => _model.StateVariableValue(state, variable);
}
