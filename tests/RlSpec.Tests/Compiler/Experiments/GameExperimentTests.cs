using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using RlSpec.Cli;
using RlSpec.Compiler;
using RlSpec.Compiler.Kinds.Experiment.Algorithms;
using RlSpec.Runtime.Games.Dynamics;
using RlSpec.Runtime.Games.Markov;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Runtime.Games.Preference;
using RlSpec.Tests.Infrastructure;
using RlSpec.Tests.Runtime.Games.Dynamics;
using Xunit;

namespace RlSpec.Tests.Compiler.Experiments;

/// <summary>
/// Experiments on a game: the compiler's table of learning dynamics agrees with the runtime classes, the example's
/// emitted code is pinned, and the example run through the CLI shows the known last-iterate behaviour.
/// </summary>
public class GameExperimentTests
{
    private static string Example => Path.Combine(Paths.Examples, "games", "omwu-vs-mwu.rlspec");

    public static TheoryData<string> Names() => new(GameDynamicsAlgorithms.Names);

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_entry_matches_its_runtime_class(string name)
    {
        var dynamic = GameDynamicsAlgorithms.Find(name)!;
        var entry = dynamic.Algorithm;
        Assert.Equal(BanditFits.Game, entry.Fits);
        var type = typeof(IGameDynamics).Assembly.GetType(GameDynamicsAlgorithms.RuntimeNamespace + "." + entry.TypeName);
        Assert.NotNull(type);
        Assert.True(type!.IsPublic && !type.IsAbstract && typeof(IGameDynamics).IsAssignableFrom(type), $"{type} is not a public IGameDynamics");
        var gameType = dynamic.GameType switch
        {
            "PreferenceGame" => typeof(PreferenceGame),
            "MarkovGame" => typeof(MarkovGame),
            _ => typeof(BimatrixGame),
        };
        // The GameModel property the emitted code reads has the constructor's game type.
        Assert.Equal(gameType, typeof(RlSpec.Runtime.Games.GameModel).GetProperty(dynamic.GameProperty)!.PropertyType);
        var expected = new[] { (gameType, "game") }.Concat(entry.Parameters.Select(p => (p.Type == AlgorithmParameterType.Int ? typeof(int) : typeof(double), p.Name))).ToArray();
        var constructors = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        Assert.Contains(constructors, c => c.GetParameters().Select(p => (p.ParameterType, p.Name!)).SequenceEqual(expected) && c.GetParameters().All(p => !p.HasDefaultValue));
    }

    [Fact]
    public void Every_runtime_dynamic_is_in_the_table()
    {
        var runtime = typeof(IGameDynamics).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && t.IsClass && t.Namespace == GameDynamicsAlgorithms.RuntimeNamespace && typeof(IGameDynamics).IsAssignableFrom(t))
            .Select(t => t.Name).OrderBy(n => n);
        Assert.Equal(runtime, GameDynamicsAlgorithms.All.Select(a => a.Algorithm.TypeName).OrderBy(n => n));
    }

    [Fact]
    public void The_defaults_are_the_contracts()
    {
        // OMWU's default is below 1/8, the largest step of the last-iterate guarantee (Wei et al. 2021).
        Assert.True(GameDynamicsAlgorithms.Find("omwu")!.Algorithm.Parameter("eta")!.Default <= 0.125);
        Assert.Equal(0.0, GameDynamicsAlgorithms.Find("nash_md")!.Algorithm.Parameter("eta")!.Default);
        Assert.All(GameDynamicsAlgorithms.All.Where(a => a.Algorithm.Name != "nash_md").SelectMany(a => a.Algorithm.Parameters), p => Assert.Equal(ParameterRange.Positive, p.Range));
    }

    [Fact]
    public void The_example_declares_the_tests_full_support_game()
    {
        // The payoff literal in the example is the game of the dynamics tests, number for number.
        var result = RlSpecCompiler.Compile("examples/games/omwu-vs-mwu.rlspec", File.ReadAllText(Example));
        Assert.Empty(result.Diagnostics);
        var text = File.ReadAllText(Example);
        var table = text.Substring(text.IndexOf("payoff row = [", StringComparison.Ordinal) + "payoff row = ".Length);
        table = table.Substring(0, table.IndexOf("\n  ]", StringComparison.Ordinal));
        var numbers = table.Split(new[] { '[', ']', ',', ' ', '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var game = DynamicsTestGames.FullSupport10();
        Assert.Equal(100, numbers.Length);
        for (int i = 0; i < 10; i++)
            for (int j = 0; j < 10; j++)
                Assert.Equal(game.RowPayoff(i, j), numbers[i * 10 + j]);
    }

    [Fact]
    public void Emitted_experiment_matches_the_snapshot()
    {
        var result = RlSpecCompiler.Compile("examples/games/omwu-vs-mwu.rlspec", File.ReadAllText(Example));
        Assert.Empty(result.Diagnostics);
        var model = Assert.Single(result.Models, m => m.Name == "OmwuVsMwu");
        Snapshot.Verify(model.Source, model.Name, "cs", Path.Combine(Paths.Tests, "Compiler", "Snapshots"));
    }

    [Fact]
    public void The_example_runs_through_the_cli_and_shows_last_iterate_behaviour()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"rlspec-{Guid.NewGuid():N}");
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = Program.Run(new[] { "run", Example, "-p", "T=60000", "--threads", "1", "--out", directory }, output, error);
            Assert.True(code == 0, error.ToString());
            var rows = File.ReadAllLines(Path.Combine(directory, "results.csv")).Skip(1).Select(l => l.Split(','))
                .Select(c => (Algorithm: c[0], Statistic: c[3], Checkpoint: int.Parse(c[5], CultureInfo.InvariantCulture), Mean: double.Parse(c[7], CultureInfo.InvariantCulture)))
                .ToList();
            List<double> Curve(string algorithm, string statistic) =>
                rows.Where(r => r.Algorithm == algorithm && r.Statistic == statistic).OrderBy(r => r.Checkpoint).Select(r => r.Mean).ToList();
            var mwu = Curve("mwu", "duality_gap");
            var omwu = Curve("omwu", "duality_gap");
            // MWU's last iterate moves away (its gap at the end is large) while its average converges.
            Assert.True(mwu[^1] > 0.1, $"MWU last gap {mwu[^1]}");
            Assert.True(Curve("mwu", "average_duality_gap")[^1] < mwu[^1] / 20);
            Assert.True(Curve("mwu", "equilibrium_distance")[^1] > 0.5);
            // OMWU's last iterate converges: its gap at the end is far below MWU's and falls over the second half.
            Assert.True(omwu[^1] < 0.05 && omwu[^1] < mwu[^1] / 10, $"OMWU last gap {omwu[^1]}");
            Assert.True(omwu[^1] < omwu[omwu.Count / 2] / 2, $"OMWU gap {omwu[omwu.Count / 2]} -> {omwu[^1]}");
            Assert.True(Curve("extragradient", "duality_gap")[^1] < 1e-6);
            Assert.True(File.Exists(Path.Combine(directory, "duality_gap.svg")));
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, true);
        }
    }
}
