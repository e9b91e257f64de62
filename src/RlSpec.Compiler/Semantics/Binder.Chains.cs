using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Semantics
{
    // Operator chains (a + b - c, a && b && c, ...): see ChainExpr.
    internal sealed partial class Binder
    {
        /// <summary>Binds a chain as the left-deep tree of binaries it means, ((a + b) - c).</summary>
        private BoundExpr BindChain(ChainExpr chain)
        {
            var tree = chain.First;
            for (int k = 0; k < chain.Links.Count; k++)
                tree = new BinaryExpr(chain.Links[k].Op, tree, chain.Links[k].Operand, chain.SpanThrough(k));
            return Bind(tree);
        }
    }
}
