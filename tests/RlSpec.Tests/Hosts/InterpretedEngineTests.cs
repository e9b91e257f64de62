using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RlSpec.Cli.Hosting;
using RlSpec.Cli.Hosting.Interpreted;
using RlSpec.Compiler;
using RlSpec.Compiler.Kinds.Mdp.Ir;
using RlSpec.Runtime.Hosting;
using RlSpec.Runtime.Mdp;
using RlSpec.Runtime.Solvers;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Hosts;

/// <summary>
/// The interpreted engine (issue 11) against the compiled one: on every example mdp the interpreter either
/// declines or gives exactly the compiled model's sparse form (the same rows, successors and bit-identical
/// probabilities and rewards), hence bit-identical values and policy from the same solver.
/// </summary>
public class InterpretedEngineTests
{
    public static TheoryData<string> ExampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Paths.Examples, "*.rlspec", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(Paths.Examples, f).Replace('\\', '/'));
        return data;
    }

    /// <summary>Examples the interpreter must accept (so the differential test cannot pass by declining everything).</summary>
    private static readonly string[] MustInterpret = { "forest.rlspec", "chain.rlspec", "river-swim.rlspec", "river-swim-discounted.rlspec", "gridworld.rlspec", "machine-replacement.rlspec" };

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Interpreter_matches_the_compiled_model_or_declines(string file)
    {
        var (result, irs) = RlSpecCompiler.CompileWithIr("examples/" + file, File.ReadAllText(Path.Combine(Paths.Examples, file)));
        if (result.HasErrors) return; // examples/mistakes: nothing to run
        int interpreted = 0;
        foreach (var model in result.Models.Where(m => m.Kind == "mdp"))
        {
            var ir = (MdpIr)irs[model.Name];
            if (MdpInterpreter.Work(ir) > 2_000_000) continue;
            var sparse = MdpInterpreter.TryBuild(ir, out var declined);
            if (sparse is null)
            {
                Console.WriteLine($"declined {file} {model.Name}: {declined}");
                Assert.False(MustInterpret.Contains(file), $"{file}: the interpreter declined: {declined}");
                continue;
            }
            interpreted++;
            Console.WriteLine($"interpreted {file} {model.Name}: {ir.StateCount} states");
            var host = InMemoryModelCompiler.Load(model).MdpHost!;
            // The interpreter accepts only models the compiled engine validates without findings.
            Assert.Empty(host.Validate());
            var compiled = CompiledSparse(host);
            AssertSame(compiled, sparse.Value, file);
            var a = MdpSolver.Solve(in compiled, new SolverOptions());
            var sv = sparse.Value;
            var b = MdpSolver.Solve(in sv, new SolverOptions());
            Assert.Equal(a.Policy, b.Policy);
            Assert.Equal(a.Values.Select(BitConverter.DoubleToInt64Bits), b.Values.Select(BitConverter.DoubleToInt64Bits));
            // The CLI's compiled engine solves the matrix-free model: the same policy, values within both certified bounds.
            var free = host.Solve(new SolverOptions());
            Assert.Equal(free.Policy, b.Policy);
            for (int s = 0; s < free.Values.Length; s++)
                Assert.True(Math.Abs(free.Values[s] - b.Values[s]) <= free.ErrorBound + b.ErrorBound + 1e-12 * Math.Max(1, Math.Abs(b.Values[s])),
                    $"{file} state {s}: {free.Values[s]} vs {b.Values[s]}");
        }
        if (MustInterpret.Contains(file)) Assert.True(interpreted > 0);
    }

    /// <summary>A model with a successor out of range: the interpreter declines, so the compiled engine reports it.</summary>
    [Fact]
    public void A_successor_out_of_range_is_declined_and_the_compiled_engine_reports_it()
    {
        const string text = @"
mdp Off {
  state x in 0..3
  action go
  discount 0.9
  go: x' = x + 1
  reward go: 1
}";
        var (result, irs) = RlSpecCompiler.CompileWithIr("off.rlspec", text);
        Assert.False(result.HasErrors);
        var ir = (MdpIr)irs["Off"];
        Assert.Null(Unsupported(ir));
        Assert.Null(MdpInterpreter.TryBuild(ir, out var declined));
        Assert.Contains("outside its range", declined);
        var host = InMemoryModelCompiler.Load(Assert.Single(result.Models)).MdpHost!;
        Assert.NotEmpty(host.Validate());
    }

    /// <summary>The same model in range is interpreted: the test above fails for the range, not for the model.</summary>
    [Fact]
    public void The_same_model_in_range_is_interpreted()
    {
        const string text = @"
mdp On {
  state x in 0..3
  action go
  discount 0.9
  go: x' = min(x + 1, 3)
  reward go: 1
}";
        var (result, irs) = RlSpecCompiler.CompileWithIr("on.rlspec", text);
        var sparse = MdpInterpreter.TryBuild((MdpIr)irs["On"], out var declined);
        Assert.True(sparse is not null, declined);
        var host = InMemoryModelCompiler.Load(Assert.Single(result.Models)).MdpHost!;
        AssertSame(CompiledSparse(host), sparse!.Value, "on.rlspec");
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = RlSpec.Cli.Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Everything but the line with the method's bound and time, which differ in rounding and speed.</summary>
    private static string[] Table(string text) => text.Split('\n').Where(l => !l.StartsWith("method ", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void Cli_interprets_forest_without_the_csharp_compiler_and_prints_the_compiled_table()
    {
        var path = Path.Combine(Paths.Examples, "forest.rlspec");
        int before = InMemoryModelCompiler.CompilationsOnThisThread;
        var interpreted = Run("solve", path, "--no-cache");
        Assert.Equal(before, InMemoryModelCompiler.CompilationsOnThisThread);
        var compiled = Run("solve", path, "--no-cache", "--engine", "compiled");
        Assert.Equal(before + 1, InMemoryModelCompiler.CompilationsOnThisThread);
        Assert.Equal(0, interpreted.Code);
        Assert.Equal(0, compiled.Code);
        Assert.Equal(Table(compiled.Out), Table(interpreted.Out));
        Assert.Contains("74.6496", interpreted.Out);
    }

    [Fact]
    public void Cli_reports_a_successor_out_of_range_the_same_through_both_engines()
    {
        var path = Path.Combine(Path.GetTempPath(), "rlspec-r1-off-" + Guid.NewGuid().ToString("N") + ".rlspec");
        File.WriteAllText(path, "mdp Off {\n  state x in 0..3\n  action go\n  discount 0.9\n  go: x' = x + 1\n  reward go: 1\n}\n");
        try
        {
            var interpreted = Run("solve", path, "--engine", "interpreted");
            var compiled = Run("solve", path, "--engine", "compiled");
            Assert.NotEqual(0, compiled.Code);
            Assert.Contains("x", compiled.Err);
            Assert.Equal(compiled.Code, interpreted.Code);
            Assert.Equal(compiled.Err, interpreted.Err);
            Assert.Equal(compiled.Out, interpreted.Out);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string? Unsupported(MdpIr ir) => MdpInterpreter.Unsupported(ir);

    private static SparseMdp CompiledSparse(IMdpHost host)
    {
        var model = host.GetType().GetProperty("Model")!.GetValue(host)!;
        var from = typeof(SparseMdp).GetMethod(nameof(SparseMdp.From))!.MakeGenericMethod(model.GetType());
        return (SparseMdp)from.Invoke(null, new[] { model })!;
    }

    private static void AssertSame(SparseMdp expected, SparseMdp actual, string file)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Criterion, actual.Criterion);
        Assert.Equal(expected.StateCount, actual.StateCount);
        Assert.Equal(expected.ActionCount, actual.ActionCount);
        Assert.Equal(expected.RowGroupStart.ToArray(), actual.RowGroupStart.ToArray());
        Assert.Equal(expected.RowActions.ToArray(), actual.RowActions.ToArray());
        Assert.Equal(expected.RowStart.ToArray(), actual.RowStart.ToArray());
        Assert.Equal(expected.Columns.ToArray(), actual.Columns.ToArray());
        Assert.True(Bits(expected.Probabilities).SequenceEqual(Bits(actual.Probabilities)), file + ": probabilities differ");
        Assert.True(Bits(expected.RowRewards).SequenceEqual(Bits(actual.RowRewards)), file + ": rewards differ");
        for (int s = 0; s < expected.StateCount; s++)
        {
            Assert.Equal(expected.IsTerminal(s), actual.IsTerminal(s));
            Assert.Equal(expected.StateLabel(s), actual.StateLabel(s));
        }
        for (int a = 0; a < expected.ActionCount; a++) Assert.Equal(expected.ActionName(a), actual.ActionName(a));
        Assert.Equal(Initial(expected), Initial(actual));
    }

    private static long[] Bits(ReadOnlySpan<double> xs)
    {
        var bits = new long[xs.Length];
        for (int k = 0; k < xs.Length; k++) bits[k] = BitConverter.DoubleToInt64Bits(xs[k]);
        return bits;
    }

    private static List<(int, long)> Initial(SparseMdp m)
    {
        var list = new List<(int, long)>();
        var visitor = new Collect(list);
        m.Initial(ref visitor);
        return list;
    }

    private readonly struct Collect(List<(int, long)> list) : ITransitionVisitor
    {
        public static bool Validating => false;
        public void Outcome(int next, double probability, double reward) => list.Add((next, BitConverter.DoubleToInt64Bits(probability)));
        public void BeginRule(int rule) { }
        public void OutOfRange(int variable, long value, double probability) { }
        public void NoMatchingRule() { }
    }
}
