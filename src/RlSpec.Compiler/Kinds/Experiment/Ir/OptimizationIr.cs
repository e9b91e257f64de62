using System.Collections.Generic;

namespace RlSpec.Compiler.Kinds.Experiment.Ir
{
    /// <summary>One compared first-order method: its .rlspec name, label, the C# struct type, the constructor call and the parameters as text.</summary>
    public sealed record IrMethod(string Name, string Label, string GlobalTypeName, string Construction, IReadOnlyList<(string Name, string Text)> Texts);

    /// <summary>The part of an experiment on a problem the emitter reads: the methods (the statistics are <see cref="ExperimentIr.Record"/>).</summary>
    public sealed class OptimizationIr
    {
        public List<IrMethod> Methods { get; } = new List<IrMethod>();

        /// <summary>True on an entropic optimal-transport problem: the methods are Sinkhorn entries (no type or construction) run by TransportExperiment.</summary>
        public bool Transport { get; set; }
    }
}
