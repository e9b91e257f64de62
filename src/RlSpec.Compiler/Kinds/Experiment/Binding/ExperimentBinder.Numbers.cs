using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Experiment.Binding
{
    /// <summary>The numbers of an experiment: horizon, runs and master seed, whole constants in range.</summary>
    internal sealed partial class ExperimentBinder
    {
        private void BindHorizon(HorizonNode node)
        {
            if (WholeConstant(node.Value, "horizon", "the horizon", DiagnosticIds.ExperimentHorizonOutOfRange) is not { } v) return;
            var (value, at, note) = v;
            if (value < 1 || value > MaxHorizon)
            {
                _b.Error(DiagnosticIds.ExperimentHorizonOutOfRange, $"the horizon is {value:N0}{note} but must be between 1 and {MaxHorizon:N0} steps", at);
                _failed.Add("horizon");
                return;
            }
            _e.Horizon = value;
        }

        private void BindRuns(SettingNode node)
        {
            if (Single(node, "runs 1000") is not { } expr) return;
            if (WholeConstant(expr, "runs", "the number of runs", DiagnosticIds.RunsOutOfRange) is not { } v) return;
            var (value, at, note) = v;
            if (value < 1 || value > MaxRuns)
            {
                _b.Error(DiagnosticIds.RunsOutOfRange, $"the number of runs is {value:N0}{note} but must be between 1 and {MaxRuns:N0}", at);
                _failed.Add("runs");
                return;
            }
            _e.Runs = value;
        }

        private void BindSeed(SettingNode node)
        {
            if (Single(node, "seed 42") is not { } expr) return;
            if (WholeConstant(expr, "seed", "the seed", DiagnosticIds.SeedOutOfRange) is not { } v) return;
            var (value, at, note) = v;
            if (value < 0)
            {
                _b.Error(DiagnosticIds.SeedOutOfRange,
                    $"the seed is {value}{note} but must be at least 0 (a seed is an unsigned 64-bit number; `rlspec run --seed` takes any up to 18446744073709551615)", at);
                _failed.Add("seed");
                return;
            }
            _e.Seed = (ulong)value;
        }

        /// <summary>
        /// A whole-number constant (parameters, lets and numbers): the value, and where to blame it (at the
        /// parameter's declaration when a command-line override made it wrong). Null after a diagnostic.
        /// </summary>
        private (long Value, SourceSpan At, string Note)? WholeConstant(ExprNode node, string key, string what, string rangeId)
        {
            var bound = _b.Bind(node);
            if (bound.HasError) { _b.MarkFailed(); _failed.Add(key); return null; }
            if (bound.Type.Kind != TypeKind.Int)
            {
                _b.Error(bound.Type.Kind == TypeKind.Real ? rangeId : DiagnosticIds.TypeMismatch,
                    $"{what} must be a whole number, but this is {bound.Type.WithArticle()}", node.Span);
                _failed.Add(key);
                return null;
            }
            var constant = _b.Check(bound, RType.Int, Dep.Param, what);
            if (constant.HasError) { _failed.Add(key); return null; }
            try
            {
                var value = _b.Evaluator.EvaluateInt(constant);
                var (at, note) = _b.Blame(node.Span, constant);
                return (value, at, note);
            }
            catch (EvaluationException e)
            {
                _b.Error(e.Id, e.Message, e.Span);
                _failed.Add(key);
                return null;
            }
        }
    }
}
