using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Diagnostics;

namespace RlSpec.Compiler.Kinds.Problem.Ir
{
    /// <summary>The operations of the problem kind's tensor IR.</summary>
    public enum TensorOp
    {
        // Leaves and views (no code of their own: they name numbers that live elsewhere).
        Constant, Variable, Data, Element, Transpose, LoopIndex, Round,
        // Elementwise arithmetic (a scalar operand broadcasts) and elementwise functions.
        Negate, Add, Subtract, Multiply, Divide, Exp, Log, Abs, Relu, Sqrt, Power,
        // Linear algebra and reductions.
        MatrixProduct, Inner, Total, Norm1, Norm2, SquaredNorm, Trace, Diagonal,
        // Symmetric matrices stored once: the packed upper triangle of P + Pᵀ (off the diagonal), and the
        // inner product of a packed symmetric data matrix with it.
        PackSymmetric, InnerPacked, Unpack,
        // Loops: a sum over an index range (scalar body), a comprehension (data only), a list (data only).
        Sum, Comprehension, Stack,
        // A seeded data generator (data only).
        Generate,
    }

    /// <summary>An index variable of a sum or comprehension, with its constant range lo..hi.</summary>
    public sealed class LoopVariable
    {
        public LoopVariable(string name, int lo, int hi, int depth) { Name = name; Lo = lo; Hi = hi; Depth = depth; }

        public string Name { get; }

        public int Lo { get; }

        public int Hi { get; }

        /// <summary>How many loops enclose it (0 for an outermost one).</summary>
        public int Depth { get; }

        /// <summary>The C# name (set by the emitter).</summary>
        public string CSharpName { get; set; } = "";

        public int Count => Hi - Lo + 1;
    }

    /// <summary>An integer index <c>sign·i + offset</c> (or a constant): what may stand inside <c>[...]</c>.</summary>
    public sealed class IndexTerm
    {
        public IndexTerm(LoopVariable? variable, int sign, int offset) { Variable = variable; Sign = sign; Offset = offset; }

        /// <summary><c>t % modulus</c>: the round of an online loss, cycled (0 ≤ index &lt; modulus).</summary>
        public static IndexTerm RoundModulo(int modulus) => new IndexTerm(null, 1, 0) { Modulus = modulus };

        /// <summary>Nonzero for <c>t % Modulus</c>.</summary>
        public int Modulus { get; private set; }

        public LoopVariable? Variable { get; }

        public int Sign { get; }

        public int Offset { get; }

        public int Min => Modulus > 0 ? 0 : Variable is null ? Offset : Sign > 0 ? Variable.Lo + Offset : Offset - Variable.Hi;

        public int Max => Modulus > 0 ? Modulus - 1 : Variable is null ? Offset : Sign > 0 ? Variable.Hi + Offset : Offset - Variable.Lo;

        public string Key => Modulus > 0 ? $"t%{Modulus}" : Variable is null ? Offset.ToString() : $"{(Sign < 0 ? "-" : "")}{Variable.GetHashCode()}@{Variable.Name}+{Offset}";
    }

    /// <summary>A declared variable: its place in x, shape and domain.</summary>
    public sealed class ProblemVariable
    {
        public ProblemVariable(string name, Shape shape, int offset, SourceSpan span) { Name = name; Shape = shape; Offset = offset; Span = span; }

        public string Name { get; }

        public Shape Shape { get; }

        public int Offset { get; }

        public SourceSpan Span { get; }

        /// <summary>Reals, Box, Nonnegative, Simplex or Ball (the runtime's VariableDomain names).</summary>
        public string Domain { get; set; } = "Reals";

        public double Lower { get; set; } = double.NegativeInfinity;

        public double Upper { get; set; } = double.PositiveInfinity;

        public bool Maximized { get; set; }

        /// <summary>The initialization: zeros, a constant, a list, or a seeded Gaussian/uniform draw.</summary>
        public VariableInit Init { get; set; } = new VariableInit("zeros", 0, 0, null, null);

        public bool Used { get; set; }
    }

    /// <summary>
    /// How a variable starts: <c>Kind</c> is zeros, constant (Value), list (Values), gaussian (scale Value),
    /// uniform (Value..Value2) or simplex (the uniform point); Seed null draws from the run's stream.
    /// </summary>
    public sealed record VariableInit(string Kind, double Value, double Value2, long? Seed, IReadOnlyList<double>? Values);

    /// <summary>A <c>let</c>: data computed once when the problem is created.</summary>
    public sealed class ProblemData
    {
        public ProblemData(string name, SourceSpan span) { Name = name; Span = span; }

        public string Name { get; }

        public SourceSpan Span { get; }

        public TensorNode Value { get; set; } = null!;

        /// <summary>The dimensions as indexing sees them: [count, rows, cols] for a family, [rows, cols], [n], [] for a scalar.</summary>
        public int[] Dimensions { get; set; } = new int[0];

        /// <summary>A family of symmetric matrices stored as packed upper triangles.</summary>
        public bool PackedSymmetric { get; set; }

        /// <summary>The number of doubles stored.</summary>
        public int StoredLength { get; set; }

        public string CSharpName { get; set; } = "";
    }

    /// <summary>
    /// A node of the tensor IR: an operation on argument nodes with a static shape. Nodes are hash-consed
    /// (built through <see cref="TensorFactory"/>), so a subexpression written twice is one node, computed once.
    /// </summary>
    public sealed class TensorNode
    {
        internal TensorNode(int id, TensorOp op, Shape shape, TensorNode[] args, SourceSpan span)
        {
            Id = id; Op = op; Shape = shape; Args = args; Span = span;
        }

        public int Id { get; }

        public TensorOp Op { get; }

        public Shape Shape { get; }

        public TensorNode[] Args { get; }

        /// <summary>Where it was first written (for diagnostics and the comments of the emitted code).</summary>
        public SourceSpan Span { get; }

        /// <summary>Constant: its value; Power: the exponent.</summary>
        public double Number { get; internal set; }

        public ProblemVariable? Variable { get; internal set; }

        public ProblemData? Data { get; internal set; }

        /// <summary>Element: the indices applied to the base (Args[0], a Variable or Data node).</summary>
        public IndexTerm[] Indices { get; internal set; } = new IndexTerm[0];

        /// <summary>Sum, Comprehension: the bound index; LoopIndex: the index read.</summary>
        public LoopVariable? Loop { get; internal set; }

        /// <summary>Generate: the generator and its arguments (dimensions, scale, seed, ...).</summary>
        public string Generator { get; internal set; } = "";

        public IReadOnlyDictionary<string, double> GeneratorArgs { get; internal set; } = new Dictionary<string, double>();

        /// <summary>Generate "csv": the numbers read from the file (row-major), embedded in the emitted code.</summary>
        public double[]? Table { get; internal set; }

        /// <summary>A family of matrices (or vectors) stored back to back: how many (0 when the node is one tensor of <see cref="Shape"/>).</summary>
        public int FamilyCount { get; internal set; }

        /// <summary>The source text, for comments.</summary>
        public string Text { get; internal set; } = "";

        /// <summary>Whether the value depends on the variables (it then has an adjoint).</summary>
        public bool DependsOnVariables { get; internal set; }

        /// <summary>Whether the value depends on the round t.</summary>
        public bool DependsOnRound { get; internal set; }

        /// <summary>The loop variables the value depends on (free in it).</summary>
        public HashSet<LoopVariable> FreeLoops { get; internal set; } = new HashSet<LoopVariable>();

        /// <summary>An Element of a packed symmetric family: only InnerPacked and Unpack read it.</summary>
        public bool IsPacked => Op == TensorOp.Element && Args[0].Data is { PackedSymmetric: true } && Indices.Length == 1;

        /// <summary>Views name numbers stored elsewhere and emit no code of their own.</summary>
        public bool IsView => Op is TensorOp.Constant or TensorOp.Variable or TensorOp.Data or TensorOp.Element or TensorOp.Transpose or TensorOp.LoopIndex or TensorOp.Round;

        /// <summary>The innermost loop whose index it reads (null: computed once, outside every loop).</summary>
        public LoopVariable? Home => FreeLoops.Count == 0 ? null : FreeLoops.OrderByDescending(l => l.Depth).First();

        public override string ToString() => $"%{Id} {Op} {Shape}";
    }
}
