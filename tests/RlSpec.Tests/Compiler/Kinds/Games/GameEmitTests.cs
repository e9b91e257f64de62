using System.Collections.Generic;
using System.IO;
using System.Linq;
using RlSpec.Cli.Hosting;
using RlSpec.Compiler;
using RlSpec.Runtime.Games;
using RlSpec.Tests.Infrastructure;
using Xunit;

namespace RlSpec.Tests.Compiler.Kinds.Games;

/// <summary>The game kind end to end: each example under examples/games compiles, its emitted C# is pinned by a snapshot,
/// and the emitted class, compiled with Roslyn, builds the runtime game the declaration describes.</summary>
public class GameEmitTests
{
    public static IEnumerable<object[]> Examples() =>
        Directory.GetFiles(Path.Combine(Paths.Examples, "games"), "*.rlspec").Select(f => new object[] { Path.GetFileName(f) }).OrderBy(x => (string)x[0]);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Emitted_game_code_matches_the_snapshot(string file)
    {
        var result = RlSpecCompiler.Compile("examples/games/" + file, File.ReadAllText(Path.Combine(Paths.Examples, "games", file)));
        Assert.Empty(result.Diagnostics);
        foreach (var model in result.Models.Where(m => m.Kind == "game"))
            Snapshot.Verify(model.Source, model.Name, "cs", Path.Combine(Paths.Tests, "Compiler", "Snapshots"));
    }

    /// <summary>Compiles one game declaration and runs its emitted Create() through the CLI's host.</summary>
    internal static GameModel Create(string source)
    {
        var result = RlSpecCompiler.Compile("test.rlspec", source);
        Assert.Empty(result.Diagnostics);
        var model = Assert.Single(result.Models);
        var loaded = InMemoryModelCompiler.Load(model);
        Assert.Empty(loaded.Errors);
        return Assert.IsType<GameModel>(loaded.Host);
    }

    [Fact]
    public void A_bimatrix_game_builds_both_matrices_and_names()
    {
        var g = Create("game B { player row(up, down) player col(left, mid, right) payoff row = [[1, 2, 3], [4, 5, 6]], col = [[6, 5, 4], [3, 2, 1]] }");
        Assert.Equal(GameForm.Bimatrix, g.Form);
        Assert.Equal(new[] { "left", "mid", "right" }, g.Actions[1]);
        Assert.Equal(6, g.Bimatrix!.RowPayoff(1, 2));
        Assert.Equal(4, g.Bimatrix.ColumnPayoff(0, 2));
    }

    [Fact]
    public void Zero_sum_symmetric_and_function_payoffs_follow_the_declaration()
    {
        var z = Create("game Z zero_sum { param k = 2 player row(3) player col(2) payoff row = k * row - col }");
        Assert.Equal(GameForm.ZeroSum, z.Form);
        Assert.Equal(new[] { "a0", "a1", "a2" }, z.Actions[0]);
        Assert.Equal(2 * 2 - 1, z.Bimatrix!.RowPayoff(2, 1));
        Assert.Equal(-(2 * 2 - 1), z.Bimatrix.ColumnPayoff(2, 1));
        var s = Create("game S symmetric { player row(a, b) player col(a, b) payoff row = [[1, 2], [3, 4]] }");
        Assert.Equal(3, s.Bimatrix!.ColumnPayoff(0, 1)); // B = Aᵀ: B[0,1] = A[1,0]
        Assert.Equal(2, s.Bimatrix.ColumnPayoff(1, 0));
    }

    [Fact]
    public void Random_games_draw_with_the_declared_seed()
    {
        var a = Create("game R zero_sum { player row(4) player col(3) random gaussian(0, 1), seed = 7 }");
        var b = Create("game R zero_sum { player row(4) player col(3) random gaussian(0, 1), seed = 7 }");
        var c = Create("game R zero_sum { player row(4) player col(3) random gaussian(0, 1), seed = 8 }");
        Assert.Equal(a.Bimatrix!.RowPayoffs, b.Bimatrix!.RowPayoffs);
        Assert.NotEqual(a.Bimatrix.RowPayoffs, c.Bimatrix!.RowPayoffs);
        var random = RlSpec.Runtime.Randomness.RandomStream.Create(7, 0);
        Assert.Equal(RlSpec.Runtime.Games.Generators.RandomGames.GaussianMatrix(ref random, 4, 3), a.Bimatrix.RowPayoffs);
        var u = Create("game U { player row(2) player col(2) random uniform(-1, 1), seed = 3 }");
        foreach (double v in u.Bimatrix!.ColumnPayoffs) Assert.InRange(v, -1, 1);
    }
}
