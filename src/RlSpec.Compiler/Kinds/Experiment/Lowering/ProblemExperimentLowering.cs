using System.Linq;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Kinds.Experiment.Algorithms;
using RlSpec.Compiler.Kinds.Experiment.Binding;
using RlSpec.Compiler.Kinds.Experiment.Ir;

namespace RlSpec.Compiler.Kinds.Experiment.Lowering
{
    /// <summary>
    /// Lowers an experiment on a problem: runs 1 by default (a deterministic method gives the same curve every run;
    /// the runs differ only in the seeded initialization and the samples of stochastic methods), a checkpoint every
    /// iterations/100, and each method's constructor call spelled as C# with every argument explicit.
    /// </summary>
    internal static class ProblemExperimentLowering
    {
        public const int DefaultRuns = 1;

        /// <summary>The table's 0/1 parameters that the runtime constructors take as bool.</summary>
        internal static readonly string[] Flags = { "normalized", "accelerated" };

        public static ExperimentIr Lower(BoundExperiment e)
        {
            var model = e.Declaration;
            var problem = e.Problem!;
            var targetType = CSharpNames.TypeName(e.Target.Name, Problem.Emit.ProblemEmitter.MemberNames);
            var ir = new ExperimentIr(model.Name, CSharpNames.TypeName(model.Name, Emit.ExperimentEmitter.MemberNames), CSharpNames.PortablePath(model.Source.Path),
                e.Target.Name, targetType, problem.IsTransport ? "an entropic optimal-transport problem" : problem.Target.Describe)
            {
                Kind = ExperimentFamily.PolicyOptimization,
                Horizon = e.Horizon ?? 1,
                Runs = (int)(e.Runs ?? DefaultRuns),
                Seed = e.Seed ?? 0UL,
                Optimization = new OptimizationIr { Transport = problem.IsTransport },
            };
            if (e.Spacing is { } spacing)
            {
                ir.Spacing = spacing;
                ir.CheckpointValue = e.CheckpointValue!.Value;
            }
            else
            {
                ir.Spacing = CheckpointSpacing.Linear;
                ir.CheckpointValue = System.Math.Max(1, ir.Horizon / ExperimentLowering.DefaultCheckpoints);
            }
            foreach (var (name, engine) in problem.Record) ir.Record.Add(new IrStatistic(name, engine));
            ir.Plot = ir.Record.FirstOrDefault(s => s.EngineName != "Metrics");
            ir.LogY = true;
            var problemType = "global::" + RlSpecCompiler.ModelNamespace + "." + targetType;
            // Sinkhorn has no parameters of its own (ε is the problem's): an entry with its label.
            foreach (var label in problem.TransportLabels)
                ir.Optimization.Methods.Add(new IrMethod(Binding.ExperimentBinder.SinkhornMethod, label, "", "", System.Array.Empty<(string, string)>()));
            foreach (var use in problem.Methods)
            {
                var m = use.Method;
                var type = $"global::{OptimizationAlgorithms.RuntimeNamespace}.{m.TypeName}<{problemType}>";
                var arguments = new System.Collections.Generic.List<string>();
                var texts = new System.Collections.Generic.List<(string, string)>();
                if (m.Leading != null) arguments.Add($"global::{OptimizationAlgorithms.RuntimeNamespace}.SaddleAlgorithm.{m.Leading}");
                if (m.Step == StepForm.Schedule)
                {
                    var schedule = $"global::{OptimizationAlgorithms.ScheduleNamespace}.StepSchedule.{use.Schedule}({CSharpNames.Real(use.Step)}" +
                                   (use.Schedule == "Geometric" ? $", {CSharpNames.Real(use.Ratio)})" : ")");
                    arguments.Add(schedule);
                    texts.Add(("step", ExperimentLowering.Text(use.Step)));
                    texts.Add(("schedule", use.ScheduleWord));
                    if (use.Schedule == "Geometric") texts.Add(("ratio", ExperimentLowering.Text(use.Ratio)));
                }
                else if (m.Step == StepForm.Plain)
                {
                    arguments.Add(CSharpNames.Real(use.Step));
                    texts.Add(("step", ExperimentLowering.Text(use.Step)));
                }
                for (int k = 0; k < m.Parameters.Count; k++)
                {
                    var p = m.Parameters[k];
                    var value = use.Arguments[k];
                    arguments.Add(Flags.Contains(p.Name) ? ((long)value != 0 ? "true" : "false")
                        : p.Type == AlgorithmParameterType.Int ? CSharpNames.Int((long)value) : CSharpNames.Real((double)value));
                    texts.Add((p.Name, ExperimentLowering.Text(value)));
                }
                if (m.Leading != null) arguments.Add(m.Entropic ? "true" : "false");
                ir.Optimization.Methods.Add(new IrMethod(m.Name, use.Label!, type, $"new {type}({string.Join(", ", arguments)})", texts));
            }
            foreach (var p in e.Target.Params) ir.Parameters.Add(new IrParameter(p.Name, ExperimentLowering.Text(p.Value)));
            foreach (var p in model.Params.Where(p => ir.Parameters.All(q => q.Name != p.Name))) ir.Parameters.Add(new IrParameter(p.Name, ExperimentLowering.Text(p.Value)));
            return ir;
        }
    }
}
