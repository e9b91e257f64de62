using System.Linq;
using RlSpec.Compiler.Diagnostics;
using Xunit;

namespace RlSpec.Tests.Compiler.Experiments;

/// <summary>
/// Experiments on an mdp: what compiles (online RL in episodes, policy optimization in iterations), and one
/// diagnostic with its id for each mistake the learning families add (the golden cases hold the full texts).
/// </summary>
public class LearningExperimentDiagnosticTests
{
    private const string River = """
        mdp River {
          param N = 4
          state s in 0..N-1
          action left, right
          init s = 0
          horizon 10
          left:  s' = max(s - 1, 0)
          right: s' = min(s + 1, N - 1) @ 0.4 | s' = s @ 0.6
          reward right when s == N-1: 1
        }

        """;

    private const string Chain = """
        mdp Chain {
          state s in 0..3
          action back, forward
          init s = 0
          discount 0.9
          back: s' = 0
          forward: s' = min(s + 1, 3)
          reward forward when s == 3: 1
          reward back: 0.1
        }

        """;

    private static void AssertError(string id, string fragment, string text)
    {
        var errors = ExperimentDiagnosticTests.Compile(text).Diagnostics.Where(d => d.IsError).ToList();
        var d = Assert.Single(errors);
        Assert.Equal(id, d.Id);
        Assert.True(d.Message.Contains(fragment), $"message: {d.Message}\nexpected to contain: {fragment}");
    }

    [Fact]
    public void Online_rl_on_a_finite_horizon_model_and_on_a_discounted_one_in_episodes_compile()
    {
        Assert.Empty(ExperimentDiagnosticTests.Compile(River + """
            experiment Learn on River {
              episodes 2000  runs 10  seed 1
              compare ucbvi_bernstein, ucbvi_hoeffding, mvp(bonus = 0.5), psrl, epsilon_greedy_q(epsilon = 0.1)
              record regret, realized_regret, cumulative_reward, log_points = 20
              plot regret, log_x = true
            }
            """).Diagnostics);
        Assert.Empty(ExperimentDiagnosticTests.Compile(Chain + "experiment Learn on Chain { episodes 100 horizon 20 compare psrl, optimistic_q_learning }").Diagnostics);
    }

    [Fact]
    public void Policy_optimization_on_a_discounted_model_compiles() =>
        Assert.Empty(ExperimentDiagnosticTests.Compile(Chain + """
            experiment Optimize on Chain {
              iterations 500
              compare npg(step = 0.5, growth = 1.1), softmax_pg, pmd_kl, policy_iteration
              record suboptimality, policy_distance
            }
            """).Diagnostics);

    [Theory]
    [InlineData("epsilon_greedy_q(epsilon = 1.5)", "epsilon of epsilon_greedy_q is 1.5 but must be between 0 and 1")]
    [InlineData("psrl(prior = 0)", "prior of psrl is 0 but must be positive")]
    [InlineData("mvp(bonus = -1)", "bonus of mvp is -1 but must be at least 0")]
    public void An_online_parameter_out_of_range_is_refused(string algorithm, string message) =>
        AssertError(DiagnosticIds.AlgorithmParameterOutOfRange, message, River + $"experiment E on River {{ episodes 10 compare {algorithm} }}");

    [Theory]
    [InlineData("npg(step = -0.1)", "step of npg is -0.1 but must be positive")]
    [InlineData("npg(growth = 0.5)", "growth of npg is 0.5 but must be at least 1")]
    [InlineData("pmd_kl(samples = -3)", "samples of pmd_kl is -3 but must be at least 0")]
    [InlineData("entropy_npg(tau = 0)", "tau of entropy_npg is 0 but must be positive")]
    public void A_policy_optimization_parameter_out_of_range_is_refused(string algorithm, string message) =>
        AssertError(DiagnosticIds.AlgorithmParameterOutOfRange, message, Chain + $"experiment E on Chain {{ iterations 10 compare {algorithm} }}");

    [Fact]
    public void A_parameter_an_algorithm_does_not_take_lists_the_ones_it_takes() =>
        AssertError(DiagnosticIds.UnknownAlgorithmParameter, "psrl takes no parameter 'bonus'; it takes prior (real, default 1)",
            River + "experiment E on River { episodes 10 compare psrl(bonus = 2) }");

    [Fact]
    public void Episodes_are_for_mdps() =>
        AssertError(DiagnosticIds.SettingShape, "`episodes` is for experiments on an mdp",
            "bandit Arms { arms [bernoulli(0.5), bernoulli(0.6)] }\nexperiment E on Arms { horizon 100 episodes 10 compare ucb1 }");

    [Fact]
    public void Online_rl_runs_in_episodes_and_policy_optimization_in_iterations()
    {
        AssertError(DiagnosticIds.SettingShape, "learns online, in `episodes K`, not iterations", River + "experiment E on River { iterations 10 compare psrl }");
        AssertError(DiagnosticIds.SettingShape, "runs for `iterations N`, not episodes", Chain + "experiment E on Chain { episodes 10 compare npg }");
        AssertError(DiagnosticIds.MissingSetting, "has no `episodes`", River + "experiment E on River { compare psrl }");
        AssertError(DiagnosticIds.MissingSetting, "has no `iterations`", Chain + "experiment E on Chain { compare npg }");
    }

    [Fact]
    public void A_statistic_of_the_other_family_is_refused()
    {
        AssertError(DiagnosticIds.UnknownStatistic, "'suboptimality' is not defined on River, a finite-horizon mdp; record regret, realized_regret and cumulative_reward",
            River + "experiment E on River { episodes 10 compare psrl record suboptimality }");
        // On a discounted model both families fit the model: the compared algorithms decide.
        AssertError(DiagnosticIds.UnknownStatistic, "'suboptimality' is not defined for an online RL algorithm; record regret, realized_regret and cumulative_reward",
            Chain + "experiment E on Chain { episodes 10 horizon 5 compare psrl record suboptimality }");
        AssertError(DiagnosticIds.UnknownStatistic, "'counts' is a statistic of bandit experiments",
            River + "experiment E on River { episodes 10 compare psrl record counts }");
    }

    [Fact]
    public void A_sweep_is_for_bandits() =>
        AssertError(DiagnosticIds.SettingShape, "`sweep` is for experiments on a bandit",
            River + "experiment E on River { episodes 10 compare psrl sweep N = [4, 8] }");
}
