using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Compiler.Semantics.Builtins;
using RlSpec.Compiler.Syntax;

namespace RlSpec.Compiler.Semantics
{
    /// <summary>Expression binding: names, operators, calls, lists, loops and distributions.</summary>
    public sealed partial class Binder
    {
        /// <summary>Binds an expression; the caller checks its type and what it reads with <see cref="Check"/>.</summary>
        public BoundExpr Bind(ExprNode node)
        {
            switch (node)
            {
                case IntLiteral i: return new BoundLiteral(i.Value, RType.Int, i.Span);
                case RealLiteral r: return new BoundLiteral(r.Value, RType.Real, r.Span);
                case BoolLiteral b: return new BoundLiteral(b.Value, RType.Bool, b.Span);
                case StringLiteral s:
                    Error(DiagnosticIds.StringNotAllowed, "a string is only allowed as a label or a title (e.g. `label = \"UCB c=2\"` in `compare`)", s.Span);
                    return new BoundError(s.Span);
                case NameExpr n: return BindName(n);
                case UnaryExpr u: return BindUnary(u);
                case BinaryExpr b: return BindBinary(b);
                case ChainExpr c: return BindChain(c);
                case IfExpr i: return BindIf(i);
                case CallExpr c: return BindCall(c);
                case IndexExpr x: return BindIndex(x);
                case ListExpr l: return BindList(l);
                case ComprehensionExpr c: return BindLoop(false, c.Variable, c.Lo, c.Hi, c.Element, c.Span);
                case SumExpr s: return BindLoop(true, s.Variable, s.Lo, s.Hi, s.Body, s.Span);
                case TruncateExpr t: return BindTruncate(t);
                default:
                    Error(DiagnosticIds.InternalError, "unsupported expression", node.Span);
                    return new BoundError(node.Span);
            }
        }

        /// <summary>A family index the let's value reads that is not in scope here (the let is used outside that family).</summary>
        private (LocalSymbol Index, string Owner)? FamilyIndexOutOfScope(BoundExpr value)
        {
            if (_letIndices.Count == 0) return null;
            var free = BoundTree.FreeLocals(value);
            foreach (var entry in _letIndices)
                if (free.Contains(entry.Index) && !_locals.Any(l => l.Local == entry.Index)) return entry;
            return null;
        }

        private BoundExpr BindName(NameExpr n)
        {
            for (int k = _locals.Count - 1; k >= 0; k--)
            {
                if (_locals[k].Name == n.Name)
                {
                    if (n.Primed) return Fail(DiagnosticIds.NotAStateVariable, $"'{n.Name}' is an index, not a state variable; only state variables have a successor {n.Name}'", n.Span);
                    return new BoundLocal(_locals[k].Local, n.Span);
                }
            }
            if (!_symbols.TryGetValue(n.Name, out var symbol))
            {
                if (n.Name == "t")
                {
                    if (StepIndexAvailable)
                    {
                        Model.UsesStep = true;
                        return new BoundStep(n.Span);
                    }
                    return Fail(DiagnosticIds.StepWithoutHorizon, "the step index 't' exists only in finite-horizon models (`horizon H`)", n.Span);
                }
                if (BuiltinNames.IsBuiltin(n.Name))
                    return Fail(DiagnosticIds.UnknownName, $"'{n.Name}' is a function; call it as {n.Name}(...)", n.Span);
                var owners = _letIndices.Where(x => x.Index.Name == n.Name).Select(x => x.Owner).ToList();
                if (_binding.Count > 0 && owners.Count > 1)
                    return Fail(DiagnosticIds.UnknownName,
                        $"'{n.Name}' is the index of several action families ({string.Join(", ", owners)}), so a let cannot tell which one it reads; rename the index of all but one", n.Span);
                return Fail(DiagnosticIds.UnknownName, $"unknown name '{n.Name}'{Suggest(n.Name, _symbols.Values)}", n.Span);
            }
            if (n.Primed && symbol is not StateVarSymbol)
                return Fail(DiagnosticIds.NotAStateVariable, $"'{n.Name}' is a {symbol.What}; only state variables have a successor {n.Name}'", n.Span);
            switch (symbol)
            {
                case ParamSymbol p: return new BoundParam(p, n.Span);
                case LetSymbol let:
                    BindLet(let);
                    if (let.Value!.HasError) return new BoundError(n.Span);
                    if (let.IsConstant || let.IsInstance) return new BoundLet(let, n.Span);
                    if (_binding.Count == 0 && FamilyIndexOutOfScope(let.Value) is { } missing)
                        return Fail(DiagnosticIds.LetIndexOutOfScope,
                            $"'{let.Name}' reads the index '{missing.Index.Name}' of action family '{missing.Owner}', so it can be used only in the rules and rewards of `{missing.Owner}` (and its `when` guard)",
                            n.Span);
                    return let.Value;
                case RandomSymbol r:
                    if (r.Distribution is null && _randomNodes.ContainsKey(r) && !Model.Randoms.Contains(r)) return new BoundError(n.Span);
                    return new BoundRandom(r, n.Span);
                case StateVarSymbol v: return new BoundStateVar(v, n.Primed, n.Span);
                case EnumValueSymbol e: return new BoundEnumValue(e, n.Span);
                case ActionSymbol a:
                    return Fail(DiagnosticIds.TypeMismatch, $"'{a.Name}' is an action and has no value; actions appear at the start of rules and rewards", n.Span);
                default:
                    return Fail(DiagnosticIds.UnknownName, $"'{n.Name}' cannot be used as a value", n.Span);
            }
        }

        private BoundExpr BindUnary(UnaryExpr u)
        {
            var operand = Bind(u.Operand);
            if (operand.HasError) return operand;
            if (u.Op == "!")
            {
                if (operand.Type.Kind != TypeKind.Bool)
                    return Fail(DiagnosticIds.TypeMismatch, $"'!' needs a bool, but this is {Article(operand.Type)}", u.Operand.Span);
                return new BoundUnary("!", operand, RType.Bool, u.Span);
            }
            if (!operand.Type.IsNumeric)
                return Fail(DiagnosticIds.TypeMismatch, $"'-' needs a number, but this is {Article(operand.Type)}", u.Operand.Span);
            return new BoundUnary("-", operand, operand.Type, u.Span);
        }

        private BoundExpr BindBinary(BinaryExpr b)
        {
            var left = Bind(b.Left);
            var right = Bind(b.Right);
            if (left.HasError) return left;
            if (right.HasError) return right;
            var type = BinaryType(b.Op, left.Type, right.Type, b.Left.Span, b.Right.Span, b.Span);
            return type is null ? new BoundError(b.Span) : new BoundBinary(b.Op, left, right, type, b.Span);
        }

        /// <summary>
        /// The type of <c>left op right</c>, or null after reporting why the operands do not fit; shared by
        /// binaries and each step of a chain (whose left operand is the chain so far). The spans locate
        /// the operands in messages.
        /// </summary>
        private RType? BinaryType(string op, RType left, RType right, SourceSpan leftSpan, SourceSpan rightSpan, SourceSpan span)
        {
            switch (op)
            {
                case "&&":
                case "||":
                    if (left.Kind != TypeKind.Bool) return Mismatch($"'{op}' needs conditions on both sides, but the left side is {Article(left)}", leftSpan);
                    if (right.Kind != TypeKind.Bool) return Mismatch($"'{op}' needs conditions on both sides, but the right side is {Article(right)}", rightSpan);
                    return RType.Bool;
                case "==":
                case "!=":
                    if (left.IsNumeric && right.IsNumeric) return RType.Bool;
                    if (left.Kind == TypeKind.Bool && right.Kind == TypeKind.Bool) return RType.Bool;
                    if (left.Kind == TypeKind.Enum && right.Kind == TypeKind.Enum && left.Enum == right.Enum) return RType.Bool;
                    return Mismatch($"cannot compare {Article(left)} with {Article(right)}", span);
                case "<":
                case "<=":
                case ">":
                case ">=":
                    if (!left.IsNumeric) return Mismatch($"'{op}' compares numbers, but the left side is {Article(left)}", leftSpan);
                    if (!right.IsNumeric) return Mismatch($"'{op}' compares numbers, but the right side is {Article(right)}", rightSpan);
                    return RType.Bool;
                default:
                    if (!left.IsNumeric) return Mismatch($"'{op}' needs numbers, but the left side is {Article(left)}", leftSpan);
                    if (!right.IsNumeric) return Mismatch($"'{op}' needs numbers, but the right side is {Article(right)}", rightSpan);
                    bool ints = left.Kind == TypeKind.Int && right.Kind == TypeKind.Int;
                    if (op == "%" && !ints) return Mismatch("'%' (remainder) needs integers on both sides", span);
                    return op == "/" ? RType.Real : ints ? RType.Int : RType.Real;
            }
        }

        private RType? Mismatch(string message, SourceSpan span)
        {
            Error(DiagnosticIds.TypeMismatch, message, span);
            return null;
        }

        private BoundExpr BindIf(IfExpr i)
        {
            var c = Bind(i.Condition);
            var t = Bind(i.Then);
            var e = Bind(i.Else);
            if (c.HasError) return c;
            if (t.HasError) return t;
            if (e.HasError) return e;
            if (c.Type.Kind != TypeKind.Bool)
                return Fail(DiagnosticIds.TypeMismatch, $"the condition of `if` must be a bool, but this is {Article(c.Type)}", i.Condition.Span);
            var type = Unify(t.Type, e.Type);
            if (type is null)
                return Fail(DiagnosticIds.TypeMismatch, $"both branches of `if` must have the same type, but they are {Article(t.Type)} and {Article(e.Type)}", i.Span);
            return new BoundIf(c, t, e, type, i.Span);
        }

        private static RType? Unify(RType a, RType b)
        {
            if (a == b) return a;
            if (a.IsNumeric && b.IsNumeric) return RType.Real;
            if (a.Kind == TypeKind.List && b.Kind == TypeKind.List)
            {
                var e = Unify(a.Element!, b.Element!);
                return e is null ? null : RType.ListOf(e);
            }
            return null;
        }

        private BoundExpr BindCall(CallExpr c)
        {
            var name = c.Function.Text;
            if (DistributionFamilies.TryGet(name, out var family))
                return BindDistribution(c, family, null, null, false, c.Span);
            if (!BuiltinFunctions.TryGet(name, out var function))
            {
                if (_symbols.ContainsKey(name))
                    return Fail(DiagnosticIds.UnknownFunction, $"'{name}' is a {_symbols[name].What}, not a function", c.Function.Span);
                var hint = BuiltinNames.All.Select(f => (f, EditDistance.Between(f, name))).Where(x => x.Item2 <= 2).OrderBy(x => x.Item2).Select(x => x.f).FirstOrDefault();
                return Fail(DiagnosticIds.UnknownFunction,
                    $"unknown function '{name}'" + (hint != null ? $"; did you mean '{hint}'?" : $"; functions are {string.Join(", ", BuiltinFunctions.All.Select(f => f.Name))}"),
                    c.Function.Span);
            }
            if (function.IsSeeded) return BindSeededCall(c, function);
            var named = c.Arguments.FirstOrDefault(a => a.Name != null);
            if (named != null)
                return Fail(DiagnosticIds.NamedArgument, $"{name}(...) takes no named arguments; remove '{named.Name!.Text} ='", named.Span);
            int min = function.MinArguments, max = function.MaxArguments;
            if (c.Arguments.Count < min || (max >= 0 && c.Arguments.Count > max))
            {
                var expected = max < 0 ? $"at least {min}" : min == max ? $"{min}" : $"{min} to {max}";
                return Fail(DiagnosticIds.WrongArgumentCount, $"{name}(...) takes {expected} argument{(max == 1 ? "" : "s")}, but {c.Arguments.Count} {(c.Arguments.Count == 1 ? "is" : "are")} given", c.Span);
            }
            var args = c.Arguments.Select(a => Bind(a.Value)).ToList();
            var failed = args.FirstOrDefault(a => a.HasError);
            if (failed != null) return failed;
            var typing = function.TypeCall(args, c.Span);
            if (typing.Type is null) return Fail(DiagnosticIds.TypeMismatch, typing.Error!, typing.ErrorSpan);
            return new BoundCall(function, args, typing.Type, c.Span);
        }

        /// <summary>
        /// A seeded random built-in, <c>gaussian_vector(d, seed = s)</c>: its positional arguments, then the seed
        /// (an int, by name), then the instance seed as a hidden argument, so the draw happens when the model
        /// is created and a per-run instance seed changes it.
        /// </summary>
        private BoundExpr BindSeededCall(CallExpr c, BuiltinFunction function)
        {
            var name = function.Name;
            if (!InstanceDrawsAvailable)
                return Fail(DiagnosticIds.RandomInstanceNotAllowed,
                    $"{name}(...) draws a random problem instance, which only bandit models have; write the values out", c.Function.Span);
            var positional = c.Arguments.Where(a => a.Name == null).ToList();
            var seeds = c.Arguments.Where(a => a.Name != null).ToList();
            var wrong = seeds.FirstOrDefault(a => a.Name!.Text != "seed");
            if (wrong != null)
                return Fail(DiagnosticIds.NamedArgument, $"{name}(...) takes one named argument, `seed = ...`; remove '{wrong.Name!.Text} ='", wrong.Span);
            if (seeds.Count != 1)
                return Fail(DiagnosticIds.WrongArgumentCount,
                    seeds.Count == 0 ? $"{name}(...) needs a seed, e.g. `{name}(..., seed = 7)`, so the instance is reproducible" : $"{name}(...) takes one seed", c.Span);
            int min = function.MinArguments, max = function.MaxArguments;
            if (positional.Count < min || positional.Count > max)
            {
                var expected = min == max ? $"{min}" : $"{min} to {max}";
                return Fail(DiagnosticIds.WrongArgumentCount, $"{name}(...) takes {expected} argument{(max == 1 ? "" : "s")} besides the seed, but {positional.Count} {(positional.Count == 1 ? "is" : "are")} given", c.Span);
            }
            var args = positional.Select(a => Bind(a.Value)).ToList();
            var seed = Bind(seeds[0].Value);
            var failed = args.FirstOrDefault(a => a.HasError);
            if (failed != null) return failed;
            if (seed.HasError) return seed;
            if (seed.Type.Kind != TypeKind.Int)
                return Fail(DiagnosticIds.TypeMismatch, $"the seed of {name}(...) must be an int, but this is {Article(seed.Type)}", seed.Span);
            var typing = function.TypeCall(args, c.Span);
            if (typing.Type is null) return Fail(DiagnosticIds.TypeMismatch, typing.Error!, typing.ErrorSpan);
            args.Add(seed);
            args.Add(new BoundInstanceSeed(c.Span));
            return new BoundCall(function, args, typing.Type, c.Span);
        }

        private BoundExpr BindDistribution(CallExpr c, DistributionFamily family, ExprNode? lo, ExprNode? hi, bool clamp, SourceSpan span)
        {
            var name = family.Name;
            var parameters = family.Parameters.Select(p => p.Name).ToArray();
            var named = c.Arguments.FirstOrDefault(a => a.Name != null);
            if (named != null)
                return Fail(DiagnosticIds.NamedArgument, $"{name}(...) takes its arguments by position ({string.Join(", ", parameters)}); remove '{named.Name!.Text} ='", named.Span);
            if (c.Arguments.Count != parameters.Length)
                return Fail(DiagnosticIds.WrongArgumentCount,
                    $"{name}(...) takes {parameters.Length} argument{(parameters.Length == 1 ? "" : "s")} ({string.Join(", ", parameters)}), but {c.Arguments.Count} {(c.Arguments.Count == 1 ? "is" : "are")} given", c.Span);
            var args = c.Arguments.Select(a => Bind(a.Value)).ToList();
            var failed = args.FirstOrDefault(a => a.HasError);
            if (failed != null) return failed;
            for (int k = 0; k < args.Count; k++)
            {
                var expected = family.Parameters[k].Type;
                if (!Assignable(args[k].Type, expected))
                    return Fail(DiagnosticIds.TypeMismatch, $"the {parameters[k]} of {name}(...) must be {Article(expected)}, but this is {Article(args[k].Type)}", args[k].Span);
                if ((args[k].Deps & Dep.Next) != 0)
                    return Fail(DiagnosticIds.PrimedOutsideReward, $"the {parameters[k]} of {name}(...) cannot read a successor variable", args[k].Span);
            }
            BoundExpr? boundLo = null, boundHi = null;
            if (lo != null)
            {
                if (!family.IsDiscrete)
                    return Fail(DiagnosticIds.DistributionExpected, $"only discrete distributions can be truncated to an integer range; {name}(...) is continuous", span);
                boundLo = Check(Bind(lo), RType.Int, Dep.Param, "a truncation bound");
                boundHi = Check(Bind(hi!), RType.Int, Dep.Param, "a truncation bound");
                if (boundLo.HasError) return boundLo;
                if (boundHi.HasError) return boundHi;
            }
            var type = family.IsDiscrete ? RType.DiscreteDistribution : RType.ContinuousDistribution;
            return new BoundDistribution(family, args, boundLo, boundHi, clamp, type, span);
        }

        private BoundExpr BindTruncate(TruncateExpr t)
        {
            if (t.Distribution is CallExpr c && DistributionFamilies.TryGet(c.Function.Text, out var family))
                return BindDistribution(c, family, t.Lo, t.Hi, t.Clamp, t.Span);
            var inner = Bind(t.Distribution);
            if (inner.HasError) return inner;
            return Fail(DiagnosticIds.DistributionExpected,
                $"`{(t.Clamp ? "clamped" : "truncated")}` applies to a distribution such as poisson(4), but this is {Article(inner.Type)}", t.Distribution.Span);
        }

        private BoundExpr BindIndex(IndexExpr x)
        {
            var target = Bind(x.Target);
            var index = Bind(x.Index);
            if (target.HasError) return target;
            if (index.HasError) return index;
            if (target.Type.Kind != TypeKind.List)
                return Fail(DiagnosticIds.TypeMismatch, $"only lists can be indexed, but this is {Article(target.Type)}", x.Target.Span);
            if (index.Type.Kind != TypeKind.Int)
                return Fail(DiagnosticIds.TypeMismatch, $"a list index must be an int, but this is {Article(index.Type)}", x.Index.Span);
            if (ConstantEvaluator.IsConstant(target) && ConstantEvaluator.IsConstant(index))
            {
                try
                {
                    Model.Evaluator.Evaluate(new BoundIndex(target, index, target.Type.Element!, x.Span));
                }
                catch (EvaluationException e) { return Fail(e.Id, e.Message, e.Span); }
            }
            return new BoundIndex(target, index, target.Type.Element!, x.Span);
        }

        private BoundExpr BindList(ListExpr l)
        {
            var items = l.Elements.Select(Bind).ToList();
            var failed = items.FirstOrDefault(a => a.HasError);
            if (failed != null) return failed;
            if (items.Count == 0) return new BoundList(items, RType.ListOf(RType.Real), l.Span);
            var type = items[0].Type;
            foreach (var item in items.Skip(1))
            {
                var u = Unify(type, item.Type);
                if (u is null)
                    return Fail(DiagnosticIds.TypeMismatch, $"list elements must have one type, but this is {Article(item.Type)} among {Article(type)} elements", item.Span);
                type = u;
            }
            if (type.Kind is TypeKind.Distribution)
                return Fail(DiagnosticIds.DistributionNotAllowed, "lists of distributions are not supported in MDP models", l.Span);
            return new BoundList(items, RType.ListOf(type), l.Span);
        }

        private BoundExpr BindLoop(bool isSum, Identifier variable, ExprNode loNode, ExprNode hiNode, ExprNode bodyNode, SourceSpan span)
        {
            var lo = Bind(loNode);
            var hi = Bind(hiNode);
            if (lo.HasError) return lo;
            if (hi.HasError) return hi;
            if (lo.Type.Kind != TypeKind.Int) return Fail(DiagnosticIds.TypeMismatch, $"a range bound must be an int, but this is {Article(lo.Type)}", loNode.Span);
            if (hi.Type.Kind != TypeKind.Int) return Fail(DiagnosticIds.TypeMismatch, $"a range bound must be an int, but this is {Article(hi.Type)}", hiNode.Span);
            if (_symbols.ContainsKey(variable.Text))
                return Fail(DiagnosticIds.DuplicateDeclaration, $"the index '{variable.Text}' hides the {_symbols[variable.Text].What} of that name; choose another index name", variable.Span);
            if (!CheckUserName(variable.Text, variable.Span)) return new BoundError(variable.Span);
            var local = new LocalSymbol(variable.Text, variable.Span);
            _locals.Add((variable.Text, local));
            var body = Bind(bodyNode);
            _locals.RemoveAt(_locals.Count - 1);
            if (body.HasError) return body;
            if (isSum)
            {
                if (!body.Type.IsNumeric)
                    return Fail(DiagnosticIds.TypeMismatch, $"sum(...) adds numbers, but its body is {Article(body.Type)}", bodyNode.Span);
                return new BoundLoop(true, local, lo, hi, body, body.Type, span);
            }
            if (body.Type.Kind == TypeKind.Distribution)
                return Fail(DiagnosticIds.DistributionNotAllowed, "lists of distributions are not supported in MDP models", bodyNode.Span);
            var loop = new BoundLoop(false, local, lo, hi, body, RType.ListOf(body.Type), span);
            if ((loop.Deps & ~(Dep.Param | Dep.Instance)) != 0)
                return Fail(DiagnosticIds.ListNotAllowed, "a list must be a constant (built from parameters, lets and numbers)", span);
            return loop;
        }
    }
}
