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
/// The interpreted engine (issue 11) against the compiled one: every example mdp is interpreted and gives exactly
/// the compiled model's sparse form (the same rows, successors and bit-identical probabilities and rewards),
/// hence bit-identical values and policy from the same solver; bad models give the same validator findings
/// (id, message, location) through both engines; generated models (the fuzzer's tame models) agree too.
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

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Interpreter_matches_the_compiled_model_on_every_example(string file)
    {
        var (result, irs) = RlSpecCompiler.CompileWithIr("examples/" + file, File.ReadAllText(Path.Combine(Paths.Examples, file)));
        if (result.HasErrors) return; // examples/mistakes: nothing to run
        foreach (var model in result.Models.Where(m => m.Kind == "mdp"))
        {
            var ir = (MdpIr)irs[model.Name];
            var interpreted = MdpInterpreter.TryBuild(ir, out var declined);
            Assert.True(interpreted is not null, $"{file}: the interpreter declined {model.Name}: {declined}");
            Console.WriteLine($"interpreted {file} {model.Name}: {ir.StateCount} states");
            var host = InMemoryModelCompiler.Load(model).MdpHost!;
            Assert.Empty(host.Validate());
            Assert.Empty(interpreted!.Errors);
            if (interpreted.Sparse is not { } sv)
            {
                // Reads the step t: solved on the interpreted model itself, against the compiled model's solve.
                var x = host.Solve(new SolverOptions());
                var y = new InterpretedMdpHost(interpreted).Solve(new SolverOptions());
                Assert.Equal(x.Policy, y.Policy);
                Assert.Equal(x.Values.Select(BitConverter.DoubleToInt64Bits), y.Values.Select(BitConverter.DoubleToInt64Bits));
                continue;
            }
            var compiled = CompiledSparse(host);
            AssertSame(compiled, sv, file);
            var a = MdpSolver.Solve(in compiled, new SolverOptions());
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
    }

    /// <summary>
    /// Bad models: the interpreter reports what the compiled model's validator reports, finding for finding (id,
    /// message, location, state, action). Each case must have findings, so the test cannot pass on two empty lists.
    /// </summary>
    [Theory]
    [InlineData("successor out of range", "state x in 0..3\n  action go\n  discount 0.9\n  go: x' = x + 1\n  reward go: 1")]
    [InlineData("probabilities not summing to 1", "state x in 0..3\n  action go\n  discount 0.9\n  go: x' = min(x + 1, 3) @ 0.5 | stay @ 0.4 + 0.1 * x\n  reward go: 1")]
    [InlineData("negative probability", "state x in 0..3\n  action go\n  discount 0.9\n  go: x' = min(x + 1, 3) @ 1.0 + 0.1 * x | stay @ -0.1 * x\n  reward go: 1")]
    [InlineData("NaN reward from log", "state x in 0..3\n  action go\n  discount 0.9\n  go: x' = min(x + 1, 3)\n  reward go: log(1.0 * x) - log(1.0 * x)")]
    [InlineData("infinite reward from division by zero", "state x in 0..3\n  action go\n  discount 0.9\n  go: x' = min(x + 1, 3)\n  reward go: 1 / x")]
    [InlineData("remainder by zero", "state x in 0..3\n  action go\n  discount 0.9\n  go: x' = min(x + 1, 3)\n  reward go: 7 % x")]
    [InlineData("index out of range", "let l = [1.0, 2.0]\n  state x in 0..3\n  action go\n  discount 0.9\n  go: x' = min(x + 1, 3)\n  reward go: l[x]")]
    [InlineData("integer overflow", "param big = 1000000000\n  state x in 0..3\n  action go\n  discount 0.9\n  go: x' = min(x + 1, 3)\n  reward go: x * big")]
    [InlineData("no rule matches", "state x in 0..3\n  action go\n  discount 0.9\n  go when x < 2: x' = x + 1\n  reward go: 1")]
    [InlineData("no enabled action", "state x in 0..3\n  action go when x < 3\n  discount 0.9\n  go: x' = x + 1\n  reward go: 1")]
    [InlineData("random successor out of range", "state x in 0..3, y in 0..3\n  action go(m in 0..1)\n  discount 0.9\n  let d ~ poisson(1.0) clamped 0..3\n  let e ~ uniform(0, 2)\n  go(m): x' = min(x + d, 3), y' = y + e + m\n  reward go(m): d - m")]
    [InlineData("initial state out of range", "state x in 0..3\n  action go\n  discount 0.9\n  let d ~ uniform(0, 4)\n  init x = d\n  go: x' = min(x + 1, 3)\n  reward go: 1")]
    public void Both_engines_report_the_same_model_errors(string what, string body)
    {
        var text = "mdp Bad {\n  " + body + "\n}\n";
        var (result, irs) = RlSpecCompiler.CompileWithIr("bad.rlspec", text);
        Assert.False(result.HasErrors, what + ": " + string.Join("; ", result.Diagnostics.Select(d => d.Message)));
        var compiled = InMemoryModelCompiler.Load(Assert.Single(result.Models)).MdpHost!.Validate();
        var interpreted = MdpInterpreter.TryBuild((MdpIr)irs["Bad"], out var declined);
        Assert.True(interpreted is not null, $"{what}: declined: {declined}");
        Assert.NotEmpty(compiled);
        Assert.True(compiled.Select(e => e.ToString()).SequenceEqual(interpreted!.Errors.Select(e => e.ToString())),
            $"{what}:\ncompiled:\n{string.Join("\n", compiled)}\ninterpreted:\n{string.Join("\n", interpreted.Errors)}");
        Assert.Equal(compiled, interpreted.Errors);
        // The host refuses to solve it with the same exception the compiled solve throws.
        var ex = Assert.Throws<MdpSolverException>(() => new InterpretedMdpHost(interpreted).Solve(new SolverOptions()));
        Assert.Equal(SolverErrorIds.InvalidModel, ex.Id);
    }

    /// <summary>
    /// Random models from the fuzzer's generator (tame: small, meant to compile): each one the interpreter takes gives
    /// the compiled model's validator findings, and for a valid stationary one the compiled model's sparse form exactly.
    /// </summary>
    [Fact]
    public void Generated_models_agree_through_both_engines()
    {
        var options = new RlSpec.Tests.Fuzzing.ModelGenerator.Options(Tame: true, CollidingNames: false, MaxDepth: 10);
        var random = new Random(11);
        int compared = 0, sparse = 0;
        var declines = new List<string>();
        for (int n = 0; n < 400 && compared < 30; n++)
        {
            var data = new uint[300];
            for (int k = 0; k < data.Length; k++) data[k] = (uint)random.NextInt64(0, 1L << 32);
            var text = RlSpec.Tests.Fuzzing.ModelGenerator.Write(data, options);
            var (result, irs) = RlSpecCompiler.CompileWithIr("gen.rlspec", text);
            if (result.HasErrors) continue;
            foreach (var model in result.Models.Where(m => m.Kind == "mdp"))
            {
                var ir = (MdpIr)irs[model.Name];
                if (ir.StateCount * ir.ActionCount > 5000) continue;
                var interpreted = MdpInterpreter.TryBuild(ir, out var declined);
                if (interpreted is null)
                {
                    declines.Add(declined!);
                    continue;
                }
                var loaded = InMemoryModelCompiler.Load(model);
                if (loaded.MdpHost is null) continue;
                var host = loaded.MdpHost;
                Assert.True(host.Validate().Select(e => e.ToString()).SequenceEqual(interpreted.Errors.Select(e => e.ToString())),
                    "validator findings differ on:\n" + text + "\ncompiled:\n" + string.Join("\n", host.Validate()) + "\ninterpreted:\n" + string.Join("\n", interpreted.Errors));
                compared++;
                if (interpreted.Sparse is { } sv)
                {
                    AssertSame(CompiledSparse(host), sv, "generated:\n" + text);
                    sparse++;
                }
            }
        }
        Console.WriteLine($"{compared} generated models compared, {sparse} sparse; declined: {string.Join("; ", declines.Distinct())}");
        Assert.True(compared >= 10, $"only {compared} generated models compared; declined: {string.Join("; ", declines.Distinct())}");
        Assert.True(sparse >= 5, $"only {sparse} generated models were valid and stationary");
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
        var interpreted = MdpInterpreter.TryBuild((MdpIr)irs["On"], out var declined);
        Assert.True(interpreted?.Sparse is not null, declined);
        var host = InMemoryModelCompiler.Load(Assert.Single(result.Models)).MdpHost!;
        AssertSame(CompiledSparse(host), interpreted!.Sparse!.Value, "on.rlspec");
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

    /// <summary>Random variables, folding and an action family through the CLI: auto interprets car-rental (no Roslyn) and prints the compiled engine's table.</summary>
    [Fact]
    public void Cli_interprets_car_rental_without_the_csharp_compiler_and_prints_the_compiled_table()
    {
        var path = Path.Combine(Paths.Examples, "car-rental.rlspec");
        int before = InMemoryModelCompiler.CompilationsOnThisThread;
        var interpreted = Run("solve", path, "--no-cache");
        Assert.Equal(before, InMemoryModelCompiler.CompilationsOnThisThread);
        var compiled = Run("solve", path, "--no-cache", "--engine", "compiled");
        Assert.Equal(before + 1, InMemoryModelCompiler.CompilationsOnThisThread);
        Assert.Equal(0, interpreted.Code);
        Assert.Equal(0, compiled.Code);
        Assert.Equal(Table(compiled.Out), Table(interpreted.Out));
        Assert.Contains("move(", interpreted.Out);
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
