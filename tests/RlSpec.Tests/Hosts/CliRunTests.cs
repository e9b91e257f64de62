using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using RlSpec.Cli;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Hosts;

/// <summary>
/// <c>rlspec run</c> end to end on examples/bandits/bernoulli9.rlspec with few runs: the CSV is one
/// table a CSV reader takes in one call, the same seed gives byte-identical files with 1 and 2 threads,
/// another seed other numbers, and mistakes in the options are diagnostics at the option.
/// </summary>
public class CliRunTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rlspec-run-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static string Bernoulli => Path.Combine(Paths.Examples, "bandits", "bernoulli9.rlspec");

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string RunInto(string name, params string[] options)
    {
        var dir = Path.Combine(_root, name);
        var (code, output, error) = Run(new[] { "run", Bernoulli, "--experiment", "Regret", "--runs", "12", "--out", dir }.Concat(options).ToArray());
        Assert.True(code == 0, error);
        Assert.StartsWith("experiment Regret on Bernoulli9: 12 runs, horizon 10,000, seed ", output);
        // Not a terminal: progress is plain lines, the last one at 100%.
        Assert.Contains("12/12 runs (100%)", error);
        Assert.DoesNotContain("\r", error);
        return File.ReadAllText(Path.Combine(dir, "results.csv"));
    }

    [Fact]
    public void One_run_prints_no_NaN_interval()
    {
        // A single run has no confidence interval: the table shows the means and differences alone, never "NaN".
        var (code, output, error) = Run("run", Bernoulli, "--experiment", "Regret", "--runs", "1");
        Assert.True(code == 0, error);
        Assert.DoesNotContain("NaN", output);
        Assert.Contains("(reference)", output);
    }

    [Fact]
    public void The_csv_is_one_rectangular_table_with_the_documented_columns()
    {
        var csv = RunInto("plain", "--threads", "2");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal("algorithm,label,sweep,statistic,arm,checkpoint,runs,mean,sd,ci_low,ci_high,q01,q05,q10,q25,q50,q75,q90,q95,q99,diff_mean,diff_ci_low,diff_ci_high", lines[0]);
        int numericFrom = Array.IndexOf(header, "checkpoint");
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            Assert.True(cells.Length == header.Length, line);
            for (int c = numericFrom; c < cells.Length; c++)
                Assert.True(cells[c].Length == 0 || double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out _), $"column {header[c]}: '{cells[c]}'");
        }
        // 9 algorithms x (regret + 9 arms' counts) x the logarithmic checkpoints (at most 50).
        var algorithms = lines.Skip(1).Select(l => l.Split(',')[1]).Distinct().ToList();
        Assert.Equal(new[] { "ucb1", "UCB α=0.5", "moss", "kl_ucb", "thompson", "bayes_ucb", "epsilon_greedy", "exp3", "exp3_ix" }, algorithms);
        var regretRows = lines.Skip(1).Where(l => l.Split(',')[3] == "regret").ToList();
        Assert.InRange(regretRows.Count / 9, 30, 50);
        Assert.All(regretRows, r => Assert.Equal("12", r.Split(',')[6]));
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_root, "plain", "summary.json"))).RootElement;
        Assert.Equal("Regret", summary.GetProperty("experiment").GetString());
        // The plot the experiment declares, as SVG and PNG next to the CSV, with every algorithm in its legend.
        var svg = File.ReadAllText(Path.Combine(_root, "plain", "regret.svg"));
        foreach (var label in algorithms) Assert.Contains(label, svg);
        Assert.Contains("t (log scale)", svg);
        // Nine Bernoulli arms in a fixed instance: the regret plot has the Lai-Robbins line, C = 7.5165 (docs/experiments-claims.md).
        Assert.Contains("Lai-Robbins bound 7.517 ln t", svg);
        Assert.Equal(7.5165, summary.GetProperty("results")[0].GetProperty("lai_robbins_constant").GetDouble(), 4);
        Assert.True(new FileInfo(Path.Combine(_root, "plain", "regret.png")).Length > 10_000);
    }

    [Fact]
    public void The_same_seed_gives_byte_identical_results_for_any_thread_count_and_another_seed_does_not()
    {
        var one = RunInto("t1", "--threads", "1", "--seed", "9");
        var two = RunInto("t2", "--threads", "2", "--seed", "9");
        var other = RunInto("t3", "--threads", "2", "--seed", "10");
        Assert.Equal(one, two);
        Assert.NotEqual(one, other);
    }

    [Theory]
    [InlineData("--seed", "-1", "a whole number from 0 to 18446744073709551615")]
    [InlineData("--runs", "many", "a whole number from -2147483648 to 2147483647")]
    public void A_malformed_number_option_names_the_number_it_wants(string option, string value, string words)
    {
        var (code, _, error) = Run("run", Bernoulli, option, value);
        Assert.Equal(2, code);
        Assert.Contains(words, error);
        Assert.DoesNotContain("System.", error);
    }

    [Fact]
    public void Json_format_prints_the_summary_and_a_single_run_can_write_its_trace()
    {
        var trace = Path.Combine(_root, "trace.csv");
        Directory.CreateDirectory(_root);
        var (code, output, error) = Run("run", Bernoulli, "--experiment", "BestArm", "--run-index", "3", "--trace", trace, "--format", "json");
        Assert.True(code == 0, error);
        Assert.Equal("BestArm", JsonDocument.Parse(output).RootElement.GetProperty("experiment").GetString());
        var steps = File.ReadAllLines(trace);
        Assert.Equal("sweep,run,algorithm,t,arm,reward", steps[0]);
        Assert.Equal(1 + 3 * 300, steps.Length); // three algorithms, a budget of 300 steps each
    }

    [Theory]
    [InlineData(new[] { "--shard", "3/3", "--out", "x" }, "--shard 3/3: error RLS0413: ")]
    [InlineData(new[] { "--threads", "0" }, "--threads 0: error RLS0413: ")]
    [InlineData(new[] { "--runs", "0" }, "--runs 0: error RLS0654: ")]
    [InlineData(new[] { "--run-index", "5000" }, "--run-index 5000: error RLS0413: the experiment has 1,000 runs, numbered 0..999")]
    [InlineData(new[] { "--experiment", "Regrets" }, "--experiment Regrets: error RLS0414: the file has no experiment of that name; it declares Regret, BestArm")]
    public void An_unusable_option_is_a_diagnostic_at_the_option(string[] options, string expected)
    {
        var (code, _, error) = Run(new[] { "run", Bernoulli }.Concat(options).ToArray());
        Assert.Equal(1, code);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void A_file_without_an_experiment_is_refused()
    {
        var (code, _, error) = Run("run", Path.Combine(Paths.Examples, "bandits", "mixed.rlspec"));
        Assert.Equal(1, code);
        Assert.Contains("error RLS0414: the file declares no experiment", error);
    }

    [Fact]
    public void The_fix_it_for_a_missing_experiment_fits_the_files_model()
    {
        Directory.CreateDirectory(_root);
        var file = Path.Combine(_root, "quadratic.rlspec");
        File.WriteAllText(file, "problem Bowl {\n  var x : vector(2) init 1\n  minimize inner(x, x)\n}\n");
        var (code, _, error) = Run("run", file);
        Assert.Equal(1, code);
        Assert.Contains("error RLS0414: the file declares no experiment; add one such as `experiment Methods on Bowl {", error);
    }

    [Fact]
    public void A_diverging_method_is_a_warning_and_the_table_says_not_finite_instead_of_NaN()
    {
        // Gradient descent with step 1 on exp(|x|²) from x = (1, 1, 1) jumps to x ≈ −39 per entry, where the objective
        // overflows; Nesterov with a small step stays finite. The run succeeds (divergence can be the finding), but
        // nothing prints NaN.
        Directory.CreateDirectory(_root);
        var file = Path.Combine(_root, "steep.rlspec");
        File.WriteAllText(file, "problem Steep {\n  var x : vector(3) init 1\n  minimize exp(inner(x, x))\n}\n"
            + "experiment E on Steep {\n  compare nesterov(step = 0.001), gd(step = 1)\n  iterations 20\n  record objective\n}\n");
        var (code, output, error) = Run("run", file, "--runs", "2");
        Assert.True(code == 0, error);
        Assert.DoesNotContain("NaN", output);
        Assert.Contains("not finite", output);
        Assert.Contains("warning RLS0415: 'gd' diverged: its objective is not a finite number from iteration 1 on, in 2 of 2 runs", error);
        Assert.DoesNotContain("'nesterov' diverged", error);
    }

    [Fact]
    public void Plots_of_another_statistic_or_of_an_adversary_have_no_Lai_Robbins_line()
    {
        var best = Path.Combine(_root, "best");
        var (code, _, error) = Run("run", Bernoulli, "--experiment", "BestArm", "--runs", "4", "--out", best);
        Assert.True(code == 0, error);
        Assert.DoesNotContain("Lai-Robbins", File.ReadAllText(Path.Combine(best, "best_arm_rate.svg")));

        var adversarial = Path.Combine(_root, "adversarial");
        (code, _, error) = Run("run", Path.Combine(Paths.Examples, "bandits", "adversarial.rlspec"), "--runs", "2", "--out", adversarial);
        Assert.True(code == 0, error);
        Assert.DoesNotContain("Lai-Robbins", File.ReadAllText(Path.Combine(adversarial, "regret.svg")));
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(adversarial, "summary.json"))).RootElement;
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("results")[0].GetProperty("lai_robbins_constant").ValueKind);
    }

    [Fact]
    public void A_shard_needs_an_output_folder() =>
        Assert.Equal(2, Run("run", Bernoulli, "--shard", "0/2").Code);
}
