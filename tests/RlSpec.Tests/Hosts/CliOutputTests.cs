using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using RlSpec.Cli;
using RlSpec.Models;
using RlSpec.Runtime.Solvers;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Hosts;

/// <summary>
/// The command line's outputs and misuse (docs/cli.md): CSV, the grid, the policy's graph, --out and
/// --export-policy, the JSON run record, stop reasons and their exit codes, and the README's and the
/// docs' own commands, run in-process.
/// </summary>
public class CliOutputTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string Example(string name) => Path.Combine(Paths.Examples, name);

    private static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "rlspec-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Theory]
    [InlineData("check", "csv")]
    [InlineData("solve", "xml")]
    [InlineData("solve", "JSON")]
    public void A_format_the_command_does_not_write_is_wrong_usage(string verb, string format)
    {
        var (code, output, error) = Run(verb, Example("forest.rlspec"), "--format", format);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("", output);
        Assert.Contains($"--format {format}", error);
    }

    [Fact]
    public void A_parameter_given_twice_is_wrong_usage()
    {
        var (code, output, error) = Run("solve", Example("forest.rlspec"), "-p", "S=3", "-p", "S=4");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("", output);
        Assert.Contains("'S' is already set by -p S=3", error);
    }

    [Fact]
    public void A_malformed_override_is_reported_at_the_option_not_at_a_fake_file_position()
    {
        var (code, _, error) = Run("solve", Example("forest.rlspec"), "-p", "S");
        Assert.Equal(ExitCodes.ModelErrors, code);
        Assert.StartsWith("-p S: error RLS0402: ", error);
        Assert.DoesNotContain("rlspec(1,1)", error);
    }

    [Fact]
    public void An_unknown_parameter_is_reported_at_the_option_not_at_the_file_start()
    {
        var (code, _, error) = Run("solve", Example("forest.rlspec"), "-p", "Q=3");
        Assert.Equal(ExitCodes.ModelErrors, code);
        Assert.StartsWith("-p Q=3: error RLS0400: no model in this file has a parameter 'Q'", error);
        Assert.DoesNotContain("rlspec(1,1)", error);
    }

    [Fact]
    public void Csv_has_a_column_per_state_variable_and_the_values_of_the_generated_api()
    {
        var (code, output, error) = Run("solve", Example("gridworld.rlspec"), "--format", "csv");
        Assert.True(code == 0, error);
        var lines = output.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("x,y,value,action,action_index", lines[0]);
        var reference = Gridworld.Create().Solve();
        Assert.Equal(reference.Values.Length + 1, lines.Length);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            var label = $"(x={cells[0]}, y={cells[1]})";
            double value = double.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(value - reference.Value(label)) <= 2 * reference.ErrorBound + 1e-15, label);
            Assert.Equal(reference.Action(label) == "-" ? "" : reference.Action(label), cells[3]);
            Assert.Equal("", cells[4]);
        }
    }

    [Fact]
    public void Csv_splits_an_action_family_index_into_its_own_column()
    {
        var (code, output, error) = Run("solve", Example("inventory.rlspec"), "-p", "cap=6", "--format", "csv");
        Assert.True(code == 0, error);
        var reference = Inventory.Create(cap: 6).Solve();
        var rows = output.TrimEnd().Split('\n').Skip(1).Select(l => l.TrimEnd('\r').Split(',')).ToArray();
        Assert.Equal(7, rows.Length);
        foreach (var row in rows)
            Assert.Equal(reference.Action($"(stock={row[0]})"), $"{row[2]}({row[3]})");
    }

    [Fact]
    public void Csv_of_a_finite_horizon_has_a_row_per_step_and_state()
    {
        var (code, output, error) = Run("solve", Example("river-swim.rlspec"), "-p", "N=4", "-p", "H=3", "--format", "csv");
        Assert.True(code == 0, error);
        var lines = output.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("s,t,value,action,action_index", lines[0]);
        Assert.Equal(1 + 3 * 4, lines.Length);
        Assert.StartsWith("0,0,", lines[1]);
        Assert.StartsWith("3,2,", lines[^1]);
    }

    [Fact]
    public void Json_records_the_tool_version_parameters_tolerance_and_stop_reason()
    {
        var (code, output, error) = Run("solve", Example("forest.rlspec"), "-p", "S=5", "--tolerance", "1e-9", "--format", "json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Matches(@"^\d+\.\d+\.\d+", root.GetProperty("tool_version").GetString());
        var parameters = root.GetProperty("parameters");
        Assert.Equal(5, parameters.GetProperty("S").GetInt32());
        Assert.Equal(0.96, parameters.GetProperty("gamma").GetDouble());
        Assert.Equal(1e-9, root.GetProperty("tolerance").GetDouble());
        Assert.Equal("relative", root.GetProperty("tolerance_kind").GetString());
        Assert.Equal("converged", root.GetProperty("stop_reason").GetString());
        Assert.Equal(100000, root.GetProperty("max_iterations").GetInt32());
    }

    [Fact]
    public void A_solve_stopped_by_the_iteration_limit_says_so_and_exits_4()
    {
        var (code, output, error) = Run("solve", Example("river-swim-discounted.rlspec"), "--method", "vi", "--max-iterations", "3", "--format", "json");
        Assert.True(code == ExitCodes.IterationLimit, $"exit {code}: {error}");
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("iteration_limit", root.GetProperty("stop_reason").GetString());
        Assert.Equal(3, root.GetProperty("iterations").GetInt32());
        var text = Run("solve", Example("river-swim-discounted.rlspec"), "--method", "vi", "--max-iterations", "3");
        Assert.Equal(ExitCodes.IterationLimit, text.Code);
        Assert.Contains("stopped: iteration limit", text.Out);
    }

    [Fact]
    public void An_unreachable_tolerance_stops_on_the_rounding_floor_and_exits_5()
    {
        // Values near 20: no double-precision sweep certifies an absolute bound of 1e-300.
        var (code, output, error) = Run("solve", Example("river-swim-discounted.rlspec"), "--method", "vi",
            "--tolerance", "1e-300", "--tolerance-kind", "absolute", "--format", "json");
        Assert.True(code == ExitCodes.RoundingFloor, $"exit {code}: {error}");
        Assert.Equal("rounding_floor", JsonDocument.Parse(output).RootElement.GetProperty("stop_reason").GetString());
    }

    /// <summary>A flat reward of 20,000 ones: values 200,000 everywhere, span 0.</summary>
    private const string FlatSum = @"mdp FlatSum {
  state s in 0..1
  action go
  init s = 0
  discount 0.9
  go: s' = 1 - s
  reward: sum(i in 1..20000, 1)
}
";

    [Fact]
    public void A_relative_tolerance_below_the_rounding_floor_is_raised_and_the_solve_exits_0()
    {
        // Before: tolerance 1e-10 · max(1, span 0) sat below the rounding allowance 3ε·2e5/0.1 ≈ 1.3e-9: exit 5.
        var dir = TempDir();
        var path = Path.Combine(dir, "flat.rlspec");
        File.WriteAllText(path, FlatSum);
        var (code, output, error) = Run("solve", path, "--format", "json");
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("converged", root.GetProperty("stop_reason").GetString());
        Assert.True(root.GetProperty("target_raised_to_rounding_floor").GetBoolean());
        Assert.True(root.GetProperty("error_bound").GetDouble() <= root.GetProperty("target_bound").GetDouble());
        Assert.Empty(root.GetProperty("warnings").EnumerateArray());
        Assert.All(root.GetProperty("values").EnumerateArray(), v => Assert.True(Math.Abs(v.GetDouble() - 200000) <= root.GetProperty("error_bound").GetDouble()));
        var text = Run("solve", path);
        Assert.Equal(0, text.Code);
        Assert.Contains("stopped: converged", text.Out);
        Assert.Contains("raised to the rounding floor", text.Out);
        // Asked as an absolute 1e-10, the floor is not moved: exit 5 as before.
        Assert.Equal(ExitCodes.RoundingFloor, Run("solve", path, "--tolerance-kind", "absolute").Code);
        // The compiler API and the generated model's Solve() give the same.
        var compiled = RlSpec.Compiler.RlSpecCompiler.Compile("flat.rlspec", FlatSum);
        var host = RlSpec.Cli.Hosting.InMemoryModelCompiler.Load(Assert.Single(compiled.Models)).MdpHost!;
        var solution = host.Solve();
        Assert.Equal(StopReason.Converged, solution.StopReason);
        Assert.True(solution.TargetRaisedToRoundingFloor);
        Assert.Empty(solution.Warnings);
    }

    [Fact]
    public void Grid_prints_values_and_actions_with_one_variable_across_and_one_down()
    {
        var (code, output, error) = Run("solve", Example("gridworld.rlspec"), "--grid", "x,y");
        Assert.True(code == 0, error);
        var reference = Gridworld.Create().Solve();
        var rows = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        int header = rows.FindIndex(l => l.TrimStart().StartsWith("y \\ x"));
        Assert.True(header >= 0, output);
        Assert.Equal(new[] { "y", "\\", "x", "0", "1", "2", "3" }, rows[header].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        // Row y = 2: x = 0..3; value at (x=2, y=2) is the third number.
        var row2 = rows[header + 3].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("2", row2[0]);
        Assert.Equal(reference.Value("(x=2, y=2)").ToString("F4", System.Globalization.CultureInfo.InvariantCulture), row2[3]);
        int actions = rows.FindIndex(header + 1, l => l.TrimStart().StartsWith("y \\ x"));
        var actionRow0 = rows[actions + 1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(reference.Action("(x=1, y=0)"), actionRow0[2]);
    }

    [Fact]
    public void Grid_on_a_model_without_two_state_variables_is_refused()
    {
        var (code, _, error) = Run("solve", Example("forest.rlspec"), "--grid", "age,t");
        Assert.Equal(ExitCodes.ModelErrors, code);
        Assert.Contains("error RLS0412", error);
        Assert.Equal(ExitCodes.Usage, Run("solve", Example("gridworld.rlspec"), "--grid", "x,y", "--format", "json").Code);
        Assert.Contains("z is not a state variable", Run("solve", Example("gridworld.rlspec"), "--grid", "x,z").Err);
    }

    [Fact]
    public void Dot_draws_the_policy_chain_of_a_small_model_and_refuses_a_large_one()
    {
        var (code, output, error) = Run("solve", Example("forest.rlspec"), "--format", "dot");
        Assert.True(code == 0, error);
        Assert.StartsWith("digraph \"Forest\" {", output);
        // wait everywhere: age -> 0 with p = 0.1 and age -> min(age + 1, 2) with 0.9.
        Assert.Contains("s0 -> s1 [label=\"0.9\"];", output);
        Assert.Contains("s2 -> s2 [label=\"0.9\"];", output);
        Assert.Equal(6, Regex.Matches(output, "->").Count);
        var large = Run("solve", Example("forest.rlspec"), "-p", "S=1000", "--format", "dot");
        Assert.Equal(ExitCodes.ModelErrors, large.Code);
        Assert.Contains("error RLS0411", large.Err);
        Assert.Equal("", large.Out);
    }

    [Fact]
    public void Out_writes_any_format_to_a_file_and_export_policy_writes_the_policy()
    {
        var dir = TempDir();
        try
        {
            var csv = Path.Combine(dir, "forest.csv");
            var policy = Path.Combine(dir, "policy.json");
            var (code, output, error) = Run("solve", Example("forest.rlspec"), "--format", "csv", "--out", csv, "--export-policy", policy);
            Assert.True(code == 0, error);
            Assert.Equal("", output);
            Assert.StartsWith("age,value,action,action_index", File.ReadAllText(csv));
            var root = JsonDocument.Parse(File.ReadAllText(policy)).RootElement;
            Assert.Equal(new[] { "wait", "wait", "wait" }, root.GetProperty("policy").EnumerateArray().Select(a => a.GetString()));
            var policyCsv = Path.Combine(dir, "policy.csv");
            Assert.Equal(0, Run("solve", Example("inventory.rlspec"), "-p", "cap=3", "--export-policy", policyCsv).Code);
            Assert.StartsWith("stock,action,action_index", File.ReadAllText(policyCsv));
            var missing = Run("solve", Example("forest.rlspec"), "--out", Path.Combine(dir, "no", "such", "dir", "x.txt"));
            Assert.Equal(ExitCodes.ModelErrors, missing.Code);
            Assert.Contains("error RLS0410", missing.Err);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_average_reward_example_reports_its_known_gain()
    {
        var (code, output, error) = Run("solve", Example("machine-replacement.rlspec"), "--format", "json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        // Renewal reward: ((10 + 8.5) / 0.4 - 2) / (2 / 0.4 + 1) = 7.375 (ExampleModelTests checks every policy).
        Assert.True(Math.Abs(root.GetProperty("gain").GetDouble() - 7.375) <= root.GetProperty("error_bound").GetDouble() + 1e-12);
    }

    /// <summary>The shell commands of the README's and docs/cli.md's fenced blocks that run the CLI.</summary>
    public static IEnumerable<object[]> DocumentedCommands()
    {
        foreach (var doc in new[] { "README.md", Path.Combine("docs", "cli.md") })
        {
            var text = File.ReadAllText(Path.Combine(Paths.Root, doc));
            foreach (Match block in Regex.Matches(text, "```sh\\n(.*?)```", RegexOptions.Singleline))
                foreach (var raw in block.Groups[1].Value.Split('\n'))
                {
                    var line = Regex.Replace(raw, "\\s+#.*$", "").Trim();
                    if (line.Contains('<')) continue; // a synopsis with placeholders, not a command
                    foreach (var prefix in new[] { "dotnet run --project src/RlSpec.Cli -- ", "rlspec " })
                        if (line.StartsWith(prefix, StringComparison.Ordinal))
                            yield return new object[] { doc, line.Substring(prefix.Length) };
                }
        }
    }

    [Theory]
    [MemberData(nameof(DocumentedCommands))]
    public void Every_documented_command_runs_with_the_exit_code_the_docs_promise(string doc, string command)
    {
        var dir = TempDir();
        try
        {
            var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToArray();
            for (int i = 0; i < args.Length; i++)
            {
                // Paths in the docs are relative to the repository root; files they write go to a temporary folder.
                if (args[i].StartsWith("examples/", StringComparison.Ordinal)) args[i] = Path.Combine(Paths.Root, args[i]);
                else if (i > 0 && args[i - 1] is "--out" or "-o" or "--export-policy" or "--trace") args[i] = Path.Combine(dir, args[i]);
            }
            var (code, output, error) = Run(args);
            int expected = command.Contains("examples/mistakes/") ? ExitCodes.ModelErrors : ExitCodes.Success;
            Assert.True(code == expected, $"{doc}: `{command}` exited {code}, expected {expected}\n{error}");
            if (expected == ExitCodes.Success) Assert.True(output.Length > 0 || Directory.EnumerateFiles(dir).Any(), $"{doc}: `{command}` wrote nothing");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_docs_show_commands_for_this_test_to_run()
    {
        var commands = DocumentedCommands().Select(c => (string)c[1]).ToList();
        Assert.Contains(commands, c => c.Contains("--method vi"));
        Assert.Contains(commands, c => c.StartsWith("check examples/mistakes/", StringComparison.Ordinal));
        Assert.True(commands.Count >= 10, string.Join("\n", commands));
    }
}
