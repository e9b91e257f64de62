using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using RlSpec.Runtime.Games.Dynamics;
using RlSpec.Runtime.Games.Markov;
using RlSpec.Runtime.Games.MatrixGame;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// The measures of a discounted two-player zero-sum Markov game, for the last and the average iterate (per-state policies averaged
/// uniformly over the iterations):
/// <list type="bullet">
/// <item><c>duality_gap</c> = <c>nash_conv</c>: max_{x′} V^{x′,y}(ρ) − min_{y′} V^{x,y′}(ρ) at the initial distribution ρ, both best
/// responses exact (the induced MDPs solved by policy iteration: <see cref="MarkovBestResponse"/>);</item>
/// <item><c>equilibrium_distance</c>: ‖(x, y) − (x*, y*)‖₂ over all states to the Markov perfect equilibrium, when it is shown unique
/// (every state's matrix game Q*_s = R_s + γPV* has an equilibrium <see cref="UniqueZeroSumEquilibrium"/> shows unique);</item>
/// <item><c>value_error</c>: max_s |V_t(s) − V*(s)|, the dynamic's value estimate against Shapley's values (<see cref="ShapleyIteration"/>, to 1e-12);</item>
/// <item><c>qre_distance</c>: the distance to the quantal response equilibrium of the dynamic's temperature τ (its policies and its
/// regularized values, <see cref="RegularizedShapleyIteration"/>; unique for every τ &gt; 0), for regularized dynamics: the larger of
/// ‖(x, y) − (x*_τ, y*_τ)‖₂ and max_s |V_t(s) − V*_τ(s)|, the two quantities Cen, Chi, Du and Xiao (2023, Theorem 1) bound at one rate.</item>
/// </list>
/// Read-only after construction except for the QRE cache (one per temperature, computed once, thread-safe), so one instance serves every worker.
/// </summary>
public sealed class MarkovGameMeasure : GameMeasure
{
    private readonly MarkovGame _game;
    private readonly ShapleySolution _shapley;
    private readonly double[]? _equilibriumRow, _equilibriumColumn;
    private readonly ConcurrentDictionary<double, Lazy<(double[] Row, double[] Column, double[] Values)>> _qre = new();

    /// <summary>Measures on a discounted <paramref name="game"/>; Shapley's values and the equilibrium's uniqueness are computed here.</summary>
    /// <exception cref="ArgumentException">The game has a finite horizon (the dynamics and their measures are for discounted games).</exception>
    public MarkovGameMeasure(MarkovGame game)
    {
        _game = game ?? throw new ArgumentNullException(nameof(game));
        if (!game.IsDiscounted) throw new ArgumentException("the Markov-game measures are for discounted games; this game has a finite horizon", nameof(game));
        _shapley = ShapleyIteration.Solve(game, 1e-12);
        var row = new double[game.RowPolicyLength];
        var column = new double[game.ColumnPolicyLength];
        var q = new double[game.MaxRowActions * game.MaxColumnActions];
        for (int s = 0; s < game.States; s++)
        {
            int m = game.RowActions(s), n = game.ColumnActions(s);
            game.StageGame(s, _shapley.Values, q);
            var a = new double[m, n];
            for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) a[i, j] = q[i * n + j];
            if (UniqueZeroSumEquilibrium.TryFind(BimatrixGame.ZeroSum(a)) is not { } unique) return;
            unique.Row.CopyTo(row.AsSpan(game.RowPolicyOffset(s)));
            unique.Column.CopyTo(column.AsSpan(game.ColumnPolicyOffset(s)));
        }
        _equilibriumRow = row;
        _equilibriumColumn = column;
    }

    /// <summary>The game.</summary>
    public MarkovGame Game => _game;

    /// <summary>Shapley's values V* and an optimal stationary strategy per state.</summary>
    public ShapleySolution Shapley => _shapley;

    /// <summary>Whether the Markov perfect equilibrium is shown unique (then <c>equilibrium_distance</c> is defined).</summary>
    public bool HasUniqueEquilibrium => _equilibriumRow is not null;

    /// <inheritdoc/>
    public override IReadOnlyList<Statistic> Recordable { get; } =
    [
        Statistic.DualityGap, Statistic.AverageDualityGap, Statistic.NashConv, Statistic.AverageNashConv,
        Statistic.EquilibriumDistance, Statistic.AverageEquilibriumDistance, Statistic.ValueError, Statistic.QreDistance,
    ];

    /// <inheritdoc/>
    public override string? Refuse(Statistic statistic) => statistic switch
    {
        Statistic.EquilibriumDistance or Statistic.AverageEquilibriumDistance when _equilibriumRow is null =>
            $"'{statistic.Name()}' needs a Markov game whose equilibrium is shown unique (every state's matrix game at Shapley's values square, fully mixed, nonsingular); record duality_gap or value_error instead",
        _ => null,
    };

    /// <inheritdoc/>
    public override string? Refuse(Statistic statistic, IGameDynamics dynamics) => statistic switch
    {
        _ when dynamics is not IMarkovGameDynamics => $"'{statistic.Name()}' on a Markov game needs a Markov-game dynamic (entropy_omwu, minimax_q)",
        Statistic.QreDistance when ((IMarkovGameDynamics)dynamics).Temperature == 0 =>
            "'qre_distance' needs a regularized dynamic (one with a temperature, e.g. entropy_omwu); record equilibrium_distance or value_error for the others",
        _ => null,
    };

    /// <inheritdoc/>
    public override double Measure(Statistic statistic, IGameDynamics dynamics) => statistic switch
    {
        Statistic.DualityGap or Statistic.NashConv => MarkovBestResponse.DualityGap(_game, dynamics.Row, dynamics.Column),
        Statistic.AverageDualityGap or Statistic.AverageNashConv => MarkovBestResponse.DualityGap(_game, dynamics.AverageRow, dynamics.AverageColumn),
        Statistic.EquilibriumDistance => GameMetrics.Distance(dynamics.Row, dynamics.Column, _equilibriumRow, _equilibriumColumn),
        Statistic.AverageEquilibriumDistance => GameMetrics.Distance(dynamics.AverageRow, dynamics.AverageColumn, _equilibriumRow, _equilibriumColumn),
        Statistic.ValueError => ValueError(((IMarkovGameDynamics)dynamics).Values),
        Statistic.QreDistance => QreDistance((IMarkovGameDynamics)dynamics),
        _ => throw new ArgumentOutOfRangeException(nameof(statistic), statistic, "not a Markov-game statistic"),
    };

    /// <summary>The QRE of temperature τ: flat policies and regularized values per state (computed on first use, then cached).</summary>
    public (double[] Row, double[] Column, double[] Values) Qre(double temperature) =>
        // TryGetValue first: GetOrAdd's factory is a closure, allocated on every call, and this runs at every checkpoint.
        _qre.TryGetValue(temperature, out var known) ? known.Value
            : _qre.GetOrAdd(temperature, t => new Lazy<(double[], double[], double[])>(() => ComputeQre(t))).Value;

    private double ValueError(ReadOnlySpan<double> values) => SupDistance(values, _shapley.Values);

    private static double SupDistance(ReadOnlySpan<double> values, ReadOnlySpan<double> target)
    {
        double e = 0;
        for (int s = 0; s < values.Length; s++) e = Math.Max(e, Math.Abs(values[s] - target[s]));
        return e;
    }

    private double QreDistance(IMarkovGameDynamics dynamics)
    {
        var (row, column, values) = Qre(dynamics.Temperature);
        return Math.Max(GameMetrics.Distance(dynamics.Row, dynamics.Column, row, column), SupDistance(dynamics.Values, values));
    }

    private (double[] Row, double[] Column, double[] Values) ComputeQre(double temperature)
    {
        var solution = RegularizedShapleyIteration.Solve(_game, temperature);
        var row = new double[_game.RowPolicyLength];
        var column = new double[_game.ColumnPolicyLength];
        for (int s = 0; s < _game.States; s++)
        {
            solution.Row[s].CopyTo(row, _game.RowPolicyOffset(s));
            solution.Column[s].CopyTo(column, _game.ColumnPolicyOffset(s));
        }
        return (row, column, solution.Values);
    }
}
