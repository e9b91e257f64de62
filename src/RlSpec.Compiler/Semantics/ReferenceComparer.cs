using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace RlSpec.Compiler.Semantics
{
    /// <summary>
    /// Compares by reference. Bound nodes are records, whose default equality walks the whole tree (slow on large
    /// models, and recursive on deep ones); a table keyed by node wants the node itself. (netstandard2.0 has no
    /// ReferenceEqualityComparer.)
    /// </summary>
    internal sealed class ReferenceComparer<T> : IEqualityComparer<T> where T : class
    {
        public static readonly ReferenceComparer<T> Instance = new ReferenceComparer<T>();

        public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

        public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
