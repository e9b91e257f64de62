using System;
using System.Collections.Generic;
using RlSpec.Runtime.Games.Congestion;
using RlSpec.Runtime.Games.Markov;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Runtime.Games.NPlayer;
using RlSpec.Runtime.Games.Preference;

namespace RlSpec.Runtime.Games;

/// <summary>The form of a declared game, which decides the runtime object it builds and the solvers that apply.</summary>
public enum GameForm
{
    /// <summary>Two players, B = −A (<see cref="GameModel.Bimatrix"/>).</summary>
    ZeroSum,
    /// <summary>Two players, general sum (<see cref="GameModel.Bimatrix"/>).</summary>
    Bimatrix,
    /// <summary>Two players with the same actions and B = Aᵀ (<see cref="GameModel.Bimatrix"/>).</summary>
    Symmetric,
    /// <summary>n players (<see cref="GameModel.NormalForm"/>).</summary>
    NPlayer,
    /// <summary>A preference game (<see cref="GameModel.Preference"/>; also <see cref="GameModel.Bimatrix"/>, the zero-sum game P − 1/2).</summary>
    Preference,
    /// <summary>A congestion game (<see cref="GameModel.Congestion"/>).</summary>
    Congestion,
    /// <summary>A two-player zero-sum Markov game (<see cref="GameModel.Markov"/>).</summary>
    Markov,
}

/// <summary>
/// What an emitted game class's <c>Create()</c> returns: the declared game as runtime objects, with the names of its players,
/// actions (and states) for reports. Exactly the objects of its <see cref="Form"/> are set.
/// </summary>
public sealed class GameModel
{
    /// <summary>A game of the given form; checks that the object the form needs is there.</summary>
    public GameModel(string name, GameForm form, IReadOnlyList<string> players, IReadOnlyList<IReadOnlyList<string>> actions,
        BimatrixGame? bimatrix = null, NormalFormGame? normalForm = null, PreferenceGame? preference = null,
        CongestionGame? congestion = null, MarkovGame? markov = null, IReadOnlyList<string>? states = null, double temperature = 0)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Form = form;
        Players = players ?? throw new ArgumentNullException(nameof(players));
        Actions = actions ?? throw new ArgumentNullException(nameof(actions));
        if (actions.Count != players.Count) throw new ArgumentException($"{actions.Count} action lists for {players.Count} players", nameof(actions));
        Bimatrix = bimatrix; NormalForm = normalForm; Preference = preference; Congestion = congestion; Markov = markov;
        States = states ?? Array.Empty<string>();
        if (!(temperature >= 0) || !double.IsFinite(temperature)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "the temperature must be finite and nonnegative");
        Temperature = temperature;
        bool ok = form switch
        {
            GameForm.ZeroSum or GameForm.Bimatrix or GameForm.Symmetric => bimatrix is not null,
            GameForm.NPlayer => normalForm is not null,
            GameForm.Preference => preference is not null && bimatrix is not null,
            GameForm.Congestion => congestion is not null,
            GameForm.Markov => markov is not null,
            _ => false,
        };
        if (!ok) throw new ArgumentException($"a {form} game needs its runtime object", nameof(form));
    }

    /// <summary>The declaration's name.</summary>
    public string Name { get; }

    /// <summary>The declared form.</summary>
    public GameForm Form { get; }

    /// <summary>Player names, in declaration order.</summary>
    public IReadOnlyList<string> Players { get; }

    /// <summary>Per player, its action names (for a Markov game: the names of the actions in every state; congestion: strategy names).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Actions { get; }

    /// <summary>Two-player games: (A, B). Zero-sum games have B = −A; a preference game has A = P − 1/2.</summary>
    public BimatrixGame? Bimatrix { get; }

    /// <summary>n-player games.</summary>
    public NormalFormGame? NormalForm { get; }

    /// <summary>Preference games.</summary>
    public PreferenceGame? Preference { get; }

    /// <summary>Congestion games.</summary>
    public CongestionGame? Congestion { get; }

    /// <summary>Markov games.</summary>
    public MarkovGame? Markov { get; }

    /// <summary>State names of a Markov game (empty otherwise).</summary>
    public IReadOnlyList<string> States { get; }

    /// <summary>The entropy/KL-regularization temperature τ declared with <c>temperature</c> (0: unregularized).</summary>
    public double Temperature { get; }
}
