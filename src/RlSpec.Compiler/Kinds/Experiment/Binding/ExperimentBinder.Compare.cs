using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Kinds.Experiment.Algorithms;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Experiment.Binding
{
    /// <summary>
    /// <c>compare ucb1, kl_ucb(c = 3), ucb_alpha(alpha = 0.5, label = "UCB a=0.5")</c>: algorithms from the
    /// table (<see cref="BanditAlgorithms"/>), their named parameters (the table's defaults for the others)
    /// and labels; each must fit the setting of the bandit.
    /// </summary>
    internal sealed partial class ExperimentBinder
    {
        private const string LabelArgument = "label";

        private void BindCompare(SettingNode node)
        {
            foreach (var argument in node.Arguments)
            {
                if (argument.Name is { } name)
                {
                    _b.Error(DiagnosticIds.SettingShape,
                        $"`compare` lists algorithms, not `{name.Text} = ...`; give a parameter inside the algorithm's parentheses, e.g. `ucb_alpha(alpha = 0.5)`", name.Span);
                    _failed.Add("compare");
                    continue;
                }
                var use = BindAlgorithm(argument.Value);
                if (use is null) { _failed.Add("compare"); continue; }
                _e.Algorithms.Add(use);
            }
        }

        private BoundAlgorithmUse? BindAlgorithm(ExprNode expr)
        {
            Identifier nameId;
            IReadOnlyList<ArgumentNode> arguments;
            switch (expr)
            {
                case NameExpr { Primed: false } n:
                    nameId = new Identifier(n.Name, n.Span);
                    arguments = System.Array.Empty<ArgumentNode>();
                    break;
                case CallExpr c:
                    nameId = c.Function;
                    arguments = c.Arguments;
                    break;
                default:
                    _b.Error(DiagnosticIds.UnknownAlgorithm,
                        _e.Mdp != null
                            ? $"name an algorithm here, e.g. `psrl` or `mvp(bonus = 0.5)`; the algorithms are {string.Join(", ", ExperimentAlgorithms.NamesFor(_e.Family))}"
                            : $"name an algorithm here, e.g. `ucb1` or `ucb_alpha(alpha = 0.5)`; the algorithms are {string.Join(", ", BanditAlgorithms.Names)}", expr.Span);
                    return null;
            }
            if (!ExperimentAlgorithms.TryGet(nameId.Text, out var algorithm))
            {
                var known = ExperimentAlgorithms.NamesFor(_e.Family).ToList();
                _b.Error(DiagnosticIds.UnknownAlgorithm,
                    $"unknown algorithm '{nameId.Text}'{DidYouMean(nameId.Text, known)}; the algorithms are {string.Join(", ", known)}",
                    nameId.Span);
                return null;
            }
            var use = new BoundAlgorithmUse(algorithm, expr.Span);
            var values = new Dictionary<string, object>();
            bool ok = true;
            foreach (var argument in arguments)
            {
                if (argument.Name is null)
                {
                    _b.Error(DiagnosticIds.UnknownAlgorithmParameter,
                        algorithm.Parameters.Count == 0
                            ? $"{algorithm.Name} takes no parameters (only `label = \"...\"`)"
                            : $"name the parameter, e.g. `{algorithm.Name}({algorithm.Parameters[0].Name} = {ShowDefault(algorithm.Parameters[0])})`; {algorithm.Name} takes {ParameterList(algorithm)}",
                        argument.Span);
                    ok = false;
                    continue;
                }
                var name = argument.Name.Text;
                if (values.ContainsKey(name) || (name == LabelArgument && use.Label != null))
                {
                    _b.Error(DiagnosticIds.UnknownAlgorithmParameter, $"'{name}' is already given for this {algorithm.Name}; keep one", argument.Name.Span);
                    ok = false;
                    continue;
                }
                if (name == LabelArgument)
                {
                    if (argument.Value is StringLiteral label)
                    {
                        use.Label = label.Value;
                        use.LabelSpan = label.Span;
                    }
                    else
                    {
                        _b.Error(DiagnosticIds.AlgorithmParameterType, "a label is a string in double quotes, e.g. `label = \"UCB a=0.5\"`", argument.Value.Span);
                        ok = false;
                    }
                    continue;
                }
                var parameter = algorithm.Parameter(name);
                if (parameter is null)
                {
                    var names = algorithm.Parameters.Select(p => p.Name).Append(LabelArgument);
                    _b.Error(DiagnosticIds.UnknownAlgorithmParameter,
                        algorithm.Parameters.Count == 0
                            ? $"{algorithm.Name} takes no parameter '{name}'{DidYouMean(name, names)}; it has no parameters (only `label = \"...\"`)"
                            : $"{algorithm.Name} takes no parameter '{name}'{DidYouMean(name, names)}; it takes {ParameterList(algorithm)}",
                        argument.Name.Span);
                    ok = false;
                    continue;
                }
                if (ParameterValue(algorithm, parameter, argument.Value) is { } value) values[name] = value;
                else ok = false;
            }
            if (!ok) return null;
            foreach (var p in algorithm.Parameters)
            {
                if (values.TryGetValue(p.Name, out var v)) { use.Arguments.Add(v); use.Given.Add(p.Name); }
                else use.Arguments.Add(p.Type == AlgorithmParameterType.Int ? (object)(long)p.Default : p.Default);
            }
            if ((algorithm.Fits & _e.Family) == 0 && _e.Mdp is { } mdp)
            {
                var fittingHere = ExperimentAlgorithms.All.Where(a => (a.Fits & _e.Family) != 0).Select(a => a.Name).ToList();
                if (mdp.Criterion == MdpCriterion.AverageReward && (algorithm.Fits & (BanditFits.Episodic | BanditFits.PolicyOptimization)) != 0)
                {
                    _b.Error(DiagnosticIds.EpisodicOnAverageReward,
                        $"{algorithm.Name} {((algorithm.Fits & BanditFits.PolicyOptimization) != 0 ? "optimizes a discounted value" : "plays episodes")}, and {_e.Target.Name} is an average-reward mdp, " +
                        $"which is played as one trajectory; compare {string.Join(", ", fittingHere)} on it, or declare `horizon H` or `discount` in the model",
                        nameId.Span);
                    return null;
                }
                if ((algorithm.Fits & BanditFits.Continuing) != 0)
                {
                    _b.Error(DiagnosticIds.ContinuingOnNonAverage,
                        $"{algorithm.Name} learns the optimal average reward of one trajectory, and {_e.Target.Name} is {mdp.Describe}; declare `average` in the model, " +
                        $"or compare online RL algorithms ({string.Join(", ", fittingHere.Where(n => EpisodicAlgorithms.TryGet(n, out var x) && (x.Fits & BanditFits.Episodic) != 0))})",
                        nameId.Span);
                    return null;
                }
                _b.Error(DiagnosticIds.AlgorithmDoesNotFit,
                        (algorithm.Fits & BanditFits.PolicyOptimization) != 0
                            ? $"{algorithm.Name} optimizes a discounted value, and {_e.Target.Name} is {mdp.Describe}; declare `discount` in the model, or compare online RL algorithms ({string.Join(", ", fittingHere)})"
                            : $"{algorithm.Name} is for {algorithm.FitsText}, and {_e.Target.Name} is {mdp.Describe}; for it compare {string.Join(", ", fittingHere)}",
                    nameId.Span);
                return null;
            }
            if ((algorithm.Fits & _e.Family) == 0)
            {
                var fitting = ExperimentAlgorithms.All.Where(a => (a.Fits & _e.Family) != 0).Select(a => a.Name);
                _b.Error(DiagnosticIds.AlgorithmDoesNotFit,
                    $"{algorithm.Name} is for {algorithm.FitsText}, and {_e.Target.Name} is {TargetFamily.Describe(_e.Family)}; for it compare {string.Join(", ", fitting)}",
                    nameId.Span);
                return null;
            }
            return use;
        }

        /// <summary>A parameter's value: a constant of its type (an int is accepted for a real).</summary>
        private object? ParameterValue(BanditAlgorithm algorithm, AlgorithmParameter parameter, ExprNode node)
        {
            var what = $"{parameter.Name} of {algorithm.Name}";
            var type = parameter.Type == AlgorithmParameterType.Int ? RType.Int : RType.Real;
            if (node is StringLiteral)
            {
                _b.Error(DiagnosticIds.AlgorithmParameterType, $"{what} is {type.WithArticle()}, not a string (only `label` takes a string)", node.Span);
                return null;
            }
            var bound = _b.Bind(node);
            if (bound.HasError) { _b.MarkFailed(); return null; }
            if (!Binder.Assignable(bound.Type, type))
            {
                _b.Error(DiagnosticIds.AlgorithmParameterType,
                    $"{what} is {type.WithArticle()}, but this is {bound.Type.WithArticle()}" +
                    (type.Kind == TypeKind.Int && bound.Type.Kind == TypeKind.Real ? $"; write a whole number, e.g. {ShowDefault(parameter)}" : ""),
                    node.Span);
                return null;
            }
            var constant = _b.Check(bound, type, Dep.Param, what);
            if (constant.HasError) return null;
            try
            {
                var value = _b.Evaluator.Evaluate(constant);
                if (type.Kind == TypeKind.Real)
                {
                    var d = ConstantEvaluator.ToReal(value);
                    if (double.IsNaN(d) || double.IsInfinity(d))
                    {
                        _b.Error(DiagnosticIds.AlgorithmParameterType, $"{what} is {Show(d)}; it must be a finite number", node.Span);
                        return null;
                    }
                    if (!parameter.Accepts(d))
                    {
                        _b.Error(DiagnosticIds.AlgorithmParameterOutOfRange, $"{what} is {Show(d)} but must be {parameter.RangeText} ({parameter.Meaning}); e.g. {ShowDefault(parameter)}", node.Span);
                        return null;
                    }
                    return d;
                }
                if (!parameter.Accepts((long)value))
                {
                    _b.Error(DiagnosticIds.AlgorithmParameterOutOfRange, $"{what} is {(long)value} but must be {parameter.RangeText} ({parameter.Meaning}); e.g. {ShowDefault(parameter)}", node.Span);
                    return null;
                }
                return (long)value;
            }
            catch (EvaluationException e)
            {
                _b.Error(e.Id, e.Message, e.Span);
                return null;
            }
        }

        private static string ShowDefault(AlgorithmParameter p) =>
            p.Type == AlgorithmParameterType.Int ? ((long)p.Default).ToString(System.Globalization.CultureInfo.InvariantCulture) : Show(p.Default);

        private static string ParameterList(BanditAlgorithm a) =>
            List(a.Parameters.Select(p => $"{p.Name} ({(p.Type == AlgorithmParameterType.Int ? "int" : "real")}, default {ShowDefault(p)})")) + " and `label = \"...\"`";

        /// <summary>
        /// Labels name the curves and rows: the algorithm's name, or name(parameters) when it is compared
        /// more than once; <c>label = "..."</c> overrides. Two entries may not share a label.
        /// </summary>
        private void AssignLabels()
        {
            var counts = _e.Algorithms.GroupBy(u => u.Algorithm.Name).ToDictionary(g => g.Key, g => g.Count());
            var taken = new Dictionary<string, BoundAlgorithmUse>();
            foreach (var use in _e.Algorithms)
            {
                if (use.Label is null)
                    use.Label = counts[use.Algorithm.Name] == 1 || use.Algorithm.Parameters.Count == 0
                        ? use.Algorithm.Name
                        : use.Algorithm.Name + "(" + string.Join(", ", use.Algorithm.Parameters.Select((p, k) => $"{p.Name}={Show(use.Arguments[k])}")) + ")";
                if (taken.TryGetValue(use.Label, out var first))
                {
                    _b.Error(DiagnosticIds.DuplicateLabel,
                        $"the label '{use.Label}' is already used at line {first.Span.Line}, column {first.Span.Column}; compare different parameters or give one `label = \"...\"`",
                        use.LabelSpan ?? use.Span);
                    continue;
                }
                taken[use.Label] = use;
            }
        }
    }
}
