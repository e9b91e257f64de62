using System.Collections.Generic;

namespace RlSpec.Cli.Games;

/// <summary>A mixed profile: one distribution per player, each player's expected payoff, and the largest gain any player
/// gets by deviating (the best-response check every printed equilibrium passed).</summary>
internal sealed record GameProfile(double[][] Strategies, double[] Payoffs, double MaxGain);

/// <summary>A correlated (or coarse correlated) equilibrium: a distribution over joint actions, indexed row-major with the first
/// player most significant (<paramref name="Sizes"/> holds each player's number of actions), each player's expected payoff,
/// and the largest incentive-constraint violation (the check it passed).</summary>
internal sealed record JointEquilibrium(int[] Sizes, double[] Distribution, double[] Payoffs, double MaxViolation);

/// <summary>One solver's answer: what it computed, by which method, and (for a set) whether the set is complete.</summary>
internal sealed class GameSection
{
    public GameSection(string key, string title, string method) { Key = key; Title = title; Method = method; }

    /// <summary>The JSON field name (snake_case).</summary>
    public string Key { get; }

    public string Title { get; }

    public string Method { get; }

    public double? Value { get; set; }

    public List<GameProfile> Profiles { get; } = new();

    public JointEquilibrium? Joint { get; set; }

    /// <summary>True when the profiles are all the solution concept's points (e.g. support enumeration of a nondegenerate game).</summary>
    public bool? Complete { get; set; }

    public List<string> Notes { get; } = new();

    /// <summary>Extra numbers (residual, iterations, potential, error bound), in insertion order.</summary>
    public List<(string Key, double Value)> Numbers { get; } = new();

    /// <summary>Markov games: the value of each state and each player's strategy in each state.</summary>
    public double[]? StateValues { get; set; }

    public List<GameProfile>? StateProfiles { get; set; }
}

/// <summary>Everything <c>rlspec solve</c> computed for a game, verified.</summary>
internal sealed class GameSolution
{
    public GameSolution(RlSpec.Runtime.Games.GameModel game) { Game = game; }

    public RlSpec.Runtime.Games.GameModel Game { get; }

    public List<GameSection> Sections { get; } = new();

    /// <summary>The relative tolerance of every best-response check.</summary>
    public const double Tolerance = 1e-9;
}
