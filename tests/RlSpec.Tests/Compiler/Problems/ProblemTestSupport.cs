using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RlSpec.Cli.Hosting;
using RlSpec.Compiler;
using RlSpec.Runtime.Optimization;
using RlSpec.Runtime.Randomness;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Compiler.Problems;

/// <summary>Compiles problems in memory (as the CLI does) and checks gradients against central finite differences.</summary>
internal static class ProblemTestSupport
{
    /// <summary>The optimization examples with an objective (gradients, methods); transport problems have none.</summary>
    public static IEnumerable<object[]> Examples() => AllExamples().Where(x => !IsTransport((string)x[0]));

    /// <summary>Every optimization example, transport problems (solved by Sinkhorn) included.</summary>
    public static IEnumerable<object[]> AllExamples() =>
        Directory.GetFiles(Path.Combine(Paths.Examples, "optimization"), "*.rlspec").Select(f => new object[] { Path.GetFileName(f) }).OrderBy(x => (string)x[0]);

    private static bool IsTransport(string file) =>
        ExampleText(file).Split('\n').Any(line => line.TrimStart().StartsWith("transport ", StringComparison.Ordinal));

    /// <summary>The command line's data files, relative to examples/optimization/.</summary>
    public static RlSpec.Compiler.Data.IDataFileProvider ExampleDataFiles => new FileDataFiles(Path.Combine(Paths.Examples, "optimization", "any.rlspec"));

    public static string ExampleText(string file) => File.ReadAllText(Path.Combine(Paths.Examples, "optimization", file));

    /// <summary>The file's problem, compiled and created with the defaults in force.</summary>
    public static ICompositeProblem Load(string source, Dictionary<string, string>? overrides = null)
    {
        // Data files (csv("data/...")) are read next to the examples, as the command line would for an example file.
        var result = RlSpecCompiler.Compile("test.rlspec", source, overrides, default, null, ExampleDataFiles);
        Assert.True(!result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        var loaded = InMemoryModelCompiler.Load(Assert.Single(result.Models, m => m.Kind == "problem"));
        Assert.True(loaded.Errors.Count == 0, string.Join("\n", loaded.Errors));
        return Assert.IsAssignableFrom<ICompositeProblem>(loaded.Host);
    }

    /// <summary>A random point: the declared initialization plus N(0, spread²) per entry, projected.</summary>
    public static double[] RandomPoint(IOptimizationProblem p, ulong seed, double spread)
    {
        var x = new double[p.Dimension];
        var r = RandomStream.Create(seed, 1);
        p.Initialize(x, ref r);
        for (int k = 0; k < x.Length; k++) x[k] += Sampling.Normal(ref r, 0, spread);
        p.Project(x);
        return x;
    }

    /// <summary>Central differences (f(x + h e_k) − f(x − h e_k)) / 2h of the objective, entry by entry.</summary>
    public static double[] FiniteDifferences(IOptimizationProblem p, double[] x, long round, double h)
    {
        var g = new double[x.Length];
        var y = (double[])x.Clone();
        for (int k = 0; k < x.Length; k++)
        {
            y[k] = x[k] + h;
            double plus = p.Objective(y, round);
            y[k] = x[k] - h;
            double minus = p.Objective(y, round);
            y[k] = x[k];
            g[k] = (plus - minus) / (2 * h);
        }
        return g;
    }

    public static double RelativeError(double[] actual, double[] expected)
    {
        double diff = 0, norm = 0;
        for (int k = 0; k < actual.Length; k++)
        {
            diff += (actual[k] - expected[k]) * (actual[k] - expected[k]);
            norm += expected[k] * expected[k];
        }
        return Math.Sqrt(diff) / Math.Max(Math.Sqrt(norm), 1e-300);
    }
}
