using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RlSpec.Compiler.Emit;

namespace RlSpec.Compiler.Semantics.Builtins
{
    /// <summary>
    /// The table of distribution families: one entry per family, in the order messages list them.
    /// Means are the textbook closed forms; geometric counts failures before the first success.
    /// </summary>
    public static class DistributionFamilies
    {
        private static readonly RType Int = RType.Int, Real = RType.Real;

        public static readonly IReadOnlyList<DistributionFamily> All = new[]
        {
            new DistributionFamily("bernoulli", new[] { P("p", Real) }, isDiscrete: true, isUnbounded: false,
                a => !(R(a, 0) >= 0 && R(a, 0) <= 1) ? new ParameterProblem($"the probability p of bernoulli is {Show(R(a, 0))} but must be in [0, 1]", 0) : null,
                a => (0, 1),
                a => a.Code(0),
                (a, lo, hi, clamp) => Restricted($"{GlobalNames.FiniteDistribution}.Bernoulli({a.Code(0)})", lo, hi, clamp),
                (a, rng) => $"({GlobalNames.Sampling}.Bernoulli(ref {rng}, {a.Code(0)}) ? 1 : 0)"),
            new DistributionFamily("binomial", new[] { P("n", Int), P("p", Real) }, isDiscrete: true, isUnbounded: false,
                a => (long)a[0] < 0 ? new ParameterProblem($"the number of trials n of binomial is {(long)a[0]} but must be at least 0", 0)
                    : !(R(a, 1) >= 0 && R(a, 1) <= 1) ? new ParameterProblem($"the probability p of binomial is {Show(R(a, 1))} but must be in [0, 1]", 1)
                    : null,
                a => (0, (long)a[0]),
                a => $"{a.Factor(0)} * {a.Factor(1)}",
                (a, lo, hi, clamp) => Restricted($"{GlobalNames.FiniteDistribution}.Binomial({a.Code(0)}, {a.Code(1)})", lo, hi, clamp),
                (a, rng) => $"{GlobalNames.Sampling}.Binomial(ref {rng}, {a.Code(0)}, {a.Code(1)})"),
            new DistributionFamily("poisson", new[] { P("rate", Real) }, isDiscrete: true, isUnbounded: true,
                a => !(R(a, 0) >= 0) || R(a, 0) > 1e6 ? new ParameterProblem($"the rate of poisson is {Show(R(a, 0))} but must be between 0 and 1e6", 0) : null,
                a => (0, long.MaxValue),
                a => a.Code(0),
                (a, lo, hi, clamp) => $"{GlobalNames.FiniteDistribution}.Poisson({a.Code(0)}, {lo}, {hi}, clamp: {clamp})",
                (a, rng) => $"{GlobalNames.Sampling}.Poisson(ref {rng}, {a.Code(0)})"),
            new DistributionFamily("geometric", new[] { P("p", Real) }, isDiscrete: true, isUnbounded: true,
                a => !(R(a, 0) >= 0 && R(a, 0) <= 1) || R(a, 0) == 0 ? new ParameterProblem($"the probability p of geometric is {Show(R(a, 0))} but must be in (0, 1]", 0) : null,
                a => (0, long.MaxValue),
                a => $"(1 - {a.Factor(0)}) / {a.Factor(0)}",
                (a, lo, hi, clamp) => $"{GlobalNames.FiniteDistribution}.Geometric({a.Code(0)}, {lo}, {hi}, clamp: {clamp})",
                (a, rng) => $"{GlobalNames.Sampling}.Geometric(ref {rng}, {a.Code(0)})"),
            new DistributionFamily("uniform", new[] { P("lo", Int), P("hi", Int) }, isDiscrete: true, isUnbounded: false,
                a => (long)a[1] < (long)a[0] ? new ParameterProblem($"uniform({a[0]}, {a[1]}) is empty; the upper bound must be at least the lower bound", null)
                    : (long)a[1] - (long)a[0] >= 10_000_000 ? new ParameterProblem("uniform(...) has more than 10,000,000 values", null)
                    : null,
                a => ((long)a[0], (long)a[1]),
                // In doubles: (lo + hi) / 2.0 adds two ints first, which wraps for uniform(2147483640, 2147483647).
                a => $"(0.5 * {a.Factor(0)} + 0.5 * {a.Factor(1)})",
                (a, lo, hi, clamp) => Restricted($"{GlobalNames.FiniteDistribution}.Uniform({a.Code(0)}, {a.Code(1)})", lo, hi, clamp),
                (a, rng) => $"{GlobalNames.Sampling}.UniformInt(ref {rng}, {a.Code(0)}, {a.Code(1)})"),
            new DistributionFamily("categorical", new[] { P("probabilities", RType.ListOf(Real)) }, isDiscrete: true, isUnbounded: false,
                a =>
                {
                    var ps = ((object[])a[0]).Select(ConstantEvaluator.ToReal).ToList();
                    if (ps.Count == 0) return new ParameterProblem("categorical(...) needs at least one probability", 0);
                    if (ps.Any(p => p < 0 || double.IsNaN(p))) return new ParameterProblem("categorical(...) has a negative probability", 0);
                    if (Math.Abs(ps.Sum() - 1) > 1e-9) return new ParameterProblem($"the probabilities of categorical(...) sum to {Show(ps.Sum())}, not 1", 0);
                    return null;
                },
                a => (0, ((object[])a[0]).Length - 1),
                a => $"{GlobalNames.Functions}.CategoricalMean({a.Code(0)})",
                (a, lo, hi, clamp) => Restricted($"{GlobalNames.FiniteDistribution}.Categorical({a.Code(0)})", lo, hi, clamp),
                (a, rng) => $"{GlobalNames.Sampling}.Categorical(ref {rng}, {a.Code(0)})"),
            new DistributionFamily("normal", new[] { P("mean", Real), P("sd", Real) }, isDiscrete: false, isUnbounded: true,
                a => !(R(a, 1) >= 0) ? new ParameterProblem($"the standard deviation of normal is {Show(R(a, 1))} but must not be negative", 1) : null,
                a => (long.MinValue, long.MaxValue),
                a => a.Code(0),
                null,
                (a, rng) => $"{GlobalNames.Sampling}.Normal(ref {rng}, {a.Code(0)}, {a.Code(1)})"),
        };

        private static readonly Dictionary<string, DistributionFamily> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

        public static bool TryGet(string name, out DistributionFamily family) => ByName.TryGetValue(name, out family!);

        public static DistributionFamily Get(string name) => ByName[name];

        private static DistributionParameter P(string name, RType type) => new DistributionParameter(name, type);

        private static double R(object[] args, int k) => ConstantEvaluator.ToReal(args[k]);

        private static string Show(double v) => v.ToString("R", CultureInfo.InvariantCulture);

        /// <summary>A bounded family's finite form, restricted to lo..hi when truncated or clamped.</summary>
        private static string Restricted(string call, string? lo, string? hi, string clamp) =>
            lo is null ? call : $"{call}.Restricted({lo}, {hi}, clamp: {clamp})";
    }
}
