using System;
using RlSpec.Runtime.Games.Markov;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Games.Dynamics;

/// <summary>
/// Minimax-Q (Littman, "Markov games as a framework for multi-agent reinforcement learning", ICML 1994) from
/// samples of a generative model, in its synchronous form: every iteration draws one successor s′ ~ P(· | s, a, b)
/// for every joint action and updates Q(s, a, b) ← (1 − α_t) Q(s, a, b) + α_t (R_s[a, b] + γ V(s′)), then solves each
/// state's matrix game Q(s, ·, ·) by linear programming (<see cref="ZeroSum"/>, no allocation) for V(s) and both
/// players' policies. The step is the rescaled linear α_t = 1/(1 + (1 − γ) t) (as for synchronous Q-learning,
/// Wainwright 2019); V converges to Shapley's values almost surely, with error of order 1/√T. Row/Column are the LP
/// policies of Q_t, concatenated state by state; the averages are uniform over iterations. Discounted games only.
/// Compiler name <c>minimax_q</c>.
/// </summary>
public sealed class MinimaxQ : IGameDynamics
{
    private readonly MarkovGame _game;
    private readonly ZeroSum _solver;
    private readonly int[] _rowOffset, _columnOffset;
    private readonly double[] _q, _values, _x, _y, _averageRow, _averageColumn;

    /// <summary>Minimax-Q on a discounted <paramref name="game"/>.</summary>
    public MinimaxQ(MarkovGame game)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (!game.IsDiscounted) throw new ArgumentException("minimax_q: the Markov game must be discounted", nameof(game));
        _game = game;
        _solver = new ZeroSum(game.MaxRowActions, game.MaxColumnActions);
        int states = game.States;
        _rowOffset = new int[states + 1]; _columnOffset = new int[states + 1];
        for (int s = 0; s < states; s++) { _rowOffset[s + 1] = _rowOffset[s] + game.RowActions(s); _columnOffset[s + 1] = _columnOffset[s] + game.ColumnActions(s); }
        _q = new double[game.JointActions];
        _values = new double[states];
        _x = new double[_rowOffset[states]]; _y = new double[_columnOffset[states]];
        _averageRow = new double[_x.Length]; _averageColumn = new double[_y.Length];
        Reset();
    }

    /// <summary>The value estimate V_t (the values of the matrix games Q_t(s)).</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <inheritdoc/>
    public long Iteration { get; private set; }

    /// <inheritdoc/>
    public ReadOnlySpan<double> Row => _x;

    /// <inheritdoc/>
    public ReadOnlySpan<double> Column => _y;

    /// <inheritdoc/>
    public ReadOnlySpan<double> AverageRow => _averageRow;

    /// <inheritdoc/>
    public ReadOnlySpan<double> AverageColumn => _averageColumn;

    /// <summary>The offset of state s's row policy in <see cref="Row"/>.</summary>
    public int RowOffset(int state) => _rowOffset[state];

    /// <summary>The offset of state s's column policy in <see cref="Column"/>.</summary>
    public int ColumnOffset(int state) => _columnOffset[state];

    /// <inheritdoc/>
    public void Reset()
    {
        Array.Clear(_q);
        Solve();
        _x.CopyTo(_averageRow, 0); _y.CopyTo(_averageColumn, 0);
        Iteration = 0;
    }

    /// <inheritdoc/>
    public void Step(ref RandomStream random)
    {
        Iteration++;
        double gamma = _game.Discount, alpha = 1 / (1 + (1 - gamma) * Iteration);
        var next = _game.NextStates;
        var probabilities = _game.Probabilities;
        for (int k = 0; k < _q.Length; k++)
        {
            double u = Sampling.Uniform(ref random, 0, 1), cumulative = 0;
            int end = _game.TransitionStart(k + 1), e = _game.TransitionStart(k);
            for (; e < end - 1; e++)
            {
                cumulative += probabilities[e];
                if (u < cumulative) break;
            }
            double target = _game.Payoff(k) + gamma * _values[next[e]];
            _q[k] += alpha * (target - _q[k]);
        }
        Solve();
        double w = 1.0 / Iteration;
        for (int i = 0; i < _x.Length; i++) _averageRow[i] += w * (_x[i] - _averageRow[i]);
        for (int j = 0; j < _y.Length; j++) _averageColumn[j] += w * (_y[j] - _averageColumn[j]);
    }

    private void Solve()
    {
        for (int s = 0; s < _game.States; s++)
        {
            int m = _game.RowActions(s), n = _game.ColumnActions(s);
            _values[s] = _solver.Solve(_q.AsSpan(_game.JointOffset(s), m * n), m, n, _x.AsSpan(_rowOffset[s], m), _y.AsSpan(_columnOffset[s], n));
        }
    }
}
