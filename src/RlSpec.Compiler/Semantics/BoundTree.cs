using System.Collections.Generic;

namespace RlSpec.Compiler.Semantics
{
    /// <summary>Walks bound expression trees.</summary>
    public static class BoundTree
    {
        /// <summary>The direct sub-expressions of <paramref name="e"/>.</summary>
        public static IEnumerable<BoundExpr> Children(BoundExpr e)
        {
            switch (e)
            {
                case BoundUnary u: yield return u.Operand; break;
                case BoundBinary b: yield return b.Left; yield return b.Right; break;
                case BoundChain c:
                    yield return c.First;
                    foreach (var link in c.Links) yield return link.Operand;
                    break;
                case BoundIf i: yield return i.Condition; yield return i.Then; yield return i.Else; break;
                case BoundCall c: foreach (var a in c.Arguments) yield return a; break;
                case BoundIndex x: yield return x.Target; yield return x.Index; break;
                case BoundList l: foreach (var a in l.Elements) yield return a; break;
                case BoundLoop l: yield return l.Lo; yield return l.Hi; yield return l.Body; break;
                case BoundDistribution d:
                    foreach (var a in d.Arguments) yield return a;
                    if (d.Lo != null) yield return d.Lo;
                    if (d.Hi != null) yield return d.Hi;
                    break;
            }
        }

        /// <summary>All nodes of the tree, parents first.</summary>
        public static IEnumerable<BoundExpr> Descendants(BoundExpr e)
        {
            var stack = new Stack<BoundExpr>();
            stack.Push(e);
            while (stack.Count > 0)
            {
                var n = stack.Pop();
                yield return n;
                foreach (var c in Children(n)) stack.Push(c);
            }
        }

        /// <summary>Locals referenced in <paramref name="e"/> and not bound inside it.</summary>
        public static HashSet<LocalSymbol> FreeLocals(BoundExpr e)
        {
            var result = new HashSet<LocalSymbol>();
            Collect(e, new HashSet<LocalSymbol>(), result);
            return result;
        }

        private static void Collect(BoundExpr e, HashSet<LocalSymbol> bound, HashSet<LocalSymbol> result)
        {
            if (e is BoundLocal l)
            {
                if (!bound.Contains(l.Local)) result.Add(l.Local);
                return;
            }
            if (e is BoundLoop loop)
            {
                Collect(loop.Lo, bound, result);
                Collect(loop.Hi, bound, result);
                var inner = new HashSet<LocalSymbol>(bound) { loop.Variable };
                Collect(loop.Body, inner, result);
                return;
            }
            foreach (var c in Children(e)) Collect(c, bound, result);
        }

        /// <summary>The random variables an expression reads, in declaration order.</summary>
        public static List<RandomSymbol> Randoms(IEnumerable<BoundExpr?> exprs)
        {
            var set = new HashSet<RandomSymbol>();
            foreach (var root in exprs)
            {
                if (root is null) continue;
                foreach (var n in Descendants(root))
                    if (n is BoundRandom r) set.Add(r.Random);
            }
            var list = new List<RandomSymbol>(set);
            list.Sort((a, b) => a.Index.CompareTo(b.Index));
            return list;
        }

        public static bool ReadsStep(BoundExpr? e)
        {
            if (e is null) return false;
            foreach (var n in Descendants(e))
                if (n is BoundStep) return true;
            return false;
        }
    }
}
