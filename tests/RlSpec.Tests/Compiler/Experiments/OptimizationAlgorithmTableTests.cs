using System;
using System.Linq;
using System.Reflection;
using RlSpec.Compiler.Kinds.Experiment.Algorithms;
using RlSpec.Runtime.Optimization.Hosting;
using RlSpec.Runtime.Optimization.Methods;
using RlSpec.Runtime.Optimization.Schedules;
using Xunit;

namespace RlSpec.Tests.Compiler.Experiments;

/// <summary>
/// The compiler's table of first-order methods agrees with the runtime's structs: each entry's type exists in
/// RlSpec.Runtime.Optimization.Methods, is a public generic struct implementing IFirstOrderMethod, and has a public
/// constructor taking (the SaddleAlgorithm,) the step as the table says (a StepSchedule, a double, or none), the
/// table's parameters in order (snake_case in .rlspec, camelCase in C#; 0/1 flags as bool) (and the entropic flag);
/// every runtime method struct is in the table.
/// </summary>
public class OptimizationAlgorithmTableTests
{
    public static TheoryData<string> Names() => new(OptimizationAlgorithms.Names);

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_entry_matches_its_runtime_struct(string name)
    {
        Assert.True(OptimizationAlgorithms.TryGet(name, out var entry));
        var open = typeof(GradientDescent<>).Assembly.GetType($"{OptimizationAlgorithms.RuntimeNamespace}.{entry.TypeName}`1");
        Assert.True(open != null, $"{name}: no generic type {entry.TypeName}<TProblem> in {OptimizationAlgorithms.RuntimeNamespace}");
        Assert.True(open!.IsValueType && open.IsPublic, $"{open} must be a public struct");
        var type = open.MakeGenericType(typeof(BoxedProblem));
        Assert.Contains(typeof(IFirstOrderMethod<BoxedProblem>), type.GetInterfaces());
        var expected = new System.Collections.Generic.List<(string, Type)>();
        if (entry.Leading != null) expected.Add(("algorithm", typeof(SaddleAlgorithm)));
        if (entry.Step == StepForm.Schedule) expected.Add(("step", typeof(StepSchedule)));
        if (entry.Step == StepForm.Plain) expected.Add(("step", typeof(double)));
        foreach (var p in entry.Parameters)
            expected.Add((Camel(p.Name), p.Name is "normalized" or "accelerated" ? typeof(bool) : p.Type == AlgorithmParameterType.Int ? typeof(int) : typeof(double)));
        if (entry.Leading != null) expected.Add(("entropic", typeof(bool)));
        var constructors = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        Assert.True(constructors.Any(c => c.GetParameters().Select(p => (p.Name!, p.ParameterType)).SequenceEqual(expected)),
            $"{entry.TypeName} has no public constructor ({string.Join(", ", expected.Select(e => $"{e.Item2.Name} {e.Item1}"))}); it has: " +
            string.Join("; ", constructors.Select(c => "(" + string.Join(", ", c.GetParameters().Select(p => $"{p.ParameterType.Name} {p.Name}")) + ")")));
        if (entry.Leading != null) Assert.True(Enum.IsDefined(typeof(SaddleAlgorithm), entry.Leading), entry.Leading);
    }

    [Fact]
    public void Every_runtime_method_is_in_the_table()
    {
        var runtime = typeof(GradientDescent<>).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.IsValueType && t.IsGenericTypeDefinition && t.Namespace == OptimizationAlgorithms.RuntimeNamespace)
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IFirstOrderMethod<>)))
            .Select(t => t.Name[..t.Name.IndexOf('`')]).OrderBy(n => n);
        Assert.Equal(runtime, OptimizationAlgorithms.All.Select(a => a.TypeName).Distinct().OrderBy(n => n));
    }

    [Fact]
    public void The_schedules_are_the_runtime_factories()
    {
        foreach (var (word, factory) in OptimizationAlgorithms.Schedules)
        {
            Assert.NotNull(typeof(StepSchedule).GetMethod(factory, BindingFlags.Public | BindingFlags.Static));
            Assert.True(Enum.TryParse<ScheduleKind>(factory, out _), word);
        }
        Assert.Equal(Enum.GetValues<ScheduleKind>().Length, OptimizationAlgorithms.Schedules.Count);
    }

    private static string Camel(string snake)
    {
        var parts = snake.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
