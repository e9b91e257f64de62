using System;
using System.Collections.Generic;
using RlSpec.Runtime.Games.Dynamics;
using RlSpec.Runtime.Games.MatrixGame;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// What a game experiment measures a dynamic's strategies against: the game and, where needed, its equilibrium.
/// One instance serves every worker (it is read-only after construction; workers pass their own scratch).
/// </summary>
public abstract class GameMeasure
{
    /// <summary>The statistics this game can give.</summary>
    public abstract IReadOnlyList<Statistic> Recordable { get; }

    /// <summary>Why <paramref name="statistic"/> cannot be recorded on this game, or null when it can.</summary>
    public virtual string? Refuse(Statistic statistic) => null;

    /// <summary>Why <paramref name="statistic"/> cannot be recorded for this dynamic on this game (e.g. a distance to a regularized equilibrium for an unregularized dynamic), or null when it can.</summary>
    public virtual string? Refuse(Statistic statistic, IGameDynamics dynamics) => null;

    /// <summary>The value of <paramref name="statistic"/> for the dynamic's current state.</summary>
    public abstract double Measure(Statistic statistic, IGameDynamics dynamics);
}

/// <summary>
/// The measures of a bimatrix game: NashConv (<see cref="BestResponse.NashConv"/>), the duality gap (zero-sum games,
/// where it equals NashConv), and the distance to the equilibrium when <see cref="UniqueZeroSumEquilibrium"/> shows it unique.
/// </summary>
public sealed class MatrixGameMeasure : GameMeasure
{
    private readonly BimatrixGame _game;
    private readonly NashEquilibrium? _unique;
    private readonly bool _zeroSum;

    /// <summary>Measures on <paramref name="game"/>; the equilibrium is computed once here (zero-sum games).</summary>
    public MatrixGameMeasure(BimatrixGame game)
    {
        _game = game ?? throw new ArgumentNullException(nameof(game));
        _zeroSum = true;
        for (int i = 0; i < game.Rows && _zeroSum; i++)
            for (int j = 0; j < game.Columns; j++)
                if (game.ColumnPayoff(i, j) != -game.RowPayoff(i, j)) { _zeroSum = false; break; }
        _unique = _zeroSum ? UniqueZeroSumEquilibrium.TryFind(game) : null;
    }

    /// <summary>The game.</summary>
    public BimatrixGame Game => _game;

    /// <summary>The equilibrium when shown unique, else null.</summary>
    public NashEquilibrium? UniqueEquilibrium => _unique;

    /// <inheritdoc/>
    public override IReadOnlyList<Statistic> Recordable { get; } =
    [
        Statistic.DualityGap, Statistic.AverageDualityGap, Statistic.NashConv, Statistic.AverageNashConv,
        Statistic.EquilibriumDistance, Statistic.AverageEquilibriumDistance,
    ];

    /// <inheritdoc/>
    public override string? Refuse(Statistic statistic) => statistic switch
    {
        Statistic.DualityGap or Statistic.AverageDualityGap when !_zeroSum =>
            $"'{statistic.Name()}' needs a zero-sum game; record nash_conv on a general-sum game",
        Statistic.EquilibriumDistance or Statistic.AverageEquilibriumDistance when _unique is null =>
            $"'{statistic.Name()}' needs a zero-sum game whose equilibrium is shown unique (square, fully mixed, nonsingular); record duality_gap instead",
        _ => null,
    };

    /// <inheritdoc/>
    public override double Measure(Statistic statistic, IGameDynamics dynamics) => statistic switch
    {
        Statistic.DualityGap or Statistic.NashConv => GameMetrics.NashConv(_game, dynamics.Row, dynamics.Column),
        Statistic.AverageDualityGap or Statistic.AverageNashConv => GameMetrics.NashConv(_game, dynamics.AverageRow, dynamics.AverageColumn),
        Statistic.EquilibriumDistance => GameMetrics.Distance(dynamics.Row, dynamics.Column, _unique!.Row, _unique.Column),
        Statistic.AverageEquilibriumDistance => GameMetrics.Distance(dynamics.AverageRow, dynamics.AverageColumn, _unique!.Row, _unique.Column),
        _ => throw new ArgumentOutOfRangeException(nameof(statistic), statistic, "not a game statistic"),
    };
}
