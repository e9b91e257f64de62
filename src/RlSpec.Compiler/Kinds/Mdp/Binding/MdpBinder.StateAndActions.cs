using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Semantics;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Kinds.Mdp.Binding
{
    /// <summary>State variables (their ranges) and actions (family ranges and guards).</summary>
    internal sealed partial class MdpBinder
    {
        private void BindStateVars(IReadOnlyList<MemberNode> members)
        {
            foreach (var node in members.OfType<StateVarNode>())
            {
                if (!_b.TryGetSymbol(node.Name.Text, out var s) || s is not StateVarSymbol v || v.Span != node.Name.Span) continue;
                switch (node)
                {
                    case RangeStateVarNode r:
                        v.Lo = _b.Constant(r.Lo, RType.Int, $"the lower bound of '{v.Name}'");
                        v.Hi = _b.Constant(r.Hi, RType.Int, $"the upper bound of '{v.Name}'");
                        break;
                    case BoolStateVarNode b:
                        v.Lo = new BoundLiteral(0L, RType.Int, b.Span);
                        v.Hi = new BoundLiteral(1L, RType.Int, b.Span);
                        break;
                    case EnumStateVarNode e:
                        v.Lo = new BoundLiteral(0L, RType.Int, e.Span);
                        v.Hi = new BoundLiteral((long)e.Values.Count - 1, RType.Int, e.Span);
                        break;
                }
            }
        }

        private void BindActions(IReadOnlyList<MemberNode> members)
        {
            foreach (var node in members.OfType<ActionNode>())
            {
                if (!_b.TryGetSymbol(node.Name.Text, out var s) || s is not ActionSymbol a || a.Span != node.Name.Span) continue;
                if (node.Index != null)
                {
                    a.Lo = _b.Constant(node.Lo!, RType.Int, $"the lower bound of action family '{a.Name}'");
                    a.Hi = _b.Constant(node.Hi!, RType.Int, $"the upper bound of action family '{a.Name}'");
                    a.Index = new LocalSymbol(node.Index.Text, node.Index.Span);
                }
                if (node.Guard != null)
                {
                    if (a.Index != null) _b.PushLocal(a.Index);
                    a.Guard = _b.Check(_b.Bind(node.Guard), RType.Bool, Dep.Param | Dep.State | Dep.Step | Dep.Local, $"the guard of action '{a.Name}'");
                    if (a.Index != null) _b.PopLocal();
                }
            }
        }
    }
}
