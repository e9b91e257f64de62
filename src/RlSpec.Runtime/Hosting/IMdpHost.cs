using System.Collections.Generic;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;

namespace RlSpec.Runtime.Hosting;

/// <summary>
/// A non-generic facade over one model value, so a host that loads an emitted model type by
/// reflection (the CLI) creates an <see cref="MdpHost{TModel}"/> once, e.g.
/// <c>(IMdpHost)Activator.CreateInstance(typeof(MdpHost&lt;&gt;).MakeGenericType(t), modelValue)</c>,
/// and then calls the specialized solvers without further reflection.
/// </summary>
public interface IMdpHost
{
    /// <summary>The model's name.</summary>
    string Name { get; }

    /// <summary>Number of states.</summary>
    int StateCount { get; }

    /// <summary>Number of actions.</summary>
    int ActionCount { get; }

    /// <summary>The declared criterion.</summary>
    Criterion Criterion { get; }

    /// <summary>State labels, computed on demand (the list does not store them).</summary>
    IReadOnlyList<string> StateLabels { get; }

    /// <summary>Action names.</summary>
    IReadOnlyList<string> ActionNames { get; }

    /// <summary>Runs <see cref="MdpValidator.Validate{TModel}"/>.</summary>
    IReadOnlyList<ModelError> Validate(int maxErrors = 20);

    /// <summary>Runs <see cref="MdpSolver.Solve{TModel}"/>.</summary>
    MdpSolution Solve(SolverOptions? options = null);

    /// <summary>Runs <see cref="MdpSolver.Evaluate{TModel}"/>.</summary>
    MdpSolution Evaluate(int[] policy, SolverOptions? options = null);

    /// <summary>The index of the action with this name, or -1.</summary>
    int ActionIndex(string name);

    /// <summary>Number of state variables (<see cref="IMdp.StateVariableCount"/>).</summary>
    int StateVariableCount => StateCount == 0 ? 0 : StateLabelParts.Count(StateLabels[0]);

    /// <summary>The name of a state variable (<see cref="IMdp.StateVariableName"/>).</summary>
    string StateVariableName(int variable) => "#" + variable.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The value of a state variable in a state, as the user reads it (<see cref="IMdp.StateVariableValue"/>).</summary>
    string StateVariableValue(int state, int variable) => StateLabelParts.Value(StateLabels[state], variable) ?? "";
}
