using System.Linq;
using RlSpec.Cli.Hosting;
using RlSpec.Compiler;
using RlSpec.Runtime.Mdp;
using Xunit;

namespace RlSpec.Tests.Compiler;

/// <summary>
/// A reward that fails or is NaN/infinite in some state is reported at the reward term, not at (1,1) or
/// at the rule: the emitted code tells a validating visitor which term it evaluates (BeginReward) and the
/// running total after it (RewardTotal).
/// </summary>
public class RewardLocationTests
{
    /// <summary>A three-state chain whose second reward term (line 8, column 3) is <paramref name="reward"/>.</summary>
    private static string Model(string reward) =>
        "mdp Bad {\n" +
        "  state s in 0..2\n" +
        "  action go\n" +
        "  discount 0.9\n" +
        "  let costs = [0.5 * i for i in 0..1]\n" +
        "  go: s' = min(s + 1, 2)\n" +
        "  reward go: 1\n" +
        "  " + reward + "\n" +
        "}\n";

    private static ModelError SingleError(string text)
    {
        var result = RlSpecCompiler.Compile("bad.rlspec", text);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        var loaded = InMemoryModelCompiler.Load(Assert.Single(result.Models));
        Assert.True(loaded.MdpHost != null, string.Join("\n", loaded.Errors));
        var errors = loaded.MdpHost!.Validate();
        return Assert.Single(errors);
    }

    [Theory]
    [InlineData("reward go: 1.0 / (2 - s)", "RLS0305", "(s=2)")]          // division by zero: +infinity
    [InlineData("reward go: log(s)", "RLS0305", "(s=0)")]                  // log(0): -infinity
    [InlineData("reward go: sqrt(s - 0.5)", "RLS0305", "(s=0)")]           // sqrt(-0.5): NaN
    [InlineData("reward go: costs[s]", "RLS0307", "(s=2)")]                // list index out of range
    [InlineData("reward go when s' == 2: log(s - 1)", "RLS0305", "(s=1)")] // a transition reward: -infinity
    [InlineData("reward go when s' == 2: costs[s]", "RLS0307", "(s=2)")]   // a transition reward out of range
    public void A_bad_reward_term_is_reported_at_the_term(string reward, string id, string state)
    {
        var error = SingleError(Model(reward));
        Assert.Equal(id, error.Id);
        Assert.Contains(state, error.Message);
        Assert.Equal(new SourceLocation("bad.rlspec", 8, 3), error.Location);
        Assert.Contains("reward at bad.rlspec(8,3)", error.Message);
    }

    [Fact]
    public void A_failing_successor_is_still_reported_at_the_rule()
    {
        var text = Model("reward go: 0").Replace("go: s' = min(s + 1, 2)", "go: s' = s + (if costs[s] > 0 then 1 else 0)");
        var error = SingleError(text);
        Assert.Equal("RLS0307", error.Id);
        Assert.Equal(new SourceLocation("bad.rlspec", 6, 3), error.Location);
    }

    [Fact]
    public void A_bad_entry_of_the_reward_table_is_reported_at_the_table()
    {
        // reward[s][a] with exp(1000) = +infinity in state 1. The table is reward term 1 (after `reward go: 1`), at (8,3).
        var text = "mdp Bad {\n  param x = 1000.0\n  state s in 0..2\n  action go\n  discount 0.9\n  go: s' = min(s + 1, 2)\n  reward go: 1\n  reward = [[0.0], [exp(x)], [0.0]]\n}\n";
        var error = SingleError(text);
        Assert.Equal("RLS0305", error.Id);
        Assert.Contains("(s=1)", error.Message);
        Assert.Equal(new SourceLocation("bad.rlspec", 8, 3), error.Location);
        Assert.Contains("reward at bad.rlspec(8,3)", error.Message);
    }

    [Fact]
    public void An_action_without_a_matching_rule_is_reported_at_its_first_rule()
    {
        // `go` has rules for s <= 1 only; in (s=2) none matches and there is no default (RLS0303).
        var text = "mdp Bad {\n  state s in 0..2\n  action go, stop\n  discount 0.9\n  stop: stay\n  go when s == 0: s' = 1\n  go when s == 1: s' = 2\n  reward: 1\n}\n";
        var error = SingleError(text);
        Assert.Equal("RLS0303", error.Id);
        Assert.Contains("(s=2)", error.Message);
        Assert.Equal(new SourceLocation("bad.rlspec", 6, 3), error.Location);
        Assert.Contains("first rule is at bad.rlspec(6,3)", error.Message);
    }

    [Fact]
    public void A_state_without_an_enabled_action_is_reported_at_the_first_guard()
    {
        // Both actions are guarded; in (s=2) neither applies (RLS0304). The first guard is at (3,18).
        var text = "mdp Bad {\n  state s in 0..2\n  action up when s < 2, down when s == 1\n  discount 0.9\n  up: s' = s + 1\n  down: s' = s - 1\n  reward: 1\n}\n";
        var error = SingleError(text);
        Assert.Equal("RLS0304", error.Id);
        Assert.Contains("(s=2)", error.Message);
        Assert.Equal(new SourceLocation("bad.rlspec", 3, 18), error.Location);
        Assert.Contains("guard of `up` is at bad.rlspec(3,18)", error.Message);
        // The CLI prints it there, not at (1,1).
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rlspec-loc-" + System.Guid.NewGuid().ToString("N") + ".rlspec");
        System.IO.File.WriteAllText(path, text);
        var output = new System.IO.StringWriter();
        var stderr = new System.IO.StringWriter();
        RlSpec.Cli.Program.Run(new[] { "solve", path }, output, stderr);
        Assert.Contains($"{path}(3,18): error RLS0304", output.ToString() + stderr);
    }
}
