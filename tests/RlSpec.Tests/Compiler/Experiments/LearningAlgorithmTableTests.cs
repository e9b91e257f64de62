using System;
using System.Linq;
using System.Reflection;
using RlSpec.Compiler.Kinds.Experiment.Algorithms;
using RlSpec.Runtime.Learning.Episodic;
using RlSpec.Runtime.Learning.PolicyOptimization;
using Xunit;

namespace RlSpec.Tests.Compiler.Experiments;

/// <summary>
/// The compiler's tables of online RL algorithms and policy-optimization methods agree with the runtime's
/// structs: each entry's type exists in its namespace, is a public struct implementing the family's interface,
/// and has a public constructor with exactly the table's parameter names and types, in order, and no defaults
/// (the compiler owns them); every runtime struct of the two namespaces is in a table.
/// </summary>
public class LearningAlgorithmTableTests
{
    public static TheoryData<string> EpisodicNames() => new(EpisodicAlgorithms.Names);
    public static TheoryData<string> PolicyOptimizationNames() => new(PolicyOptimizationAlgorithms.Names);

    [Theory]
    [MemberData(nameof(EpisodicNames))]
    public void Each_online_entry_matches_its_runtime_struct(string name)
    {
        Assert.True(EpisodicAlgorithms.TryGet(name, out var entry));
        Matches(entry, EpisodicAlgorithms.RuntimeNamespace, (entry.Fits & BanditFits.Continuing) != 0 ? typeof(IContinuingAlgorithm) : typeof(IEpisodicAlgorithm));
    }

    [Theory]
    [MemberData(nameof(PolicyOptimizationNames))]
    public void Each_policy_optimization_entry_matches_its_runtime_struct(string name)
    {
        Assert.True(PolicyOptimizationAlgorithms.TryGet(name, out var entry));
        Matches(entry, PolicyOptimizationAlgorithms.RuntimeNamespace, typeof(IPolicyOptimizer));
    }

    [Fact]
    public void Every_runtime_learner_is_in_a_table_or_said_to_be_left_out()
    {
        // None left out: UCRL2 (an IContinuingAlgorithm) runs in ContinuingExperiment.
        string[] leftOut = [];
        var episodic = RuntimeStructs(typeof(IEpisodicAlgorithm), EpisodicAlgorithms.RuntimeNamespace)
            .Concat(RuntimeStructs(typeof(IContinuingAlgorithm), EpisodicAlgorithms.RuntimeNamespace)).Except(leftOut).OrderBy(n => n);
        Assert.Equal(episodic, EpisodicAlgorithms.All.Select(a => a.TypeName).OrderBy(n => n));
        Assert.Equal(RuntimeStructs(typeof(IPolicyOptimizer), PolicyOptimizationAlgorithms.RuntimeNamespace).OrderBy(n => n),
            PolicyOptimizationAlgorithms.All.Select(a => a.TypeName).OrderBy(n => n));
    }

    [Fact]
    public void The_defaults_are_the_contracts()
    {
        Assert.All(EpisodicAlgorithms.All.Where(a => a.Parameters.Any(p => p.Name == "bonus")), a => Assert.Equal(1.0, a.Parameter("bonus")!.Default));
        Assert.Equal(0.1, EpisodicAlgorithms.All.Single(a => a.Name == "epsilon_greedy_q").Parameter("epsilon")!.Default);
        Assert.Equal(new[] { 0.1, 1.0, 0.0 }, PolicyOptimizationAlgorithms.All.Single(a => a.Name == "npg").Parameters.Select(p => p.Default));
        Assert.Equal(new[] { 0.1, 0.01, 0.0 }, PolicyOptimizationAlgorithms.All.Single(a => a.Name == "entropy_npg").Parameters.Select(p => p.Default));
        Assert.All(PolicyOptimizationAlgorithms.All.SelectMany(a => a.Parameters).Where(p => p.Name == "step"), p => Assert.Equal(ParameterRange.Positive, p.Range));
    }

    private static string[] RuntimeStructs(Type family, string ns) =>
        family.Assembly.GetTypes().Where(t => t.IsPublic && t.IsValueType && t.Namespace == ns && family.IsAssignableFrom(t)).Select(t => t.Name).ToArray();

    private static void Matches(BanditAlgorithm entry, string ns, Type family)
    {
        var type = family.Assembly.GetType(ns + "." + entry.TypeName);
        Assert.True(type != null, $"{entry.Name}: no type {entry.TypeName} in {ns}");
        Assert.True(type!.IsValueType && type.IsPublic, $"{type} must be a public struct");
        Assert.Contains(family, type.GetInterfaces());
        Assert.Equal("global::" + ns + "." + entry.TypeName, entry.GlobalTypeName);
        var constructors = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        var expected = entry.Parameters.Select(p => (p.Name, p.Type == AlgorithmParameterType.Int ? typeof(int) : typeof(double))).ToArray();
        if (expected.Length == 0) return;
        var match = constructors.SingleOrDefault(c => c.GetParameters().Select(p => (p.Name!, p.ParameterType)).SequenceEqual(expected));
        Assert.True(match != null,
            $"{type.Name} has no public constructor ({string.Join(", ", expected.Select(e => $"{e.Item2.Name} {e.Item1}"))}); it has: " +
            string.Join("; ", constructors.Select(c => "(" + string.Join(", ", c.GetParameters().Select(p => $"{p.ParameterType.Name} {p.Name}")) + ")")));
        Assert.All(match!.GetParameters(), p => Assert.False(p.HasDefaultValue, $"{type.Name}({p.Name}) has a default; the compiler's table owns the defaults"));
    }
}
