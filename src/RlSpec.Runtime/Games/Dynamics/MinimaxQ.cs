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
public sealed class MinimaxQ : IMarkovGameDynamics
{
    private readonly MarkovGame _game;
    private readonly ZeroSum _solver;
    private readonly MarkovPolicies _policies;
    private readonly double[] _q, _values;

    /// <summary>Minimax-Q on a discounted <paramref name="game"/>.</summary>
    public MinimaxQ(MarkovGame game)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (!game.IsDiscounted) throw new ArgumentException("minimax_q: the Markov game must be discounted", nameof(game));
        _game = game;
        _solver = new ZeroSum(game.MaxRowActions, game.MaxColumnActions);
        _policies = new MarkovPolicies(game);
        _q = new double[game.JointActions];
        _values = new double[game.States];
        Reset();
    }

    /// <inheritdoc/>
    public MarkovGame Game => _game;

    /// <summary>The value estimate V_t (the values of the matrix games Q_t(s)).</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>0: minimax-Q solves the unregularized game.</summary>
    public double Temperature => 0;

    /// <inheritdoc/>
    public long Iteration { get; private set; }

    /// <inheritdoc/>
    public ReadOnlySpan<double> Row => _policies.Row;

    /// <inheritdoc/>
    public ReadOnlySpan<double> Column => _policies.Column;

    /// <inheritdoc/>
    public ReadOnlySpan<double> AverageRow => _policies.AverageRow;

    /// <inheritdoc/>
    public ReadOnlySpan<double> AverageColumn => _policies.AverageColumn;

    /// <summary>The offset of state s's row policy in <see cref="Row"/> (<see cref="MarkovGame.RowPolicyOffset"/>).</summary>
    public int RowOffset(int state) => _game.RowPolicyOffset(state);

    /// <summary>The offset of state s's column policy in <see cref="Column"/>.</summary>
    public int ColumnOffset(int state) => _game.ColumnPolicyOffset(state);

    /// <inheritdoc/>
    public void Reset()
    {
        Array.Clear(_q);
        Solve();
        _policies.Restart();
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
        _policies.Accumulate(Iteration);
    }

    private void Solve()
    {
        for (int s = 0; s < _game.States; s++)
        {
            int m = _game.RowActions(s), n = _game.ColumnActions(s);
            _values[s] = _solver.Solve(_q.AsSpan(_game.JointOffset(s), m * n), m, n, _policies.RowAt(s), _policies.ColumnAt(s));
        }
    }
}
