namespace RlSpec.Compiler.Kinds.Problem.Ir
{
    /// <summary>
    /// The shape of a problem expression: rows × columns, where a scalar is 1×1 and a vector of n is n×1
    /// (a transposed vector is a 1×n row). Shapes are known at compile time (dimensions are parameters).
    /// </summary>
    public readonly struct Shape : System.IEquatable<Shape>
    {
        public Shape(int rows, int columns) { Rows = rows; Columns = columns; }

        public static Shape Scalar => new Shape(1, 1);

        public static Shape Vector(int n) => new Shape(n, 1);

        public int Rows { get; }

        public int Columns { get; }

        public int Length => Rows * Columns;

        public bool IsScalar => Rows == 1 && Columns == 1;

        public bool IsSquare => Rows == Columns;

        public Shape Transposed => new Shape(Columns, Rows);

        /// <summary>How a message names it: <c>scalar</c>, <c>vector(50)</c>, <c>row vector(50)</c>, <c>matrix(50×5)</c>.</summary>
        public override string ToString() =>
            IsScalar ? "scalar" : Columns == 1 ? $"vector({Rows})" : Rows == 1 ? $"row vector({Columns})" : $"matrix({Rows}×{Columns})";

        public bool Equals(Shape other) => Rows == other.Rows && Columns == other.Columns;

        public override bool Equals(object? obj) => obj is Shape s && Equals(s);

        public override int GetHashCode() => Rows * 7919 + Columns;
    }
}
