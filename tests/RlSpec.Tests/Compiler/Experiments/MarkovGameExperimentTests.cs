using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using RlSpec.Cli;
using RlSpec.Compiler;
using RlSpec.Tests.Infrastructure;
using RlSpec.Tests.Runtime.Games.Dynamics;
using Xunit;
using Xunit.Abstractions;

namespace RlSpec.Tests.Compiler.Experiments;

/// <summary>
/// The issue's claims for Markov games, checked through the language: examples/games/markov-omwu.rlspec is compiled and run by the
/// CLI (`rlspec run`), and the curves in its results.csv are compared with the theory: entropy-regularized OMWU's distance to the
/// QRE falls linearly at 1 − ητ(1 − γ) per iteration (Cen, Chi, Du and Xiao 2023), minimax-Q's value error to Shapley's values falls
/// like 1/√T and stays within its statistical margin, and a sampled experiment's numbers do not depend on the thread count.
/// </summary>
public class MarkovGameExperimentTests(ITestOutputHelper output)
{
    private static string Example => Path.Combine(Paths.Examples, "games", "markov-omwu.rlspec");

    // The example's game and settings (a test below checks the example still says so).
    private const double Gamma = 0.8, Eta = 0.08;

    private sealed record Row(string Label, string Statistic, long Checkpoint, double Mean, double Q99);

    private static (List<Row> Rows, string Csv) Run(params string[] arguments)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"rlspec-{Guid.NewGuid():N}");
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int code = Program.Run(new[] { "run", Example, "--out", directory }.Concat(arguments).ToArray(), stdout, stderr);
            Assert.True(code == 0, stderr.ToString());
            Assert.True(File.Exists(Path.Combine(directory, "results.csv")));
            var csv = File.ReadAllText(Path.Combine(directory, "results.csv"));
            var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(','))
                .Select(c => new Row(c[1], c[3], long.Parse(c[5], CultureInfo.InvariantCulture), double.Parse(c[7], CultureInfo.InvariantCulture),
                    double.Parse(c[19], CultureInfo.InvariantCulture)))
                .ToList();
            Assert.True(rows.Count > 0);
            var svgs = Directory.GetFiles(directory, "*.svg");
            Assert.NotEmpty(svgs);
            return (rows, csv);
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, true);
        }
    }

    private static List<Row> Curve(List<Row> rows, string label, string statistic) =>
        rows.Where(r => r.Label == label && r.Statistic == statistic).OrderBy(r => r.Checkpoint).ToList();

    [Fact]
    public void The_example_compiles_and_states_the_settings_the_tests_use()
    {
        var text = File.ReadAllText(Example);
        var result = RlSpecCompiler.Compile("examples/games/markov-omwu.rlspec", text);
        Assert.Empty(result.Diagnostics);
        Assert.Contains("discount 0.8", text);
        Assert.Contains("entropy_omwu(eta = 0.08, tau = 0.1, label = \"tau = 0.1\")", text);
        Assert.Contains("entropy_omwu(eta = 0.08, tau = 0.2, label = \"tau = 0.2\")", text);
        // η is below the step bound of Cen et al. (2023, Theorem 1) for both temperatures (A = 2 actions).
        foreach (double tau in new[] { 0.1, 0.2 }) Assert.True(Eta <= (1 - Gamma) / (2 * (1 + tau * (Math.Log(2) + 1 - Gamma))));
    }

    [Fact]
    public void Emitted_experiment_matches_the_snapshot()
    {
        var result = RlSpecCompiler.Compile("examples/games/markov-omwu.rlspec", File.ReadAllText(Example));
        Assert.Empty(result.Diagnostics);
        var model = Assert.Single(result.Models, m => m.Name == "OmwuVsMinimaxQ");
        Assert.Contains("MarkovGameMeasure(Instance().Markov!)", model.Source);
        Snapshot.Verify(model.Source, model.Name, "cs", Path.Combine(Paths.Tests, "Compiler", "Snapshots"));
    }

    [Fact]
    public void Entropy_omwu_reaches_the_qre_at_the_rate_of_its_value_update()
    {
        var (rows, _) = Run("--experiment", "OmwuToQre", "-p", "T=6000", "--threads", "1");
        foreach (double tau in new[] { 0.1, 0.2 })
        {
            var curve = Curve(rows, $"tau = {tau.ToString(CultureInfo.InvariantCulture)}", "qre_distance");
            Assert.Equal(12, curve.Count);
            // Fit log(distance) against t where the distance is above round-off (1e-11): the linear phase.
            var fit = curve.Where(r => r.Checkpoint >= 1000 && r.Mean > 1e-11).ToList();
            Assert.True(fit.Count >= 4, $"tau {tau}: only {fit.Count} points above 1e-11");
            double slope = DynamicsTestGames.Slope(fit.Select(r => (double)r.Checkpoint).ToList(), fit.Select(r => Math.Log(r.Mean)).ToList());
            double rate = Math.Exp(slope), predicted = 1 - Eta * tau * (1 - Gamma), guaranteed = 1 - Eta * tau * (1 - Gamma) / 4;
            output.WriteLine($"tau {tau}: qre_distance {string.Join(", ", curve.Select(r => $"{r.Checkpoint}: {r.Mean:E2}"))}; " +
                             $"fitted rate {rate:F6} per iteration, 1 - eta tau (1 - gamma) = {predicted:F6}, Theorem 1's 1 - eta tau (1 - gamma)/4 = {guaranteed:F6}");
            // Linear: every point of the fit is within a factor 3 of the fitted line (no plateau, no slowdown).
            double intercept = fit.Average(r => Math.Log(r.Mean)) - slope * fit.Average(r => (double)r.Checkpoint);
            Assert.All(fit, r => Assert.InRange(Math.Log(r.Mean) - (intercept + slope * r.Checkpoint), -Math.Log(3), Math.Log(3)));
            // The rate is the value update's contraction 1 − ητ(1 − γ) (log-rates within 10%), inside Theorem 1's guarantee.
            Assert.InRange(Math.Log(rate) / Math.Log(predicted), 0.9, 1.1);
            Assert.True(rate < guaranteed);
        }
    }

    [Fact]
    public void Minimax_q_reaches_shapleys_values_within_its_statistical_margin()
    {
        var (rows, _) = Run("--experiment", "OmwuVsMinimaxQ", "-p", "T=4000", "--threads", "2");
        var error = Curve(rows, "minimax_q", "value_error");
        var early = error.Last(r => r.Checkpoint <= 250);
        var late = error[^1];
        Assert.Equal(4000, late.Checkpoint);
        output.WriteLine($"minimax-Q value error (mean of 8 runs): T = {early.Checkpoint}: {early.Mean:E3}, T = 4000: {late.Mean:E3}, largest run (q99) {late.Q99:E3}; " +
                         $"entropy OMWU's (tau = 0.05, biased by the regularization): {Curve(rows, "entropy_omwu", "value_error")[^1].Mean:E3}");
        // The statistical margin: synchronous minimax-Q's error is an average of sampling noise whose size falls like 1/√T
        // (Wainwright 2019, for synchronous Q-learning with this rescaled linear step), so the same runs' error at the early
        // checkpoint predicts the error at T: early · √(t_early / T). The mean must be within 1.5 times that prediction and
        // every run (q99 of 8 runs is the largest) within 2.5 times it; values are 2.5 to 3.8, the prediction about 0.02.
        double predicted = early.Mean * Math.Sqrt(early.Checkpoint / 4000.0);
        Assert.True(late.Mean < 1.5 * predicted, $"mean error {late.Mean} against the 1/sqrt(T) prediction {predicted}");
        Assert.True(late.Q99 < 2.5 * predicted, $"largest run's error {late.Q99} against the 1/sqrt(T) prediction {predicted}");
        Assert.True(late.Mean < 0.02 * 2.5, "within 2% of the smallest value");
        // Its policies approach the unique equilibrium, and the duality gap closes with them.
        Assert.True(Curve(rows, "minimax_q", "equilibrium_distance")[^1].Mean < 0.05);
        Assert.True(Curve(rows, "minimax_q", "duality_gap")[^1].Mean < Curve(rows, "minimax_q", "duality_gap").First(r => r.Checkpoint >= 100).Mean / 2);
    }

    [Fact]
    public void A_sampled_experiment_gives_the_same_numbers_for_any_thread_count()
    {
        var (_, one) = Run("--experiment", "OmwuVsMinimaxQ", "-p", "T=500", "--threads", "1");
        var (_, two) = Run("--experiment", "OmwuVsMinimaxQ", "-p", "T=500", "--threads", "2");
        Assert.Equal(one, two);
        var (_, reseeded) = Run("--experiment", "OmwuVsMinimaxQ", "-p", "T=500", "--threads", "2", "--seed", "2");
        Assert.NotEqual(one, reseeded);
    }
}
