using System.Collections.Generic;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Game.Binding
{
    /// <summary>The forms of game a declaration can have (the runtime's <c>GameForm</c>).</summary>
    public enum GameForm { ZeroSum, Bimatrix, Symmetric, NPlayer, Preference, Congestion, Markov }

    /// <summary>A game after binding: its players, payoffs and the settings of its form, as bound expressions.</summary>
    public sealed class BoundGame
    {
        public BoundGame(BoundModel declaration) { Declaration = declaration; }

        public BoundModel Declaration { get; }

        public string Name => Declaration.Name;

        public GameForm Form { get; internal set; }

        /// <summary>Players in declaration order (a congestion game with <c>players n</c> has none here).</summary>
        public List<BoundPlayer> Players { get; } = new List<BoundPlayer>();

        /// <summary><c>payoff p = ...</c>: one per player at most.</summary>
        public List<BoundPayoff> Payoffs { get; } = new List<BoundPayoff>();

        /// <summary><c>random gaussian(mean, sd), seed = k</c> or <c>random uniform(lo, hi), seed = k</c>.</summary>
        public BoundRandomPayoffs? Random { get; internal set; }

        /// <summary><c>temperature τ</c>.</summary>
        public BoundExpr? Temperature { get; internal set; }

        public SourceSpan TemperatureSpan { get; internal set; }

        /// <summary><c>preference [[...]]</c> (a constant matrix).</summary>
        public BoundExpr? Preference { get; internal set; }

        public SourceSpan PreferenceSpan { get; internal set; }

        /// <summary>Congestion: facilities with their cost as a function of the load.</summary>
        public List<BoundFacility> Facilities { get; } = new List<BoundFacility>();

        /// <summary>Congestion: <c>players n</c>.</summary>
        public BoundExpr? PlayerCount { get; internal set; }

        /// <summary>Congestion: <c>strategies ...</c>, shared by every player of <c>players n</c>.</summary>
        public List<CongestionStrategy>? SharedStrategies { get; internal set; }

        public SourceSpan StrategiesSpan { get; internal set; }

        /// <summary>Markov: the state variable, its range, the criterion, the initial distribution and the rules.</summary>
        public LocalSymbol? State { get; internal set; }

        public BoundExpr? StateLo { get; internal set; }

        public BoundExpr? StateHi { get; internal set; }

        public SourceSpan StateSpan { get; internal set; }

        public BoundExpr? Discount { get; internal set; }

        public BoundExpr? Horizon { get; internal set; }

        public SourceSpan CriterionSpan { get; internal set; }

        public List<(BoundExpr Value, BoundExpr? Probability, SourceSpan Span)> Init { get; } = new List<(BoundExpr, BoundExpr?, SourceSpan)>();

        public List<BoundPlayRule> Rules { get; } = new List<BoundPlayRule>();
    }

    /// <summary>
    /// A player: named actions, or a number of actions (named a0, a1, ...), or (congestion) feasible strategies. The player's
    /// name is an index variable (its action) in payoff expressions, guards and rules.
    /// </summary>
    public sealed record BoundPlayer(string Name, SourceSpan Span, LocalSymbol Action, IReadOnlyList<Identifier>? ActionNames, BoundExpr? ActionCount,
        IReadOnlyList<CongestionStrategy>? Strategies);

    /// <summary><c>payoff p = value</c>: a table (nested lists indexed by the players' actions, in player order) or a number read from the players' actions.</summary>
    public sealed record BoundPayoff(int Player, BoundExpr Value, bool IsTable, int Depth, SourceSpan Span);

    /// <summary>A seeded random game's payoff distribution.</summary>
    public sealed record BoundRandomPayoffs(string Distribution, BoundExpr First, BoundExpr Second, BoundExpr Seed, SourceSpan Span);

    /// <summary><c>facility f = cost</c>: the cost reads the index variable <c>load</c> (1..players).</summary>
    public sealed record BoundFacility(string Name, SourceSpan Span, LocalSymbol Load, BoundExpr Cost);

    /// <summary>A congestion strategy: facility names, as written (resolved against the facilities in lowering).</summary>
    public sealed record CongestionStrategy(IReadOnlyList<Identifier> Facilities, SourceSpan Span);

    /// <summary><c>play when guard: s' = e @ p | ...</c>: the guard and every branch read the state and the players' actions.</summary>
    public sealed record BoundPlayRule(BoundExpr? Guard, IReadOnlyList<BoundPlayBranch> Branches, SourceSpan Span);

    /// <summary>One branch: the successor (null: stay) and its probability (null: the only branch).</summary>
    public sealed record BoundPlayBranch(BoundExpr? Successor, BoundExpr? Probability, SourceSpan Span);
}
