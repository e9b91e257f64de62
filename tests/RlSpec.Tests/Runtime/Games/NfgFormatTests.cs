using System;
using System.IO;
using System.Linq;
using RlSpec.Cli;
using RlSpec.Runtime.Games.Gambit;
using RlSpec.Runtime.Games.NPlayer;
using RlSpec.Runtime.Randomness;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Runtime.Games;

/// <summary>Gambit .nfg files: the manual's two sample files (payoff and outcome versions of the same game), round trips, malformed input, the CLI.</summary>
public class NfgFormatTests
{
    // The sample files of the Gambit manual ("Game representation formats"): Selten (IJGT 1975), Figure 2, in both versions.
    private const string PayoffVersion = "NFG 1 R \"Selten (IJGT, 75), Figure 2, normal form\" { \"Player 1\" \"Player 2\" } { 3 2 }\n\n1 1 0 2 0 2 1 1 0 3 2 0\n";

    private const string OutcomeVersion = "NFG 1 R \"Selten (IJGT, 75), Figure 2, normal form\" { \"Player 1\" \"Player 2\" }\n\n{\n{ \"1\" \"2\" \"3\" }\n{ \"1\" \"2\" }\n}\n\n{\n{ \"\" 1, 1 }\n{ \"\" 0, 2 }\n{ \"\" 0, 2 }\n{ \"\" 1, 1 }\n{ \"\" 0, 3 }\n{ \"\" 2, 0 }\n}\n1 2 3 4 5 6\n";

    [Fact]
    public void Both_versions_of_the_manuals_sample_give_the_same_game()
    {
        var a = NfgFormat.Read(PayoffVersion);
        var b = NfgFormat.Read(OutcomeVersion);
        Assert.Equal(new[] { "Player 1", "Player 2" }, a.Players);
        Assert.Equal(3, a.Game.Actions(0));
        Assert.Equal(2, a.Game.Actions(1));
        // Profiles are listed with player 1 changing fastest: the 2nd profile is (2, 1) with payoffs (0, 2), the 4th (1, 2) with (1, 1).
        Assert.Equal(0, a.Game.Payoff(0, a.Game.JointIndex(new[] { 1, 0 })));
        Assert.Equal(2, a.Game.Payoff(1, a.Game.JointIndex(new[] { 1, 0 })));
        Assert.Equal(1, a.Game.Payoff(1, a.Game.JointIndex(new[] { 0, 1 })));
        Assert.Equal(3, a.Game.Payoff(1, a.Game.JointIndex(new[] { 1, 1 })));
        for (int p = 0; p < 2; p++) Assert.Equal(a.Game.Payoffs(p).ToArray(), b.Game.Payoffs(p).ToArray());
        Assert.Equal(new[] { "1", "2", "3" }, b.Strategies[0]);
    }

    [Fact]
    public void Rationals_decimals_and_the_null_outcome_are_read()
    {
        var g = NfgFormat.Read("NFG 1 R \"t\" { \"a\" \"b\" } { { \"x\" \"y\" } { \"z\" } } \"comment\" { { \"o\" 1/2 -2.5e1 } } 1 0");
        Assert.Equal(0.5, g.Game.Payoff(0, 0));
        Assert.Equal(-25, g.Game.Payoff(1, 0));
        Assert.Equal(0, g.Game.Payoff(0, 1));
    }

    [Fact]
    public void A_random_three_player_game_survives_a_round_trip()
    {
        var r = RandomStream.Create(31, 0);
        var counts = new[] { 2, 3, 4 };
        var payoffs = Enumerable.Range(0, 3).Select(_ => new double[24]).ToArray();
        foreach (var p in payoffs) for (int k = 0; k < p.Length; k++) p[k] = Sampling.Normal(ref r, 0, 1);
        var game = new NfgGame("random \"3\"", new[] { "a", "b", "c" }, counts.Select(k => (System.Collections.Generic.IReadOnlyList<string>)Enumerable.Range(0, k).Select(i => "s" + i).ToList()).ToList(), new NormalFormGame(counts, payoffs));
        var back = NfgFormat.Read(NfgFormat.Write(game));
        Assert.Equal(game.Title, back.Title);
        Assert.Equal(game.Strategies.Select(s => s.ToArray()), back.Strategies.Select(s => s.ToArray()));
        for (int p = 0; p < 3; p++) Assert.Equal(payoffs[p], back.Game.Payoffs(p).ToArray());
    }

    [Theory]
    [InlineData("EFG 2 R \"x\" { \"a\" }", 1, 1)]
    [InlineData("NFG 1 R \"x\" { \"a\" \"b\" } { 2 2 }\n1 2 3 4 5 6 7", 2, 14)]
    [InlineData("NFG 1 R \"x\" { \"a\" \"b\" } { 2 2 }\n1 2 x 4 5 6 7 8", 2, 5)]
    [InlineData("NFG 1 R \"x\" { \"a\" \"b\" } { 2 }\n1 2", 1, 25)]
    public void Malformed_files_say_where(string text, int line, int column)
    {
        var ex = Assert.Throws<NfgFormatException>(() => NfgFormat.Read(text));
        Assert.Equal((line, column), (ex.Line, ex.Column));
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("battle-of-the-sexes.rlspec")]
    [InlineData("rock-paper-scissors.rlspec")]
    [InlineData("three-player-coordination.rlspec")]
    [InlineData("congestion-routing.rlspec")]
    public void Exported_games_solve_the_same_from_the_nfg_file(string example)
    {
        var path = Path.Combine(Paths.Examples, "games", example);
        var nfg = Path.Combine(Path.GetTempPath(), $"rlspec-{Guid.NewGuid():N}.nfg");
        try
        {
            var (code, _, err) = Run("export-nfg", path, "--out", nfg);
            Assert.True(code == 0, err);
            var (c1, fromSource, e1) = Run("solve", path, "--format", "json");
            var (c2, fromNfg, e2) = Run("solve", nfg, "--format", "json");
            Assert.True(c1 == 0 && c2 == 0, e1 + e2);
            using var a = System.Text.Json.JsonDocument.Parse(fromSource);
            using var b = System.Text.Json.JsonDocument.Parse(fromNfg);
            // The pure equilibria of the source and of the file are the same profiles.
            Assert.Equal(a.RootElement.GetProperty("pure_equilibria").GetProperty("equilibria").ToString(),
                         b.RootElement.GetProperty("pure_equilibria").GetProperty("equilibria").ToString());
        }
        finally { File.Delete(nfg); }
    }

    [Fact]
    public void A_malformed_nfg_is_a_located_diagnostic_and_a_markov_game_is_not_exported()
    {
        var nfg = Path.Combine(Path.GetTempPath(), $"rlspec-{Guid.NewGuid():N}.nfg");
        try
        {
            File.WriteAllText(nfg, "NFG 1 R \"x\" { \"a\" \"b\" } { 2 2 }\n1 2 x 4 5 6 7 8");
            var (code, _, err) = Run("solve", nfg);
            Assert.Equal(1, code);
            Assert.Contains("(2,5): error RLS0843: expected a number, found 'x'", err);
        }
        finally { File.Delete(nfg); }
        var (c, _, e) = Run("export-nfg", Path.Combine(Paths.Examples, "games", "markov-chase.rlspec"));
        Assert.Equal(1, c);
        Assert.Contains("error RLS0842", e);
    }
}
