using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Experiment.Binding
{
    /// <summary><c>instance fixed | per_run</c> and <c>sweep NAME = [values]</c> over a parameter of the bandit.</summary>
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
            if (node.Arguments.Count != 1 || node.Arguments[0].Name is null)
            {
                _b.Error(DiagnosticIds.SettingShape,
                    $"write a sweep as `sweep NAME = [v1, v2, ...]` over one parameter of {_e.Target.Name}",
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

        private static string Example(RType type) => type.Kind switch
        {
            TypeKind.Real => "[0.1, 0.2, 0.5]",
            TypeKind.Bool => "[false, true]",
            _ => "[5, 10, 20]",
        };
    }
}
