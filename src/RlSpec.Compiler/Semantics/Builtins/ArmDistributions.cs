using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RlSpec.Compiler.Emit;

namespace RlSpec.Compiler.Semantics.Builtins
{
    /// <summary>
    /// One reward distribution of a bandit arm (and of an adversary's draw), everything the compiler knows
    /// about it in one place: parameters, the check of their values, the exact mean, the reward range, and
    /// the C# that checks, averages and samples it. All are real-valued: <c>uniform(lo, hi)</c> here is the
    /// continuous uniform on [lo, hi), unlike the integer <c>uniform</c> of MDP random variables.
    /// </summary>
    /// <remarks>The C# entries take the parameters' C# as simple names (locals or array elements), never as expressions needing parentheses.</remarks>
    public sealed class ArmDistribution
    {
        public ArmDistribution(
            string name,
            string[] parameters,
            string[] descriptions,
            Func<double[], ParameterProblem?> check,
            Func<string[], string> validCode,
            string requirement,
            Func<double[], double> mean,
            Func<string[], string> meanCode,
            Func<double[], (double Low, double High)> range,
            Func<string[], (string Low, string High)> rangeCode,
            Func<string[], string, string> sampleCode)
        {
            Name = name;
            Parameters = parameters;
            Descriptions = descriptions;
            Check = check;
            ValidCode = validCode;
            Requirement = requirement;
            Mean = mean;
            MeanCode = meanCode;
            Range = range;
            RangeCode = rangeCode;
            SampleCode = sampleCode;
        }

        public string Name { get; }

        /// <summary>Parameter names, in order (they also name the emitted per-arm arrays).</summary>
        public IReadOnlyList<string> Parameters { get; }

        /// <summary>What each parameter is, for messages ("the probability p").</summary>
        public IReadOnlyList<string> Descriptions { get; }

        /// <summary>What is wrong with these parameter values; null when they are fine.</summary>
        public Func<double[], ParameterProblem?> Check { get; }

        /// <summary>C# that is true when the parameters are fine (the emitted Create's check, for values known only there).</summary>
        public Func<string[], string> ValidCode { get; }

        /// <summary>The condition <see cref="ValidCode"/> tests, in words, for the emitted exception.</summary>
        public string Requirement { get; }

        /// <summary>The exact mean.</summary>
        public Func<double[], double> Mean { get; }

        /// <summary>C# for the exact mean.</summary>
        public Func<string[], string> MeanCode { get; }

        /// <summary>The least and largest value a draw can take (infinite when unbounded).</summary>
        public Func<double[], (double Low, double High)> Range { get; }

        /// <summary>C# for <see cref="Range"/>.</summary>
        public Func<string[], (string Low, string High)> RangeCode { get; }

        /// <summary>C# drawing one value (a double) with the runtime's exact sampler, from the named random stream (passed by ref).</summary>
        public Func<string[], string, string> SampleCode { get; }
    }

    /// <summary>The table of arm distributions, in the order messages list them.</summary>
    public static class ArmDistributions
    {
        private const string Infinity = "double.PositiveInfinity", NegativeInfinity = "double.NegativeInfinity";

        public static readonly IReadOnlyList<ArmDistribution> All = new[]
        {
            new ArmDistribution("bernoulli", new[] { "p" }, new[] { "the probability p" },
                v => !(v[0] >= 0 && v[0] <= 1) ? new ParameterProblem($"the probability p of bernoulli is {Show(v[0])} but must be in [0, 1]", 0) : null,
                a => $"{a[0]} >= 0 && {a[0]} <= 1", "p in [0, 1]",
                v => v[0],
                a => a[0],
                v => (0, 1),
                a => ("0.0", "1.0"),
                (a, rng) => $"({GlobalNames.Sampling}.Bernoulli(ref {rng}, {a[0]}) ? 1.0 : 0.0)"),
            new ArmDistribution("normal", new[] { "mean", "sd" }, new[] { "the mean", "the standard deviation" },
                v => double.IsNaN(v[0]) || double.IsInfinity(v[0]) ? new ParameterProblem($"the mean of normal is {Show(v[0])} but must be finite", 0)
                    : !(v[1] >= 0) || double.IsInfinity(v[1]) ? new ParameterProblem($"the standard deviation of normal is {Show(v[1])} but must be finite and not negative", 1)
                    : null,
                a => $"double.IsFinite({a[0]}) && {a[1]} >= 0 && double.IsFinite({a[1]})", "a finite mean and a finite sd >= 0",
                v => v[0],
                a => a[0],
                v => (double.NegativeInfinity, double.PositiveInfinity),
                a => (NegativeInfinity, Infinity),
                (a, rng) => $"{GlobalNames.Sampling}.Normal(ref {rng}, {a[0]}, {a[1]})"),
            new ArmDistribution("beta", new[] { "a", "b" }, new[] { "the shape a", "the shape b" },
                v => !(v[0] > 0) || double.IsInfinity(v[0]) ? new ParameterProblem($"the shape a of beta is {Show(v[0])} but must be positive and finite", 0)
                    : !(v[1] > 0) || double.IsInfinity(v[1]) ? new ParameterProblem($"the shape b of beta is {Show(v[1])} but must be positive and finite", 1)
                    : null,
                a => $"{a[0]} > 0 && double.IsFinite({a[0]}) && {a[1]} > 0 && double.IsFinite({a[1]})", "positive, finite shapes a and b",
                v => v[0] / (v[0] + v[1]),
                a => $"{a[0]} / ({a[0]} + {a[1]})",
                v => (0, 1),
                a => ("0.0", "1.0"),
                (a, rng) => $"{GlobalNames.Sampling}.Beta(ref {rng}, {a[0]}, {a[1]})"),
            new ArmDistribution("uniform", new[] { "lo", "hi" }, new[] { "the lower end lo", "the upper end hi" },
                v => double.IsNaN(v[0]) || double.IsInfinity(v[0]) || double.IsNaN(v[1]) || double.IsInfinity(v[1])
                        ? new ParameterProblem($"uniform({Show(v[0])}, {Show(v[1])}) must have finite ends", null)
                    : v[1] < v[0] ? new ParameterProblem($"uniform({Show(v[0])}, {Show(v[1])}) is empty; the upper end must be at least the lower end", 1)
                    : null,
                a => $"double.IsFinite({a[0]}) && double.IsFinite({a[1]}) && {a[0]} <= {a[1]}", "finite ends lo <= hi",
                v => (v[0] + v[1]) / 2,
                a => $"({a[0]} + {a[1]}) / 2",
                v => (v[0], v[1]),
                a => (a[0], a[1]),
                (a, rng) => $"{GlobalNames.Sampling}.Uniform(ref {rng}, {a[0]}, {a[1]})"),
            new ArmDistribution("exponential", new[] { "rate" }, new[] { "the rate" },
                v => !(v[0] > 0) || double.IsInfinity(v[0]) ? new ParameterProblem($"the rate of exponential is {Show(v[0])} but must be positive and finite", 0) : null,
                a => $"{a[0]} > 0 && double.IsFinite({a[0]})", "a positive, finite rate",
                v => 1 / v[0],
                a => $"1 / {a[0]}",
                v => (0, double.PositiveInfinity),
                a => ("0.0", Infinity),
                (a, rng) => $"{GlobalNames.Sampling}.Exponential(ref {rng}, {a[0]})"),
        };

        private static readonly Dictionary<string, ArmDistribution> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

        public static bool TryGet(string name, out ArmDistribution distribution) => ByName.TryGetValue(name, out distribution!);

        /// <summary>The names, for messages: "bernoulli, normal, beta, uniform, exponential".</summary>
        public static string Names => string.Join(", ", All.Select(d => d.Name));

        private static string Show(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    }
}
