using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using RlSpec.Cli;
using RlSpec.Models;
using RlSpec.Runtime.Solvers;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Hosts;

/// <summary>The command line, run in-process: exit codes, diagnostics, text and the JSON contract (docs/cli.md).</summary>
public class CliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string Example(string name) => Path.Combine(Paths.Examples, name);

    [Fact]
    public void Check_of_a_good_model_succeeds()
    {
        var (code, output, _) = Run("check", Example("chain.rlspec"), Example("forest.rlspec"));
        Assert.Equal(0, code);
        Assert.Contains("no problems found", output);
    }

    [Fact]
    public void Check_of_a_bad_model_prints_canonical_diagnostics_and_fails()
    {
        var bad = Path.Combine(Paths.Tests, "Diagnostics", "Cases", "RLS0208-probabilities-do-not-sum-to-one.rlspec");
        var (code, output, _) = Run("check", bad);
        Assert.Equal(1, code);
        Assert.Matches(@"RLS0208-probabilities-do-not-sum-to-one\.rlspec\(6,3\): error RLS0208: ", output);
    }

    [Fact]
    public void Check_json_lists_diagnostics_with_positions()
    {
        var bad = Path.Combine(Paths.Tests, "Diagnostics", "Cases", "RLS0101-unknown-name.rlspec");
        var (code, output, _) = Run("check", bad, "--format", "json");
        Assert.Equal(1, code);
        var d = JsonDocument.Parse(output).RootElement.EnumerateArray().Single();
        Assert.Equal("RLS0101", d.GetProperty("id").GetString());
        Assert.Equal(7, d.GetProperty("line").GetInt32());
        Assert.Equal(26, d.GetProperty("column").GetInt32());
    }

    [Fact]
    public void Emit_prints_the_generated_struct()
    {
        var (code, output, _) = Run("emit", Example("river-swim.rlspec"));
        Assert.Equal(0, code);
        Assert.Contains("public readonly partial struct RiverSwim : global::RlSpec.Runtime.Mdp.IGenerativeMdp", output);
    }

    [Fact]
    public void Solve_text_shows_states_values_and_actions()
    {
        var (code, output, error) = Run("solve", Example("forest.rlspec"));
        Assert.True(code == 0, error);
        Assert.Contains("(age=2)", output);
        Assert.Contains("wait", output);
        Assert.Contains("certified error bound", output);
    }

    [Fact]
    public void Solve_json_agrees_with_the_generated_api()
    {
        // Values reach 1.7e4, where rounding alone keeps the bound near 4e-10: ask for 1e-9.
        var (code, output, error) = Run("solve", Example("river-swim-discounted.rlspec"), "--format", "json", "--method", "gs", "--tolerance", "1e-9");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("RiverSwimDiscounted", root.GetProperty("model").GetString());
        Assert.Equal("GaussSeidel", root.GetProperty("method").GetString());
        Assert.Equal("discounted", root.GetProperty("criterion").GetProperty("kind").GetString());
        var states = root.GetProperty("states").EnumerateArray().Select(e => e.GetString()).ToArray();
        var values = root.GetProperty("values").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var policy = root.GetProperty("policy").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.Equal(6, states.Length);
        Assert.Equal(states.Length, values.Length);
        Assert.Equal(states.Length, policy.Length);
        // The solver met its own target (no warning), and the bound is small next to the values.
        double bound = root.GetProperty("error_bound").GetDouble();
        Assert.Empty(root.GetProperty("warnings").EnumerateArray());
        Assert.True(bound > 0 && bound <= 1e-8 * values.Max(Math.Abs), $"error bound {bound}");
        Assert.True(root.GetProperty("iterations").GetInt32() > 0);
        Assert.True(root.TryGetProperty("seconds", out _));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("gain").ValueKind);
        // The same model through the source generator's typed API.
        // Both answers are certified: they may differ by at most the sum of the two bounds.
        var reference = MdpSolver.Solve(RiverSwimDiscounted.Create(), new SolverOptions { Method = SolverMethod.PolicyIteration });
        for (int s = 0; s < 6; s++)
        {
            Assert.Equal(reference.StateLabel(s), states[s]);
            Assert.True(Math.Abs(reference.Values[s] - values[s]) <= bound + reference.ErrorBound,
                $"{states[s]}: {values[s]:R} vs {reference.Values[s]:R}, bounds {bound:E2} + {reference.ErrorBound:E2}");
            Assert.Equal(reference.ActionName(reference.Policy[s]), policy[s]);
        }
    }

    [Fact]
    public void Solve_json_of_a_finite_horizon_model_has_a_policy_per_step()
    {
        var (code, output, error) = Run("solve", Example("river-swim.rlspec"), "--format", "json", "-p", "H=7");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(7, root.GetProperty("criterion").GetProperty("horizon").GetInt32());
        var steps = root.GetProperty("policy").EnumerateArray().ToArray();
        Assert.Equal(7, steps.Length);
        Assert.All(steps, s => Assert.Equal(6, s.GetArrayLength()));
    }

    [Fact]
    public void Parameter_overrides_change_the_model()
    {
        var (code, output, error) = Run("solve", Example("forest.rlspec"), "-p", "S=7", "-p", "gamma=0.9", "--format", "json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(7, root.GetProperty("state_count").GetInt32());
        Assert.Equal(0.9, root.GetProperty("criterion").GetProperty("discount").GetDouble());
    }

    [Fact]
    public void Evaluating_a_fixed_policy_gives_its_value()
    {
        var (code, output, error) = Run("solve", Example("forest.rlspec"), "--policy", "cut", "--format", "json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        var values = root.GetProperty("values").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        double bound = root.GetProperty("error_bound").GetDouble();
        Assert.True(bound <= 1e-9, $"error bound {bound}");
        // Always cutting: V(0) = gamma V(0) = 0; V(1) = 1 + gamma V(0) = 1; V(2) = r2 + gamma V(0) = 2.
        Assert.True(Math.Abs(values[0] - 0) <= bound, $"{values[0]:R}");
        Assert.True(Math.Abs(values[1] - 1) <= bound, $"{values[1]:R}");
        Assert.True(Math.Abs(values[2] - 2) <= bound, $"{values[2]:R}");
    }

    [Theory]
    [InlineData(new[] { "solve", "no-such-file.rlspec" }, "RLS0404")]
    [InlineData(new[] { "solve", "EXAMPLE", "-p", "S=2.5" }, "RLS0401")]
    [InlineData(new[] { "solve", "EXAMPLE", "-p", "Q=3" }, "RLS0400")]
    [InlineData(new[] { "solve", "EXAMPLE", "-p", "S" }, "RLS0402")]
    [InlineData(new[] { "solve", "EXAMPLE", "--model", "Nope" }, "RLS0403")]
    [InlineData(new[] { "solve", "EXAMPLE", "--method", "bi" }, "RLS0405")]
    [InlineData(new[] { "solve", "EXAMPLE", "--method", "simplex" }, "RLS0405")]
    [InlineData(new[] { "solve", "EXAMPLE", "--policy", "burn" }, "RLS0405")]
    public void Wrong_usage_gives_one_diagnostic_and_no_stack_trace(string[] args, string id)
    {
        args = args.Select(a => a == "EXAMPLE" ? Example("forest.rlspec") : a).ToArray();
        var (code, output, error) = Run(args);
        Assert.Equal(1, code);
        Assert.Contains($"error {id}:", error);
        Assert.DoesNotContain("   at ", error);
        Assert.Equal("", output);
    }

    [Fact]
    public void Errors_found_by_the_validator_are_located_in_the_model()
    {
        var path = Path.Combine(Path.GetTempPath(), "rlspec-validator-" + Guid.NewGuid().ToString("N") + ".rlspec");
        // The probabilities depend on the state, so only the validator can see that they fail in state 3.
        File.WriteAllText(path, "mdp M {\n  state s in 0..3\n  action a\n  discount 0.9\n  a: s' = 0 @ 0.5 | s' = s @ (if s == 3 then 0.4 else 0.5)\n}\n");
        try
        {
            var (code, _, error) = Run("solve", path);
            Assert.Equal(1, code);
            Assert.Contains("(5,3): error RLS0300:", error);
            Assert.Contains("(s=3)", error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("solve")]
    [InlineData("solve", "x.rlspec", "--no-such-option")]
    [InlineData("frobnicate")]
    public void Command_line_misuse_exits_with_2(params string[] args)
    {
        var (code, _, error) = Run(args);
        Assert.Equal(2, code);
        Assert.Contains("--help", error);
    }

    [Fact]
    public void Help_succeeds()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("solve", output);
    }
}
