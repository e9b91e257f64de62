using System;
using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Kinds.Problem.Binding;
using RlSpec.Compiler.Kinds.Problem.Ir;

namespace RlSpec.Compiler.Kinds.Problem.Emit
{
    /// <summary>
    /// Writes the loops of tensor nodes: the forward pass (values) and the reverse pass (adjoints) of an
    /// evaluation plan. A node's value is a local <c>vN</c> (a scalar) or a preallocated buffer <c>vN</c>
    /// (a tensor); its adjoint <c>gN</c> likewise. Views (variables, data, elements, transposes) have no code:
    /// they read, and their adjoints write, the numbers where they live (x, the data, the gradient).
    /// </summary>
    internal sealed class TensorCode
    {
        /// <summary>The runtime's vector kernels (u·v and y += w·x over spans, SIMD where the hardware has it).</summary>
        private const string Kernels = "global::RlSpec.Runtime.Games.Dynamics.MatrixProducts";

        private readonly CodeWriter _w;
        private readonly string _buffers, _data;

        /// <summary>The nodes to compute, in order (arguments first).</summary>
        public List<TensorNode> Order { get; set; } = new List<TensorNode>();

        /// <summary>Sums whose backward pass runs inside their forward loop, with the constant adjoint.</summary>
        public Dictionary<TensorNode, double> Fused { get; set; } = new Dictionary<TensorNode, double>();

        /// <summary>Sums whose loop runs over termFirst..termLast, scaled by termScale (the finite sum).</summary>
        public HashSet<TensorNode> FiniteSums { get; set; } = new HashSet<TensorNode>();

        /// <summary>Whether a backward pass is written at all (Evaluate: yes, under <c>if (withGradient)</c>).</summary>
        public bool WithGradient { get; set; }

        /// <summary>Top-level nodes computed already (in the data constructor, lets share nodes).</summary>
        public HashSet<TensorNode> Computed { get; } = new HashSet<TensorNode>();

        public TensorCode(CodeWriter writer, string buffers, string data)
        {
            _w = writer;
            _buffers = buffers;
            _data = data;
        }

        internal static string DataField(ProblemData d) => d.CSharpName;

        public static int BufferLength(TensorNode n) => Math.Max(1, n.FamilyCount) * n.Shape.Length;

        // ---- Reading and writing numbers ----------------------------------------------------------

        private static string Lin(string offset, string r, int rowStride, string c)
        {
            var parts = new List<string>();
            if (offset != "0") parts.Add(offset);
            if (r != "0") parts.Add(rowStride == 1 ? r : $"{r} * {rowStride}");
            if (c != "0") parts.Add(c);
            return parts.Count == 0 ? "0" : string.Join(" + ", parts);
        }

        private static string Index(IndexTerm t)
        {
            if (t.Modulus > 0) return $"(int)(round % {t.Modulus})";
            if (t.Variable is null) return CSharpNames.Int(t.Offset);
            var v = (t.Sign < 0 ? "-" : "") + t.Variable.CSharpName;
            return t.Offset == 0 ? v : t.Offset > 0 ? $"({v} + {t.Offset})" : $"({v} - {-t.Offset})";
        }

        /// <summary>The array an element view reads and the offset of its first number.</summary>
        private (string Array, string Offset) ElementBase(TensorNode n, bool adjoint)
        {
            var b = n.Args[0];
            var dims = ProblemBinder.Dimensions(b);
            var strides = new int[dims.Length];
            for (int k = dims.Length - 1, s = 1; k >= 0; k--) { strides[k] = s; s *= dims[k]; }
            if (b.Data is { PackedSymmetric: true } packed) strides[0] = b.Shape.Rows * (b.Shape.Rows + 1) / 2;
            var parts = new List<string>();
            if (b.Op == TensorOp.Variable && b.Variable!.Offset != 0) parts.Add(CSharpNames.Int(b.Variable.Offset));
            for (int k = 0; k < n.Indices.Length; k++)
            {
                var idx = n.Indices[k];
                if (idx.Variable is null && idx.Modulus == 0) { if (idx.Offset * strides[k] != 0) parts.Add(CSharpNames.Int((long)idx.Offset * strides[k])); }
                else parts.Add(strides[k] == 1 ? Index(idx) : $"{Index(idx)} * {strides[k]}");
            }
            var array = b.Op == TensorOp.Variable ? (adjoint ? "gradient" : "x") : _data + DataField(b.Data!);
            return (array, parts.Count == 0 ? "0" : string.Join(" + ", parts));
        }

        /// <summary>The value of entry (r, c) of a node (a scalar ignores r and c).</summary>
        public string Val(TensorNode n, string r, string c)
        {
            if (n.Shape.IsScalar) { r = "0"; c = "0"; }
            int cols = n.Shape.Columns;
            switch (n.Op)
            {
                case TensorOp.Constant: return CSharpNames.Real(n.Number);
                case TensorOp.LoopIndex: return $"(double){n.Loop!.CSharpName}";
                case TensorOp.Round: return "(double)round";
                case TensorOp.Variable: return $"x[{Lin(CSharpNames.Int(n.Variable!.Offset), r, cols, c)}]";
                case TensorOp.Data:
                    return n.Shape.IsScalar && n.FamilyCount == 0 ? _data + DataField(n.Data!) : $"{_data}{DataField(n.Data!)}[{Lin("0", r, cols, c)}]";
                case TensorOp.Element:
                {
                    var (array, offset) = ElementBase(n, false);
                    return $"{array}[{Lin(offset, r, cols, c)}]";
                }
                case TensorOp.Transpose: return Val(n.Args[0], c, r);
                default:
                    return n.Shape.IsScalar ? $"v{n.Id}" : $"{_buffers}v{n.Id}[{Lin("0", r, cols, c)}]";
            }
        }

        /// <summary>Whether a node carries an adjoint (it depends on the variables and is not data).</summary>
        private static bool HasAdjoint(TensorNode n) => n.DependsOnVariables;

        /// <summary>The adjoint of entry (r, c) as an assignable place.</summary>
        public string Adj(TensorNode n, string r, string c)
        {
            if (n.Shape.IsScalar) { r = "0"; c = "0"; }
            int cols = n.Shape.Columns;
            switch (n.Op)
            {
                case TensorOp.Variable: return $"gradient[{Lin(CSharpNames.Int(n.Variable!.Offset), r, cols, c)}]";
                case TensorOp.Element:
                {
                    var (array, offset) = ElementBase(n, true);
                    return $"{array}[{Lin(offset, r, cols, c)}]";
                }
                case TensorOp.Transpose: return Adj(n.Args[0], c, r);
                default:
                    return n.Shape.IsScalar ? $"g{n.Id}" : $"{_buffers}g{n.Id}[{Lin("0", r, cols, c)}]";
            }
        }

        /// <summary>Whether the node needs its own adjoint storage (computed, depends on the variables).</summary>
        public static bool StoresAdjoint(TensorNode n) => HasAdjoint(n) && !n.IsView;

        // ---- Loops ------------------------------------------------------------------------------

        private void Loop(string index, int count, Action<string> body)
        {
            if (count == 1) { body("0"); return; }
            _w.Open($"for (int {index} = 0; {index} < {count}; {index}++)");
            body(index);
            _w.Close();
        }

        private void ForEach(Shape s, Action<string, string> body) =>
            Loop("r", s.Rows, r => Loop("c", s.Columns, c => body(r, c)));

        /// <summary>Adds expr(r, c) over <paramref name="loop"/> into the adjoint of <paramref name="arg"/> (summed when arg is a broadcast scalar).</summary>
        private void Accumulate(TensorNode arg, Shape loop, Func<string, string, string> expr)
        {
            if (!HasAdjoint(arg)) return;
            if (arg.Shape.IsScalar && !loop.IsScalar)
            {
                _w.Open();
                _w.Line("double sum = 0;");
                ForEach(loop, (r, c) => _w.Line($"sum += {expr(r, c)};"));
                _w.Line($"{Adj(arg, "0", "0")} += sum;");
                _w.Close();
            }
            else ForEach(loop, (r, c) => _w.Line($"{Adj(arg, r, c)} += {expr(r, c)};"));
        }

        // ---- Blocks -------------------------------------------------------------------------------

        private IEnumerable<TensorNode> Block(LoopVariable? home) => Order.Where(n => n.Home == home && !n.IsView);

        /// <summary>Declares (zeroes) the adjoints of the nodes computed in one block.</summary>
        public void ZeroAdjoints(LoopVariable? home)
        {
            foreach (var n in Block(home))
            {
                if (!StoresAdjoint(n)) continue;
                if (n.Shape.IsScalar) _w.Line($"double g{n.Id} = 0;");
                else _w.Line($"global::System.Array.Clear({_buffers}g{n.Id});");
            }
        }

        /// <summary>The forward pass of one block: each node's value, after its arguments.</summary>
        public void Forward(LoopVariable? home)
        {
            foreach (var n in Block(home))
            {
                if (home == null && !Computed.Add(n)) continue;
                if (n.Text.Length > 0) _w.Line($"// {CSharpNames.Comment(n.Text)}");
                if (n.Op == TensorOp.Sum) SumForward(n);
                else if (n.Op == TensorOp.Comprehension) ComprehensionForward(n);
                else OpForward(n);
            }
        }

        /// <summary>The reverse pass of one block: adjoints flow from each node to its arguments, users first.</summary>
        public void Backward(LoopVariable? home)
        {
            foreach (var n in Block(home).Reverse())
            {
                if (!StoresAdjoint(n)) continue;
                if (n.Op == TensorOp.Sum)
                {
                    if (Fused.ContainsKey(n)) continue;
                    SumBackward(n);
                }
                else
                {
                    if (n.Text.Length > 0) _w.Line($"// adjoint of {CSharpNames.Comment(n.Text)}");
                    OpBackward(n);
                }
            }
        }

        private (string First, string Last) Range(TensorNode sum) =>
            FiniteSums.Contains(sum) ? ("termFirst", "termLast") : (CSharpNames.Int(sum.Loop!.Lo), CSharpNames.Int(sum.Loop.Hi));

        private void SumForward(TensorNode n)
        {
            var loop = n.Loop!;
            var body = n.Args[0];
            var (first, last) = Range(n);
            _w.Line($"double v{n.Id} = 0;");
            _w.Open($"for (int {loop.CSharpName} = {first}; {loop.CSharpName} <= {last}; {loop.CSharpName}++)");
            Forward(loop);
            _w.Line($"v{n.Id} += {Val(body, "0", "0")};");
            if (WithGradient && Fused.TryGetValue(n, out var adjoint) && HasAdjoint(body))
            {
                // The sum's adjoint is a constant, so this term's backward pass runs now, while its data is in cache.
                _w.Open("if (withGradient)");
                ZeroAdjoints(loop);
                var seed = CSharpNames.Real(adjoint) + (FiniteSums.Contains(n) ? " * termScale" : "");
                _w.Line($"{Adj(body, "0", "0")} += {seed};");
                Backward(loop);
                _w.Close();
            }
            _w.Close();
            if (FiniteSums.Contains(n)) _w.Line($"v{n.Id} *= termScale;");
        }

        private void SumBackward(TensorNode n)
        {
            var loop = n.Loop!;
            var body = n.Args[0];
            if (!HasAdjoint(body)) return;
            var (first, last) = Range(n);
            _w.Line($"// adjoint of {CSharpNames.Comment(n.Text)}: each term again, forward then backward");
            _w.Open($"for (int {loop.CSharpName} = {first}; {loop.CSharpName} <= {last}; {loop.CSharpName}++)");
            Forward(loop);
            ZeroAdjoints(loop);
            _w.Line($"{Adj(body, "0", "0")} += g{n.Id}{(FiniteSums.Contains(n) ? " * termScale" : "")};");
            Backward(loop);
            _w.Close();
        }

        private void ComprehensionForward(TensorNode n)
        {
            var loop = n.Loop!;
            var body = n.Args[0];
            _w.Open($"for (int {loop.CSharpName} = {loop.Lo}; {loop.CSharpName} <= {loop.Hi}; {loop.CSharpName}++)");
            Forward(loop);
            var at = loop.Lo == 0 ? loop.CSharpName : $"({loop.CSharpName} - {loop.Lo})";
            int len = body.Shape.Length;
            ForEach(body.Shape, (r, c) =>
                _w.Line($"{_buffers}v{n.Id}[{Lin(len == 1 ? at : $"{at} * {len}", r, body.Shape.Columns, c)}] = {Val(body, r, c)};"));
            _w.Close();
        }

        // ---- One operation ----------------------------------------------------------------------

        private string Unary(TensorNode n, string u) => n.Op switch
        {
            TensorOp.Negate => $"-{u}",
            TensorOp.Exp => $"global::System.Math.Exp({u})",
            TensorOp.Log => $"global::System.Math.Log({u})",
            TensorOp.Abs => $"global::System.Math.Abs({u})",
            TensorOp.Relu => $"global::System.Math.Max({u}, 0.0)",
            TensorOp.Sqrt => $"global::System.Math.Sqrt({u})",
            TensorOp.Power => n.Number == 2 ? $"{u} * {u}" : $"global::System.Math.Pow({u}, {CSharpNames.Real(n.Number)})",
            _ => throw new InvalidOperationException(n.Op.ToString()),
        };

        private string Binary(TensorNode n, string a, string b) => n.Op switch
        {
            TensorOp.Add => $"{a} + {b}",
            TensorOp.Subtract => $"{a} - ({b})",
            TensorOp.Multiply => $"({a}) * ({b})",
            TensorOp.Divide => $"({a}) / ({b})",
            _ => throw new InvalidOperationException(n.Op.ToString()),
        };

        private void Assign(TensorNode n, Func<string, string, string> expr)
        {
            if (n.Shape.IsScalar) _w.Line($"double v{n.Id} = {expr("0", "0")};");
            else ForEach(n.Shape, (r, c) => _w.Line($"{Val(n, r, c)} = {expr(r, c)};"));
        }

        private void Reduce(TensorNode n, TensorNode over, Func<string, string, string> term, string? finish = null)
        {
            _w.Line($"double v{n.Id} = 0;");
            ForEach(over.Shape, (r, c) => _w.Line($"v{n.Id} += {term(r, c)};"));
            if (finish != null) _w.Line($"v{n.Id} = {finish};");
        }

        private void OpForward(TensorNode n)
        {
            var a = n.Args;
            switch (n.Op)
            {
                case TensorOp.Negate: case TensorOp.Exp: case TensorOp.Log: case TensorOp.Abs: case TensorOp.Relu: case TensorOp.Sqrt: case TensorOp.Power:
                    Assign(n, (r, c) => Unary(n, Val(a[0], r, c)));
                    break;
                case TensorOp.Add: case TensorOp.Subtract: case TensorOp.Multiply: case TensorOp.Divide:
                    Assign(n, (r, c) => Binary(n, Val(a[0], r, c), Val(a[1], r, c)));
                    break;
                case TensorOp.Inner: Reduce(n, a[0], (r, c) => $"{Val(a[0], r, c)} * {Val(a[1], r, c)}"); break;
                case TensorOp.Total: Reduce(n, a[0], (r, c) => Val(a[0], r, c)); break;
                case TensorOp.Norm1: Reduce(n, a[0], (r, c) => $"global::System.Math.Abs({Val(a[0], r, c)})"); break;
                case TensorOp.SquaredNorm: Reduce(n, a[0], (r, c) => $"{Val(a[0], r, c)} * {Val(a[0], r, c)}"); break;
                case TensorOp.Norm2: Reduce(n, a[0], (r, c) => $"{Val(a[0], r, c)} * {Val(a[0], r, c)}", $"global::System.Math.Sqrt(v{n.Id})"); break;
                case TensorOp.Trace:
                    _w.Line($"double v{n.Id} = 0;");
                    Loop("r", a[0].Shape.Rows, r => _w.Line($"v{n.Id} += {Val(a[0], r, r)};"));
                    break;
                case TensorOp.Diagonal:
                    _w.Line($"global::System.Array.Clear({_buffers}v{n.Id});");
                    Loop("r", n.Shape.Rows, r => _w.Line($"{Val(n, r, r)} = {Val(a[0], r, "0")};"));
                    break;
                case TensorOp.MatrixProduct:
                {
                    int inner = a[0].Shape.Columns;
                    if (n.Shape.IsScalar)
                    {
                        _w.Line($"double v{n.Id} = 0;");
                        Loop("k", inner, k => _w.Line($"v{n.Id} += {Val(a[0], "0", k)} * {Val(a[1], k, "0")};"));
                        break;
                    }
                    ForEach(n.Shape, (r, c) =>
                    {
                        _w.Line("double sum = 0;");
                        Loop("k", inner, k => _w.Line($"sum += {Val(a[0], r, k)} * {Val(a[1], k, c)};"));
                        _w.Line($"{Val(n, r, c)} = sum;");
                    });
                    break;
                }
                case TensorOp.PackSymmetric:
                {
                    int m = a[0].Shape.Rows;
                    _w.Open();
                    _w.Line("int packed = 0;");
                    _w.Open($"for (int r = 0; r < {m}; r++)");
                    _w.Line($"{Val(n, "packed++", "0")} = {Val(a[0], "r", "r")};");
                    _w.Line($"for (int c = r + 1; c < {m}; c++) {Val(n, "packed++", "0")} = {Val(a[0], "r", "c")} + {Val(a[0], "c", "r")};");
                    _w.Close();
                    _w.Close();
                    break;
                }
                case TensorOp.InnerPacked:
                {
                    // Σ_{r ≤ c} A[r, c] · S[r, c] over the stored upper triangle, S = M + Mᵀ off the diagonal.
                    var (array, offset) = ElementBase(a[0], false);
                    int len = a[1].Shape.Rows;
                    // Both operands are contiguous, so the runtime's SIMD kernel reads them (the hot loop of matrix
                    // sensing: a scalar loop here is bound by one add chain and a bounds check per entry).
                    _w.Line($"var a{n.Id} = new global::System.ReadOnlySpan<double>({array}, {offset}, {len});");
                    _w.Line($"double v{n.Id} = {Kernels}.Dot(a{n.Id}, new global::System.ReadOnlySpan<double>({_buffers}v{a[1].Id}, 0, {len}));");
                    break;
                }
                case TensorOp.Stack:
                    for (int k = 0; k < a.Length; k++)
                    {
                        int row = k;
                        if (a[k].Shape.IsScalar) _w.Line($"{Val(n, CSharpNames.Int(row), "0")} = {Val(a[k], "0", "0")};");
                        else Loop("c", a[k].Shape.Rows, c => _w.Line($"{Val(n, CSharpNames.Int(row), c)} = {Val(a[k], c, "0")};"));
                    }
                    break;
                default:
                    throw new InvalidOperationException($"no forward code for {n.Op}");
            }
        }

        private void OpBackward(TensorNode n)
        {
            var a = n.Args;
            Func<string, string, string> g = (r, c) => Adj(n, r, c);
            switch (n.Op)
            {
                case TensorOp.Negate: Accumulate(a[0], n.Shape, (r, c) => $"-{g(r, c)}"); break;
                case TensorOp.Add:
                    Accumulate(a[0], n.Shape, g);
                    Accumulate(a[1], n.Shape, g);
                    break;
                case TensorOp.Subtract:
                    Accumulate(a[0], n.Shape, g);
                    Accumulate(a[1], n.Shape, (r, c) => $"-{g(r, c)}");
                    break;
                case TensorOp.Multiply:
                    Accumulate(a[0], n.Shape, (r, c) => $"{g(r, c)} * {Val(a[1], r, c)}");
                    Accumulate(a[1], n.Shape, (r, c) => $"{g(r, c)} * {Val(a[0], r, c)}");
                    break;
                case TensorOp.Divide:
                    Accumulate(a[0], n.Shape, (r, c) => $"{g(r, c)} / {Val(a[1], r, c)}");
                    Accumulate(a[1], n.Shape, (r, c) => $"-{g(r, c)} * {Val(a[0], r, c)} / ({Val(a[1], r, c)} * {Val(a[1], r, c)})");
                    break;
                case TensorOp.Exp: Accumulate(a[0], n.Shape, (r, c) => $"{g(r, c)} * {Val(n, r, c)}"); break;
                case TensorOp.Log: Accumulate(a[0], n.Shape, (r, c) => $"{g(r, c)} / {Val(a[0], r, c)}"); break;
                // The sub-gradient at the kink: sign(0) = 0 (documented in docs/optimization.md).
                case TensorOp.Abs: Accumulate(a[0], n.Shape, (r, c) => $"{g(r, c)} * global::System.Math.Sign({Val(a[0], r, c)})"); break;
                case TensorOp.Relu: Accumulate(a[0], n.Shape, (r, c) => $"({Val(a[0], r, c)} > 0 ? {g(r, c)} : 0.0)"); break;
                case TensorOp.Sqrt: Accumulate(a[0], n.Shape, (r, c) => $"{g(r, c)} * 0.5 / {Val(n, r, c)}"); break;
                case TensorOp.Power:
                    Accumulate(a[0], n.Shape, (r, c) => n.Number == 2
                        ? $"2.0 * {g(r, c)} * {Val(a[0], r, c)}"
                        : $"{CSharpNames.Real(n.Number)} * {g(r, c)} * global::System.Math.Pow({Val(a[0], r, c)}, {CSharpNames.Real(n.Number - 1)})");
                    break;
                case TensorOp.Inner:
                    Accumulate(a[0], a[0].Shape, (r, c) => $"g{n.Id} * {Val(a[1], r, c)}");
                    Accumulate(a[1], a[1].Shape, (r, c) => $"g{n.Id} * {Val(a[0], r, c)}");
                    break;
                case TensorOp.Total: Accumulate(a[0], a[0].Shape, (r, c) => $"g{n.Id}"); break;
                case TensorOp.Norm1: Accumulate(a[0], a[0].Shape, (r, c) => $"g{n.Id} * global::System.Math.Sign({Val(a[0], r, c)})"); break;
                case TensorOp.SquaredNorm: Accumulate(a[0], a[0].Shape, (r, c) => $"2.0 * g{n.Id} * {Val(a[0], r, c)}"); break;
                case TensorOp.Norm2:
                    // The sub-gradient at 0 is 0.
                    _w.Open($"if (v{n.Id} > 0)");
                    Accumulate(a[0], a[0].Shape, (r, c) => $"g{n.Id} * {Val(a[0], r, c)} / v{n.Id}");
                    _w.Close();
                    break;
                case TensorOp.Trace:
                    Loop("r", a[0].Shape.Rows, r => _w.Line($"{Adj(a[0], r, r)} += g{n.Id};"));
                    break;
                case TensorOp.Diagonal:
                    Loop("r", n.Shape.Rows, r => _w.Line($"{Adj(a[0], r, "0")} += {g(r, r)};"));
                    break;
                case TensorOp.MatrixProduct:
                {
                    var (u, v) = (a[0], a[1]);
                    if (HasAdjoint(u))
                        Loop("r", u.Shape.Rows, r => Loop("k", u.Shape.Columns, k =>
                        {
                            // ∂/∂U (U V) = G Vᵀ
                            _w.Line("double sum = 0;");
                            Loop("c", v.Shape.Columns, c => _w.Line($"sum += {g(r, c)} * {Val(v, k, c)};"));
                            _w.Line($"{Adj(u, r, k)} += sum;");
                        }));
                    if (HasAdjoint(v))
                        Loop("k", v.Shape.Rows, k => Loop("c", v.Shape.Columns, c =>
                        {
                            // ∂/∂V (U V) = Uᵀ G
                            _w.Line("double sum = 0;");
                            Loop("r", u.Shape.Rows, r => _w.Line($"sum += {Val(u, r, k)} * {g(r, c)};"));
                            _w.Line($"{Adj(v, k, c)} += sum;");
                        }));
                    break;
                }
                case TensorOp.PackSymmetric:
                {
                    int m = a[0].Shape.Rows;
                    _w.Open();
                    _w.Line("int packed = 0;");
                    _w.Open($"for (int r = 0; r < {m}; r++)");
                    _w.Line($"{Adj(a[0], "r", "r")} += {g("packed++", "0")};");
                    _w.Open($"for (int c = r + 1; c < {m}; c++, packed++)");
                    _w.Line($"{Adj(a[0], "r", "c")} += {g("packed", "0")};");
                    _w.Line($"{Adj(a[0], "c", "r")} += {g("packed", "0")};");
                    _w.Close();
                    _w.Close();
                    _w.Close();
                    break;
                }
                case TensorOp.InnerPacked:
                {
                    // The data matrix has no adjoint; the packed M + Mᵀ gets g · A[i].
                    // The same A[i] the forward pass just read (still in cache), added in with the SIMD kernel.
                    int len = a[1].Shape.Rows;
                    _w.Line($"{Kernels}.AddScaled(new global::System.Span<double>({_buffers}g{a[1].Id}, 0, {len}), a{n.Id}, g{n.Id});");
                    break;
                }
                default:
                    throw new InvalidOperationException($"no backward code for {n.Op}");
            }
        }
    }
}
