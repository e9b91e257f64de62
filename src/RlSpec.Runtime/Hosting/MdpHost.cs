using System;
using System.Collections;
using System.Collections.Generic;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;

namespace RlSpec.Runtime.Hosting;

/// <summary>Hosts one model value behind <see cref="IMdpHost"/>; every call goes to the solvers specialized for <typeparamref name="TModel"/>.</summary>
public sealed class MdpHost<TModel> : IMdpHost where TModel : struct, IMdp
{
    private readonly TModel _model;
    private string[]? _actionNames;

    public MdpHost(TModel model) => _model = model;

    /// <summary>The hosted model value.</summary>
    public TModel Model => _model;

    public string Name => _model.Name;
    public int StateCount => _model.StateCount;
    public int ActionCount => _model.ActionCount;
    public Criterion Criterion => _model.Criterion;

    public IReadOnlyList<string> StateLabels => new LabelList(_model.StateCount, _model.StateLabel);

    public IReadOnlyList<string> ActionNames
    {
        get
        {
            if (_actionNames is null)
            {
                var names = new string[_model.ActionCount];
                for (int a = 0; a < names.Length; a++) names[a] = _model.ActionName(a);
                _actionNames = names;
            }
            return _actionNames;
        }
    }

    public IReadOnlyList<ModelError> Validate(int maxErrors = 20) => MdpValidator.Validate(in _model, maxErrors);

    public MdpSolution Solve(SolverOptions? options = null) => MdpSolver.Solve(in _model, options);

    public MdpSolution Evaluate(int[] policy, SolverOptions? options = null) => MdpSolver.Evaluate(in _model, policy, options);

    public int ActionIndex(string name)
    {
        var names = ActionNames;
        for (int a = 0; a < names.Count; a++)
            if (string.Equals(names[a], name, StringComparison.Ordinal)) return a;
        return -1;
    }

    public int StateVariableCount => _model.StateVariableCount;

    public string StateVariableName(int variable) => _model.StateVariableName(variable);

    public string StateVariableValue(int state, int variable) => _model.StateVariableValue(state, variable);

    /// <summary>A read-only list whose items are computed by a function, for models too large to store every label.</summary>
    private sealed class LabelList(int count, Func<int, string> label) : IReadOnlyList<string>
    {
        public string this[int index] => (uint)index < (uint)count ? label(index) : throw new ArgumentOutOfRangeException(nameof(index));
        public int Count => count;
        public IEnumerator<string> GetEnumerator()
        {
            for (int i = 0; i < count; i++) yield return label(i);
        }
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
