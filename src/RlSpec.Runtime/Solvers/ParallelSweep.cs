using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using RlSpec.Runtime.Mdp;

namespace RlSpec.Runtime.Solvers;

/// <summary>
/// Sweeps over fixed blocks of <see cref="BlockSize"/> states, run on several threads (issue 11). The blocks do not
/// depend on the thread count, and each block's work depends only on its inputs, so the results are bit-identical
/// for any number of threads:
/// <list type="bullet">
/// <item>Jacobi: every state reads the previous sweep's values, exactly as the serial sweep; the residual range is
///   a minimum and a maximum, exact in any order. Bit-identical to <see cref="SweepOperator.Apply"/>.</item>
/// <item>Block Gauss-Seidel: inside a block, states are backed up in order and read the block's new values
///   (Gauss-Seidel); across blocks they read the previous sweep's (Jacobi), so blocks are independent. This is the
///   block Jacobi / inner Gauss-Seidel splitting of Bertsekas and Tsitsiklis (Parallel and Distributed
///   Computation, 1989, §2.6); it contracts at least as fast as Jacobi. Its results differ from the serial
///   Gauss-Seidel sweep's, but not with the thread count.</item>
/// </list>
/// Used whenever <see cref="SolverOptions.Threads"/> is set, or for models of at least <see cref="AutomaticStates"/>
/// states (then with every core).
/// </summary>
internal static class ParallelSweep
{
    /// <summary>States per block: large enough that a block's work dwarfs the scheduling, small enough to balance.</summary>
    public const int BlockSize = 8192;

    /// <summary>Models with at least this many states use the block sweeps on every core by default.</summary>
    public const int AutomaticStates = 1 << 18;

    /// <summary>The thread count for a model, or 0 when the serial sweeps apply (a small model and no explicit count).</summary>
    public static int Threads(SolverOptions options, int states)
        => options.Threads is int t ? t : states >= AutomaticStates ? Environment.ProcessorCount : 0;
}

/// <summary>The block sweeps of one solve: the model, the thread count and per-block results, allocated once.</summary>
internal sealed class ParallelSweep<TModel> where TModel : struct, IMdp
{
    private readonly TModel _model;
    private readonly int _states, _blocks;
    private readonly ParallelOptions _options;
    private readonly SweepStats[] _stats;
    private readonly int[] _outcomes;
    private readonly Action<int> _body;

    // The current sweep's inputs (set before each Parallel.For).
    private double[] _values = [], _target = [];
    private int[]? _record, _fixed;
    private double _gamma;
    private bool _gaussSeidel;

    public ParallelSweep(TModel model, int threads)
    {
        _model = model;
        _states = model.StateCount;
        _blocks = (_states + ParallelSweep.BlockSize - 1) / ParallelSweep.BlockSize;
        _options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };
        _stats = new SweepStats[_blocks];
        _outcomes = new int[_blocks];
        _body = Block;
    }

    /// <summary>
    /// One sweep into <paramref name="target"/> (never the same array as <paramref name="values"/>): greedy (recording
    /// the actions into <paramref name="record"/> when given) or of the fixed policy <paramref name="fixedPolicy"/>,
    /// Jacobi or block Gauss-Seidel. Returns the residual range; <paramref name="maxOutcomes"/> is raised to the widest
    /// state-action pair seen.
    /// </summary>
    public ResidualRange Sweep(double[] values, double[] target, int[]? record, int[]? fixedPolicy, double gamma, bool gaussSeidel, ref int maxOutcomes)
    {
        _values = values;
        _target = target;
        _record = record;
        _fixed = fixedPolicy;
        _gamma = gamma;
        _gaussSeidel = gaussSeidel;
        if (_options.MaxDegreeOfParallelism == 1 || _blocks == 1)
            for (int b = 0; b < _blocks; b++) Block(b);
        else
            Parallel.For(0, _blocks, _options, _body);
        var total = new SweepStats(double.PositiveInfinity, double.NegativeInfinity, false, false);
        for (int b = 0; b < _blocks; b++)
        {
            total = total.Merge(_stats[b]);
            if (_outcomes[b] > maxOutcomes) maxOutcomes = _outcomes[b];
        }
        return total.Range();
    }

    private void Block(int b)
    {
        int lo = b * ParallelSweep.BlockSize, hi = Math.Min(_states, lo + ParallelSweep.BlockSize);
        TModel model = _model;
        double[] values = _values, target = _target;
        Span<int> record = _record is null ? default : _record;
        if (_gaussSeidel)
        {
            // The block starts from the previous values and reads its own new ones as they are written.
            Array.Copy(values, lo, target, lo, hi - lo);
            if (_fixed is null)
            {
                var greedy = new BlockGreedyBackend(_gamma, target, lo, hi);
                _stats[b] = SweepOperator.ApplyRange(ref model, ref greedy, values, target, record, 0, lo, hi);
                _outcomes[b] = greedy.MaxOutcomes;
            }
            else
            {
                var fixedPolicy = new BlockFixedPolicyBackend(_fixed, _gamma, target, lo, hi);
                _stats[b] = SweepOperator.ApplyRange(ref model, ref fixedPolicy, values, target, record, 0, lo, hi);
                _outcomes[b] = fixedPolicy.MaxOutcomes;
            }
            return;
        }
        if (_fixed is null)
        {
            var greedy = new GreedyBackend(_gamma);
            _stats[b] = SweepOperator.ApplyRange(ref model, ref greedy, values, target, record, 0, lo, hi);
            _outcomes[b] = greedy.MaxOutcomes;
        }
        else
        {
            var fixedPolicy = new FixedPolicyBackend(_fixed, _gamma);
            _stats[b] = SweepOperator.ApplyRange(ref model, ref fixedPolicy, values, target, record, 0, lo, hi);
            _outcomes[b] = fixedPolicy.MaxOutcomes;
        }
    }
}

/// <summary>
/// Σ p·(r + γV[next]) where V is the block's new values inside lo..hi-1 and the previous sweep's elsewhere:
/// the backup of block Gauss-Seidel.
/// </summary>
internal ref struct BlockBellmanBackup : ITransitionVisitor
{
    private readonly ReadOnlySpan<double> _previous;
    private readonly ReadOnlySpan<double> _block;
    private readonly int _lo;
    private readonly uint _length;
    private readonly double _gamma;
    public double Value;
    public int Outcomes;

    public BlockBellmanBackup(ReadOnlySpan<double> previous, ReadOnlySpan<double> block, int lo, int hi, double gamma)
    {
        _previous = previous;
        _block = block;
        _lo = lo;
        _length = (uint)(hi - lo);
        _gamma = gamma;
        Value = 0;
        Outcomes = 0;
    }

    public static bool Validating => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Outcome(int next, double probability, double reward)
    {
        double v = (uint)(next - _lo) < _length ? _block[next] : _previous[next];
        Value += probability * (reward + _gamma * v);
        Outcomes++;
    }

    public void BeginRule(int rule) { }
    public void BeginReward(int term) { }
    public void RewardTotal(int term, double total) { }
    public void OutOfRange(int variable, long value, double probability) { }
    public void NoMatchingRule() { }
}

/// <summary>The greedy backend of block Gauss-Seidel: max over enabled actions, ties to the lowest index.</summary>
internal ref struct BlockGreedyBackend(double gamma, ReadOnlySpan<double> block, int lo, int hi) : ISweepBackend
{
    private readonly ReadOnlySpan<double> _block = block;
    public int MaxOutcomes = 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Backup<TModel>(ref TModel model, int state, int step, ReadOnlySpan<double> values, out double backup, out int action)
        where TModel : struct, IMdp
    {
        double best = 0;
        action = -1;
        int actions = model.ActionCount;
        for (int a = 0; a < actions; a++)
        {
            var visitor = new BlockBellmanBackup(values, _block, lo, hi, gamma);
            if (!model.Transitions(state, a, step, ref visitor)) continue;
            if (visitor.Outcomes > MaxOutcomes) MaxOutcomes = visitor.Outcomes;
            if (action < 0 || visitor.Value > best)
            {
                best = visitor.Value;
                action = a;
            }
        }
        backup = best;
        return action >= 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly double Update(double old, double backup) => backup;
}

/// <summary>The fixed-policy backend of block Gauss-Seidel.</summary>
internal ref struct BlockFixedPolicyBackend(ReadOnlySpan<int> policy, double gamma, ReadOnlySpan<double> block, int lo, int hi) : ISweepBackend
{
    private readonly ReadOnlySpan<int> _policy = policy;
    private readonly ReadOnlySpan<double> _block = block;
    public int MaxOutcomes = 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Backup<TModel>(ref TModel model, int state, int step, ReadOnlySpan<double> values, out double backup, out int action)
        where TModel : struct, IMdp
    {
        action = _policy[state];
        backup = 0;
        if (action < 0) return false;
        var visitor = new BlockBellmanBackup(values, _block, lo, hi, gamma);
        model.Transitions(state, action, step, ref visitor);
        if (visitor.Outcomes > MaxOutcomes) MaxOutcomes = visitor.Outcomes;
        backup = visitor.Value;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly double Update(double old, double backup) => backup;
}
