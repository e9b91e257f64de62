using System.Collections.Generic;
using RlSpec.Compiler.Kinds.Problem.Binding;

namespace RlSpec.Compiler.Kinds.Problem.Ir
{
    /// <summary>
    /// A problem ready for emission: the bound declaration plus the schedule lowering decided: the
    /// evaluation order of the objective's nodes, which sums are fused (their adjoint is a constant known
    /// before the forward pass, so each term's backward runs right after its forward, reading its data once),
    /// which of them form the finite sum that stochastic methods sample, and the metrics' order.
    /// </summary>
    public sealed class ProblemIr
    {
        public ProblemIr(string name, string typeName, string sourcePath, BoundProblem problem)
        {
            Name = name; TypeName = typeName; SourcePath = sourcePath; Problem = problem;
        }

        public string Name { get; }

        public string TypeName { get; }

        public string SourcePath { get; }

        public BoundProblem Problem { get; }

        /// <summary>Every node the objective needs, arguments before users (a sum's body nodes before the sum).</summary>
        public List<TensorNode> ObjectiveOrder { get; } = new List<TensorNode>();

        /// <summary>Sums whose adjoint is the constant given (∂objective/∂sum).</summary>
        public Dictionary<TensorNode, double> FusedSums { get; } = new Dictionary<TensorNode, double>();

        /// <summary>The fused sums over the finite-sum range (TermGradient samples one index of these).</summary>
        public HashSet<TensorNode> FiniteSums { get; } = new HashSet<TensorNode>();

        /// <summary>The number of terms of the finite sum (1 when there is none).</summary>
        public int Terms { get; set; } = 1;

        /// <summary>The nodes the metrics need, in order.</summary>
        public List<TensorNode> MetricOrder { get; } = new List<TensorNode>();

        public bool IsOnline => Problem.Objective?.DependsOnRound == true;

        public int Dimension { get; set; }
    }
}
