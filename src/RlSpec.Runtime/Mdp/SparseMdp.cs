using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RlSpec.Runtime.Mdp;

/// <summary>
/// A stationary MDP stored in compressed-row form with row groups, as in Storm: one row per
/// enabled state-action pair, the rows of state <c>s</c> are
/// <c>RowGroupStart[s] .. RowGroupStart[s+1]-1</c> in increasing action order, and row <c>r</c>
/// holds its successors in <c>Columns/Probabilities[RowStart[r] .. RowStart[r+1]-1]</c>
/// (sorted by successor, duplicates merged) and its expected reward in <c>RowRewards[r]</c>.
/// </summary>
/// <remarks>
/// It implements <see cref="IMdp"/> itself, so every solver runs on it exactly as on an emitted
/// matrix-free model. <see cref="Transitions{TVisitor}"/> reports each successor with the row's
/// expected reward; since the probabilities sum to one, Σ p·r is the same as in the source model.
/// </remarks>
public readonly struct SparseMdp : IMdp
{
    private readonly int[] _rowGroupStart;
    private readonly int[] _rowActions;
    private readonly int[] _rowStart;
    private readonly int[] _columns;
    private readonly double[] _probabilities;
    private readonly double[] _rowRewards;
    private readonly bool[]? _terminal;
    private readonly int[] _initialStates;
    private readonly double[] _initialProbabilities;
    private readonly Func<int, string>? _stateLabel;
    private readonly Func<int, string>? _actionName;
    private readonly Func<int, SourceLocation>? _ruleLocation;
    private readonly int _widestRow;

    /// <summary>
    /// Creates a sparse model from its arrays (which it keeps, not copies). Row actions must
    /// increase within each row group; columns must lie in 0..StateCount-1.
    /// </summary>
    /// <param name="name">Model name.</param>
    /// <param name="criterion">Optimality criterion.</param>
    /// <param name="actionCount">Number of actions.</param>
    /// <param name="rowGroupStart">Length StateCount+1: first row of each state.</param>
    /// <param name="rowActions">Action index of each row.</param>
    /// <param name="rowStart">Length RowCount+1: first entry of each row.</param>
    /// <param name="columns">Successor state of each entry.</param>
    /// <param name="probabilities">Probability of each entry.</param>
    /// <param name="rowRewards">Expected reward of each row.</param>
    /// <param name="terminal">Terminal flags per state (null: none).</param>
    /// <param name="initialStates">Initial distribution support (null: state 0 with probability 1).</param>
    /// <param name="initialProbabilities">Initial probabilities matching <paramref name="initialStates"/>.</param>
    /// <param name="stateLabels">Optional state labels.</param>
    /// <param name="actionNames">Optional action names.</param>
    public SparseMdp(string name, Criterion criterion, int actionCount,
        int[] rowGroupStart, int[] rowActions, int[] rowStart, int[] columns, double[] probabilities, double[] rowRewards,
        bool[]? terminal = null, int[]? initialStates = null, double[]? initialProbabilities = null,
        string[]? stateLabels = null, string[]? actionNames = null)
        : this(name, criterion, actionCount, rowGroupStart, rowActions, rowStart, columns, probabilities, rowRewards, terminal,
            initialStates ?? [0], initialProbabilities ?? [1.0],
            stateLabels is null ? null : s => stateLabels[s],
            actionNames is null ? null : a => actionNames[a],
            null)
    {
        if (stateLabels is not null && stateLabels.Length != StateCount)
            throw new ArgumentException("stateLabels must have one label per state.", nameof(stateLabels));
        if (actionNames is not null && actionNames.Length != actionCount)
            throw new ArgumentException("actionNames must have one name per action.", nameof(actionNames));
    }

    private SparseMdp(string name, Criterion criterion, int actionCount,
        int[] rowGroupStart, int[] rowActions, int[] rowStart, int[] columns, double[] probabilities, double[] rowRewards,
        bool[]? terminal, int[] initialStates, double[] initialProbabilities,
        Func<int, string>? stateLabel, Func<int, string>? actionName, Func<int, SourceLocation>? ruleLocation)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(rowGroupStart);
        ArgumentNullException.ThrowIfNull(rowActions);
        ArgumentNullException.ThrowIfNull(rowStart);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(rowRewards);
        if (rowGroupStart.Length < 1 || rowGroupStart[0] != 0)
            throw new ArgumentException("rowGroupStart must start with 0 and have StateCount+1 entries.", nameof(rowGroupStart));
        int states = rowGroupStart.Length - 1;
        int rows = rowActions.Length;
        if (rowGroupStart[states] != rows) throw new ArgumentException("rowGroupStart[StateCount] must equal the number of rows.", nameof(rowGroupStart));
        if (rowStart.Length != rows + 1 || rowStart[0] != 0 || rowStart[rows] != columns.Length)
            throw new ArgumentException("rowStart must have RowCount+1 entries from 0 to the number of entries.", nameof(rowStart));
        if (probabilities.Length != columns.Length) throw new ArgumentException("probabilities must match columns.", nameof(probabilities));
        if (rowRewards.Length != rows) throw new ArgumentException("rowRewards must have one entry per row.", nameof(rowRewards));
        if (terminal is not null && terminal.Length != states) throw new ArgumentException("terminal must have one flag per state.", nameof(terminal));
        if (initialStates.Length != initialProbabilities.Length) throw new ArgumentException("initial states and probabilities must have the same length.", nameof(initialProbabilities));
        for (int s = 0; s < states; s++)
        {
            if (rowGroupStart[s + 1] < rowGroupStart[s]) throw new ArgumentException($"rowGroupStart decreases at state {s}.", nameof(rowGroupStart));
            for (int r = rowGroupStart[s]; r < rowGroupStart[s + 1]; r++)
            {
                if ((uint)rowActions[r] >= (uint)actionCount) throw new ArgumentException($"row {r} has action {rowActions[r]} outside 0..{actionCount - 1}.", nameof(rowActions));
                if (r > rowGroupStart[s] && rowActions[r] <= rowActions[r - 1]) throw new ArgumentException($"row actions of state {s} must increase.", nameof(rowActions));
            }
        }
        for (int r = 0; r < rows; r++)
            if (rowStart[r + 1] < rowStart[r]) throw new ArgumentException($"rowStart decreases at row {r}.", nameof(rowStart));
        foreach (int c in columns)
            if ((uint)c >= (uint)states) throw new ArgumentException($"column {c} outside 0..{states - 1}.", nameof(columns));
        foreach (int c in initialStates)
            if ((uint)c >= (uint)states) throw new ArgumentException($"initial state {c} outside 0..{states - 1}.", nameof(initialStates));

        Name = name;
        Criterion = criterion;
        ActionCount = actionCount;
        _rowGroupStart = rowGroupStart;
        _rowActions = rowActions;
        _rowStart = rowStart;
        _columns = columns;
        _probabilities = probabilities;
        _rowRewards = rowRewards;
        _terminal = terminal;
        _initialStates = initialStates;
        _initialProbabilities = initialProbabilities;
        _stateLabel = stateLabel;
        _actionName = actionName;
        _ruleLocation = ruleLocation;
        int widest = 0;
        for (int s = 0; s < states; s++)
        {
            if (terminal is not null && terminal[s]) continue;
            for (int r = rowGroupStart[s]; r < rowGroupStart[s + 1]; r++) widest = Math.Max(widest, rowStart[r + 1] - rowStart[r]);
        }
        _widestRow = widest;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public Criterion Criterion { get; }

    /// <inheritdoc/>
    public int StateCount => _rowGroupStart.Length - 1;

    /// <inheritdoc/>
    public int ActionCount { get; }

    /// <summary>Always false: a sparse model is stationary.</summary>
    public bool IsTimeDependent => false;

    /// <summary>Number of rows (enabled state-action pairs).</summary>
    public int RowCount => _rowActions.Length;

    /// <summary>Number of stored transition entries.</summary>
    public int EntryCount => _columns.Length;

    /// <summary>First row of each state, length StateCount+1.</summary>
    public ReadOnlySpan<int> RowGroupStart => _rowGroupStart;

    /// <summary>Action index of each row.</summary>
    public ReadOnlySpan<int> RowActions => _rowActions;

    /// <summary>First entry of each row, length RowCount+1.</summary>
    public ReadOnlySpan<int> RowStart => _rowStart;

    /// <summary>Successor state of each entry.</summary>
    public ReadOnlySpan<int> Columns => _columns;

    /// <summary>Probability of each entry.</summary>
    public ReadOnlySpan<double> Probabilities => _probabilities;

    /// <summary>Expected reward of each row.</summary>
    public ReadOnlySpan<double> RowRewards => _rowRewards;

    /// <inheritdoc/>
    public bool IsTerminal(int state) => _terminal is not null && _terminal[state];

    /// <summary>The terminal flag of each state, or empty when no state is terminal.</summary>
    internal ReadOnlySpan<bool> TerminalFlags => _terminal;

    /// <summary>
    /// The most entries in one row of a non-terminal state (0 when there is none): the outcome count a greedy sweep over
    /// all states sees, computed once here rather than per row in every sweep.
    /// </summary>
    internal int WidestRow => _widestRow;

    /// <inheritdoc/>
    public bool Transitions<TVisitor>(int state, int action, int step, ref TVisitor visitor)
        where TVisitor : struct, ITransitionVisitor, allows ref struct
    {
        int end = _rowGroupStart[state + 1];
        for (int row = _rowGroupStart[state]; row < end; row++)
        {
            int a = _rowActions[row];
            if (a < action) continue;
            if (a > action) return false;
            double reward = _rowRewards[row];
            int last = _rowStart[row + 1];
            for (int k = _rowStart[row]; k < last; k++)
                visitor.Outcome(_columns[k], _probabilities[k], reward);
            return true;
        }
        return false;
    }

    /// <summary>
    /// The greedy Bellman backup max_a (r(s,a) + γ Σ p·V[next]) walking the state's rows directly, as
    /// Storm does over row groups: <see cref="Solvers.BellmanOperator.Greedy{TModel}(ref TModel, int, int, ReadOnlySpan{double}, double, out int, ref int)"/>
    /// uses it for this type instead of one <see cref="Transitions{TVisitor}"/> call (and row search) per action.
    /// Rows are in ascending action order, so a strict comparison keeps the lowest action on ties.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal double GreedyBackup(int state, ReadOnlySpan<double> values, double gamma, out int action, ref int maxOutcomes)
    {
        // Refs into the arrays, no bounds checks: the constructor checked that row groups and rows are increasing
        // ranges within the arrays and that every column is a state, and values has StateCount entries (the
        // sweep operator's callers allocate it so). Everything in locals: a store through a ref in the loop would
        // force the JIT to reload fields.
        ref int rowStart = ref MemoryMarshal.GetArrayDataReference(_rowStart);
        ref int columns = ref MemoryMarshal.GetArrayDataReference(_columns);
        ref double probabilities = ref MemoryMarshal.GetArrayDataReference(_probabilities);
        ref double rewards = ref MemoryMarshal.GetArrayDataReference(_rowRewards);
        ref double v = ref MemoryMarshal.GetReference(values);
        if (values.Length < StateCount) throw new ArgumentException("values must have one entry per state.", nameof(values));
        int first = _rowGroupStart[state], end = _rowGroupStart[state + 1];
        double best = 0;
        int bestRow = -1, widest = maxOutcomes;
        int k = Unsafe.Add(ref rowStart, first);
        for (int row = first; row < end; row++)
        {
            int last = Unsafe.Add(ref rowStart, row + 1);
            if (last - k > widest) widest = last - k;
            double expected = 0;
            for (; k < last; k++) expected += Unsafe.Add(ref probabilities, k) * Unsafe.Add(ref v, Unsafe.Add(ref columns, k));
            double q = Unsafe.Add(ref rewards, row) + gamma * expected;
            if (bestRow < 0 || q > best)
            {
                best = q;
                bestRow = row;
            }
        }
        maxOutcomes = widest;
        action = bestRow < 0 ? -1 : _rowActions[bestRow];
        return best;
    }

    /// <inheritdoc/>
    public void Initial<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, ITransitionVisitor, allows ref struct
    {
        for (int i = 0; i < _initialStates.Length; i++)
            visitor.Outcome(_initialStates[i], _initialProbabilities[i], 0.0);
    }

    /// <inheritdoc/>
    public string StateLabel(int state) => _stateLabel?.Invoke(state) ?? state.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public string ActionName(int action) => _actionName?.Invoke(action) ?? "a" + action.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public SourceLocation RuleLocation(int rule) => _ruleLocation?.Invoke(rule) ?? new SourceLocation("", 0, 0);

    /// <summary>
    /// Enumerates a stationary model into compressed rows: every enabled action of every
    /// non-terminal state becomes a row; repeated successors are merged (summed in the order
    /// the model reported them, so the result is deterministic). Labels, names and rule
    /// locations keep referring to the source model.
    /// </summary>
    /// <exception cref="ArgumentException">The model is time-dependent.</exception>
    public static SparseMdp From<TModel>(in TModel model) where TModel : struct, IMdp
    {
        if (model.IsTimeDependent)
            throw new ArgumentException($"model '{model.Name}' reads the step t, so it cannot be stored as a stationary sparse model.", nameof(model));
        TModel m = model;
        int states = m.StateCount, actions = m.ActionCount;
        var groupStart = new int[states + 1];
        var rowActions = new List<int>();
        var rowStart = new List<int> { 0 };
        var columns = new List<int>();
        var probabilities = new List<double>();
        var rowRewards = new List<double>();
        bool[]? terminal = null;
        var buffer = new OutcomeBuffer();
        for (int s = 0; s < states; s++)
        {
            groupStart[s] = rowActions.Count;
            if (m.IsTerminal(s))
            {
                terminal ??= new bool[states];
                terminal[s] = true;
                continue;
            }
            for (int a = 0; a < actions; a++)
            {
                buffer.Clear();
                var collector = new OutcomeCollector(buffer);
                if (!m.Transitions(s, a, 0, ref collector)) continue;
                rowActions.Add(a);
                rowRewards.Add(buffer.MergeInto(columns, probabilities));
                rowStart.Add(columns.Count);
            }
        }
        groupStart[states] = rowActions.Count;

        buffer.Clear();
        var init = new OutcomeCollector(buffer);
        m.Initial(ref init);
        var initialStates = new List<int>();
        var initialProbabilities = new List<double>();
        buffer.MergeInto(initialStates, initialProbabilities);

        IMdp boxed = m;
        return new SparseMdp(m.Name, m.Criterion, actions, groupStart, rowActions.ToArray(), rowStart.ToArray(),
            columns.ToArray(), probabilities.ToArray(), rowRewards.ToArray(), terminal,
            initialStates.ToArray(), initialProbabilities.ToArray(),
            boxed.StateLabel, boxed.ActionName, boxed.RuleLocation);
    }
}
