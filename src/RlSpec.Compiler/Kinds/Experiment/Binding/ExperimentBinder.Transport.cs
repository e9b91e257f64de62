using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Kinds.Experiment.Algorithms;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Experiment.Binding
{
    /// <summary>
    /// Experiments on an entropic optimal-transport problem: <c>compare sinkhorn; iterations 200; record marginal_error,
    /// transport_cost</c>. Sinkhorn is the one method (it has no parameters but a label); a first-order method is refused
    /// with RLS0925, a first-order statistic with RLS0662.
    /// </summary>
    internal sealed partial class ExperimentBinder
    {
        /// <summary>The method an experiment on a transport problem compares.</summary>
        public const string SinkhornMethod = "sinkhorn";

        /// <summary>The statistics an experiment on a transport problem records: .rlspec name, engine name.</summary>
        public static readonly IReadOnlyList<(string Name, string EngineName)> TransportStatistics = new[]
        {
            ("marginal_error", "MarginalError"), ("transport_cost", "TransportCost"),
        };

        private BoundExperiment? BindOnTransport(Semantics.BoundModel target)
        {
            var node = _b.Node;
            var facts = ProblemTarget.Of(target.Node);
            _e = new BoundExperiment(_b.Model, target, BanditFits.None) { Problem = new ProblemExperiment(facts) { IsTransport = true } };
            var seen = new Dictionary<string, MemberNode>();
            foreach (var member in node.Members)
            {
                string? key = member switch { HorizonNode _ => "horizon", SettingNode s => s.Key.Text, _ => null };
                if (key is null) continue;
                if (!ProblemSettings.Contains(key))
                {
                    _b.Error(DiagnosticIds.ProblemExperimentSetting,
                        $"`{key}` is not a setting of an experiment on a problem; it takes {List(ProblemSettings.Select(w => "`" + w + "`"))}", KeySpan(member));
                    continue;
                }
                if (seen.TryGetValue(key, out var first))
                {
                    _b.Error(DiagnosticIds.DuplicateSetting, $"`{key}` is already set at line {first.Span.Line}; keep one", KeySpan(member));
                    continue;
                }
                seen[key] = member;
            }
            if (seen.TryGetValue("iterations", out var it)) BindIterations((SettingNode)it);
            else _b.Error(DiagnosticIds.MissingSetting, $"experiment '{_e.Declaration.Name}' has no `iterations`; add one, e.g. `iterations 200`", node.NameSpan);
            if (seen.TryGetValue("runs", out var runs)) BindRuns((SettingNode)runs);
            if (seen.TryGetValue("seed", out var seed)) BindSeed((SettingNode)seed);
            if (seen.TryGetValue("compare", out var compare))
            {
                var taken = new Dictionary<string, SourceSpan>();
                foreach (var argument in ((SettingNode)compare).Arguments)
                {
                    if (argument.Name is { } name)
                    {
                        _b.Error(DiagnosticIds.SettingShape, $"`compare` lists methods, not `{name.Text} = ...`; write `compare sinkhorn`", name.Span);
                        continue;
                    }
                    if (BindSinkhorn(argument.Value, target) is not { } label) continue;
                    if (taken.TryGetValue(label, out var first))
                    {
                        _b.Error(DiagnosticIds.DuplicateLabel,
                            $"the label '{label}' is already used at line {first.Line}, column {first.Column}; give each sinkhorn its own `label = \"...\"`", argument.Value.Span);
                        continue;
                    }
                    taken[label] = argument.Value.Span;
                    _e.Problem!.TransportLabels.Add(label);
                }
            }
            else _b.Error(DiagnosticIds.MissingSetting, $"experiment '{_e.Declaration.Name}' has no `compare`; add `compare sinkhorn`", node.NameSpan);
            if (seen.TryGetValue("record", out var record)) BindTransportRecord((SettingNode)record);
            else _e.Problem!.Record.Add(TransportStatistics[0]);
            return _e;
        }

        /// <summary><c>sinkhorn</c> or <c>sinkhorn(label = "...")</c>: its label, or null after an error.</summary>
        private string? BindSinkhorn(ExprNode expr, Semantics.BoundModel target)
        {
            Identifier nameId;
            IReadOnlyList<ArgumentNode> arguments;
            switch (expr)
            {
                case NameExpr { Primed: false } n: nameId = new Identifier(n.Name, n.Span); arguments = System.Array.Empty<ArgumentNode>(); break;
                case CallExpr c: nameId = c.Function; arguments = c.Arguments; break;
                default:
                    _b.Error(DiagnosticIds.UnknownAlgorithm, "name a method here; a transport problem compares `sinkhorn`", expr.Span);
                    return null;
            }
            if (nameId.Text != SinkhornMethod)
            {
                var what = OptimizationAlgorithms.TryGet(nameId.Text, out _) ? $"{nameId.Text} is a first-order method on an objective" : $"'{nameId.Text}' is not a method for it";
                _b.Error(DiagnosticIds.ExperimentOnTransport,
                    $"{target.Name} is an entropic optimal-transport problem (no variables or objective), and {what}; compare sinkhorn", nameId.Span);
                return null;
            }
            string label = SinkhornMethod;
            bool ok = true;
            bool labelled = false;
            foreach (var argument in arguments)
            {
                if (argument.Name is { Text: LabelArgument } && !labelled)
                {
                    labelled = true;
                    if (argument.Value is StringLiteral l) label = l.Value;
                    else { _b.Error(DiagnosticIds.AlgorithmParameterType, "a label is a string in double quotes, e.g. `label = \"Sinkhorn\"`", argument.Value.Span); ok = false; }
                    continue;
                }
                _b.Error(DiagnosticIds.MethodParameter,
                    $"sinkhorn takes only `label`; its regularization ε is the problem's `epsilon`", argument.Name?.Span ?? argument.Span);
                ok = false;
            }
            return ok ? label : null;
        }

        private void BindTransportRecord(SettingNode node)
        {
            var names = TransportStatistics.Select(s => s.Name).ToList();
            ArgumentNode? spacing = null;
            foreach (var argument in node.Arguments)
            {
                if (argument.Name is { } option)
                {
                    if (RecordOptions.Contains(option.Text) && spacing == null) { spacing = argument; continue; }
                    _b.Error(DiagnosticIds.SettingShape, $"`record` takes the options every = N or log_points = N (one of them), not '{option.Text}'", option.Span);
                    continue;
                }
                var word = (argument.Value as NameExpr)?.Name ?? "";
                var statistic = TransportStatistics.FirstOrDefault(s => s.Name == word);
                if (statistic.Name is null)
                {
                    var reason = ProblemStatistics.Any(s => s.Name == word)
                        ? $"'{word}' is measured on the variables of a first-order method, and {_e.Target.Name} is a transport problem (Sinkhorn's plan)"
                        : $"'{word}' is not recorded by an experiment on a transport problem{DidYouMean(word, names)}";
                    _b.Error(DiagnosticIds.UnknownStatistic, $"{reason}; record {List(names)}", argument.Value.Span);
                    continue;
                }
                if (_e.Problem!.Record.Any(r => r.Name == statistic.Name))
                {
                    _b.Error(DiagnosticIds.DuplicateSetting, $"'{statistic.Name}' is already recorded; keep one", argument.Span);
                    continue;
                }
                _e.Problem.Record.Add(statistic);
            }
            if (spacing != null && _e.Horizon != null) BindCheckpoints(spacing);
        }
    }
}
