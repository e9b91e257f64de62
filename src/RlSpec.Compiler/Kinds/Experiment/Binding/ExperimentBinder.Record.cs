using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Kinds.Experiment.Algorithms;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Experiment.Binding
{
    /// <summary>
    /// What to record and when (<c>record regret, counts, every = 100</c> or <c>log_points = 50</c>), what to
    /// plot (<c>plot regret, log_x = true, log_y = false, title = "..."</c>), and the best-arm identification rule.
    /// </summary>
    internal sealed partial class ExperimentBinder
    {
        private static readonly string[] RecordOptions = { "every", "log_points" };
        private static readonly string[] PlotOptions = { "log_x", "log_y", "title" };

        private void BindRecord(SettingNode node)
        {
            var record = new List<BanditStatistic>();
            bool ok = true;
            ArgumentNode? spacing = null;
            foreach (var argument in node.Arguments)
            {
                if (argument.Name is { } option)
                {
                    if (!RecordOptions.Contains(option.Text))
                    {
                        _b.Error(DiagnosticIds.SettingShape,
                            $"`record` takes no option '{option.Text}'{DidYouMean(option.Text, RecordOptions)}; its options are every = N (a checkpoint every N steps) and log_points = N (N logarithmically spaced checkpoints)",
                            option.Span);
                        ok = false;
                        continue;
                    }
                    if (spacing != null)
                    {
                        _b.Error(DiagnosticIds.SettingShape,
                            $"the checkpoints are already set by `{spacing.Name!.Text} = ...`; give either every = N or log_points = N", option.Span);
                        ok = false;
                        continue;
                    }
                    spacing = argument;
                    continue;
                }
                if (Statistic(argument.Value) is not { } statistic) { ok = false; continue; }
                if (record.Contains(statistic))
                {
                    _b.Error(DiagnosticIds.DuplicateSetting, $"'{statistic.Name}' is already recorded; keep one", argument.Span);
                    ok = false;
                    continue;
                }
                record.Add(statistic);
            }
            if (record.Count == 0 && ok)
            {
                _b.Error(DiagnosticIds.SettingShape, $"`record` needs at least one statistic, e.g. `record regret`; the statistics are {string.Join(", ", BanditStatistics.NamesFor(_e.Family))}", node.Key.Span);
                ok = false;
            }
            if (spacing != null && !BindCheckpoints(spacing)) ok = false;
            if (!ok) { _failed.Add("record"); return; }
            _e.Record = record;
        }

        /// <summary>A statistic's name, checked against the table and against the bandit's setting.</summary>
        private BanditStatistic? Statistic(ExprNode expr)
        {
            if (expr is not NameExpr { Primed: false } name)
            {
                _b.Error(DiagnosticIds.UnknownStatistic, $"name a statistic here; the statistics are {string.Join(", ", BanditStatistics.NamesFor(_e.Family))}", expr.Span);
                return null;
            }
            var statistic = BanditStatistics.Find(name.Name);
            if (statistic is null)
            {
                _b.Error(DiagnosticIds.UnknownStatistic,
                    $"unknown statistic '{name.Name}'{DidYouMean(name.Name, BanditStatistics.NamesFor(_e.Family))}; the statistics are {string.Join(", ", BanditStatistics.NamesFor(_e.Family))}", name.Span);
                return null;
            }
            if ((statistic.Fits & _e.Family) == 0 && _e.Game != null)
            {
                _b.Error(DiagnosticIds.UnknownStatistic,
                    $"'{statistic.Name}' is not a statistic of game dynamics; record {List(BanditStatistics.NamesFor(_e.Family))}", name.Span);
                return null;
            }
            if ((statistic.Fits & BanditFits.Game) != 0 && _e.Game == null)
            {
                _b.Error(DiagnosticIds.UnknownStatistic,
                    $"'{statistic.Name}' is a statistic of experiments on a game; record {List(BanditStatistics.NamesFor(_e.Family))}", name.Span);
                return null;
            }
            if ((statistic.Fits & _e.Family) == 0 && _e.Mdp != null)
            {
                const BanditFits learning = BanditFits.Episodic | BanditFits.Continuing | BanditFits.PolicyOptimization;
                _b.Error(DiagnosticIds.UnknownStatistic,
                    (statistic.Fits & learning) != 0
                        ? $"'{statistic.Name}' is not defined on {_e.Target.Name}, {_e.Mdp.Describe}; record {List(BanditStatistics.NamesFor(_e.Family))}"
                        : $"'{statistic.Name}' is a statistic of bandit experiments; on an mdp record {List(BanditStatistics.NamesFor(_e.Family))}", name.Span);
                return null;
            }
            if ((statistic.Fits & _e.Family) == 0)
            {
                _b.Error(DiagnosticIds.UnknownStatistic,
                    $"'{statistic.Name}' is not defined for {TargetFamily.Describe(_e.Family)} (it has no fixed best arm); record regret, realized_regret, cumulative_reward or counts",
                    name.Span);
                return null;
            }
            return statistic;
        }

        /// <summary><c>every = N</c> or <c>log_points = N</c>: a positive whole number, at most the horizon.</summary>
        private bool BindCheckpoints(ArgumentNode argument)
        {
            var option = argument.Name!.Text;
            if (WholeConstant(argument.Value, "record", option, DiagnosticIds.CheckpointsOutOfRange) is not { } v) return false;
            var (value, at, note) = v;
            // Logarithmic spacing needs two points at least: the first step and the horizon.
            long least = option == "every" ? 1 : 2;
            if (value < least || (_e.Horizon is { } horizon && value > horizon))
            {
                _b.Error(DiagnosticIds.CheckpointsOutOfRange,
                    $"{option} is {value:N0}{note} but must be between {least} and the horizon" + (_e.Horizon is { } h ? $" ({h:N0})" : ""), at);
                return false;
            }
            _e.Spacing = option == "every" ? CheckpointSpacing.Linear : CheckpointSpacing.Logarithmic;
            _e.CheckpointValue = value;
            return true;
        }

        private void BindPlot(SettingNode node)
        {
            BanditStatistic? statistic = null;
            bool ok = true;
            var given = new HashSet<string>();
            foreach (var argument in node.Arguments)
            {
                if (argument.Name is { } option)
                {
                    if (!PlotOptions.Contains(option.Text))
                    {
                        _b.Error(DiagnosticIds.SettingShape,
                            $"`plot` takes no option '{option.Text}'{DidYouMean(option.Text, PlotOptions)}; its options are log_x = true|false, log_y = true|false and title = \"...\"",
                            option.Span);
                        ok = false;
                        continue;
                    }
                    if (!given.Add(option.Text))
                    {
                        _b.Error(DiagnosticIds.DuplicateSetting, $"'{option.Text}' is already given; keep one", option.Span);
                        ok = false;
                        continue;
                    }
                    if (option.Text == "title")
                    {
                        if (argument.Value is StringLiteral title) _e.PlotTitle = title.Value;
                        else
                        {
                            _b.Error(DiagnosticIds.SettingShape, "a title is a string in double quotes, e.g. `title = \"Regret on 9 arms\"`", argument.Value.Span);
                            ok = false;
                        }
                        continue;
                    }
                    if (BoolConstant(argument.Value, option.Text) is { } flag)
                    {
                        if (option.Text == "log_x") _e.LogX = flag;
                        else _e.LogY = flag;
                    }
                    else ok = false;
                    continue;
                }
                if (statistic != null)
                {
                    _b.Error(DiagnosticIds.SettingShape, "`plot` draws one statistic; keep one, e.g. `plot regret`", argument.Span);
                    ok = false;
                    continue;
                }
                statistic = Statistic(argument.Value);
                if (statistic is null) { ok = false; continue; }
                if (statistic.PerArm || statistic.AtEndOnly)
                {
                    _b.Error(DiagnosticIds.PlotNotRecorded,
                        statistic.PerArm
                            ? $"'{statistic.Name}' has one value per arm and is not drawn as a curve; plot regret, realized_regret, cumulative_reward or best_arm_rate"
                            : $"'{statistic.Name}' is known only at the end of a run and is not drawn as a curve; it is in summary.json",
                        argument.Value.Span);
                    statistic = null;
                    ok = false;
                    continue;
                }
                if (_failed.Contains("record")) continue; // what is recorded is unknown: its mistake is reported
                var recorded = _e.RecordOrDefault();
                if (!recorded.Contains(statistic))
                {
                    _b.Error(DiagnosticIds.PlotNotRecorded,
                        $"'{statistic.Name}' is not recorded, so it cannot be plotted; add it to `record` (recorded: {string.Join(", ", recorded.Select(s => s.Name))})",
                        argument.Value.Span);
                    statistic = null;
                    ok = false;
                }
            }
            if (statistic is null && ok)
            {
                _b.Error(DiagnosticIds.SettingShape, "`plot` needs the statistic to draw, e.g. `plot regret, log_x = true`", node.Key.Span);
                ok = false;
            }
            if (!ok) { _failed.Add("plot"); return; }
            _e.PlotStatistic = statistic;
        }

        private bool? BoolConstant(ExprNode node, string what)
        {
            var bound = _b.Bind(node);
            if (bound.HasError) { _b.MarkFailed(); return null; }
            var constant = _b.Check(bound, RType.Bool, Dep.Param, what);
            if (constant.HasError) return null;
            try { return (bool)_b.Evaluator.Evaluate(constant); }
            catch (EvaluationException e) { _b.Error(e.Id, e.Message, e.Span); return null; }
        }

        /// <summary>A best-arm identification algorithm is judged by its error: `error` must be recorded.</summary>
        private void CheckBestArmIdentification()
        {
            if (_failed.Contains("record") || _failed.Contains("compare")) return;
            var recorded = _e.RecordOrDefault();
            if (recorded.Any(s => s.Name == "error")) return;
            var bai = _e.Algorithms.FirstOrDefault(a => a.Algorithm.IsBestArmIdentification);
            if (bai is null) return;
            _b.Error(DiagnosticIds.BestArmWithoutError,
                $"{bai.Algorithm.Name} identifies a best arm within the budget and is judged by its error probability; add `error` to `record` (e.g. `record error, regret`)",
                bai.Span);
        }
    }
}
