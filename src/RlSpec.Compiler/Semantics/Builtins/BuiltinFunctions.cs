using System;
using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler.Emit;
using RlSpec.Compiler.Diagnostics;

namespace RlSpec.Compiler.Semantics.Builtins
{
    /// <summary>The table of built-in functions: one entry per function, in the order messages list them.</summary>
    public static class BuiltinFunctions
    {
        public static readonly IReadOnlyList<BuiltinFunction> All = new[]
        {
            MinMax("min", Math.Min, Math.Min, "Min"),
            MinMax("max", Math.Max, Math.Max, "Max"),
            new BuiltinFunction("abs", 1, 1, (args, span) => NumbersKeepIntegers(args, span, "abs"),
                (a, c) => IsInt(c) ? (object)AbsInt((long)a[0], c) : Math.Abs(Real(a[0])),
                (a, t) => $"{GlobalNames.Math}.Abs({a.Code(0)})"),
            new BuiltinFunction("clamp", 3, 3, (args, span) => NumbersKeepIntegers(args, span, "clamp"),
                (a, c) => IsInt(c)
                    ? Math.Max((long)a[1], Math.Min((long)a[2], (long)a[0]))
                    : (object)Math.Max(Real(a[1]), Math.Min(Real(a[2]), Real(a[0]))),
                (a, t) => t.Kind == TypeKind.Int
                    ? $"{GlobalNames.Functions}.Clamp({a.Code(0)}, {a.Code(1)}, {a.Code(2)})"
                    : $"{GlobalNames.Functions}.Clamp((double){a.Unary(0)}, {a.Code(1)}, {a.Code(2)})"),
            ToWhole("floor", Math.Floor, GlobalNames.Functions + ".Floor"),
            ToWhole("ceil", Math.Ceiling, GlobalNames.Functions + ".Ceil"),
            ToWhole("round", x => Math.Round(x, MidpointRounding.AwayFromZero), GlobalNames.Functions + ".Round"),
            OfOneNumber("exp", RType.Real, x => Math.Exp(x), GlobalNames.Math + ".Exp"),
            new BuiltinFunction("log", 1, 1, OneNumber(RType.Real, "log"),
                (a, c) =>
                {
                    var x = Real(a[0]);
                    if (x <= 0) throw new EvaluationException(DiagnosticIds.InvalidDistributionParameter, $"log of {x} is undefined; the argument must be positive", c.Span);
                    return Math.Log(x);
                },
                (a, t) => $"{GlobalNames.Math}.Log({a.Code(0)})"),
            new BuiltinFunction("sqrt", 1, 1, OneNumber(RType.Real, "sqrt"),
                (a, c) =>
                {
                    var x = Real(a[0]);
                    if (x < 0) throw new EvaluationException(DiagnosticIds.InvalidDistributionParameter, $"sqrt of {x} is undefined; the argument must not be negative", c.Span);
                    return Math.Sqrt(x);
                },
                (a, t) => $"{GlobalNames.Math}.Sqrt({a.Code(0)})"),
            new BuiltinFunction("len", 1, 1,
                (args, span) => args[0].Type.Kind != TypeKind.List
                    ? CallTyping.Fail($"len(...) needs a list, but this is {args[0].Type.WithArticle()}", args[0].Span)
                    : CallTyping.Ok(RType.Int),
                (a, c) => (long)((object[])a[0]).Length,
                (a, t) => $"{a.Primary(0)}.Length"),

            // Vectors (lists of reals), for linear bandits: the inner product, the unit vector along v.
            new BuiltinFunction("dot", 2, 2,
                (args, span) => NumberList(args[0], "dot") ?? NumberList(args[1], "dot") ?? CallTyping.Ok(RType.Real),
                (a, c) =>
                {
                    var u = Reals(a[0]);
                    var v = Reals(a[1]);
                    if (u.Length != v.Length)
                        throw new EvaluationException(DiagnosticIds.VectorLengthMismatch, $"dot(...) of vectors of lengths {u.Length} and {v.Length}; they must have one length", c.Span);
                    double sum = 0;
                    for (int k = 0; k < u.Length; k++) sum += u[k] * v[k];
                    return sum;
                },
                (a, t) => $"{GlobalNames.Vectors}.Dot({RealVector(a, 0)}, {RealVector(a, 1)})"),
            new BuiltinFunction("normalize", 1, 1,
                (args, span) => NumberList(args[0], "normalize") ?? CallTyping.Ok(RType.ListOf(RType.Real)),
                (a, c) =>
                {
                    var v = Reals(a[0]);
                    double norm = 0;
                    foreach (var x in v) norm += x * x;
                    norm = Math.Sqrt(norm);
                    if (!(norm > 0))
                        throw new EvaluationException(DiagnosticIds.ValueOutOfDomain, "normalize(...) of a zero vector (or an empty one) has no direction", c.Span);
                    return v.Select(x => (object)(x / norm)).ToArray();
                },
                (a, t) => $"{GlobalNames.Vectors}.Normalize({RealVector(a, 0)})"),

            // Seeded random draws of a problem instance: drawn when the model is created (see docs/language.md, Bandits).
            Seeded("gaussian_vector", 1, 1,
                (args, span) => IntArgument(args[0], "gaussian_vector", "dimension") ?? CallTyping.Ok(RType.ListOf(RType.Real)),
                a => $"{GlobalNames.Vectors}.Gaussian({a.Code(0)}, {a.Code(1)}, {a.Code(2)})"),
            Seeded("unit_vector_random", 1, 1,
                (args, span) => IntArgument(args[0], "unit_vector_random", "dimension") ?? CallTyping.Ok(RType.ListOf(RType.Real)),
                a => $"{GlobalNames.Vectors}.UnitRandom({a.Code(0)}, {a.Code(1)}, {a.Code(2)})"),
            Seeded("uniform_random", 2, 2,
                (args, span) => args.FirstOrDefault(x => !x.Type.IsNumeric) is { } bad
                    ? CallTyping.Fail($"uniform_random(...) needs numbers lo and hi, but this is {bad.Type.WithArticle()}", bad.Span)
                    : CallTyping.Ok(RType.Real),
                a => $"{GlobalNames.Vectors}.UniformRandom({a.Code(0)}, {a.Code(1)}, {a.Code(2)}, {a.Code(3)})"),
        };

        private static readonly Dictionary<string, BuiltinFunction> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

        public static bool TryGet(string name, out BuiltinFunction function) => ByName.TryGetValue(name, out function!);

        public static BuiltinFunction Get(string name) => ByName[name];

        /// <summary>A seeded draw: never a compile-time constant (it reads the instance seed), so never evaluated here.</summary>
        private static BuiltinFunction Seeded(string name, int min, int max, Func<IReadOnlyList<BoundExpr>, SourceSpan, CallTyping> type, Func<IArgumentCode, string> emit) =>
            new BuiltinFunction(name, min, max, type,
                (a, c) => throw new InvalidOperationException($"{name}(...) is drawn when the model is created, never at compile time"),
                (a, t) => emit(a), seeded: true);

        private static CallTyping? NumberList(BoundExpr arg, string name) =>
            arg.Type.Kind == TypeKind.List && arg.Type.Element!.IsNumeric
                ? (CallTyping?)null
                : CallTyping.Fail($"{name}(...) needs a vector (a list of numbers), but this is {arg.Type.WithArticle()}", arg.Span);

        private static CallTyping? IntArgument(BoundExpr arg, string name, string what) =>
            arg.Type.Kind == TypeKind.Int ? (CallTyping?)null : CallTyping.Fail($"the {what} of {name}(...) must be an int, but this is {arg.Type.WithArticle()}", arg.Span);

        private static double[] Reals(object v) => ((object[])v).Select(Real).ToArray();

        /// <summary>A vector argument as a C# double[]: a list of ints is converted.</summary>
        private static string RealVector(IArgumentCode a, int k) =>
            a.Type(k).Element!.Kind == TypeKind.Int ? $"{GlobalNames.Vectors}.Real({a.Code(k)})" : a.Code(k);

        private static bool IsInt(BoundCall c) => c.Type.Kind == TypeKind.Int;

        private static double Real(object v) => ConstantEvaluator.ToReal(v);

        /// <summary>min/max: of a list of numbers, or of two or more numbers.</summary>
        private static BuiltinFunction MinMax(string name, Func<long, long, long> ints, Func<double, double, double> reals, string method) =>
            new BuiltinFunction(name, 1, -1,
                (args, span) =>
                {
                    if (args.Count == 1)
                    {
                        if (args[0].Type.Kind != TypeKind.List || !args[0].Type.Element!.IsNumeric)
                            return CallTyping.Fail($"{name}(...) of one argument needs a list of numbers; or give two or more numbers", span);
                        return CallTyping.Ok(args[0].Type.Element!);
                    }
                    return NumbersKeepIntegers(args, span, name);
                },
                (a, c) =>
                {
                    var items = a.Length == 1 && a[0] is object[] list ? list : a;
                    if (items.Length == 0) throw new EvaluationException(DiagnosticIds.EmptySupport, $"{name} of an empty list", c.Span);
                    if (IsInt(c))
                    {
                        long best = (long)items[0];
                        foreach (var v in items) best = ints(best, (long)v);
                        return best;
                    }
                    double bestReal = Real(items[0]);
                    foreach (var v in items) bestReal = reals(bestReal, Real(v));
                    return bestReal;
                },
                (a, t) =>
                {
                    if (a.Count == 1) return $"{GlobalNames.Functions}.{method}({a.Code(0)})";
                    var acc = $"{GlobalNames.Math}.{method}({a.Code(0)}, {a.Code(1)})";
                    for (int k = 2; k < a.Count; k++) acc = $"{GlobalNames.Math}.{method}({acc}, {a.Code(k)})";
                    return acc;
                });

        private static CallTyping NumbersKeepIntegers(IReadOnlyList<BoundExpr> args, SourceSpan span, string name)
        {
            var bad = args.FirstOrDefault(a => !a.Type.IsNumeric);
            if (bad != null) return CallTyping.Fail($"{name}(...) needs numbers, but this is {bad.Type.WithArticle()}", bad.Span);
            return CallTyping.Ok(args.All(a => a.Type.Kind == TypeKind.Int) ? RType.Int : RType.Real);
        }

        private static Func<IReadOnlyList<BoundExpr>, SourceSpan, CallTyping> OneNumber(RType result, string name) =>
            (args, span) => !args[0].Type.IsNumeric
                ? CallTyping.Fail($"{name}(...) needs a number, but this is {args[0].Type.WithArticle()}", args[0].Span)
                : CallTyping.Ok(result);

        /// <summary>abs of an int: |int.MinValue| is not an int (in C#, Math.Abs throws for it).</summary>
        private static long AbsInt(long x, BoundCall c) =>
            x == int.MinValue ? throw ConstantEvaluator.Overflow(c, $"abs({x})", "1.0 * ...") : Math.Abs(x);

        /// <summary>floor, ceil, round: a real made whole, then an int (checked: a real beyond int is an error, RLS0227).</summary>
        private static BuiltinFunction ToWhole(string name, Func<double, double> whole, string method) =>
            new BuiltinFunction(name, 1, 1, OneNumber(RType.Int, name), (a, c) => ConstantEvaluator.ToInt32(whole(Real(a[0])), c), (a, t) => $"{method}({a.Code(0)})");

        private static BuiltinFunction OfOneNumber(string name, RType result, Func<double, object> f, string method) =>
            new BuiltinFunction(name, 1, 1, OneNumber(result, name), (a, c) => f(Real(a[0])), (a, t) => $"{method}({a.Code(0)})");
    }
}
