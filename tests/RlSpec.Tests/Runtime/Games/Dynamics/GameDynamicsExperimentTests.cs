using System;
using System.IO;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Experiments.Output;
using RlSpec.Runtime.Games.Dynamics;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Runtime.Randomness;
using Xunit;
using static RlSpec.Tests.Runtime.Games.Dynamics.DynamicsTestGames;

namespace RlSpec.Tests.Runtime.Games.Dynamics;

/// <summary><see cref="GameDynamicsExperiment.Run"/>: the recorded curves, thread-count independence, refusals, outputs.</summary>
public class GameDynamicsExperimentTests
{
    private static readonly BimatrixGame Game = FullSupport10();

    private static ExperimentSpec Spec(params Statistic[] record) => new()
    {
        Name = "dynamics", Model = "full_support_10", Horizon = 400, Runs = 2, Seed = 3, Unit = "iterations",
        Checkpoints = Checkpoints.Linear(100),
        Record = record.Length > 0 ? record : [Statistic.DualityGap, Statistic.AverageDualityGap, Statistic.EquilibriumDistance, Statistic.AverageNashConv],
    };

    private static GameDynamicsEntry[] Entries() =>
    [
        new("mwu", "MWU", [new("eta", "0.1")], () => new MultiplicativeWeights(Game, 0.1)),
        new("omwu", "OMWU", [new("eta", "0.1")], () => new OptimisticMultiplicativeWeights(Game, 0.1)),
        new("extragradient", "EG", [new("eta", "0.1")], () => new ProjectedExtragradient(Game, 0.1)),
    ];

    private static ExperimentResult Run(int threads, ExperimentSpec? spec = null, BimatrixGame? game = null) =>
        GameDynamicsExperiment.Run(spec ?? Spec(), Entries(), new MatrixGameMeasure(game ?? Game), new RunOptions { Threads = threads });

    [Fact]
    public void Records_the_gaps_and_distances_of_both_iterates()
    {
        var result = Run(1);
        var layout = result.Layouts[0];
        var gap = layout.Find(Statistic.DualityGap)!;
        var averageGap = layout.Find(Statistic.AverageDualityGap)!;
        var distance = layout.Find(Statistic.EquilibriumDistance)!;
        var averageNashConv = layout.Find(Statistic.AverageNashConv)!;
        Assert.Equal([100L, 200, 300, 400], result.CheckpointSteps);
        var e = UniqueZeroSumEquilibrium.TryFind(Game)!;
        var omwu = new OptimisticMultiplicativeWeights(Game, 0.1);
        var random = RandomStream.Create(0, 0);
        for (int c = 0; c < 4; c++)
        {
            while (omwu.Iteration < 100 * (c + 1)) omwu.Step(ref random);
            for (int position = 0; position < 2; position++)
            {
                Assert.Equal(Gap(Game, omwu.Row, omwu.Column), result.Value(0, position, 1, gap, c), 1e-12);
                Assert.Equal(Gap(Game, omwu.AverageRow, omwu.AverageColumn), result.Value(0, position, 1, averageGap, c), 1e-12);
                Assert.Equal(result.Value(0, position, 1, averageGap, c), result.Value(0, position, 1, averageNashConv, c), 1e-12);
                double d = 0;
                for (int i = 0; i < 10; i++) d += Math.Pow(omwu.Row[i] - e.Row[i], 2) + Math.Pow(omwu.Column[i] - e.Column[i], 2);
                Assert.Equal(Math.Sqrt(d), result.Value(0, position, 1, distance, c), 1e-12);
            }
        }
    }

    [Fact]
    public void The_result_does_not_depend_on_the_thread_count()
    {
        var one = Run(1);
        var two = Run(2);
        for (int position = 0; position < 2; position++)
            for (int a = 0; a < 3; a++)
                Assert.Equal(one.Block(0, position, a).ToArray(), two.Block(0, position, a).ToArray());
    }

    [Fact]
    public void Refuses_statistics_that_do_not_fit_the_game()
    {
        var e = Assert.Throws<ExperimentException>(() => Run(1, Spec(Statistic.Regret)));
        Assert.Contains("'regret' is not recorded by game dynamics", e.Message);
        var generalSum = new BimatrixGame(new double[,] { { 1, 0 }, { 0, 1 } }, new double[,] { { 1, 0 }, { 0, 2 } });
        e = Assert.Throws<ExperimentException>(() => GameDynamicsExperiment.Run(Spec(Statistic.DualityGap),
            [new GameDynamicsEntry("mwu", "", null, () => new MultiplicativeWeights(generalSum, 0.1))], new MatrixGameMeasure(generalSum)));
        Assert.Contains("needs a zero-sum game", e.Message);
        var saddle = BimatrixGame.ZeroSum(new double[,] { { 1, 2 }, { 0, 3 } }); // pure saddle point: uniqueness not shown
        e = Assert.Throws<ExperimentException>(() => GameDynamicsExperiment.Run(Spec(Statistic.EquilibriumDistance),
            [new GameDynamicsEntry("mwu", "", null, () => new MultiplicativeWeights(saddle, 0.1))], new MatrixGameMeasure(saddle)));
        Assert.Contains("shown unique", e.Message);
    }

    [Fact]
    public void Writes_the_usual_outputs()
    {
        var result = Run(2);
        var csv = new StringWriter();
        ExperimentCsv.Write(result, csv);
        Assert.Contains("duality_gap", csv.ToString());
        Assert.Contains("equilibrium_distance", csv.ToString());
        using var json = new MemoryStream();
        ExperimentJson.Write(result, json);
        Assert.Contains("average_duality_gap", System.Text.Encoding.UTF8.GetString(json.ToArray()));
    }
}
