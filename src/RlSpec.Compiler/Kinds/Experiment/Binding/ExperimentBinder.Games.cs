using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Kinds.Experiment.Algorithms;
using RlSpec.Compiler.Kinds.Game.Binding;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Experiment.Binding
{
    /// <summary>
    /// Experiments on a game: learning dynamics (<see cref="GameDynamicsAlgorithms"/>) for <c>iterations N</c>, each on a
    /// form of game it fits, measured by what the engine measures (matrix games: duality gap and NashConv of the last and the
    /// average iterate, distance to a unique equilibrium; discounted Markov games: the same from exact best responses, plus
    /// the value estimate's error to Shapley's values and a regularized dynamic's distance to its QRE).
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
            var fitting = GameDynamicsAlgorithms.NamesFor(game.Offers).ToList();
            foreach (var use in _e.Algorithms)
            {
                var dynamic = GameDynamicsAlgorithms.Find(use.Algorithm.Name)!;
                if ((dynamic.Forms & game.Offers) == 0)
                {
                    _b.Error(DiagnosticIds.GameDynamicDoesNotFit,
                        $"{use.Algorithm.Name} runs on {FormsText(dynamic.Forms)}, and {target.Name} is {game.Describe}" +
                        (fitting.Count > 0 ? $"; on it compare {List(fitting)}" : "; learning dynamics run on two-player games (matrix, preference, Markov) only"),
                        use.Span);
                    ok = false;
                }
                else if (dynamic.Forms == GameDynamicForms.Markov && game.IsFiniteHorizon)
                {
                    _b.Error(DiagnosticIds.MarkovDynamicNeedsDiscount,
                        $"{use.Algorithm.Name} runs on discounted Markov games (its values contract by the discount), and {target.Name} has a finite horizon; " +
                        $"declare `discount 0.9` (say) instead of `horizon` in {target.Name}",
                        use.Span);
                    ok = false;
                }
                else if (use.Algorithm.Name == "entropy_omwu" && StepTimesTemperature(use) is var product && product >= 1)
                {
                    _b.Error(DiagnosticIds.EntropyOmwuStepTooLarge,
                        $"entropy_omwu needs eta * tau < 1 (each step keeps x^(1 - eta tau) of the last policy), and here eta * tau = {product.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}; " +
                        "take a smaller eta: Cen et al. (2023) guarantee linear convergence for eta <= (1 - gamma) / (2 (1 + tau (log A + 1 - gamma)))",
                        use.Span);
                    ok = false;
                }
            }
            if (!ok) { _failed.Add("compare"); return; }

            if (_failed.Contains("record")) return;
            _e.Record ??= new List<BanditStatistic> { BanditStatistics.Find(game.IsZeroSum ? "duality_gap" : "nash_conv")! };
            bool markov = game.Form == GameForm.Markov;
            foreach (var statistic in _e.Record)
            {
                bool needsZeroSum = statistic.Name is "duality_gap" or "average_duality_gap" or "equilibrium_distance" or "average_equilibrium_distance";
                bool needsMarkov = statistic.Name is "value_error" or "qre_distance";
                string? problem =
                    needsZeroSum && !game.IsZeroSum
                        ? statistic.Name.Contains("distance")
                            ? $"'{statistic.Name}' needs the unique equilibrium of a zero-sum game, and {target.Name} is {game.Describe}; record nash_conv (declare the game `zero_sum` if it is)"
                            : $"'{statistic.Name}' needs a zero-sum game, and {target.Name} is {game.Describe}; record nash_conv or average_nash_conv (declare the game `zero_sum` if it is)"
                    : needsMarkov && !markov
                        ? $"'{statistic.Name}' measures a Markov-game dynamic's {(statistic.Name == "value_error" ? "value estimate against Shapley's values" : "distance to its regularized equilibrium")}, and {target.Name} is {game.Describe}; " +
                          (game.IsZeroSum ? "record duality_gap or equilibrium_distance" : "record nash_conv")
                    : null;
                if (problem is not null)
                {
                    _b.Error(DiagnosticIds.GameStatisticUnavailable, problem, seen["record"].Span);
                    _failed.Add("record");
                    return;
                }
                if (statistic.Name == "qre_distance")
                {
                    // Only a regularized dynamic has a QRE to converge to; the others solve the game itself.
                    var unregularized = _e.Algorithms.FirstOrDefault(u => GameDynamicsAlgorithms.Find(u.Algorithm.Name)!.Algorithm.Parameter("tau") is null);
                    if (unregularized is not null)
                    {
                        _b.Error(DiagnosticIds.GameDynamicNotMeasured,
                            $"'qre_distance' is the distance to the regularized equilibrium of a dynamic's temperature, and {unregularized.Algorithm.Name} has no temperature; " +
                            "record equilibrium_distance or value_error for it, or compare only regularized dynamics (entropy_omwu)",
                            seen["record"].Span);
                        _failed.Add("record");
                        return;
                    }
                }
            }
        }

        /// <summary>η·τ of an entropy_omwu use (defaults included).</summary>
        private static double StepTimesTemperature(BoundAlgorithmUse use)
        {
            double Value(string name) => System.Convert.ToDouble(use.Arguments[use.Algorithm.Parameters.ToList().FindIndex(p => p.Name == name)], System.Globalization.CultureInfo.InvariantCulture);
            return Value("eta") * Value("tau");
        }

        private static string FormsText(GameDynamicForms forms) => forms switch
        {
            GameDynamicForms.Preference => "regularized preference games",
            GameDynamicForms.Markov => "Markov games",
            _ => "two-player matrix games (zero_sum, general-sum, symmetric, random or preference)",
        };
    }
}
