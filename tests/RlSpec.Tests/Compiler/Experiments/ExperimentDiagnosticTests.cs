using System.Collections.Generic;
using System.Linq;
using RlSpec.Compiler;
using RlSpec.Compiler.Diagnostics;
using Xunit;

namespace RlSpec.Tests.Compiler.Experiments;

/// <summary>
/// Each mistake in an experiment block gives exactly one diagnostic with its id, at the right place, with
/// a message that says how to fix it (docs/diagnostics.md, RLS0650-RLS0667).
/// </summary>
public class ExperimentDiagnosticTests
{
    internal const string Bernoulli = "bandit Bernoulli9 { arms [bernoulli(0.1 * i) for i in 1..9] }\n";
    internal const string Linear = """
        bandit Lin {
          param d = 5, K = 100
          let theta = normalize(gaussian_vector(d, seed = 7))
          arms [unit_vector_random(d, seed = 100 + i) for i in 0..K-1]
          reward(x) ~ normal(dot(theta, x), 0.1)
        }

        """;
    internal const string Adversarial = """
        bandit Adv adversarial {
          arms 10
          reward(t, a) = if a == 3 then 0.7 else uniform(0, 1)
        }

        """;

    internal static CompilationResult Compile(string text, Dictionary<string, string>? overrides = null) =>
        RlSpecCompiler.Compile("e.rlspec", text, overrides);

    private static Diagnostic Single(string experiment, string bandit = Bernoulli, Dictionary<string, string>? overrides = null)
    {
        var result = Compile(bandit + experiment, overrides);
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        Assert.True(errors.Count == 1, "expected one error, got:\n" + string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        return errors[0];
    }

    private static void AssertError(string id, string fragment, string experiment, string bandit = Bernoulli)
    {
        var d = Single(experiment, bandit);
        Assert.Equal(id, d.Id);
        Assert.True(d.Message.Contains(fragment), $"message: {d.Message}\nexpected to contain: {fragment}");
    }

    [Fact]
    public void A_complete_experiment_compiles_without_diagnostics()
    {
        var result = Compile(Bernoulli + """
            experiment Regret on Bernoulli9 {
              horizon 10000
              runs 1000
              seed 42
              compare ucb1, kl_ucb, thompson, ucb_alpha(alpha = 0.5, label = "UCB α=0.5")
              record regret, counts, every = 100
              plot regret, log_x = true, log_y = false
              instance fixed
            }
            """);
        Assert.Empty(result.Diagnostics);
        Assert.Contains(result.Models, m => m.Kind == "experiment" && m.Name == "Regret");
    }

    [Fact]
    public void Unknown_algorithm_suggests_and_lists_the_known_ones()
    {
        var d = Single("experiment E on Bernoulli9 { horizon 100 compare ucb2 }");
        Assert.Equal(DiagnosticIds.UnknownAlgorithm, d.Id);
        Assert.StartsWith("unknown algorithm 'ucb2' (did you mean 'ucb1'?); the algorithms are ucb1, ucb_alpha, moss, kl_ucb", d.Message);
        Assert.Equal((2, 50), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void A_parameter_the_algorithm_does_not_take_lists_its_parameters() =>
        AssertError(DiagnosticIds.UnknownAlgorithmParameter, "ucb_alpha takes no parameter 'alhpa' (did you mean 'alpha'?); it takes alpha (real, default 4)",
            "experiment E on Bernoulli9 { horizon 100 compare ucb_alpha(alhpa = 2) }");

    [Fact]
    public void A_positional_parameter_is_asked_to_be_named() =>
        AssertError(DiagnosticIds.UnknownAlgorithmParameter, "name the parameter, e.g. `ucb_alpha(alpha = 4)`",
            "experiment E on Bernoulli9 { horizon 100 compare ucb_alpha(2) }");

    [Fact]
    public void A_parameter_of_the_wrong_type_says_the_type() =>
        AssertError(DiagnosticIds.AlgorithmParameterType, "m of explore_then_commit is an int, but this is a real",
            "experiment E on Bernoulli9 { horizon 100 compare explore_then_commit(m = 2.5) }");

    [Fact]
    public void A_string_parameter_other_than_label_is_refused() =>
        AssertError(DiagnosticIds.AlgorithmParameterType, "alpha of ucb_alpha is a real, not a string",
            "experiment E on Bernoulli9 { horizon 100 compare ucb_alpha(alpha = \"big\") }");

    [Fact]
    public void A_label_must_be_a_string() =>
        AssertError(DiagnosticIds.AlgorithmParameterType, "a label is a string in double quotes",
            "experiment E on Bernoulli9 { horizon 100 compare ucb1(label = 3) }");

    [Theory]
    [InlineData("horizon 0", "the horizon is 0 but must be between 1 and 1,000,000,000 steps")]
    [InlineData("horizon 2000000000", "the horizon is 2,000,000,000 but must be between 1 and 1,000,000,000 steps")]
    [InlineData("horizon 10.5", "the horizon must be a whole number, but this is a real")]
    public void The_horizon_must_be_positive_and_bounded(string horizon, string message) =>
        AssertError(DiagnosticIds.ExperimentHorizonOutOfRange, message, $"experiment E on Bernoulli9 {{ {horizon} compare ucb1 }}");

    [Fact]
    public void Runs_must_be_positive() =>
        AssertError(DiagnosticIds.RunsOutOfRange, "the number of runs is 0 but must be between 1 and 10,000,000",
            "experiment E on Bernoulli9 { horizon 100 runs 0 compare ucb1 }");

    [Fact]
    public void A_negative_seed_is_refused() =>
        AssertError(DiagnosticIds.SeedOutOfRange, "the seed is -1 but must be at least 0",
            "experiment E on Bernoulli9 { horizon 100 seed -1 compare ucb1 }");

    [Fact]
    public void An_override_that_makes_the_horizon_wrong_is_blamed_at_the_parameter()
    {
        var d = Single("experiment E on Bernoulli9 {\n  param T = 100\n  horizon T\n  compare ucb1\n}", overrides: new() { ["T"] = "0" });
        Assert.Equal(DiagnosticIds.ExperimentHorizonOutOfRange, d.Id);
        Assert.Equal("the horizon is 0 (with T = 0 from the command-line override -p T=0) but must be between 1 and 1,000,000,000 steps", d.Message);
        Assert.Equal(3, d.Span.Line);
    }

    [Fact]
    public void A_linear_algorithm_on_a_stochastic_bandit_does_not_fit() =>
        AssertError(DiagnosticIds.AlgorithmDoesNotFit, "linucb is for linear bandits, and Bernoulli9 is a stochastic bandit; for it compare ucb1,",
            "experiment E on Bernoulli9 { horizon 100 compare ucb1, linucb }");

    [Fact]
    public void An_index_policy_on_an_adversarial_bandit_does_not_fit_but_exp3_does()
    {
        AssertError(DiagnosticIds.AlgorithmDoesNotFit, "ucb1 is for stochastic and linear bandits, and Adv is an adversarial bandit; for it compare exp3, exp3_ix",
            "experiment E on Adv { horizon 100 compare exp3, ucb1 }", Adversarial);
        Assert.Empty(Compile(Adversarial + "experiment E on Adv { horizon 100 compare exp3, exp3_ix }").Diagnostics);
    }

    [Fact]
    public void Linear_algorithms_fit_a_linear_bandit() =>
        Assert.Empty(Compile(Linear + "experiment E on Lin { horizon 100 compare linucb, oful, lin_thompson, ucb1, exp3 }").Diagnostics);

    [Fact]
    public void Best_arm_identification_must_record_the_error()
    {
        AssertError(DiagnosticIds.BestArmWithoutError, "successive_rejects identifies a best arm within the budget and is judged by its error probability; add `error` to `record`",
            "experiment E on Bernoulli9 { horizon 100 compare successive_rejects record regret }");
        // Without `record`, an experiment of best-arm identification algorithms only records the error.
        Assert.Empty(Compile(Bernoulli + "experiment E on Bernoulli9 { horizon 100 compare successive_rejects, successive_halving }").Diagnostics);
    }

    [Fact]
    public void An_experiment_on_an_undefined_model_lists_the_declared_ones() =>
        AssertError(DiagnosticIds.UnknownTarget, "no model named Bernoulli in this file; declared: Bernoulli9",
            "experiment E on Bernoulli { horizon 100 compare ucb1 }");

    [Fact]
    public void A_bandit_algorithm_on_an_mdp_does_not_fit()
    {
        const string mdp = "mdp Walk { state s in 0..3 action go init s = 0 discount 0.9 go: s' = min(s + 1, 3) }\n";
        AssertError(DiagnosticIds.AlgorithmDoesNotFit, "ucb1 is for stochastic and linear bandits, and Walk is a discounted mdp; for it compare ucbvi_hoeffding",
            "experiment E on Walk { episodes 100 horizon 10 compare ucb1 }", mdp);
    }

    [Fact]
    public void An_unknown_statistic_suggests_and_lists_the_known_ones() =>
        AssertError(DiagnosticIds.UnknownStatistic, "unknown statistic 'regert' (did you mean 'regret'?); the statistics are regret, realized_regret, cumulative_reward, counts, best_arm_rate, error",
            "experiment E on Bernoulli9 { horizon 100 compare ucb1 record regert }");

    [Fact]
    public void The_error_is_not_defined_on_an_adversarial_bandit() =>
        AssertError(DiagnosticIds.UnknownStatistic, "'best_arm_rate' is not defined for an adversarial bandit",
            "experiment E on Adv { horizon 100 compare exp3 record regret, best_arm_rate }", Adversarial);

    [Theory]
    [InlineData("every = 0", "every is 0 but must be between 1 and the horizon (100)")]
    [InlineData("every = 101", "every is 101 but must be between 1 and the horizon (100)")]
    [InlineData("log_points = 500", "log_points is 500 but must be between 2 and the horizon (100)")]
    public void Checkpoints_must_be_positive_and_within_the_horizon(string option, string message) =>
        AssertError(DiagnosticIds.CheckpointsOutOfRange, message, $"experiment E on Bernoulli9 {{ horizon 100 compare ucb1 record regret, {option} }}");

    [Fact]
    public void Every_and_log_points_do_not_combine() =>
        AssertError(DiagnosticIds.SettingShape, "give either every = N or log_points = N",
            "experiment E on Bernoulli9 { horizon 100 compare ucb1 record regret, every = 10, log_points = 5 }");

    [Fact]
    public void A_plot_of_a_statistic_not_recorded_is_refused()
    {
        AssertError(DiagnosticIds.PlotNotRecorded, "'best_arm_rate' is not recorded, so it cannot be plotted; add it to `record` (recorded: regret, counts)",
            "experiment E on Bernoulli9 { horizon 100 compare ucb1 record regret, counts plot best_arm_rate }");
        AssertError(DiagnosticIds.PlotNotRecorded, "'counts' has one value per arm",
            "experiment E on Bernoulli9 { horizon 100 compare ucb1 record regret, counts plot counts }");
    }

    [Fact]
    public void An_unknown_setting_is_a_misspelled_keyword_or_does_not_belong()
    {
        var typo = Single("experiment E on Bernoulli9 { horizon 100 compare ucb1 rnus 10 }");
        Assert.Equal(DiagnosticIds.SyntaxError, typo.Id);
        Assert.Equal("unknown keyword 'rnus'; did you mean 'runs'?", typo.Message);
        AssertError(DiagnosticIds.MemberNotAllowed, "`budget` does not belong in `experiment` models; they declare param, let, horizon, runs, seed, compare, record, plot, instance, sweep",
            "experiment E on Bernoulli9 { horizon 100 compare ucb1 budget 10 }");
    }

    [Fact]
    public void A_setting_given_twice_is_reported_at_the_second() =>
        AssertError(DiagnosticIds.DuplicateSetting, "`runs` is already set at line 2; keep one",
            "experiment E on Bernoulli9 { horizon 100 runs 10 compare ucb1 runs 20 }");

    [Fact]
    public void Horizon_and_compare_are_required()
    {
        AssertError(DiagnosticIds.MissingSetting, "experiment 'E' has no `horizon`; add one, e.g. `horizon 10000`", "experiment E on Bernoulli9 { compare ucb1 }");
        AssertError(DiagnosticIds.MissingSetting, "experiment 'E' has no `compare`; add one, e.g. `compare ucb1, kl_ucb, thompson`", "experiment E on Bernoulli9 { horizon 100 }");
    }

    [Fact]
    public void A_setting_with_one_value_takes_one() =>
        AssertError(DiagnosticIds.SettingShape, "`runs` takes one value, e.g. `runs 1000`", "experiment E on Bernoulli9 { horizon 100 runs 10, 20 compare ucb1 }");

    [Fact]
    public void The_instance_is_fixed_or_per_run() =>
        AssertError(DiagnosticIds.UnknownInstanceMode, "unknown instance mode 'per_runs' (did you mean 'per_run'?)",
            "experiment E on Bernoulli9 { horizon 100 compare ucb1 instance per_runs }");

    [Fact]
    public void A_sweep_names_a_parameter_of_the_bandit_with_values_of_its_type()
    {
        AssertError(DiagnosticIds.InvalidSweep, "Lin has no parameter 'k' (did you mean 'K'?); its parameters are d, K",
            "experiment E on Lin { horizon 100 compare linucb sweep k = [5, 10] }", Linear);
        AssertError(DiagnosticIds.InvalidSweep, "K is an int, so sweep it over a list of them, e.g. `sweep K = [5, 10, 20]`; this is a list of real",
            "experiment E on Lin { horizon 100 compare linucb sweep K = [5.5, 10] }", Linear);
        AssertError(DiagnosticIds.InvalidSweep, "Bernoulli9 has no parameter 'K'; it declares no parameters",
            "experiment E on Bernoulli9 { horizon 100 compare ucb1 sweep K = [5, 10] }");
        Assert.Empty(Compile(Linear + "experiment E on Lin { horizon 100 compare linucb sweep K = [10, 100, 1000] }").Diagnostics);
    }

    [Fact]
    public void An_algorithm_sweep_names_a_compared_algorithm_a_parameter_it_takes_and_values_of_its_type()
    {
        AssertError(DiagnosticIds.UnknownAlgorithm, "unknown algorithm 'ucb_alfa' (did you mean 'ucb_alpha'?) in the sweep",
            "experiment E on Bernoulli9 { horizon 100 compare ucb_alpha sweep ucb_alfa(alpha = [1, 2]) }");
        AssertError(DiagnosticIds.UnknownAlgorithmParameter, "ucb_alpha takes no parameter 'beta'",
            "experiment E on Bernoulli9 { horizon 100 compare ucb_alpha sweep ucb_alpha(beta = [1, 2]) }");
        AssertError(DiagnosticIds.AlgorithmParameterType, "m of explore_then_commit is an int, so sweep it over a list of them",
            "experiment E on Bernoulli9 { horizon 100 compare explore_then_commit sweep explore_then_commit(m = [1.5, 2]) }");
        AssertError(DiagnosticIds.AlgorithmParameterType, "alpha of ucb_alpha is a real, so sweep it over a list of them",
            "experiment E on Bernoulli9 { horizon 100 compare ucb_alpha sweep ucb_alpha(alpha = 2) }");
        AssertError(DiagnosticIds.InvalidSweep, "ucb_alpha is not in `compare`; add it there",
            "experiment E on Bernoulli9 { horizon 100 compare ucb1 sweep ucb_alpha(alpha = [1, 2]) }");
        AssertError(DiagnosticIds.InvalidSweep, "alpha of ucb_alpha is swept, so `compare` cannot also set it",
            "experiment E on Bernoulli9 { horizon 100 compare ucb_alpha(alpha = 3) sweep ucb_alpha(alpha = [1, 2]) }");
        AssertError(DiagnosticIds.SettingShape, "ucb1 takes no parameters, so it cannot be swept",
            "experiment E on Bernoulli9 { horizon 100 compare ucb1 sweep ucb1() }");
        AssertError(DiagnosticIds.InvalidSweep, "a sweep has between 1 and 1000 values, and this one has 0",
            "experiment E on Bernoulli9 { horizon 100 compare ucb_alpha sweep ucb_alpha(alpha = []) }");
        var ok = Compile(Bernoulli + "experiment E on Bernoulli9 { horizon 100 compare ucb1, ucb_alpha sweep ucb_alpha(alpha = [0.5, 1, 2]) }");
        Assert.Empty(ok.Diagnostics);
        var source = ok.Models.Single(m => m.Kind == "experiment").Source;
        Assert.Contains("ExperimentSweep(\"ucb_alpha.alpha\", new[] { \"0.5\", \"1\", \"2\" })", source);
        Assert.Contains("sweepIndex => new global::RlSpec.Runtime.Bandits.Algorithms.UcbAlpha(alpha: sweepIndex switch { 0 => 0.5, 1 => 1.0, 2 => 2.0,", source);
    }

    [Fact]
    public void Two_entries_with_the_same_label_are_refused_and_parameters_tell_them_apart()
    {
        AssertError(DiagnosticIds.DuplicateLabel, "the label 'ucb1' is already used at line 2, column 50",
            "experiment E on Bernoulli9 { horizon 100 compare ucb1, ucb1 }");
        var ok = Compile(Bernoulli + "experiment E on Bernoulli9 { horizon 100 compare ucb_alpha, ucb_alpha(alpha = 0.5), ucb1(label = \"UCB\") }");
        Assert.Empty(ok.Diagnostics);
        var source = ok.Models.Single(m => m.Kind == "experiment").Source;
        Assert.Contains("\"ucb_alpha(alpha=4)\"", source);
        Assert.Contains("\"ucb_alpha(alpha=0.5)\"", source);
        Assert.Contains("\"UCB\"", source);
    }
}
