using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using RlSpec.Cli;
using RlSpec.Cli.Hosting;
using RlSpec.Compiler;
using RlSpec.Runtime.Hosting;
using RlSpec.Runtime.Solvers;
using Xunit;

namespace RlSpec.Tests.Compiler;

/// <summary>
/// Arithmetic the emitter writes itself (range sizes, action offsets, loop ends, supports), at the edges
/// of the 32-bit integers, in every host: the compiler API, the CLI (also with -p), and the generated
/// <c>Create</c>. Each gives the right answer or an error with its id; none wraps, hangs or crashes (issue 6).
/// </summary>
public class EmittedArithmeticEdgeTests
{
    private static (int Code, string Out, string Err) Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Run(args, output, error);
        // Diagnostics go to stdout for `check` and to stderr for `solve`: the tests read both.
        return (code, output.ToString(), error.ToString() + output.ToString());
    }

    private static string Write(string text)
    {
        var dir = Path.Combine(Path.GetTempPath(), "rlspec-edges-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "edge.rlspec");
        File.WriteAllText(path, text);
        return path;
    }

    private static IMdpHost Load(string text)
    {
        var result = RlSpecCompiler.Compile("edge.rlspec", text);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        var loaded = InMemoryModelCompiler.Load(Assert.Single(result.Models));
        Assert.True(loaded.MdpHost != null, string.Join("\n", loaded.Errors));
        return loaded.MdpHost!;
    }

    /// <summary>Calls the generated <c>Create</c> of the host's model with these arguments; returns what it threw (null if nothing).</summary>
    private static Exception? Create(IMdpHost host, params object[] args)
    {
        var modelType = host.GetType().GetProperty("Model")!.PropertyType;
        var create = modelType.GetMethod("Create", BindingFlags.Public | BindingFlags.Static)!;
        try
        {
            create.Invoke(null, args);
            return null;
        }
        catch (TargetInvocationException ex)
        {
            return ex.InnerException;
        }
    }

    private static double[] JsonValues(string output) =>
        JsonDocument.Parse(output).RootElement.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();

    [Fact]
    public void A_sum_whose_index_ends_at_int_MaxValue_stops_there()
    {
        // `for (i = lo; i <= 2147483647; i++)` never ended (i++ wraps to -2147483648). 48 terms of 1: V = 48/(1 − 0.9).
        const string text = "mdp Edge {\n  state s in 0..1\n  action go\n  init s = 0\n  discount 0.9\n  go: stay\n  reward: sum(i in 2147483600..2147483647, 1.0)\n}\n";
        var solution = Load(text).Solve();
        Assert.All(solution.Values, v => Assert.True(Math.Abs(v - 480) <= solution.ErrorBound + 1e-12, $"{v}"));
        var (code, output, error) = Cli("solve", Write(text), "--format", "json");
        Assert.True(code == 0, error);
        Assert.All(JsonValues(output), v => Assert.Equal(480, v, 1e-9));
    }

    [Fact]
    public void A_sum_bounded_by_parameters_set_to_int_MaxValue_with_p_stops_there()
    {
        const string text = "mdp Edge {\n  param N = 0, M = 3\n  state s in 0..1\n  action go\n  init s = 0\n  discount 0.9\n  go: stay\n  reward: sum(i in N..M, 1.0)\n}\n";
        var (code, output, error) = Cli("solve", Write(text), "-p", "N=2147483640", "-p", "M=2147483647", "--format", "json");
        Assert.True(code == 0, error);
        Assert.All(JsonValues(output), v => Assert.Equal(80, v, 1e-9)); // 8 terms
        // The generated Create either computes the same or refuses M outside its proven envelope, by name.
        var host = Load(text);
        var thrown = Create(host, 2147483640, int.MaxValue);
        if (thrown is not null)
        {
            var refused = Assert.IsType<ArgumentOutOfRangeException>(thrown);
            Assert.Contains(refused.ParamName, new[] { "N", "M" });
        }
    }

    [Fact]
    public void A_random_variable_whose_support_ends_at_int_MaxValue_is_enumerated_once()
    {
        // The outcome loop ran `for (d = Lo; d <= Hi; d++)` with Hi = 2147483647: it never ended.
        // P(d >= 2147483646) = 2/8; with reward 1 in s = 1: m = 0.25 + 0.9 m, V(0) = 0.9 m = 2.25, V(1) = 3.25.
        const string text = "mdp Edge {\n  state s in 0..1\n  action go\n  init s = 0\n  discount 0.9\n" +
                            "  let d ~ uniform(2147483640, 2147483647)\n  go: s' = if d >= 2147483646 then 1 else 0\n  reward when s == 1: 1\n}\n";
        var host = Load(text);
        Assert.Empty(host.Validate());
        var solution = host.Solve();
        Assert.Equal(2.25, solution.Values[0], 1e-9);
        Assert.Equal(3.25, solution.Values[1], 1e-9);
        var (code, output, error) = Cli("solve", Write(text), "--format", "json");
        Assert.True(code == 0, error);
        Assert.Equal(new[] { 2.25, 3.25 }, JsonValues(output).Select(v => Math.Round(v, 9)).ToArray());
    }

    [Fact]
    public void A_range_of_more_than_int_MaxValue_values_is_refused_by_its_size_not_called_empty()
    {
        const string text = "mdp Edge {\n  param N = 3\n  state s in 0..N\n  action go\n  init s = 0\n  discount 0.9\n  go: stay\n  reward: 1\n}\n";
        // CLI: the compiler's own check.
        var (code, _, error) = Cli("solve", Write(text), "-p", "N=2147483647");
        Assert.Equal(ExitCodes.ModelErrors, code);
        Assert.Contains("RLS0207", error);
        // Generated Create: N - 0 + 1 wrapped to -2147483648 and was reported as an empty range.
        var host = Load(text);
        var tooLarge = Assert.IsType<ArgumentOutOfRangeException>(Create(host, int.MaxValue));
        Assert.Contains("RLS0207", tooLarge.Message);
        Assert.Contains("2147483648 values", tooLarge.Message);
        Assert.DoesNotContain("empty", tooLarge.Message);
        var empty = Assert.IsType<ArgumentOutOfRangeException>(Create(host, -1));
        Assert.Contains("RLS0206", empty.Message);
        Assert.Null(Create(host, 5));
    }

    [Fact]
    public void A_range_spanning_all_ints_is_refused_by_its_size()
    {
        const string text = "mdp Edge {\n  param L = 0, N = 3\n  state s in L..N\n  action go\n  init s = N\n  discount 0.9\n  go: stay\n  reward: 1\n}\n";
        var (code, _, error) = Cli("check", Write(text), "-p", "L=-2147483648", "-p", "N=2147483647");
        Assert.Equal(ExitCodes.ModelErrors, code);
        Assert.Contains("RLS0207", error);
        var thrown = Assert.IsType<ArgumentOutOfRangeException>(Create(Load(text), int.MinValue, int.MaxValue));
        Assert.True(thrown.Message.Contains("RLS0207") || thrown.ParamName == "L", thrown.Message);
        Assert.DoesNotContain("empty", thrown.Message);
    }

    [Fact]
    public void An_action_family_past_the_action_limit_is_refused_with_the_count()
    {
        const string text = "mdp Edge {\n  param N = 3\n  state s in 0..1\n  action move(m in 0..N)\n  init s = 0\n  discount 0.9\n  move(m): stay\n  reward: 1\n}\n";
        var (code, _, error) = Cli("check", Write(text), "-p", "N=2147483647");
        Assert.Equal(ExitCodes.ModelErrors, code);
        Assert.Contains("RLS0207", error);
        // Generated Create: the action count N - 0 + 1 wrapped to a negative number.
        var thrown = Assert.IsType<ArgumentOutOfRangeException>(Create(Load(text), int.MaxValue));
        Assert.Contains("RLS0207", thrown.Message);
        Assert.Contains("1,000,000", thrown.Message);
    }

    [Fact]
    public void A_distribution_over_too_many_values_is_refused_with_its_id()
    {
        const string text = "mdp Edge {\n  param N = 3\n  state s in 0..1\n  action go\n  init s = 0\n  discount 0.9\n" +
                            "  let d ~ uniform(0, N)\n  go: s' = if d == 0 then 1 else 0\n  reward: 1\n}\n";
        var (code, _, error) = Cli("check", Write(text), "-p", "N=2147483647");
        Assert.Equal(ExitCodes.ModelErrors, code);
        Assert.Contains("RLS0220", error);
        // Generated Create: the pmf's length hi - lo + 1 wrapped (an OverflowException from the array allocation).
        var thrown = Assert.IsType<ArgumentOutOfRangeException>(Create(Load(text), int.MaxValue));
        Assert.Contains("RLS0220", thrown.Message);
    }

    [Fact]
    public void A_constant_sum_of_2147483648_terms_is_a_diagnostic_not_a_hang()
    {
        const string text = "mdp Edge {\n  state s in 0..1\n  action go\n  init s = 0\n  discount 0.9\n  let t = sum(i in 0..2147483647, 1)\n  go: stay\n  reward: t\n}\n";
        var started = DateTime.UtcNow;
        var result = RlSpecCompiler.Compile("edge.rlspec", text);
        var d = Assert.Single(result.Diagnostics, x => x.Id == "RLS0224");
        Assert.Equal(6, d.Span.Line);
        var (code, _, error) = Cli("check", Write(text));
        Assert.Equal(ExitCodes.ModelErrors, code);
        Assert.Contains("RLS0224", error);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void The_mean_of_a_uniform_reward_near_int_MaxValue_is_taken_in_doubles()
    {
        // The emitted mean (lo + hi) / 2.0 added two ints: 2147483640 + 2147483647 wrapped to -9, a mean of -4.5.
        const string text = "mdp Edge {\n  state s in 0..1\n  action go\n  init s = 0\n  discount 0.9\n  go: stay\n  reward: uniform(2147483640, 2147483647)\n}\n";
        var solution = Load(text).Solve();
        Assert.All(solution.Values, v => Assert.Equal(2147483643.5 / (1 - 0.9), v, 1e-3));
        var (code, output, error) = Cli("solve", Write(text), "--format", "json");
        Assert.True(code == 0, error);
        Assert.All(JsonValues(output), v => Assert.Equal(2147483643.5 / (1 - 0.9), v, 1e-3));
    }
}
