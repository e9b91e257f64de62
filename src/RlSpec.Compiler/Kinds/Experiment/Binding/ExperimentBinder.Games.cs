using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Kinds.Experiment.Algorithms;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Experiment.Binding
{
    /// <summary>
    /// Experiments on a game: learning dynamics (<see cref="GameDynamicsAlgorithms"/>) for <c>iterations N</c>, each on a
    /// form of game it fits, measured by what the engine measures (matrix games: duality gap and NashConv of the last and the
    /// average iterate, distance to a unique equilibrium). Markov-game dynamics exist in the runtime, but the engine has no
    /// measure for Markov games yet, so they are refused here with that reason.
    /// </summary>
    internal sealed partial class ExperimentBinder
    {
        /// <summary><c>horizon</c>, <c>episodes</c>, <c>steps</c>, <c>instance</c> or <c>sweep</c> on a game.</summary>
        private void NotOnGame(MemberNode member)
        {
            var key = member is SettingNode s ? s.Key.Text : "horizon";
            _b.Error(DiagnosticIds.GameExperimentLength,
                key == "instance" || key == "sweep"
                    ? $"`{key}` is for experiments on a bandit; an experiment on a game runs the declared game (override its parameters with -p name=value)"
                    : $"learning dynamics on a game run for `iterations N`, not {(key == "horizon" ? "a horizon" : key)}; write `iterations` instead of `{key}`",
                KeySpan(member));
            _failed.Add(key);
        }

        /// <summary>After all settings: each dynamic fits the game's form, the length is given, and what is recorded the game can give.</summary>
        private void CheckGame(Dictionary<string, MemberNode> seen)
        {
            var game = _e.Game!;
            var node = _b.Node;
            var target = _e.Target;
            if (!seen.ContainsKey("iterations") && !_failed.Overlaps(new[] { "horizon", "episodes", "steps" }))
                _b.Error(DiagnosticIds.MissingSetting, $"experiment '{_e.Declaration.Name}' has no `iterations`; add one, e.g. `iterations 2000`", node.NameSpan);
            if (_failed.Contains("compare")) return;
            if (_e.Algorithms.Count == 0)
            {
                if (!seen.ContainsKey("compare"))
                    _b.Error(DiagnosticIds.MissingSetting,
                        $"experiment '{_e.Declaration.Name}' has no `compare`; add one, e.g. `compare mwu(eta = 0.1), omwu(eta = 0.1)`", node.NameSpan);
                return;
            }
            bool ok = true;
            var fitting = GameDynamicsAlgorithms.NamesFor(game.Offers).Where(n => (GameDynamicsAlgorithms.Find(n)!.Forms & GameDynamicForms.Markov) == 0).ToList();
            foreach (var use in _e.Algorithms)
            {
                var dynamic = GameDynamicsAlgorithms.Find(use.Algorithm.Name)!;
                if ((dynamic.Forms & game.Offers) == 0)
                {
                    _b.Error(DiagnosticIds.GameDynamicDoesNotFit,
                        $"{use.Algorithm.Name} runs on {FormsText(dynamic.Forms)}, and {target.Name} is {game.Describe}" +
                        (fitting.Count > 0 ? $"; on it compare {List(fitting)}" : "; learning dynamics run on two-player games (matrix, preference) only"),
                        use.Span);
                    ok = false;
                }
                else if (dynamic.Forms == GameDynamicForms.Markov)
                {
                    _b.Error(DiagnosticIds.GameDynamicNotMeasured,
                        $"{use.Algorithm.Name} runs on Markov games, and the experiment engine measures matrix games only (no Markov-game duality gap yet); " +
                        "run it from C# through RlSpec.Runtime.Games.Dynamics, or compare dynamics on a matrix game",
                        use.Span);
                    ok = false;
                }
            }
            if (!ok) { _failed.Add("compare"); return; }

            if (_failed.Contains("record")) return;
            _e.Record ??= new List<BanditStatistic> { BanditStatistics.Find(game.IsZeroSum ? "duality_gap" : "nash_conv")! };
            foreach (var statistic in _e.Record)
            {
                bool needsZeroSum = statistic.Name is "duality_gap" or "average_duality_gap" or "equilibrium_distance" or "average_equilibrium_distance";
                if (needsZeroSum && !game.IsZeroSum)
                {
                    _b.Error(DiagnosticIds.GameStatisticUnavailable,
                        statistic.Name.Contains("distance")
                            ? $"'{statistic.Name}' needs the unique equilibrium of a zero-sum game, and {target.Name} is {game.Describe}; record nash_conv (declare the game `zero_sum` if it is)"
                            : $"'{statistic.Name}' needs a zero-sum game, and {target.Name} is {game.Describe}; record nash_conv or average_nash_conv (declare the game `zero_sum` if it is)",
                        seen["record"].Span);
                    _failed.Add("record");
                    return;
                }
            }
        }

        private static string FormsText(GameDynamicForms forms) => forms switch
        {
            GameDynamicForms.Preference => "regularized preference games",
            GameDynamicForms.Markov => "Markov games",
            _ => "two-player matrix games (zero_sum, general-sum, symmetric, random or preference)",
        };
    }
}
