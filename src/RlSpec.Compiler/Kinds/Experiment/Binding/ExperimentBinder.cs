using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Kinds.Experiment.Algorithms;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Experiment.Binding
{
    /// <summary>
    /// The experiment kind's bind stage: checks that the experiment runs on a bandit or an mdp, then binds each
    /// setting (horizon, runs, seed, compare, record, plot, instance, sweep) into a
    /// <see cref="BoundExperiment"/>, evaluating the constants with the parameters in force. One
    /// mistake, one diagnostic: a setting that failed is not checked again by those that read it.
    /// The parts live in ExperimentBinder.*.cs, one concern per file.
    /// </summary>
    internal sealed partial class ExperimentBinder
    {
        /// <summary>The settings an experiment takes besides param and let, in the order the docs list them.</summary>
        public static readonly IReadOnlyList<string> SettingWords = new[] { "horizon", "runs", "seed", "compare", "record", "plot", "instance", "sweep", "episodes", "iterations", "steps" };

        /// <summary>At most this many runs (the memory plan of the engine refuses what does not fit besides).</summary>
        public const long MaxRuns = 10_000_000;

        /// <summary>At most this many steps per run.</summary>
        public const long MaxHorizon = 1_000_000_000;

        private readonly Binder _b;
        private BoundExperiment _e = null!;

        /// <summary>Settings whose value failed: what reads them is not checked (their mistake is reported already).</summary>
        private readonly HashSet<string> _failed = new HashSet<string>();

        private ExperimentBinder(Binder binder) { _b = binder; }

        public static BoundExperiment? Bind(Binder binder) => new ExperimentBinder(binder).Run();

        private BoundExperiment? Run()
        {
            var node = _b.Node;
            var target = _b.Model.TargetModel;
            if (target is null || node.Target is null) { _b.MarkFailed(); return null; }
            if (target.Kind == "mdp")
                _e = new BoundExperiment(_b.Model, target, MdpTarget.Families(target.Node)) { Mdp = MdpTarget.Of(target) };
            else if (target.Kind == "game")
                _e = new BoundExperiment(_b.Model, target, BanditFits.Game) { Game = GameTarget.Of(target.Node) };
            else if (target.Kind == "problem")
                return BindOnProblem(target);
            else if (target.Kind == "bandit")
                _e = new BoundExperiment(_b.Model, target, TargetFamily.Of(target.Node));
            else
            {
                _b.Error(DiagnosticIds.ExperimentTargetNotSupported,
                    $"{target.Name} is {("aeiou".IndexOf(target.Kind[0]) >= 0 ? "an" : "a")} `{target.Kind}` model, and experiments run on `bandit`, `mdp`, `game` and `problem` models",
                    node.Target.Span);
                return null;
            }

            // Each setting once; a second one is reported and ignored.
            var seen = new Dictionary<string, MemberNode>();
            var settings = new List<(string Key, MemberNode Member)>();
            foreach (var member in node.Members)
            {
                string? key = member switch
                {
                    HorizonNode _ => "horizon",
                    SettingNode s => s.Key.Text,
                    _ => null,
                };
                if (key is null) continue;
                if (seen.TryGetValue(key, out var first))
                {
                    _b.Error(DiagnosticIds.DuplicateSetting, $"`{key}` is already set at line {first.Span.Line}; keep one", KeySpan(member));
                    _failed.Add(key);
                    continue;
                }
                seen[key] = member;
                settings.Add((key, member));
            }

            // Numbers first: record's checkpoints are checked against the horizon.
            foreach (var (key, member) in settings)
            {
                switch (key)
                {
                    case "horizon" when _e.Game != null: NotOnGame(member); break;
                    case "horizon" when _e.Mdp != null: BindEpisodeHorizon((HorizonNode)member); break;
                    case "horizon": BindHorizon((HorizonNode)member); break;
                    case "episodes":
                    case "iterations":
                    case "steps": BindLength((SettingNode)member); break;
                    case "runs": BindRuns((SettingNode)member); break;
                    case "seed": BindSeed((SettingNode)member); break;
                }
            }
            foreach (var (key, member) in settings)
            {
                switch (key)
                {
                    case "compare": BindCompare((SettingNode)member); break;
                    case "record": BindRecord((SettingNode)member); break;
                    case "instance" when _e.Game != null:
                    case "sweep" when _e.Game != null: NotOnGame(member); break;
                    case "instance" when _e.Mdp != null:
                    case "sweep" when _e.Mdp != null: NotOnMdp((SettingNode)member); break;
                    case "instance": BindInstance((SettingNode)member); break;
                    case "sweep": BindSweep((SettingNode)member); break;
                }
            }
            // On an mdp the compared algorithms decide the family (online RL or policy optimization), and the
            // family what the model and the settings must provide; the plot reads what is recorded.
            if (_e.Mdp != null) CheckLearning(seen);
            else if (_e.Game != null) CheckGame(seen);
            // The plot reads what is recorded; best-arm identification needs `error` recorded.
            if (seen.TryGetValue("plot", out var plot)) BindPlot((SettingNode)plot);
            CheckBestArmIdentification();
            CheckAlgorithmSweep();
            AssignLabels();

            if (_e.Mdp != null || _e.Game != null) return _e;
            foreach (var (key, example) in new[] { ("horizon", "horizon 10000"), ("compare", "compare ucb1, kl_ucb, thompson") })
                if (!seen.ContainsKey(key))
                    _b.Error(DiagnosticIds.MissingSetting,
                        $"experiment '{_e.Declaration.Name}' has no `{key}`; add one, e.g. `{example}`", node.NameSpan);
            return _e;
        }

        private static SourceSpan KeySpan(MemberNode member) => member switch
        {
            SettingNode s => s.Key.Span,
            HorizonNode h => new SourceSpan(h.Span.Path, h.Span.Line, h.Span.Column, h.Span.Line, h.Span.Column + "horizon".Length, h.Span.Start, "horizon".Length),
            _ => member.Span,
        };

        /// <summary>The one value of a setting such as <c>runs 1000</c>; null (after a diagnostic) when it has several or a name.</summary>
        private ExprNode? Single(SettingNode setting, string example)
        {
            if (setting.Arguments.Count == 1 && setting.Arguments[0].Name is null) return setting.Arguments[0].Value;
            var extra = setting.Arguments.Count > 1 ? setting.Arguments[1] : setting.Arguments[0];
            _b.Error(DiagnosticIds.SettingShape, $"`{setting.Key.Text}` takes one value, e.g. `{example}`", extra.Span);
            _failed.Add(setting.Key.Text);
            return null;
        }

        private static string Show(double v) => v.ToString("R", CultureInfo.InvariantCulture);

        private static string Show(object v) => v switch
        {
            double d => Show(d),
            bool b => b ? "true" : "false",
            _ => System.Convert.ToString(v, CultureInfo.InvariantCulture)!,
        };

        /// <summary>"a, b and c" or "a or b" for messages.</summary>
        private static string List(IEnumerable<string> items)
        {
            var all = items.ToList();
            return all.Count <= 1 ? string.Concat(all) : string.Join(", ", all.Take(all.Count - 1)) + " and " + all[all.Count - 1];
        }

        private static string DidYouMean(string word, IEnumerable<string> candidates) =>
            EditDistance.Closest(word, candidates) is { } close ? $" (did you mean '{close}'?)" : "";
    }
}
