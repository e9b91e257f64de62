using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Kinds.Experiment.Algorithms;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Experiment.Binding
{
    /// <summary>
    /// Experiments on an mdp: <c>episodes K</c> and <c>horizon H</c> (steps per episode) for online RL,
    /// <c>iterations N</c> for policy optimization; the compared algorithms must share one family, and the
    /// family decides what the model must provide (an initial state; a finite horizon or <c>horizon H</c>; a
    /// stationary model; a discount for policy optimization).
    /// </summary>
    internal sealed partial class ExperimentBinder
    {
        /// <summary>The most steps per episode (the runtime plans H value vectors at most per episode).</summary>
        public const long MaxEpisodeHorizon = 1_000_000;

        private void BindEpisodeHorizon(HorizonNode node)
        {
            if (WholeConstant(node.Value, "horizon", "the episode horizon", DiagnosticIds.ExperimentHorizonOutOfRange) is not { } v) return;
            var (value, at, note) = v;
            if (value < 1 || value > MaxEpisodeHorizon)
            {
                _b.Error(DiagnosticIds.ExperimentHorizonOutOfRange,
                    $"the episode horizon is {value:N0}{note} but must be between 1 and {MaxEpisodeHorizon:N0} steps per episode", at);
                _failed.Add("horizon");
                return;
            }
            _e.EpisodeHorizon = value;
        }

        /// <summary><c>episodes K</c>, <c>iterations N</c> or <c>steps T</c> (one average-reward trajectory): the experiment's length (the engine's horizon), on an mdp only.</summary>
        private void BindLength(SettingNode node)
        {
            var word = node.Key.Text;
            if (_e.Game != null && word != "iterations") { NotOnGame(node); return; }
            bool steps = word == "steps";
            if (_e.Mdp == null && _e.Game == null && steps)
            {
                _b.Error(DiagnosticIds.StepsOutsideContinuing,
                    "`steps` is the length of a continuing experiment on an average-reward mdp (ucrl2); an experiment on a bandit runs for `horizon T` steps", node.Key.Span);
                _failed.Add(word);
                return;
            }
            if (_e.Mdp == null && _e.Game == null)
            {
                _b.Error(DiagnosticIds.SettingShape,
                    $"`{word}` is for experiments on an mdp; an experiment on a bandit runs for `horizon T` steps", node.Key.Span);
                _failed.Add(word);
                return;
            }
            if (_e.LengthWord != null)
            {
                _b.Error(DiagnosticIds.SettingShape,
                    $"the experiment's length is already set by `{_e.LengthWord}`; give `episodes K` for online RL, `iterations N` for policy optimization or `steps T` for one average-reward trajectory (ucrl2)", node.Key.Span);
                _failed.Add(word);
                return;
            }
            _e.LengthWord = word;
            if (Single(node, word + " 1000") is not { } expr) return;
            if (WholeConstant(expr, word, "the number of " + word, DiagnosticIds.ExperimentHorizonOutOfRange) is not { } v) return;
            var (value, at, note) = v;
            if (value < 1 || value > MaxHorizon)
            {
                _b.Error(steps ? DiagnosticIds.ContinuingStepsInvalid : DiagnosticIds.ExperimentHorizonOutOfRange,
                    $"the number of {word} is {value:N0}{note} but must be between 1 and {MaxHorizon:N0}", at);
                _failed.Add(word);
                return;
            }
            _e.Horizon = value;
        }

        private void NotOnMdp(SettingNode node)
        {
            _b.Error(DiagnosticIds.SettingShape,
                $"`{node.Key.Text}` is for experiments on a bandit; an experiment on an mdp runs the declared model (override its parameters with -p name=value)", node.Key.Span);
            _failed.Add(node.Key.Text);
        }

        /// <summary>After all settings: the family of the compared algorithms and what it needs from the model and the settings.</summary>
        private void CheckLearning(Dictionary<string, MemberNode> seen)
        {
            var mdp = _e.Mdp!;
            var node = _b.Node;
            var target = _e.Target;
            if (_failed.Contains("compare")) return;
            if (_e.Algorithms.Count == 0)
            {
                if (!seen.ContainsKey("compare"))
                    _b.Error(DiagnosticIds.MissingSetting,
                        $"experiment '{_e.Declaration.Name}' has no `compare`; add one, e.g. " +
                        (mdp.Criterion == MdpCriterion.AverageReward ? "`compare ucrl2`" : "`compare ucbvi_bernstein, psrl, epsilon_greedy_q`"),
                        node.NameSpan);
                return;
            }

            // One family: online RL and policy optimization are measured differently (regret per episode vs suboptimality per iteration).
            var first = _e.Algorithms[0];
            var other = _e.Algorithms.FirstOrDefault(u => Family(u.Algorithm) != Family(first.Algorithm));
            if (other != null)
            {
                _b.Error(DiagnosticIds.MixedAlgorithmFamilies,
                    $"{other.Algorithm.Name} is {FamilyText(Family(other.Algorithm))} and {first.Algorithm.Name} is {FamilyText(Family(first.Algorithm))}; " +
                    "their curves are measured differently (regret per episode, suboptimality per iteration), so compare them in two experiments",
                    other.Span);
                return;
            }
            var family = Family(first.Algorithm);
            _e.LearningFamily = family;

            if (!mdp.HasInit)
            {
                _b.Error(DiagnosticIds.LearningNeedsInitialState,
                    $"{first.Algorithm.Name} plays {target.Name} from its initial distribution, and {target.Name} declares none; add `init` to the model, e.g. `init s = 0`",
                    first.Span);
                return;
            }
            if (mdp.UsesStep)
            {
                _b.Error(DiagnosticIds.LearningOnTimeDependentModel,
                    $"{target.Name} reads the step t, and learning experiments need a stationary model (its exact ground truth is one sparse model); remove t from its rules and rewards",
                    _b.Node.Target!.Span);
                return;
            }

            if (family != BanditFits.Continuing && seen.TryGetValue("steps", out var st))
                _b.Error(DiagnosticIds.StepsOutsideContinuing,
                    $"`steps` is the length of a continuing experiment (ucrl2); {first.Algorithm.Name} runs for " +
                    (family == BanditFits.PolicyOptimization ? "`iterations N`: write `iterations`" : "`episodes K`: write `episodes`"), KeySpan(st));
            if (family == BanditFits.Continuing)
            {
                // One trajectory: no episodes, no episode length, no iterations.
                foreach (var word in new[] { "episodes", "iterations", "horizon" })
                    if (seen.TryGetValue(word, out var m))
                        _b.Error(DiagnosticIds.ContinuingEpisodeSetting,
                            word == "horizon"
                                ? $"{first.Algorithm.Name} plays one trajectory of `steps T` on the average-reward model, which has no episodes; remove `horizon`"
                                : $"{first.Algorithm.Name} plays one trajectory of `steps T`, not {word}; write `steps` instead of `{word}`", KeySpan(m));
                if (!seen.ContainsKey("steps") && !seen.ContainsKey("episodes") && !seen.ContainsKey("iterations"))
                    _b.Error(DiagnosticIds.ContinuingStepsInvalid,
                        $"experiment '{_e.Declaration.Name}' has no `steps`; {first.Algorithm.Name} plays one trajectory of T steps: add one, e.g. `steps 100000`", node.NameSpan);
            }
            else if (family == BanditFits.PolicyOptimization)
            {
                if (seen.TryGetValue("horizon", out var h))
                    _b.Error(DiagnosticIds.SettingShape,
                        "policy optimization runs for `iterations N` on the discounted model; remove `horizon` (it is the episode length of online RL)", KeySpan(h));
                if (seen.TryGetValue("episodes", out var e))
                    _b.Error(DiagnosticIds.SettingShape, $"{first.Algorithm.Name} is a policy-optimization method, which runs for `iterations N`, not episodes; write `iterations`", KeySpan(e));
                else if (!seen.ContainsKey("iterations") && !seen.ContainsKey("steps"))
                    _b.Error(DiagnosticIds.MissingSetting, $"experiment '{_e.Declaration.Name}' has no `iterations`; add one, e.g. `iterations 1000`", node.NameSpan);
            }
            else
            {
                if (seen.TryGetValue("iterations", out var i))
                    _b.Error(DiagnosticIds.SettingShape, $"{first.Algorithm.Name} learns online, in `episodes K`, not iterations; write `episodes`", KeySpan(i));
                else if (!seen.ContainsKey("episodes") && !seen.ContainsKey("steps"))
                    _b.Error(DiagnosticIds.MissingSetting, $"experiment '{_e.Declaration.Name}' has no `episodes`; add one, e.g. `episodes 2000`", node.NameSpan);
                if (family == BanditFits.Episodic && mdp.Criterion != MdpCriterion.FiniteHorizon && !seen.ContainsKey("horizon"))
                    _b.Error(DiagnosticIds.EpisodeHorizonMissing,
                        $"{target.Name} is {mdp.Describe} without a finite horizon, so {first.Algorithm.Name} plays it in episodes of a length the experiment declares; add `horizon H`, e.g. `horizon 20`",
                        node.NameSpan);
            }

            // What is recorded must be defined for the family.
            if (_e.Record != null)
                foreach (var statistic in _e.Record.Where(s => (s.Fits & family) == 0))
                    _b.Error(DiagnosticIds.UnknownStatistic,
                        $"'{statistic.Name}' is not defined for {FamilyText(family)}; record {List(BanditStatistics.NamesFor(family))}",
                        seen["record"].Span);
            if (_e.PlotStatistic is { } plot && (plot.Fits & family) == 0) _e.PlotStatistic = null; // reported above with record
        }

        private static BanditFits Family(BanditAlgorithm algorithm) =>
            (algorithm.Fits & BanditFits.PolicyOptimization) != 0 ? BanditFits.PolicyOptimization
            : (algorithm.Fits & BanditFits.Continuing) != 0 ? BanditFits.Continuing
            : (algorithm.Fits & BanditFits.Episodic) != 0 ? BanditFits.Episodic
            : BanditFits.None;

        private static string FamilyText(BanditFits family) => family switch
        {
            BanditFits.PolicyOptimization => "a policy-optimization method",
            BanditFits.Continuing => "an average-reward learner",
            _ => "an online RL algorithm",
        };
    }
}
