using System.Collections.Generic;
using System.Threading;
using RlSpec.Compiler.Kinds.Game.Binding;
using RlSpec.Compiler.Kinds.Game.Emit;
using RlSpec.Compiler.Kinds.Game.Ir;
using RlSpec.Compiler.Kinds.Game.Lowering;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Game
{
    /// <summary>
    /// The <c>game</c> kind: normal-form games (two-player zero-sum, general-sum, symmetric, n-player), seeded random games,
    /// preference games, congestion games and two-player zero-sum Markov games, written with settings
    /// (<c>player row(rock, paper)</c>, <c>payoff row = [[...]]</c>, <c>temperature 0.1</c>, ...) and the mdp kind's
    /// <c>state</c>, <c>discount</c>/<c>horizon</c> and <c>init</c> members. Bind (<see cref="GameBinder"/>) gives a
    /// <see cref="BoundGame"/>, lowering (<see cref="GameLowering"/>) evaluates every payoff, cost and transition into the
    /// <see cref="GameIr"/> (numbers only), and <see cref="GameEmitter"/> writes a static class whose <c>Create()</c>
    /// returns the runtime's <c>RlSpec.Runtime.Games.GameModel</c>. docs/games.md is the reference.
    /// </summary>
    public sealed class GameKind : ModelKind<BoundGame, GameIr>
    {
        public const string ZeroSum = "zero_sum", Symmetric = "symmetric", Preference = "preference", Congestion = "congestion", Markov = "markov";

        public override string Keyword => "game";

        public override IReadOnlyList<string> Modifiers { get; } = new[] { ZeroSum, Symmetric, Preference, Congestion, Markov };

        public override string MemberSummary =>
            "param, let, player, payoff, random, temperature, preference, facility, players, strategies, state, discount, horizon, init and `play when ...:` transition rules";

        public override IReadOnlyList<string> MemberWords { get; } = new[]
        {
            "param", "let", "player", "payoff", "random", "temperature", "preference", "facility", "players", "strategies", "state", "discount", "horizon", "init", "play",
        };

        public override bool Allows(MemberNode member) => member switch
        {
            SettingNode s => GameBinder.SettingWords.Contains(s.Key.Text),
            RangeStateVarNode or DiscountNode or HorizonNode or InitNode => true,
            RuleNode r => r.Action.Name.Text == GameBinder.PlayWord && r.Action.Index is null,
            _ => false,
        };

        public override BoundGame? Bind(Binder binder) => GameBinder.Bind(binder);

        public override GameIr? Lower(BoundGame bound, Binder binder, CancellationToken cancellationToken) =>
            GameLowering.Lower(bound, binder, cancellationToken);

        public override EmittedCode Emit(GameIr ir) => new EmittedCode(ir.TypeName, GameEmitter.Emit(ir));
    }
}
