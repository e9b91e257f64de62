using System.Globalization;
using System.Linq;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Kinds.Experiment.Algorithms;
using RlSpec.Compiler.Kinds.Experiment.Binding;
using RlSpec.Compiler.Kinds.Experiment.Ir;
using RlSpec.Compiler.Semantics;

namespace RlSpec.Compiler.Kinds.Experiment.Lowering
{
    /// <summary>
    /// The experiment kind's lower stage: applies the defaults (runs 100, seed 0, a checkpoint every
    /// horizon/100 steps, <c>record regret</c>, the first recorded curve plotted, instance fixed) and
    /// spells every value as C#.
    /// </summary>
    internal static class ExperimentLowering
    {
        public const int DefaultRuns = 100;
        public const int DefaultCheckpoints = 100;

        public static ExperimentIr Lower(BoundExperiment e)
        {
            if (e.Problem != null) return ProblemExperimentLowering.Lower(e);
            var model = e.Declaration;
            var targetType = e.Game != null ? CSharpNames.TypeName(e.Target.Name, Game.Emit.GameEmitter.MemberNames)
                : e.Mdp != null
                ? CSharpNames.TypeName(e.Target.Name, Mdp.Emit.MdpEmitter.MemberNames)
                : CSharpNames.TypeName(e.Target.Name, Bandit.Emit.BanditEmitter.MemberNames);
            var ir = new ExperimentIr(model.Name, CSharpNames.TypeName(model.Name, Emit.ExperimentEmitter.MemberNames), CSharpNames.PortablePath(model.Source.Path),
                e.Target.Name, targetType, e.Game?.Describe ?? e.Mdp?.Describe ?? TargetFamily.Describe(e.Family))
            {
                Kind = e.Game != null ? ExperimentFamily.Game
                    : e.Mdp == null ? ExperimentFamily.Bandit
                    : e.LearningFamily == BanditFits.PolicyOptimization ? ExperimentFamily.PolicyOptimization
                    : e.LearningFamily == BanditFits.Continuing ? ExperimentFamily.Continuing : ExperimentFamily.Episodic,
                EpisodeHorizon = e.EpisodeHorizon,
                Horizon = e.Horizon!.Value,
                Runs = (int)(e.Runs ?? DefaultRuns),
                Seed = e.Seed ?? 0UL,
                Instance = e.Instance,
                LogX = e.LogX,
                LogY = e.LogY,
                PlotTitle = e.PlotTitle,
                MarkovGame = e.Game?.Form == RlSpec.Compiler.Kinds.Game.Binding.GameForm.Markov,
            };
            if (e.Spacing is { } spacing)
            {
                ir.Spacing = spacing;
                ir.CheckpointValue = e.CheckpointValue!.Value;
            }
            else
            {
                ir.Spacing = CheckpointSpacing.Linear;
                ir.CheckpointValue = System.Math.Max(1, ir.Horizon / DefaultCheckpoints);
            }
            foreach (var s in e.RecordOrDefault()) ir.Record.Add(new IrStatistic(s.Name, s.EngineName));
            var plot = e.PlotStatistic ?? (e.RecordOrDefault()).FirstOrDefault(s => !s.PerArm && !s.AtEndOnly);
            if (plot != null) ir.Plot = new IrStatistic(plot.Name, plot.EngineName);
            foreach (var use in e.Algorithms)
            {
                var swept = e.AlgorithmSweep is { } a && a.Algorithm == use.Algorithm ? a : null;
                var arguments = use.Algorithm.Parameters.Select((p, k) => swept is not null && swept.Parameter == p
                    ? new IrArgument(p.Name, "", "swept", swept.Values.Select(v => Code(p, v)).ToList())
                    : new IrArgument(p.Name, Code(p, use.Arguments[k]), Text(use.Arguments[k]))).ToList();
                ir.Algorithms.Add(new IrAlgorithm(use.Algorithm.Name, use.Label!, use.Algorithm.GlobalTypeName, arguments, use.Algorithm.IsBestArmIdentification,
                    GameDynamicsAlgorithms.Find(use.Algorithm.Name) is { } dynamic && e.Game != null ? dynamic.GameProperty : null));
            }
            // The bandit's Create takes its parameters in declaration order, then the instance seed: passed
            // positionally, with the values in force, so no argument name of the bandit's emitter is assumed.
            foreach (var p in e.Target.Params) ir.TargetArguments.Add(Code(p.Type, p.Value));
            if (e.Sweep is { } sweep)
                ir.Sweep = new IrSweep(sweep.Parameter.Name, e.Target.Params.IndexOf(sweep.Parameter),
                    sweep.Values.Select(v => Code(sweep.Parameter.Type, v)).ToList(), sweep.Values.Select(Text).ToList());
            if (e.AlgorithmSweep is { } algorithmSweep)
                ir.Sweep = new IrSweep(algorithmSweep.Algorithm.Name + "." + algorithmSweep.Parameter.Name, -1,
                    algorithmSweep.Values.Select(v => Code(algorithmSweep.Parameter, v)).ToList(), algorithmSweep.Values.Select(Text).ToList());
            foreach (var p in e.Target.Params) ir.Parameters.Add(new IrParameter(p.Name, Text(p.Value)));
            foreach (var p in model.Params.Where(p => ir.Parameters.All(q => q.Name != p.Name))) ir.Parameters.Add(new IrParameter(p.Name, Text(p.Value)));
            return ir;
        }

        private static string Code(AlgorithmParameter p, object value) =>
            p.Type == AlgorithmParameterType.Int ? CSharpNames.Int((long)value) : CSharpNames.Real((double)value);

        private static string Code(RType type, object value) => type.Kind switch
        {
            TypeKind.Real => CSharpNames.Real(ConstantEvaluator.ToReal(value)),
            TypeKind.Bool => (bool)value ? "true" : "false",
            _ => CSharpNames.Int((long)value),
        };

        /// <summary>A value as the outputs show it: invariant, round-tripping.</summary>
        public static string Text(object value) => value switch
        {
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            _ => System.Convert.ToString(value, CultureInfo.InvariantCulture)!,
        };
    }
}
