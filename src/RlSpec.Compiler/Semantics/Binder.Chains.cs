using System.Collections.Generic;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Semantics
{
    // Operator chains (a + b - c, a && b && c, ...): see ChainExpr and BoundChain.
    public sealed partial class Binder
    {
        /// <summary>
        /// Binds a chain with a loop: every operand is bound (so a mistake in each is reported), then each
        /// step is typed as the binary <c>(chain so far) op operand</c>, with the messages of a binary.
        /// </summary>
        private BoundExpr BindChain(ChainExpr chain)
        {
            var first = Bind(chain.First);
            var operands = new List<BoundExpr>(chain.Links.Count);
            foreach (var link in chain.Links) operands.Add(Bind(link.Operand));
            if (first.HasError) return first;
            foreach (var operand in operands)
                if (operand.HasError) return operand;

            var links = new List<BoundChainLink>(chain.Links.Count);
            var type = first.Type;
            for (int k = 0; k < chain.Links.Count; k++)
            {
                var link = chain.Links[k];
                var next = BinaryType(link.Op, type, operands[k].Type, chain.SpanThrough(k - 1), link.Operand.Span, chain.SpanThrough(k));
                if (next is null) return new BoundError(chain.Span);
                links.Add(new BoundChainLink(link.Op, operands[k], next, chain.SpanThrough(k)));
                type = next;
            }
            return new BoundChain(first, links, chain.Span);
        }
    }
}
