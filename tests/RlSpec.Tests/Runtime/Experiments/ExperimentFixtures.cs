using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Experiments.Output;

namespace RlSpec.Tests.Runtime.Experiments;

/// <summary>Small experiments the engine tests share: Bernoulli arms 0.1..0.5 with UCB, round robin and a uniformly random algorithm.</summary>
internal static class ExperimentFixtures
{
    public static readonly double[] Means = [0.1, 0.2, 0.3, 0.4, 0.5];

    public static ExperimentSpec Spec(int runs = 20, long horizon = 300, ulong seed = 42, Checkpoints? checkpoints = null, params Statistic[] record) => new()
    {
        Name = "Compare",
        Model = "Bernoulli5",
        Horizon = horizon,
        Runs = runs,
        Seed = seed,
        Checkpoints = checkpoints ?? Checkpoints.Linear(50),
        Record = record.Length > 0 ? record : [Statistic.Regret, Statistic.RealizedRegret, Statistic.Reward, Statistic.Counts, Statistic.BestArmRate, Statistic.Error],
        Parameters = [new("K", "5")],
    };

    public static AlgorithmEntry[] Algorithms() =>
    [
        new AlgorithmEntry<PlainUcb>("ucb1", "UCB1", [], () => new PlainUcb()),
        new AlgorithmEntry<RoundRobin>("round_robin", "Round robin, \"uniform\"", [], () => new RoundRobin()),
        new AlgorithmEntry<UniformRandom>("uniform_random", "Random α", [new("p", "1")], () => new UniformRandom()),
    ];

    public static ExperimentResult Run(ExperimentSpec spec, RunOptions? options = null) =>
        BanditExperiment.Run(spec, Algorithms(), (_, _) => new BernoulliArms(Means), options ?? new RunOptions { Threads = 1 });

    public static string Csv(ExperimentResult result)
    {
        var writer = new StringWriter();
        ExperimentCsv.Write(result, writer);
        return writer.ToString();
    }

    /// <summary>The JSON summary without its one timing member.</summary>
    public static string JsonWithoutTiming(ExperimentResult result) => Regex.Replace(Json(result), "\"wall_time_seconds\": [^\n]*", "\"wall_time_seconds\": _");

    public static string Json(ExperimentResult result)
    {
        var stream = new MemoryStream();
        ExperimentJson.Write(result, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string TempDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), "rlspec-engine-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
