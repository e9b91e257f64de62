using System.Collections.Generic;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Kinds.Problem.Ir;

namespace RlSpec.Compiler.Kinds.Problem.Binding
{
    /// <summary>A tracked metric: a scalar expression, or the largest eigenvalues of a symmetric matrix expression.</summary>
    public sealed record ProblemMetric(string Name, TensorNode Value, bool Eigenvalues, int Count);

    /// <summary>A non-smooth operation in the objective and the sub-gradient the compiled gradient uses at its kinks.</summary>
    public sealed record NonsmoothFact(string Operation, string SubGradient, SourceSpan Span);

    /// <summary>An l1 regularizer <c>regularize l1(x, λ)</c>: kept out of the smooth objective for proximal methods.</summary>
    public sealed record L1Regularizer(ProblemVariable Variable, double Weight, SourceSpan Span);

    /// <summary>A variable's declared value at the optimum: data (a let the problem computes once), broadcast when it is a scalar.</summary>
    public sealed record DeclaredValue(ProblemVariable Variable, ProblemData Value);

    /// <summary>An entropic optimal-transport declaration <c>transport cost = C, source = a, target = b, epsilon = ε</c>: its data and ε.</summary>
    public sealed record TransportDeclaration(ProblemData Cost, ProblemData Source, ProblemData Target, double Epsilon, SourceSpan Span);

    /// <summary>A bound <c>problem</c> declaration: its variables, data, objective and metrics as tensor nodes.</summary>
    public sealed class BoundProblem
    {
        public List<ProblemVariable> Variables { get; } = new List<ProblemVariable>();

        /// <summary>The lets in declaration order (each reads only earlier ones).</summary>
        public List<ProblemData> Data { get; } = new List<ProblemData>();

        public TensorNode Objective { get; set; } = null!;

        public SourceSpan ObjectiveSpan { get; set; }

        public bool IsSaddle { get; set; }

        public List<ProblemMetric> Metrics { get; } = new List<ProblemMetric>();

        public List<L1Regularizer> Regularizers { get; } = new List<L1Regularizer>();

        public List<NonsmoothFact> Nonsmooth { get; } = new List<NonsmoothFact>();

        /// <summary>The declared optimum (<c>optimum x = ...</c>): each variable's value as data, computed with the lets; empty when none is declared.</summary>
        public List<DeclaredValue> Optimum { get; } = new List<DeclaredValue>();

        /// <summary>The declared radius of the restricted duality gap's ball (<c>gap radius = R</c>), or null.</summary>
        public double? GapRadius { get; set; }

        /// <summary>The transport of a transport problem (no variables, no objective: Sinkhorn computes the plan), or null.</summary>
        public TransportDeclaration? Transport { get; set; }
    }
}
