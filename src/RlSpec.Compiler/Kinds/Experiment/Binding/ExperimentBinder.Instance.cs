using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Kinds.Experiment.Algorithms;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Experiment.Binding
{
    /// <summary>
    /// <c>instance fixed | per_run</c>, and <c>sweep NAME = [values]</c> over a parameter of the bandit or
    /// <c>sweep ALGORITHM(PARAMETER = [values])</c> over a parameter of a compared algorithm.
    /// </summary>
    internal sealed partial class ExperimentBinder
    {
        /// <summary>At most this many values in a sweep.</summary>
        public const int MaxSweepValues = 1000;

        private void BindInstance(SettingNode node)
        {
            if (Single(node, "instance per_run") is not { } expr) return;
            switch (expr)
            {
                case NameExpr { Name: "fixed", Primed: false }: _e.Instance = InstanceMode.Fixed; return;
                case NameExpr { Name: "per_run", Primed: false }: _e.Instance = InstanceMode.PerRun; return;
            }
            var word = expr is NameExpr n ? n.Name : null;
            _b.Error(DiagnosticIds.UnknownInstanceMode,
                (word is null ? "the instance is " : $"unknown instance mode '{word}'{DidYouMean(word, new[] { "fixed", "per_run" })}; it is ") +
                "`fixed` (one problem instance for the whole experiment, the default) or `per_run` (a new instance drawn for every run)",
                expr.Span);
            _failed.Add("instance");
        }

        private void BindSweep(SettingNode node)
        {
            if (node.Arguments.Count == 1 && node.Arguments[0] is { Name: null, Value: CallExpr call })
            {
                BindAlgorithmSweep(call);
                return;
            }
            if (node.Arguments.Count != 1 || node.Arguments[0].Name is null)
            {
                _b.Error(DiagnosticIds.SettingShape,
                    $"write a sweep as `sweep NAME = [v1, v2, ...]` over one parameter of {_e.Target.Name}, or `sweep ALGORITHM(PARAMETER = [v1, v2, ...])` over a parameter of a compared algorithm, e.g. `sweep ucb_alpha(alpha = [0.5, 1, 2])`",
                    node.Arguments.Count > 1 ? node.Arguments[1].Span : node.Arguments[0].Span);
                _failed.Add("sweep");
                return;
            }
            var argument = node.Arguments[0];
            var name = argument.Name!;
            var parameter = _e.Target.Params.FirstOrDefault(p => p.Name == name.Text);
            if (parameter is null)
            {
                var names = _e.Target.Params.Select(p => p.Name).ToList();
                _b.Error(DiagnosticIds.InvalidSweep,
                    names.Count == 0
                        ? $"{_e.Target.Name} has no parameter '{name.Text}'; it declares no parameters (add e.g. `param K = 10` to it and use K)"
                        : $"{_e.Target.Name} has no parameter '{name.Text}'{DidYouMean(name.Text, names)}; its parameters are {string.Join(", ", names)}",
                    name.Span);
                _failed.Add("sweep");
                return;
            }
            var bound = _b.Bind(argument.Value);
            if (bound.HasError) { _b.MarkFailed(); _failed.Add("sweep"); return; }
            if (bound.Type.Kind != TypeKind.List || !Binder.Assignable(bound.Type.Element!, parameter.Type))
            {
                _b.Error(DiagnosticIds.InvalidSweep,
                    $"{parameter.Name} is {parameter.Type.WithArticle()}, so sweep it over a list of them, e.g. `sweep {parameter.Name} = {Example(parameter.Type)}`; this is {bound.Type.WithArticle()}",
                    argument.Value.Span);
                _failed.Add("sweep");
                return;
            }
            var constant = _b.Check(bound, bound.Type, Dep.Param, "the sweep's values");
            if (constant.HasError) { _failed.Add("sweep"); return; }
            object[] values;
            try { values = (object[])_b.Evaluator.Evaluate(constant); }
            catch (EvaluationException e) { _b.Error(e.Id, e.Message, e.Span); _failed.Add("sweep"); return; }
            if (values.Length == 0 || values.Length > MaxSweepValues)
            {
                _b.Error(DiagnosticIds.InvalidSweep, $"a sweep has between 1 and {MaxSweepValues} values, and this one has {values.Length}", argument.Value.Span);
                _failed.Add("sweep");
                return;
            }
            var converted = values.Select(v => parameter.Type.Kind == TypeKind.Real ? ConstantEvaluator.ToReal(v) : v).ToList();
            _e.Sweep = new BoundSweep(parameter, converted, argument.Span);
        }

        private void BindAlgorithmSweep(CallExpr call)
        {
            _failed.Add("sweep"); // until it binds
            if (!BanditAlgorithms.TryGet(call.Function.Text, out var algorithm))
            {
                _b.Error(DiagnosticIds.UnknownAlgorithm,
                    $"unknown algorithm '{call.Function.Text}'{DidYouMean(call.Function.Text, BanditAlgorithms.Names)} in the sweep; the algorithms are {string.Join(", ", BanditAlgorithms.Names)}",
                    call.Function.Span);
                return;
            }
            if (call.Arguments.Count != 1 || call.Arguments[0].Name is null)
            {
                _b.Error(DiagnosticIds.SettingShape,
                    algorithm.Parameters.Count == 0
                        ? $"{algorithm.Name} takes no parameters, so it cannot be swept"
                        : $"sweep one parameter of {algorithm.Name} over a list, e.g. `sweep {algorithm.Name}({algorithm.Parameters[0].Name} = [{ShowDefault(algorithm.Parameters[0])}, ...])`; {algorithm.Name} takes {ParameterList(algorithm)}",
                    call.Arguments.Count > 1 ? call.Arguments[1].Span : call.Span);
                return;
            }
            var argument = call.Arguments[0];
            var parameter = algorithm.Parameter(argument.Name!.Text);
            if (parameter is null)
            {
                var names = algorithm.Parameters.Select(p => p.Name);
                _b.Error(DiagnosticIds.UnknownAlgorithmParameter,
                    algorithm.Parameters.Count == 0
                        ? $"{algorithm.Name} takes no parameters, so '{argument.Name.Text}' cannot be swept"
                        : $"{algorithm.Name} takes no parameter '{argument.Name.Text}'{DidYouMean(argument.Name.Text, names)}; it takes {ParameterList(algorithm)}",
                    argument.Name.Span);
                return;
            }
            var what = $"{parameter.Name} of {algorithm.Name}";
            var type = parameter.Type == AlgorithmParameterType.Int ? RType.Int : RType.Real;
            if (argument.Value is StringLiteral)
            {
                _b.Error(DiagnosticIds.AlgorithmParameterType, $"{what} is {type.WithArticle()}, so sweep it over a list of them, e.g. `{Example(type)}`; this is a string", argument.Value.Span);
                return;
            }
            var bound = _b.Bind(argument.Value);
            if (bound.HasError) { _b.MarkFailed(); return; }
            if (bound.Type.Kind != TypeKind.List || !Binder.Assignable(bound.Type.Element!, type))
            {
                _b.Error(DiagnosticIds.AlgorithmParameterType,
                    $"{what} is {type.WithArticle()}, so sweep it over a list of them, e.g. `sweep {algorithm.Name}({parameter.Name} = {Example(type)})`; this is {bound.Type.WithArticle()}",
                    argument.Value.Span);
                return;
            }
            var constant = _b.Check(bound, bound.Type, Dep.Param, "the sweep's values");
            if (constant.HasError) return;
            object[] values;
            try { values = (object[])_b.Evaluator.Evaluate(constant); }
            catch (EvaluationException e) { _b.Error(e.Id, e.Message, e.Span); return; }
            if (values.Length == 0 || values.Length > MaxSweepValues)
            {
                _b.Error(DiagnosticIds.InvalidSweep, $"a sweep has between 1 and {MaxSweepValues} values, and this one has {values.Length}", argument.Value.Span);
                return;
            }
            var converted = new List<object>();
            foreach (var v in values)
            {
                if (type.Kind == TypeKind.Real)
                {
                    double d = ConstantEvaluator.ToReal(v);
                    if (double.IsNaN(d) || double.IsInfinity(d))
                    {
                        _b.Error(DiagnosticIds.AlgorithmParameterType, $"{what} is {Show(d)} in the sweep; it must be a finite number", argument.Value.Span);
                        return;
                    }
                    converted.Add(d);
                }
                else converted.Add((long)v);
            }
            _failed.Remove("sweep");
            _e.AlgorithmSweep = new BoundAlgorithmSweep(algorithm, parameter, converted, call.Span);
        }

        /// <summary>
        /// After <c>compare</c>: the swept algorithm must be compared, and its entries must leave the swept
        /// parameter to the sweep.
        /// </summary>
        private void CheckAlgorithmSweep()
        {
            if (_e.AlgorithmSweep is not { } sweep || _failed.Contains("compare")) return;
            var uses = _e.Algorithms.Where(u => u.Algorithm == sweep.Algorithm).ToList();
            if (uses.Count == 0)
            {
                _b.Error(DiagnosticIds.InvalidSweep,
                    $"the sweep is over {sweep.Parameter.Name} of {sweep.Algorithm.Name}, but {sweep.Algorithm.Name} is not in `compare`; add it there, e.g. `compare ucb1, {sweep.Algorithm.Name}`",
                    sweep.Span);
                _e.AlgorithmSweep = null;
                return;
            }
            foreach (var use in uses.Where(u => u.Given.Contains(sweep.Parameter.Name)))
                _b.Error(DiagnosticIds.InvalidSweep,
                    $"{sweep.Parameter.Name} of {sweep.Algorithm.Name} is swept, so `compare` cannot also set it; remove `{sweep.Parameter.Name} = ...` here",
                    use.Span);
        }

        private static string Example(RType type) => type.Kind switch
        {
            TypeKind.Real => "[0.1, 0.2, 0.5]",
            TypeKind.Bool => "[false, true]",
            _ => "[5, 10, 20]",
        };
    }
}
