using System;
using System.Linq;
using System.Reflection;
using RlSpec.Compiler.Kinds.Experiment.Algorithms;
using RlSpec.Runtime.Bandits;
using Xunit;

namespace RlSpec.Tests.Compiler.Experiments;

/// <summary>
/// The compiler's algorithm table and the runtime's structs agree: every entry's type exists in
/// RlSpec.Runtime.Bandits.Algorithms, is a struct implementing IBanditAlgorithm (IBestArmIdentification
/// exactly for the best-arm identification entries), and has a public constructor with exactly the
/// table's parameter names and types, in order, and no defaults (the compiler owns them).
/// </summary>
public class AlgorithmTableTests
{
    public static TheoryData<string> Names() => new(BanditAlgorithms.Names);

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_entry_matches_its_runtime_struct(string name)
    {
        Assert.True(BanditAlgorithms.TryGet(name, out var entry));
        var type = typeof(IBanditAlgorithm).Assembly.GetType(BanditAlgorithms.RuntimeNamespace + "." + entry.TypeName);
        Assert.True(type != null, $"{name}: no type {entry.TypeName} in {BanditAlgorithms.RuntimeNamespace}");
        Assert.True(type!.IsValueType && type.IsPublic, $"{type} must be a public struct");
        Assert.Contains(typeof(IBanditAlgorithm), type.GetInterfaces());
        Assert.Equal(entry.IsBestArmIdentification, type.GetInterfaces().Contains(typeof(IBestArmIdentification)));

        var constructors = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        var expected = entry.Parameters.Select(p => (p.Name, p.Type == AlgorithmParameterType.Int ? typeof(int) : typeof(double))).ToArray();
        if (expected.Length == 0) return; // a struct always has its parameterless constructor
        var match = constructors.SingleOrDefault(c => c.GetParameters().Select(p => (p.Name!, p.ParameterType)).SequenceEqual(expected));
        Assert.True(match != null,
            $"{type.Name} has no public constructor ({string.Join(", ", expected.Select(e => $"{e.Item2.Name} {e.Item1}"))}); it has: " +
            string.Join("; ", constructors.Select(c => "(" + string.Join(", ", c.GetParameters().Select(p => $"{p.ParameterType.Name} {p.Name}")) + ")")));
        Assert.All(match!.GetParameters(), p => Assert.False(p.HasDefaultValue, $"{type.Name}({p.Name}) has a default; the compiler's table owns the defaults"));
    }

    [Fact]
    public void Every_runtime_algorithm_is_in_the_table()
    {
        var runtime = typeof(IBanditAlgorithm).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.IsValueType && t.Namespace == BanditAlgorithms.RuntimeNamespace && typeof(IBanditAlgorithm).IsAssignableFrom(t))
            .Select(t => t.Name).OrderBy(n => n).ToList();
        Assert.Equal(runtime, BanditAlgorithms.All.Select(a => a.TypeName).OrderBy(n => n).ToList());
    }

    [Fact]
    public void The_table_has_the_nineteen_algorithms_of_the_contract_with_their_defaults()
    {
        Assert.Equal(19, BanditAlgorithms.All.Count);
        Assert.Equal(4.0, BanditAlgorithms.All.Single(a => a.Name == "ucb_alpha").Parameters.Single().Default);
        Assert.Equal(new[] { 0.05, 1.0, 1.0 }, BanditAlgorithms.All.Single(a => a.Name == "oful").Parameters.Select(p => p.Default));
        Assert.Equal(new[] { "exp3", "exp3_ix" }, BanditAlgorithms.All.Where(a => (a.Fits & BanditFits.Adversarial) != 0).Select(a => a.Name));
        Assert.Equal(new[] { "linucb", "oful", "lin_thompson" }, BanditAlgorithms.All.Where(a => a.Fits == BanditFits.Linear).Select(a => a.Name));
    }
}
