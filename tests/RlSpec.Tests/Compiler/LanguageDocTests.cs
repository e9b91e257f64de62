using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using RlSpec.Cli.Hosting;
using RlSpec.Compiler;
using RlSpec.Compiler.Diagnostics;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Compiler;

/// <summary>Keeps the docs true: every example in docs/language.md compiles, validates and solves (bandits: is created); every diagnostic id is documented.</summary>
public class LanguageDocTests
{
    public static IEnumerable<object[]> Examples()
    {
        var text = File.ReadAllText(Path.Combine(Paths.Root, "docs", "language.md"));
        int k = 0;
        foreach (Match m in Regex.Matches(text, "```rlspec\\n(.*?)```", RegexOptions.Singleline))
            yield return new object[] { k++, m.Groups[1].Value };
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_example_in_the_language_reference_compiles_and_solves(int index, string source)
    {
        var result = RlSpecCompiler.Compile($"language-{index}.rlspec", source);
        Assert.True(!result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Format())) + "\n" + source);
        if (result.Models.Any(m => m.Kind == "experiment"))
        {
            // An experiment runs on a bandit of the same file: compiled together, run with two runs.
            var (assembly, errors) = InMemoryModelCompiler.CompileAll(result.Models);
            Assert.True(assembly != null, string.Join("\n", errors));
            foreach (var experiment in result.Models.Where(m => m.Kind == "experiment"))
            {
                var type = assembly!.GetType(experiment.TypeName)!;
                var spec = (RlSpec.Runtime.Experiments.ExperimentSpec)type.GetMethod("Spec")!.Invoke(null, new object?[] { 2, null })!;
                var algorithms = type.GetMethod("Algorithms")!.Invoke(null, null);
                var run = type.GetMethod("Run", new[] { typeof(RlSpec.Runtime.Experiments.ExperimentSpec), typeof(IReadOnlyList<RlSpec.Runtime.Experiments.AlgorithmEntry>), typeof(RlSpec.Runtime.Experiments.RunOptions) })!;
                var outcome = (RlSpec.Runtime.Experiments.ExperimentResult)run.Invoke(null, new[] { spec, algorithms, new RlSpec.Runtime.Experiments.RunOptions { Threads = 1 } })!;
                Assert.Equal(2, outcome.Runs.Count);
            }
            return;
        }
        foreach (var model in result.Models)
        {
            var loaded = InMemoryModelCompiler.Load(model);
            if (model.Kind == "bandit")
            {
                // A bandit is created (its arms checked, seeded instances drawn); there is nothing to solve.
                var bandit = Assert.IsAssignableFrom<RlSpec.Runtime.Bandits.IBandit>(loaded.Host);
                Assert.True(bandit.ArmCount >= 1);
                continue;
            }
            Assert.True(loaded.MdpHost != null, string.Join("\n", loaded.Errors));
            Assert.Empty(loaded.MdpHost!.Validate());
            Assert.Empty(loaded.MdpHost.Solve().Warnings);
        }
    }

    [Fact]
    public void Every_diagnostic_id_is_documented()
    {
        var doc = File.ReadAllText(Path.Combine(Paths.Root, "docs", "diagnostics.md"));
        var ids = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!)
            .Concat(typeof(RlSpec.Runtime.Solvers.SolverErrorIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!))
            .Concat(new[] { "RLS0300", "RLS0301", "RLS0302", "RLS0303", "RLS0304", "RLS0305", "RLS0306", "RLS0307", "RLS9998" });
        var missing = ids.Where(id => !doc.Contains("`" + id + "`")).ToList();
        Assert.True(missing.Count == 0, "undocumented: " + string.Join(", ", missing));
    }
}
