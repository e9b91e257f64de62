using System.Linq;
using RlSpec.Compiler.Kinds.Experiment.Algorithms;
using RlSpec.Compiler.Kinds.Game;
using RlSpec.Compiler.Kinds.Game.Binding;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Experiment.Binding
{
    /// <summary>
    /// What an experiment needs to know about the game it runs on, read off the declaration's syntax (its own binding may
    /// come later in the file; the game's binder reports any mistake in it): its form, decided as the game kind decides it
    /// (modifiers, then the number of players).
    /// </summary>
    public sealed class GameTarget
    {
        private GameTarget(GameForm form, int players, bool finiteHorizon) { Form = form; Players = players; IsFiniteHorizon = finiteHorizon; }

        public GameForm Form { get; }

        /// <summary>A Markov game declared with <c>horizon H</c> (finite horizon) rather than <c>discount</c>.</summary>
        public bool IsFiniteHorizon { get; }

        /// <summary>The number of <c>player</c> declarations.</summary>
        public int Players { get; }

        public static GameTarget Of(ModelNode game)
        {
            bool Has(string modifier) => game.Modifiers?.Any(m => m.Text == modifier) == true;
            int players = game.Members.OfType<SettingNode>().Count(s => s.Key.Text == "player");
            var form = Has(GameKind.Markov) ? GameForm.Markov
                : Has(GameKind.Congestion) ? GameForm.Congestion
                : Has(GameKind.Preference) ? GameForm.Preference
                : Has(GameKind.Symmetric) ? GameForm.Symmetric
                : Has(GameKind.ZeroSum) ? GameForm.ZeroSum
                : players > 2 ? GameForm.NPlayer : GameForm.Bimatrix;
            bool finiteHorizon = form == GameForm.Markov && game.Members.OfType<HorizonNode>().Any();
            return new GameTarget(form, players, finiteHorizon);
        }

        /// <summary>The dynamics' forms the game offers: a preference game is also the matrix game P − 1/2.</summary>
        public GameDynamicForms Offers => Form switch
        {
            GameForm.ZeroSum or GameForm.Bimatrix or GameForm.Symmetric => GameDynamicForms.Matrix,
            GameForm.Preference => GameDynamicForms.Preference | GameDynamicForms.Matrix,
            GameForm.Markov => GameDynamicForms.Markov,
            _ => GameDynamicForms.None,
        };

        /// <summary>Whether the game is zero-sum by declaration (a zero_sum game, a preference game's P − 1/2, or a Markov game, two-player zero-sum by definition).</summary>
        public bool IsZeroSum => Form == GameForm.ZeroSum || Form == GameForm.Preference || Form == GameForm.Markov;

        /// <summary>"a two-player zero-sum game", for messages.</summary>
        public string Describe => Form switch
        {
            GameForm.ZeroSum => "a two-player zero-sum game",
            GameForm.Bimatrix => "a two-player general-sum game",
            GameForm.Symmetric => "a symmetric two-player game",
            GameForm.NPlayer => $"a {Players}-player game",
            GameForm.Preference => "a preference game",
            GameForm.Congestion => "a congestion game",
            _ => "a Markov game",
        };
    }
}
