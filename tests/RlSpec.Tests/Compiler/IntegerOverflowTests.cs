using System;
using System.IO;
using System.Linq;
using System.Reflection;
using RlSpec.Cli;
using RlSpec.Cli.Hosting;
using RlSpec.Compiler;
using RlSpec.Runtime.Hosting;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Compiler;

/// <summary>
/// Integers are 32-bit. The constant folder reports overflow at compile time (RLS0227); in emitted code
/// the interval analysis leaves provably safe operations plain and checks the rest, which report the
/// expression and the state through the validator (RLS0308) instead of wrapping in silence.
/// </summary>
public class IntegerOverflowTests
{
    private static string Emit(string text)
    {
        var result = RlSpecCompiler.Compile("overflow.rlspec", text);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        return Assert.Single(result.Models).Source;
    }

    private static IMdpHost Load(string text)
    {
        var model = Assert.Single(RlSpecCompiler.Compile("overflow.rlspec", text).Models);
        var loaded = InMemoryModelCompiler.Load(model);
        Assert.True(loaded.MdpHost != null, string.Join("\n", loaded.Errors));
        return loaded.MdpHost!;
    }

    private static (int Code, string Out, string Err) RunCli(string text, params string[] args)
    {
        var dir = Path.Combine(Path.GetTempPath(), "rlspec-overflow-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var file = Path.Combine(dir, "overflow.rlspec");
            File.WriteAllText(file, text);
            var output = new StringWriter();
            var error = new StringWriter();
            int code = Program.Run(args.Select(a => a == "FILE" ? file : a).ToArray(), output, error);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private const string SquareReward = @"
mdp Square {
  param N = 100000
  state s in 0..3
  action a
  discount 0.5
  a: s' = s
  reward a: N * N
}";

    private const string CubeReward = @"
mdp Cube {
  state s in 0..2000
  action a
  discount 0.5
  a: s' = s
  reward a: s * s * s
}";

    private const string RemainderLet = @"
mdp Remainder {
  param N = 1000
  let k = (N * N) % 7
  state s in 0..3
  action a
  discount 0.5
  a: s' = s
  reward a: k
}";

    [Fact]
    public void The_constant_folder_reports_overflow_with_the_expression_and_its_operands()
    {
        // 1000 * 1000 % 7 = 1 fits; with N = 100000, N * N = 1e10 does not fit in 32 bits (it wrapped to
        // 1410065408, whose remainder by 7 is 3, while 1e10 % 7 = 4).
        var ok = RlSpecCompiler.Compile("overflow.rlspec", RemainderLet);
        Assert.False(ok.HasErrors);
        var result = RlSpecCompiler.Compile("overflow.rlspec", RemainderLet, new System.Collections.Generic.Dictionary<string, string> { ["N"] = "100000" });
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("RLS0227", error.Id);
        Assert.Equal("integer overflow in N * N (100000 * 100000); use a real (write 100000.0) or smaller values", error.Message);
        Assert.Equal((4, 12), (error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void The_constant_folder_checks_powers_sums_and_negation()
    {
        string Message(string let) =>
            Assert.Single(RlSpecCompiler.Compile("m.rlspec", $"mdp M {{\n  let k = {let}\n  state s in 0..1\n  action a\n  discount 0.5\n  a: stay\n  reward: k\n}}").Diagnostics, d => d.IsError).Message;
        Assert.StartsWith("integer overflow in 2 ^ 31 (2 ^ 31)", Message("2 ^ 31"));
        Assert.StartsWith("integer overflow in sum(i in 1..100000, i) (the sum reaches", Message("sum(i in 1..100000, i)"));
        Assert.StartsWith("integer overflow in -(-2147483647 - 1)", Message("-(-2147483647 - 1)"));
        Assert.StartsWith("integer overflow in floor(1E+20) (1E+20 is outside the 32-bit integers)", Message("floor(1e20)"));
        // (-1) ^ 2147483647 must neither overflow nor loop two billion times.
        Assert.Empty(RlSpecCompiler.Compile("m.rlspec", "mdp M {\n  let k = (-1) ^ 2147483647\n  state s in 0..1\n  action a\n  discount 0.5\n  a: stay\n  reward: k\n}").Diagnostics);
    }

    [Fact]
    public void A_provably_safe_successor_gets_no_check()
    {
        var source = Emit(@"
mdp Walk {
  param N = 100
  state s in 0..N-1
  action a
  discount 0.5
  a: s' = min(s + 1, N - 1)
  reward a: s * s
}");
        Assert.DoesNotContain("CheckedArithmetic", source);
        Assert.Contains("Math.Min(s + 1, _N - 1)", source);
    }

    [Fact]
    public void Only_the_operation_that_can_overflow_is_checked()
    {
        var source = Emit(CubeReward);
        // s * s <= 4,000,000 is proven; (s * s) * s <= 8e9 is not.
        Assert.Contains("reward += global::RlSpec.Runtime.Modeling.CheckedArithmetic.Multiply(s * s, s, \"s * s * s\", 7, 13);", source);
        Assert.Single(source.Split('\n'), l => l.Contains("CheckedArithmetic"));
    }

    [Fact]
    public void An_overflow_at_run_time_is_a_model_error_naming_the_expression_and_the_state()
    {
        var errors = Load(CubeReward).Validate(maxErrors: 1);
        var e = Assert.Single(errors);
        Assert.Equal("RLS0308", e.Id);
        // 1290^3 = 2,146,689,000 fits; 1291^3 = 2,151,685,171 does not.
        Assert.Equal("(s=1291)", e.State);
        Assert.Contains("integer overflow in s * s * s (line 7): 1666681 * 1291 is outside the 32-bit integers", e.Message);
        Assert.Equal((7, 13), (e.Location!.Value.Line, e.Location.Value.Column));
    }

    [Fact]
    public void A_constant_reward_that_overflows_is_reported_before_the_solve_in_the_cli()
    {
        // Used to print 14100654080-ish values and exit 0.
        var (code, output, error) = RunCli(SquareReward, "solve", "FILE");
        Assert.NotEqual(0, code);
        var all = output + error;
        Assert.Contains("RLS0308", all);
        Assert.Contains("integer overflow in N * N (line 8): 100000 * 100000", all);
        Assert.Contains("overflow.rlspec(8,13): error RLS0308", all);
        Assert.Contains("(s=0)", all);
    }

    [Fact]
    public void The_cube_overflow_is_reported_by_the_cli_with_the_state()
    {
        var (code, output, error) = RunCli(CubeReward, "solve", "FILE");
        Assert.NotEqual(0, code);
        Assert.Contains("(s=1291)", output + error);
        Assert.Contains("s * s * s", output + error);
    }

    [Fact]
    public void The_folder_overflow_is_a_located_error_in_the_cli()
    {
        var (code, output, error) = RunCli(RemainderLet, "check", "FILE", "-p", "N=100000");
        Assert.Equal(1, code);
        Assert.Contains("overflow.rlspec(4,12): error RLS0227: integer overflow in N * N (100000 * 100000)", output + error);
    }

    [Fact]
    public void A_remainder_by_a_possibly_zero_divisor_names_the_expression()
    {
        var host = Load(@"
mdp Mod {
  state s in 0..3
  action a
  discount 0.5
  a: s' = s
  reward a: 10 % s
}");
        var e = host.Validate().First();
        Assert.Equal("RLS0307", e.Id);
        Assert.Equal("(s=0)", e.State);
        Assert.Contains("remainder by zero in 10 % s (line 7)", e.Message);
    }

    [Fact]
    public void Create_refuses_parameters_outside_the_proof_and_accepts_those_inside()
    {
        // s * s is proven for N = 100; the proof is widened by powers of two while s * s stays below 2^31.
        var host = Load(@"
mdp Grow {
  param N = 100
  state s in 0..N
  action a
  discount 0.5
  a: s' = s
  reward a: s * s
}");
        Assert.Empty(host.Validate());
        var type = host.GetType().GetProperty("Model")!.GetValue(host)!.GetType();
        var create = type.GetMethod("Create")!;
        create.Invoke(null, new object[] { 25600 });
        var refused = Assert.Throws<TargetInvocationException>(() => create.Invoke(null, new object[] { 100000 }));
        var inner = Assert.IsType<ArgumentOutOfRangeException>(refused.InnerException);
        Assert.Contains("proven free of overflow for N in 0..25600", inner.Message);
    }

    [Fact]
    public void The_examples_need_no_checks_in_their_transitions()
    {
        foreach (var file in Directory.GetFiles(Paths.Examples, "*.rlspec"))
        {
            var result = RlSpecCompiler.Compile(file, File.ReadAllText(file));
            foreach (var m in result.Models) Assert.DoesNotContain("CheckedArithmetic", m.Source);
        }
    }
}
