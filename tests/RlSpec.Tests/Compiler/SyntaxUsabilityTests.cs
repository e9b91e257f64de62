using System.Linq;
using RlSpec.Compiler;
using Xunit;

namespace RlSpec.Tests.Compiler;

/// <summary>Where syntax-level diagnostics point: any line ending counts, and a misspelled keyword is named.</summary>
public class SyntaxUsabilityTests
{
    private const string Body = "mdp M {|  state s in 0..2|  action a|  discount 0.9|  a: stay|  reward: s + q|}|";

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Every_line_ending_counts_as_a_line_break(string newline)
    {
        var result = RlSpecCompiler.Compile("m.rlspec", Body.Replace("|", newline));
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("RLS0101", d.Id);
        Assert.Equal((6, 15), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void A_bare_carriage_return_ends_a_line_comment()
    {
        var result = RlSpecCompiler.Compile("m.rlspec", Body.Replace("|", "\r").Replace("action a", "action a // comment"));
        Assert.Equal("RLS0101", Assert.Single(result.Diagnostics).Id);
    }

    [Theory]
    [InlineData("dicount 0.96", "dicount", "discount")]
    [InlineData("discont 0.96", "discont", "discount")]
    [InlineData("rewrad a when s == 2: 1", "rewrad", "reward")]
    [InlineData("rewrad: 1", "rewrad", "reward")]
    [InlineData("stat t in 0..3", "stat", "state")]
    [InlineData("parm N = 3", "parm", "param")]
    public void A_misspelled_keyword_is_reported_at_the_word_with_the_keyword(string line, string word, string keyword)
    {
        var text = "mdp M {\n  state s in 0..2\n  action a\n  discount 0.9\n  a: stay\n  " + line + "\n}\n";
        var d = Assert.Single(RlSpecCompiler.Compile("m.rlspec", text).Diagnostics);
        Assert.Equal("RLS0001", d.Id);
        Assert.Equal((6, 3), (d.Span.Line, d.Span.Column));
        Assert.Equal($"unknown keyword '{word}'; did you mean '{keyword}'?", d.Message);
    }

    [Fact]
    public void An_action_named_like_a_keyword_is_not_called_a_misspelling()
    {
        // `rewards` is a declared action: the mistake is the missing outcome, reported where it is.
        var text = "mdp M {\n  state s in 0..2\n  action rewards\n  discount 0.9\n  rewards s' = 0\n}\n";
        var d = Assert.Single(RlSpecCompiler.Compile("m.rlspec", text).Diagnostics);
        Assert.Equal("RLS0001", d.Id);
        Assert.DoesNotContain("did you mean", d.Message);
        Assert.Equal((5, 11), (d.Span.Line, d.Span.Column));
    }

    [Theory]
    [InlineData("runs 1000", "RLS0120", 3, "`runs` does not belong in `mdp` models")]
    [InlineData("reward(x) ~ normal(x, 1)", "RLS0120", 3, "`reward(...)` does not belong in `mdp` models")]
    [InlineData("reward a: \"one\"", "RLS0125", 13, "a string is only allowed as a label or a title")]
    public void Settings_reward_functions_and_strings_are_refused_where_they_do_not_belong(string line, string id, int column, string message)
    {
        var text = "mdp M {\n  state s in 0..2\n  action a\n  discount 0.9\n  a: stay\n  " + line + "\n}\n";
        var d = Assert.Single(RlSpecCompiler.Compile("m.rlspec", text).Diagnostics);
        Assert.Equal(id, d.Id);
        Assert.Equal((6, column), (d.Span.Line, d.Span.Column));
        Assert.StartsWith(message, d.Message);
    }
}
