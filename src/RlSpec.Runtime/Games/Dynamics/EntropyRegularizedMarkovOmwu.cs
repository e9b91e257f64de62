using System;
using RlSpec.Runtime.Dynamics;
using RlSpec.Runtime.Games.Markov;
using RlSpec.Runtime.Randomness;

namespace RlSpec.Runtime.Games.Dynamics;

/// <summary>
/// Entropy-regularized OMWU with a slower value update for a discounted two-player zero-sum Markov game
/// (Cen, Chi, Du and Xiao, "Faster last-iterate convergence of policy optimization in zero-sum Markov games",
/// ICLR 2023, Algorithm 1; the matrix-game step is that of Cen, Wei and Chi, NeurIPS 2021). In every state s, with
/// Q_t(s) = R_s + γ·P V_t and keep = 1 − ητ (shared <see cref="EntropyMirrorStep"/>):
/// x̄_{t+1} ∝ x_t^{keep} exp(η Q_t ȳ_t),  ȳ_{t+1} ∝ y_t^{keep} exp(−η Q_tᵀ x̄_t),
/// x_{t+1} ∝ x_t^{keep} exp(η Q_t ȳ_{t+1}),  y_{t+1} ∝ y_t^{keep} exp(−η Q_tᵀ x̄_{t+1}),
/// and the value moves on the slower timescale V_{t+1}(s) = (1 − α) V_t(s) + α f_s(x̄_{t+1}, ȳ_{t+1}) with
/// f_s(x, y) = xᵀQ_t(s)y + τH(x) − τH(y) and α = ητ. The last iterate converges linearly to the quantal response
/// equilibrium (QRE) of the τ-regularized game for η ≤ (1 − γ)/(2(1 + τ(log A + 1 − γ))) (their Theorem 1; A the
/// largest action count). <see cref="IGameDynamics.Row"/>/<see cref="IGameDynamics.Column"/> are x_t, y_t concatenated
/// state by state (row player: <see cref="MarkovGame.RowActions"/>(s) entries per state). From uniform policies and V = 0.
/// Compiler name <c>entropy_omwu</c>.
/// </summary>
public sealed class EntropyRegularizedMarkovOmwu : IMarkovGameDynamics
{
    private readonly MarkovGame _game;
    private readonly double _eta, _tau, _alpha;
    private readonly MarkovPolicies _policies;
    private readonly double[] _xLogits, _yLogits, _xBar, _xBarLogits, _yBar, _yBarLogits, _xBarNext, _yBarNext;
    private readonly double[] _values, _nextValues, _q, _rowPayoff, _columnPayoff;

    /// <summary>The dynamic on a discounted <paramref name="game"/> with step η and temperature τ.</summary>
    public EntropyRegularizedMarkovOmwu(MarkovGame game, double eta, double tau)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (!game.IsDiscounted) throw new ArgumentException("entropy_omwu: the Markov game must be discounted", nameof(game));
        if (!(eta > 0) || double.IsInfinity(eta)) throw new ArgumentOutOfRangeException(nameof(eta), eta, "entropy_omwu: the step size must be positive and finite");
        if (!(tau > 0) || double.IsInfinity(tau)) throw new ArgumentOutOfRangeException(nameof(tau), tau, "entropy_omwu: the temperature must be positive and finite");
        if (eta * tau >= 1) throw new ArgumentOutOfRangeException(nameof(eta), eta, "entropy_omwu: the step size times the temperature must be below 1");
        _game = game; _eta = eta; _tau = tau; _alpha = eta * tau;
        _policies = new MarkovPolicies(game);
        int m = game.RowPolicyLength, n = game.ColumnPolicyLength;
        _xLogits = new double[m]; _xBar = new double[m]; _xBarLogits = new double[m]; _xBarNext = new double[m];
        _yLogits = new double[n]; _yBar = new double[n]; _yBarLogits = new double[n]; _yBarNext = new double[n];
        _values = new double[game.States]; _nextValues = new double[game.States];
        _q = new double[game.MaxRowActions * game.MaxColumnActions];
        _rowPayoff = new double[game.MaxRowActions]; _columnPayoff = new double[game.MaxColumnActions];
        Reset();
    }

    /// <inheritdoc/>
    public MarkovGame Game => _game;

    /// <summary>The current value estimate V_t.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>τ.</summary>
    public double Temperature => _tau;

    /// <inheritdoc/>
    public long Iteration { get; private set; }

    /// <inheritdoc/>
    public ReadOnlySpan<double> Row => _policies.Row;

    /// <inheritdoc/>
    public ReadOnlySpan<double> Column => _policies.Column;

    /// <summary>The uniform average of x_1 .. x_T.</summary>
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
        _policies.SetUniform();
        _policies.Restart();
        _policies.Row.CopyTo(_xBar, 0); _policies.Column.CopyTo(_yBar, 0);
        EntropyMirrorStep.Logits(_policies.Row, _xLogits); EntropyMirrorStep.Logits(_policies.Column, _yLogits);
        Array.Clear(_values);
        Iteration = 0;
    }

    /// <inheritdoc/>
    public void Step(ref RandomStream random)
    {
        Iteration++;
        double keep = 1 - _eta * _tau;
        for (int s = 0; s < _game.States; s++)
        {
            int m = _game.RowActions(s), n = _game.ColumnActions(s), ro = _game.RowPolicyOffset(s), co = _game.ColumnPolicyOffset(s);
            var q = _q.AsSpan(0, m * n);
            _game.StageGame(s, _values, q);
            Span<double> xl = _xLogits.AsSpan(ro, m), yl = _yLogits.AsSpan(co, n);
            Span<double> u = _rowPayoff.AsSpan(0, m), v = _columnPayoff.AsSpan(0, n);
            // x̄_{t+1}, ȳ_{t+1} from x_t, y_t against ȳ_t, x̄_t
            MatrixProducts.Multiply(q, m, n, _yBar.AsSpan(co, n), u);
            MatrixProducts.MultiplyTransposed(q, m, n, _xBar.AsSpan(ro, m), v);
            xl.CopyTo(_xBarLogits.AsSpan(ro, m));
            yl.CopyTo(_yBarLogits.AsSpan(co, n));
            EntropyMirrorStep.Step(_xBarLogits.AsSpan(ro, m), u, keep, _eta, _xBarNext.AsSpan(ro, m));
            EntropyMirrorStep.Step(_yBarLogits.AsSpan(co, n), v, keep, -_eta, _yBarNext.AsSpan(co, n));
            // x_{t+1}, y_{t+1} from x_t, y_t against ȳ_{t+1}, x̄_{t+1}
            MatrixProducts.Multiply(q, m, n, _yBarNext.AsSpan(co, n), u);
            MatrixProducts.MultiplyTransposed(q, m, n, _xBarNext.AsSpan(ro, m), v);
            EntropyMirrorStep.Step(xl, u, keep, _eta, _policies.RowAt(s));
            EntropyMirrorStep.Step(yl, v, keep, -_eta, _policies.ColumnAt(s));
            // f_s(x̄_{t+1}, ȳ_{t+1}) = x̄ᵀQȳ + τH(x̄) − τH(ȳ); u = Q·ȳ_{t+1} still
            var xb = _xBarNext.AsSpan(ro, m);
            double f = MatrixProducts.Dot(xb, u) + _tau * Entropy(xb) - _tau * Entropy(_yBarNext.AsSpan(co, n));
            _nextValues[s] = (1 - _alpha) * _values[s] + _alpha * f;
        }
        _nextValues.CopyTo(_values, 0);
        _xBarNext.CopyTo(_xBar, 0);
        _yBarNext.CopyTo(_yBar, 0);
        _policies.Accumulate(Iteration);
    }

    /// <summary>The Shannon entropy H(p) = −Σ p log p (0 log 0 = 0).</summary>
    internal static double Entropy(ReadOnlySpan<double> p)
    {
        double h = 0;
        foreach (double v in p) if (v > 0) h -= v * Math.Log(v);
        return h;
    }
}
