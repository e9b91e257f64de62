using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Kinds.Experiment.Algorithms;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Experiment.Binding
{
    /// <summary>One compared first-order method: the table entry, the step and schedule, its own arguments and the label.</summary>
    public sealed class BoundMethodUse
    {
        public BoundMethodUse(OptimizationMethod method, SourceSpan span) { Method = method; Span = span; }

        public OptimizationMethod Method { get; }

        public SourceSpan Span { get; }

        public double Step { get; set; }

        /// <summary>The schedule's StepSchedule factory (<c>Constant</c>, <c>InverseSqrt</c>, ...).</summary>
        public string Schedule { get; set; } = "Constant";

        public string ScheduleWord { get; set; } = "constant";

        public double Ratio { get; set; } = 1;

        /// <summary>The method's own parameters after the step, in table order (double or long).</summary>
        public List<object> Arguments { get; } = new List<object>();

        public string? Label { get; set; }
    }

    /// <summary>An experiment on a problem: the facts about the problem and the compared methods.</summary>
    public sealed class ProblemExperiment
    {
        public ProblemExperiment(ProblemTarget target) { Target = target; }

        public ProblemTarget Target { get; }

        public List<BoundMethodUse> Methods { get; } = new List<BoundMethodUse>();

        /// <summary>True for an entropic optimal-transport problem: <see cref="TransportLabels"/> lists the compared Sinkhorn runs and <see cref="Methods"/> is empty.</summary>
        public bool IsTransport { get; set; }

        /// <summary>The labels of the compared <c>sinkhorn</c> entries (transport problems).</summary>
        public List<string> TransportLabels { get; } = new List<string>();

        /// <summary>The statistics recorded: the engine's Statistic names with their .rlspec names.</summary>
        public List<(string Name, string EngineName)> Record { get; } = new List<(string, string)>();
    }

    /// <summary>
    /// Experiments on a <c>problem</c>: <c>compare gd(step = 0.1), nesterov(step = 0.1), extragradient(step = 0.05,
    /// schedule = inverse_sqrt); iterations 1000; record objective, gradient_norm, metrics</c>. Each method must fit
    /// the problem's shape (<see cref="ProblemTarget"/>); a method that needs smoothness on an objective with a
    /// non-smooth operation gets the warning RLS0902 naming the operation and the sub-gradient used.
    /// </summary>
    internal sealed partial class ExperimentBinder
    {
        /// <summary>The statistics an experiment on a problem records: .rlspec name, engine name.</summary>
        public static readonly IReadOnlyList<(string Name, string EngineName)> ProblemStatistics = new[]
        {
            ("objective", "Objective"), ("gradient_norm", "GradientNorm"), ("online_regret", "OnlineRegret"),
            ("average_objective", "AverageObjective"), ("metrics", "Metrics"),
            ("distance", "Distance"), ("average_distance", "AverageDistance"), ("duality_gap", "DualityGap"), ("average_duality_gap", "AverageDualityGap"),
        };

        private static readonly string[] ProblemSettings = { "iterations", "runs", "seed", "compare", "record" };

        private BoundExperiment? BindOnProblem(Semantics.BoundModel target)
        {
            var node = _b.Node;
            if (target.Node.Members.Any(m => m is SettingNode { Key.Text: "transport" })) return BindOnTransport(target);
            var facts = ProblemTarget.Of(target.Node);
            _e = new BoundExperiment(_b.Model, target, BanditFits.None) { Problem = new ProblemExperiment(facts) };
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
            else _b.Error(DiagnosticIds.MissingSetting, $"experiment '{_e.Declaration.Name}' has no `iterations`; add one, e.g. `iterations 1000`", node.NameSpan);
            if (seen.TryGetValue("runs", out var runs)) BindRuns((SettingNode)runs);
            if (seen.TryGetValue("seed", out var seed)) BindSeed((SettingNode)seed);
            if (seen.TryGetValue("compare", out var compare))
            {
                foreach (var argument in ((SettingNode)compare).Arguments)
                {
                    if (argument.Name is { } name)
                    {
                        _b.Error(DiagnosticIds.SettingShape, $"`compare` lists methods, not `{name.Text} = ...`; give a parameter inside the method's parentheses, e.g. `gd(step = 0.1)`", name.Span);
                        continue;
                    }
                    if (BindMethod(argument.Value, target) is { } use) _e.Problem!.Methods.Add(use);
                }
            }
            else _b.Error(DiagnosticIds.MissingSetting, $"experiment '{_e.Declaration.Name}' has no `compare`; add one, e.g. `compare gd(step = 0.1), nesterov(step = 0.1)`", node.NameSpan);
            if (seen.TryGetValue("record", out var record)) BindProblemRecord((SettingNode)record);
            else _e.Problem!.Record.Add(("objective", "Objective"));

            // Labels: the method's name, or name(step=...) when it is compared more than once.
            var counts = _e.Problem!.Methods.GroupBy(u => u.Method.Name).ToDictionary(g => g.Key, g => g.Count());
            var taken = new Dictionary<string, BoundMethodUse>();
            foreach (var use in _e.Problem.Methods)
            {
                use.Label ??= counts[use.Method.Name] == 1 ? use.Method.Name
                    : use.Method.Name + "(" + string.Join(", ", new[] { $"step={Show(use.Step)}", use.ScheduleWord == "constant" ? null : use.ScheduleWord }
                        .Concat(use.Method.Parameters.Select((p, k) => $"{p.Name}={Show(use.Arguments[k])}")).Where(x => x != null)) + ")";
                if (taken.TryGetValue(use.Label, out var first))
                {
                    _b.Error(DiagnosticIds.DuplicateLabel,
                        $"the label '{use.Label}' is already used at line {first.Span.Line}, column {first.Span.Column}; compare different parameters or give one `label = \"...\"`", use.Span);
                    continue;
                }
                taken[use.Label] = use;
            }
            return _e;
        }

        private void BindIterations(SettingNode node)
        {
            if (Single(node, "iterations 1000") is not { } expr) return;
            if (WholeConstant(expr, "iterations", "the number of iterations", DiagnosticIds.ExperimentHorizonOutOfRange) is not { } v) return;
            var (value, at, note) = v;
            if (value < 1 || value > MaxHorizon)
            {
                _b.Error(DiagnosticIds.ExperimentHorizonOutOfRange, $"the number of iterations is {value:N0}{note} but must be between 1 and {MaxHorizon:N0}", at);
                _failed.Add("iterations");
                return;
            }
            _e.Horizon = value;
            _e.LengthWord = "iterations";
        }

        private void BindProblemRecord(SettingNode node)
        {
            var names = ProblemStatistics.Select(s => s.Name).ToList();
            ArgumentNode? spacing = null;
            foreach (var argument in node.Arguments)
            {
                if (argument.Name is { } option)
                {
                    if (RecordOptions.Contains(option.Text) && spacing == null) { spacing = argument; continue; }
                    _b.Error(DiagnosticIds.SettingShape, $"`record` takes the options every = N or log_points = N (one of them), not '{option.Text}'", option.Span);
                    continue;
                }
                var statistic = argument.Value is NameExpr { Primed: false } n ? ProblemStatistics.FirstOrDefault(s => s.Name == n.Name) : default;
                if (statistic.Name is null && argument.Value is NameExpr { Primed: false } t && TransportStatistics.Any(s => s.Name == t.Name))
                {
                    _b.Error(DiagnosticIds.UnknownStatistic,
                        $"'{t.Name}' measures Sinkhorn's plan on a transport problem, and {_e.Target.Name} is {_e.Problem!.Target.Describe}; record {List(names)}", argument.Value.Span);
                    continue;
                }
                if (statistic.Name is null)
                {
                    var word = (argument.Value as NameExpr)?.Name ?? "";
                    _b.Error(DiagnosticIds.UnknownStatistic,
                        $"'{word}' is not recorded by an experiment on a problem{DidYouMean(word, names)}; record {List(names)}", argument.Value.Span);
                    continue;
                }
                var facts = _e.Problem!.Target;
                if (statistic.Name == "online_regret" && !facts.IsOnline)
                {
                    _b.Error(DiagnosticIds.UnknownStatistic, $"'online_regret' is for online problems (a loss that reads the round t), and {_e.Target.Name} is {facts.Describe}; record objective or gradient_norm", argument.Value.Span);
                    continue;
                }
                if (TargetMissing(statistic.Name, facts) is { } missing)
                {
                    _b.Error(missing.Id, missing.Message, argument.Value.Span);
                    continue;
                }
                if (_e.Problem.Record.Any(r => r.Name == statistic.Name))
                {
                    _b.Error(DiagnosticIds.DuplicateSetting, $"'{statistic.Name}' is already recorded; keep one", argument.Span);
                    continue;
                }
                _e.Problem.Record.Add(statistic);
            }
            if (spacing != null && _e.Horizon != null) BindCheckpoints(spacing);
        }

        /// <summary>
        /// <c>distance</c> needs the problem's declared optimum, <c>duality_gap</c> a saddle problem with a declared gap radius
        /// (the plain gap is infinite on an unconstrained bilinear problem); the error says what to declare.
        /// </summary>
        private (string Id, string Message)? TargetMissing(string statistic, ProblemTarget facts)
        {
            var problem = _e.Target.Name;
            if (statistic is "distance" or "average_distance" && !facts.HasOptimum)
            {
                var example = string.Join(", ", facts.VariableNames.Select(v => v + " = ..."));
                return (DiagnosticIds.ExperimentNeedsOptimum,
                    $"'{statistic}' is the distance to the problem's declared {(facts.IsSaddle ? "saddle point" : "optimum")}, and {problem} declares none; add `optimum {(example.Length > 0 ? example : "x = ...")}` to {problem}");
            }
            if (statistic is "duality_gap" or "average_duality_gap")
            {
                if (!facts.IsSaddle)
                    return (DiagnosticIds.ExperimentNeedsGapRadius, $"'{statistic}' is for saddle problems (min x max y), and {problem} is {facts.Describe}; record objective, gradient_norm or distance");
                if (!facts.HasGapRadius)
                    return (DiagnosticIds.ExperimentNeedsGapRadius,
                        $"'{statistic}' is the duality gap restricted to a ball around the saddle point (the plain gap is infinite on an unconstrained bilinear problem), and {problem} declares no radius; add `gap radius = 10` to {problem}");
            }
            return null;
        }

        private BoundMethodUse? BindMethod(ExprNode expr, Semantics.BoundModel target)
        {
            Identifier nameId;
            IReadOnlyList<ArgumentNode> arguments;
            switch (expr)
            {
                case NameExpr { Primed: false } n: nameId = new Identifier(n.Name, n.Span); arguments = System.Array.Empty<ArgumentNode>(); break;
                case CallExpr c: nameId = c.Function; arguments = c.Arguments; break;
                default:
                    _b.Error(DiagnosticIds.UnknownAlgorithm, $"name a method here, e.g. `gd(step = 0.1)`; the methods are {string.Join(", ", OptimizationAlgorithms.Names)}", expr.Span);
                    return null;
            }
            if (nameId.Text == SinkhornMethod)
            {
                _b.Error(DiagnosticIds.ExperimentOnTransport,
                    $"sinkhorn solves entropic optimal-transport problems (`transport cost = C, source = a, target = b, epsilon = ...`), and {target.Name} is {_e.Problem!.Target.Describe}; compare {string.Join(", ", OptimizationAlgorithms.Names.Take(3))} or another first-order method",
                    nameId.Span);
                return null;
            }
            if (!OptimizationAlgorithms.TryGet(nameId.Text, out var method))
            {
                _b.Error(DiagnosticIds.UnknownAlgorithm,
                    $"unknown method '{nameId.Text}'{DidYouMean(nameId.Text, OptimizationAlgorithms.Names)}; the methods for a problem are {string.Join(", ", OptimizationAlgorithms.Names)}", nameId.Span);
                return null;
            }
            var facts = _e.Problem!.Target;
            var use = new BoundMethodUse(method, expr.Span) { Step = method.DefaultStep };
            var given = new Dictionary<string, object>();
            bool ok = true;
            var stepParameter = new AlgorithmParameter("step", AlgorithmParameterType.Real, method.DefaultStep, "the step size");
            var ratioParameter = new AlgorithmParameter("ratio", AlgorithmParameterType.Real, 1, "the geometric schedule's ratio ρ in (0, 1]", ParameterRange.Positive);
            var descriptor = new BanditAlgorithm(method.Name, method.TypeName, BanditFits.None, false, method.Summary);
            foreach (var argument in arguments)
            {
                if (argument.Name is null)
                {
                    _b.Error(DiagnosticIds.MethodParameter, $"name the parameter, e.g. `{method.Name}(step = {Show(method.DefaultStep)})`; {method.Name} takes {List(method.ParameterNames.Append("label"))}", argument.Span);
                    ok = false;
                    continue;
                }
                var name = argument.Name.Text;
                if (given.ContainsKey(name)) { _b.Error(DiagnosticIds.MethodParameter, $"'{name}' is already given for this {method.Name}; keep one", argument.Name.Span); ok = false; continue; }
                given[name] = true;
                if (name == LabelArgument)
                {
                    if (argument.Value is StringLiteral label) use.Label = label.Value;
                    else { _b.Error(DiagnosticIds.AlgorithmParameterType, "a label is a string in double quotes, e.g. `label = \"GD\"`", argument.Value.Span); ok = false; }
                    continue;
                }
                if (!method.ParameterNames.Contains(name))
                {
                    _b.Error(DiagnosticIds.MethodParameter,
                        $"{method.Name} takes no parameter '{name}'{DidYouMean(name, method.ParameterNames)}; it takes {List(method.ParameterNames.Append("label"))}", argument.Name.Span);
                    ok = false;
                    continue;
                }
                if (name == "schedule")
                {
                    var word = (argument.Value as NameExpr)?.Name;
                    var schedule = OptimizationAlgorithms.Schedules.FirstOrDefault(s => s.Word == word);
                    if (schedule.Word is null)
                    {
                        _b.Error(DiagnosticIds.MethodParameter,
                            $"the schedule is one of {List(OptimizationAlgorithms.Schedules.Select(s => s.Word))}{(word is null ? "" : DidYouMean(word, OptimizationAlgorithms.Schedules.Select(s => s.Word)))}, e.g. `schedule = inverse_sqrt`",
                            argument.Value.Span);
                        ok = false;
                        continue;
                    }
                    use.Schedule = schedule.Factory;
                    use.ScheduleWord = schedule.Word;
                    continue;
                }
                if (name == "step")
                {
                    var value = ParameterValue(descriptor, stepParameter, argument.Value);
                    if (value is double d && !(d > 0))
                    {
                        _b.Error(DiagnosticIds.MethodStepNotPositive,
                            $"the step of {method.Name} is {Show(d)}, and a step size must be positive; e.g. `step = {Show(method.DefaultStep)}`", argument.Value.Span);
                        ok = false;
                    }
                    else if (value is double s) use.Step = s;
                    else ok = false;
                    continue;
                }
                var parameter = name == "ratio" ? ratioParameter : method.Parameters.First(p => p.Name == name);
                if (ParameterValue(descriptor, parameter, argument.Value) is { } v) given[name] = v;
                else ok = false;
            }
            if (given.ContainsKey("ratio") && use.ScheduleWord != "geometric")
            {
                _b.Error(DiagnosticIds.MethodParameter, $"`ratio` is the geometric schedule's ρ; add `schedule = geometric` or remove `ratio`", expr.Span);
                ok = false;
            }
            if (given.TryGetValue("ratio", out var r) && r is double ratio)
            {
                if (ratio > 1) { _b.Error(DiagnosticIds.AlgorithmParameterOutOfRange, $"the geometric ratio is {Show(ratio)} but must be in (0, 1]", expr.Span); ok = false; }
                use.Ratio = ratio;
            }
            else if (use.ScheduleWord == "geometric") use.Ratio = 0.99;
            if (!ok) return null;
            foreach (var p in method.Parameters)
                use.Arguments.Add(given.TryGetValue(p.Name, out var v) && v is not bool ? v : p.Type == AlgorithmParameterType.Int ? (object)(long)p.Default : p.Default);

            // The method must fit the problem's shape.
            var provides = facts.Provides;
            if ((method.Needs & ProblemNeeds.Simplex) != 0 && (provides & ProblemNeeds.Simplex) == 0 && facts.NotOnSimplex is { } v0)
            {
                _b.Error(DiagnosticIds.MirrorDescentOffSimplex,
                    $"{method.Name} takes entropic steps on the simplex, and variable '{v0.Name.Text}' of {target.Name} (line {v0.Span.Line}) is not on it; declare it `in simplex`, or compare projected_gd or gd",
                    nameId.Span);
                return null;
            }
            string? misfit =
                (method.Needs & ProblemNeeds.Saddle) != 0 && !facts.IsSaddle ? $"{method.Name} is a saddle-point method and needs `min x max y EXPR`, and {target.Name} is {facts.Describe}" :
                (method.Needs & ProblemNeeds.Minimization) != 0 && facts.IsSaddle ? $"{method.Name} minimizes, and {target.Name} is {facts.Describe}; compare gda, extragradient, optimistic_gda or mirror_prox" :
                (method.Needs & ProblemNeeds.L1) != 0 && !facts.HasL1 ? $"{method.Name} takes proximal steps for `regularize l1(x, λ)`, and {target.Name} has no regularizer; add one, or compare gd or nesterov" :
                (method.Needs & ProblemNeeds.Online) != 0 && !facts.IsOnline ? $"{method.Name} is an online method and needs a loss that reads the round t, and {target.Name} is {facts.Describe}; compare gd or projected_gd" :
                (method.Needs & ProblemNeeds.FiniteSum) != 0 && !facts.IsFiniteSum ? $"{method.Name} samples the terms of a finite sum, and the objective of {target.Name} is not a sum over an index (e.g. `sum(i in 0..m-1, ...) / m`); compare gd" :
                null;
            if (misfit != null)
            {
                var fitting = OptimizationAlgorithms.All.Where(m => (m.Needs & ~ProblemNeeds.Smooth & ~provides) == 0).Select(m => m.Name).ToList();
                _b.Error(DiagnosticIds.MethodDoesNotFitProblem, misfit + (fitting.Count > 0 ? $" (methods that fit: {string.Join(", ", fitting)})" : ""), nameId.Span);
                return null;
            }
            if ((method.Needs & ProblemNeeds.Smooth) != 0 && facts.Nonsmooth.Count > 0)
            {
                var f = facts.Nonsmooth[0];
                _b.Warning(DiagnosticIds.ProblemNonsmooth,
                    $"{method.Name} assumes a differentiable objective, and {target.Name} uses {f.Operation} at line {f.Span.Line}, which is not differentiable everywhere: " +
                    $"the sub-gradient {f.SubGradient} is used there; compare subgradient{(facts.HasL1 ? " or proximal_gradient" : "")} for the non-smooth rates",
                    nameId.Span);
            }
            return use;
        }
    }
}
