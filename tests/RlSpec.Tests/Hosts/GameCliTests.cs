using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using RlSpec.Cli;
using RlSpec.Cli.Games;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Tests.Diagnostics;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Hosts;

/// <summary>
/// `rlspec check` and `rlspec solve` on games, in-process: every game diagnostic (RLS0800-0826) through the CLI, and the
/// examples under examples/games solved with their published answers (benchmarks.md, textbook closed forms).
/// </summary>
public class GameCliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string Example(string name) => Path.Combine(Paths.Examples, "games", name);

    private static string CasesDirectory => Path.Combine(Paths.Tests, "Diagnostics", "Cases");

    public static IEnumerable<object[]> GameCases() =>
        Directory.GetFiles(CasesDirectory, "RLS08*.rlspec").Select(f => new object[] { Path.GetFileNameWithoutExtension(f) }).OrderBy(x => (string)x[0]);

    [Theory]
    [MemberData(nameof(GameCases))]
    public void Check_reports_each_game_mistake_as_the_compiler_does(string name)
    {
        var (code, output, _) = Run("check", Path.Combine(CasesDirectory, name + ".rlspec"));
        Assert.Equal(1, code);
        var api = Assert.Single(GoldenDiagnosticTests.CompileCase(name).Diagnostics, d => d.IsError);
        Assert.Equal(name.Substring(0, 7), api.Id);
        Assert.Contains($"{name}.rlspec({api.Span.Line},{api.Span.Column}): error {api.Id}: {api.Message}", output);
    }

    private static JsonElement SolveJson(string file)
    {
        var (code, output, error) = Run("solve", Example(file), "--format", "json");
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement;
    }

    private static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    [Theory]
    [InlineData("rock-paper-scissors.rlspec", 3)]
    [InlineData("matching-pennies.rlspec", 2)]
    public void Rock_paper_scissors_and_matching_pennies_have_value_zero_and_uniform_strategies(string file, int actions)
    {
        var root = SolveJson(file);
        var z = root.GetProperty("zero_sum");
        Assert.Equal(0, z.GetProperty("value").GetDouble(), 12);
        var eq = z.GetProperty("equilibria")[0].GetProperty("strategies");
        foreach (var s in eq.EnumerateArray())
            foreach (var p in Doubles(s)) Assert.Equal(1.0 / actions, p, 12);
        var nash = root.GetProperty("nash_equilibria");
        Assert.True(nash.GetProperty("complete").GetBoolean());
        Assert.Equal(1, nash.GetProperty("equilibria").GetArrayLength());
    }

    [Fact]
    public void Battle_of_the_sexes_has_exactly_three_equilibria()
    {
        var nash = SolveJson("battle-of-the-sexes.rlspec").GetProperty("nash_equilibria");
        Assert.True(nash.GetProperty("complete").GetBoolean());
        var eqs = nash.GetProperty("equilibria").EnumerateArray().Select(e => e.GetProperty("strategies")).ToList();
        Assert.Equal(3, eqs.Count);
        bool Has(double[] x, double[] y) => eqs.Any(e =>
            Doubles(e[0]).Zip(x).All(p => Math.Abs(p.First - p.Second) < 1e-9) && Doubles(e[1]).Zip(y).All(p => Math.Abs(p.First - p.Second) < 1e-9));
        Assert.True(Has(new[] { 1.0, 0 }, new[] { 1.0, 0 }));
        Assert.True(Has(new[] { 0.0, 1 }, new[] { 0.0, 1 }));
        Assert.True(Has(new[] { 2 / 3.0, 1 / 3.0 }, new[] { 1 / 3.0, 2 / 3.0 }));
    }

    [Fact]
    public void The_prisoners_dilemma_has_one_pure_equilibrium_both_defect()
    {
        var root = SolveJson("prisoners-dilemma.rlspec");
        var pure = root.GetProperty("pure_equilibria").GetProperty("equilibria");
        Assert.Equal(1, pure.GetArrayLength());
        Assert.Equal(new[] { 0.0, 1 }, Doubles(pure[0].GetProperty("strategies")[0]));
        Assert.Equal(new[] { 0.0, 1 }, Doubles(pure[0].GetProperty("strategies")[1]));
        Assert.Equal(new[] { -2.0, -2 }, Doubles(pure[0].GetProperty("payoffs")));
        Assert.Equal(1, root.GetProperty("nash_equilibria").GetProperty("equilibria").GetArrayLength());
    }

    [Fact]
    public void The_congestion_example_ends_at_braess_equilibrium_and_no_driver_gains_by_deviating()
    {
        var root = SolveJson("congestion-routing.rlspec");
        var descent = root.GetProperty("potential_descent").GetProperty("equilibria")[0];
        // Everyone on the zig-zag (strategy 2): each bridge carries 4, cost 4 + 0 + 4 = 8; Rosenthal's potential 2·(1+2+3+4) = 20.
        foreach (var s in descent.GetProperty("strategies").EnumerateArray()) Assert.Equal(new[] { 0.0, 0, 1 }, Doubles(s));
        Assert.All(Doubles(descent.GetProperty("payoffs")), c => Assert.Equal(-8, c, 12));
        Assert.Equal(20, root.GetProperty("potential_descent").GetProperty("potential").GetDouble(), 12);
        Assert.Equal(0, descent.GetProperty("max_deviation_gain").GetDouble());
        Assert.Equal(1, root.GetProperty("pure_equilibria").GetProperty("equilibria").GetArrayLength());
    }

    [Fact]
    public void The_markov_example_has_the_closed_form_values()
    {
        var shapley = SolveJson("markov-chase.rlspec").GetProperty("shapley");
        var v = Doubles(shapley.GetProperty("state_values"));
        Assert.Equal(90.0 / 49, v[0], 9);
        Assert.Equal(130.0 / 49, v[1], 9);
        Assert.Equal(90.0 / 49, shapley.GetProperty("value").GetDouble(), 9);
        foreach (var p in shapley.GetProperty("state_strategies").EnumerateArray())
            foreach (var s in p.GetProperty("strategies").EnumerateArray())
                foreach (var x in Doubles(s)) Assert.Equal(0.5, x, 9);
    }

    [Fact]
    public void The_three_player_example_lists_both_pure_equilibria()
    {
        var pure = SolveJson("three-player-coordination.rlspec").GetProperty("pure_equilibria");
        Assert.True(pure.GetProperty("complete").GetBoolean());
        var eqs = pure.GetProperty("equilibria");
        Assert.Equal(2, eqs.GetArrayLength());
        Assert.Equal(new[] { 2.5, 2.5, 2.5 }, Doubles(eqs[1].GetProperty("payoffs")));
    }

    /// <summary>The three-player example's payoff, written out here: 1 per other player at the same venue, venue b (1) 0.5 nicer.</summary>
    private static double MeetingPayoff(int player, int[] s) =>
        Enumerable.Range(0, 3).Count(q => q != player && s[q] == s[player]) + 0.5 * s[player];

    [Fact]
    public void An_n_player_game_gets_correlated_and_coarse_correlated_equilibria_that_pass_every_incentive_constraint()
    {
        // Welfare is largest (7.5) at everyone at b, a pure equilibrium: the welfare-maximizing CE and CCE are that point mass.
        var root = SolveJson("three-player-coordination.rlspec");
        foreach (var key in new[] { "correlated_equilibrium", "coarse_correlated_equilibrium" })
        {
            var section = root.GetProperty(key);
            var d = section.GetProperty("distribution"); // nested arrays, one level per player: d[alice][bob][carol]
            var p = new double[2, 2, 2];
            Assert.Equal(2, d.GetArrayLength());
            for (int a = 0; a < 2; a++)
            {
                Assert.Equal(2, d[a].GetArrayLength());
                for (int b = 0; b < 2; b++) for (int c = 0; c < 2; c++) p[a, b, c] = d[a][b][c].GetDouble();
            }
            Assert.Equal(1, p[1, 1, 1], 9);
            Assert.Equal(new[] { 2.5, 2.5, 2.5 }, Doubles(section.GetProperty("payoffs")).Select(v => Math.Round(v, 9)));
            Assert.True(section.GetProperty("max_incentive_violation").GetDouble() <= 1e-9);
            // every incentive constraint recomputed from the payoff formula: obeying a recommendation (any, for the coarse
            // equilibrium) is at least as good as each deviation
            for (int i = 0; i < 3; i++)
                for (int own = 0; own < 2; own++)
                    for (int dev = 0; dev < 2; dev++)
                    {
                        double gain = 0;
                        for (int a = 0; a < 2; a++) for (int b = 0; b < 2; b++) for (int c = 0; c < 2; c++)
                        {
                            int[] s = [a, b, c];
                            if (key == "correlated_equilibrium" && s[i] != own) continue;
                            int[] t = [a, b, c];
                            t[i] = dev;
                            gain += p[a, b, c] * (MeetingPayoff(i, t) - MeetingPayoff(i, s));
                        }
                        Assert.True(gain <= 1e-9, $"{key}: player {i} gains {gain} by {own} -> {dev}");
                    }
        }
    }

    [Fact]
    public void An_n_player_correlated_equilibrium_is_printed_as_text_with_action_names()
    {
        // Chicken between alice and bob, and carol, whose action a earns 1 whatever happens: the welfare-maximizing CE is
        // Aumann's traffic light (1/4 dare-chicken, 1/4 chicken-dare, 1/2 chicken-chicken) with carol at a.
        string dir = Path.Combine(Path.GetTempPath(), "rlspec-g5-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string file = Path.Combine(dir, "chicken3.rlspec");
            File.WriteAllText(file, """
                game Chicken3 {
                  player alice(dare, chicken)
                  player bob(dare, chicken)
                  player carol(a, b)
                  payoff alice = if alice == 0 then (if bob == 0 then 0 else 7) else (if bob == 0 then 2 else 6)
                  payoff bob = if bob == 0 then (if alice == 0 then 0 else 7) else (if alice == 0 then 2 else 6)
                  payoff carol = if carol == 0 then 1 else 0
                }
                """);
            var (code, output, error) = Run("solve", file);
            Assert.True(code == 0, error);
            Assert.Contains("Correlated equilibrium (maximum welfare) [linear programming over joint distributions]", output);
            Assert.Contains("  (dare, chicken, a): 0.25", output);
            Assert.Contains("  (chicken, dare, a): 0.25", output);
            Assert.Contains("  (chicken, chicken, a): 0.5", output);
            Assert.Contains("  payoffs 5.25, 5.25, 1 (largest incentive violation", output);
            Assert.Contains("Coarse correlated equilibrium (maximum welfare)", output);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void The_incentive_check_of_the_cli_measures_a_violation()
    {
        // A point mass on a profile that is not an equilibrium shows the gain: alice at b with bob and carol at a earns 0.5,
        // and 2 by joining them: a violation of 1.5. Everyone at a is an equilibrium: no violation.
        var g = new RlSpec.Runtime.Games.NPlayer.NormalFormGame([2, 2, 2], Enumerable.Range(0, 3).Select(i =>
            Enumerable.Range(0, 8).Select(k => MeetingPayoff(i, [k / 4, k / 2 % 2, k % 2])).ToArray()).ToArray());
        var p = new double[8];
        p[1 * 4 + 0 * 2 + 0] = 1;
        Assert.Equal(1.5, GameAnalysis.Violation(g, p, coarse: false), 12);
        Assert.Equal(1.5, GameAnalysis.Violation(g, p, coarse: true), 12);
        p[1 * 4] = 0; p[0] = 1;
        Assert.Equal(0, GameAnalysis.Violation(g, p, coarse: false), 12);
    }

    [Fact]
    public void The_regularized_preference_game_has_a_verified_qre()
    {
        var root = SolveJson("preference-cycle.rlspec");
        var q = root.GetProperty("logit_qre");
        Assert.True(q.GetProperty("residual").GetDouble() <= 1e-10);
        foreach (var s in q.GetProperty("equilibria")[0].GetProperty("strategies").EnumerateArray())
            foreach (var x in Doubles(s)) Assert.Equal(1 / 3.0, x, 9);
        Assert.Equal(0.1, root.GetProperty("temperature").GetDouble());
    }

    [Fact]
    public void Text_output_names_actions_and_says_what_was_verified()
    {
        var (code, output, _) = Run("solve", Example("battle-of-the-sexes.rlspec"));
        Assert.Equal(0, code);
        Assert.Contains("best-response check", output);
        Assert.Contains("row: opera 0.6666666667, football 0.3333333333; col: opera 0.3333333333, football 0.6666666667", output);
        Assert.Contains("(3 in all: the list is complete)", output);
    }

    [Theory]
    [InlineData("--method", "vi")]
    [InlineData("--format", "csv")]
    [InlineData("--threads", "2")]
    public void Mdp_options_on_a_game_are_refused(string option, string value)
    {
        var (code, _, error) = Run("solve", Example("rock-paper-scissors.rlspec"), option, value);
        Assert.Equal(1, code);
        Assert.Contains("error RLS0842", error);
    }

    [Fact]
    public void An_unverified_equilibrium_is_an_error_not_an_answer()
    {
        // Matching pennies with a pure profile: the row player gains 2 by switching; the check must refuse it.
        var g = BimatrixGame.ZeroSum(new double[,] { { 1, -1 }, { -1, 1 } });
        Assert.Throws<UnverifiedEquilibriumException>(() => GameAnalysis.Verified(g, new[] { 1.0, 0 }, new[] { 1.0, 0 }, "a test profile"));
        var ok = GameAnalysis.Verified(g, new[] { 0.5, 0.5 }, new[] { 0.5, 0.5 }, "the uniform profile");
        Assert.Equal(0, ok.MaxGain);
    }
}
