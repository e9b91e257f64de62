using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using RlSpec.Cli;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Experiments.Statistics;
using Xunit;
using Xunit.Abstractions;

namespace RlSpec.Tests.Runtime.Experiments.Episodic;

/// <summary>
/// The online RL claims of issue 8 on examples/learning/river-swim-ucbvi.rlspec (both RiverSwim variants,
/// the discounted one in episodes of H = 20) and examples/learning/deep-sea.rlspec (a second hard-exploration model): UCBVI-Bernstein, MVP and PSRL have sublinear regret (the upper
/// end of the 95% interval of the log-log slope of cumulative regret against episodes, over the last decade,
/// is below 0.8), each beats epsilon-greedy Q-learning with the paired 95% interval of the difference below 0,
/// and UCBVI-Hoeffding's regret is larger than UCBVI-Bernstein's (paired interval above 0). By default each
/// experiment runs in-process through <c>rlspec run --shard 0/1</c> (the shard file keeps every run's values)
/// at a reduced size; with RLSPEC_CLAIMS=full the tests read the shards that bench/learning/regret-claims.sh
/// wrote into docs/learning/claims/ (or RLSPEC_CLAIMS_DIR).
/// </summary>
public class LearningClaimsTests
{
    // Reduced size: 2,000 episodes (the last decade is 200..2,000) and 12 runs; UCRL2 10^6 steps and 12 runs.
    private static string[] Reduced(string experiment) => experiment == "RiverSwimUcrl2" ? ["T=1000000", "R=12"] : ["K=2000", "R=12"];

    private readonly ITestOutputHelper _log;

    public LearningClaimsTests(ITestOutputHelper log) => _log = log;

    private static bool Full => Environment.GetEnvironmentVariable("RLSPEC_CLAIMS") == "full";

    /// <summary>The example file that declares <paramref name="experiment"/>.</summary>
    private static string File(string experiment) =>
        Path.Combine(Paths.Root, "examples", "learning", experiment switch
        {
            "DeepSeaRegret" => "deep-sea.rlspec",
            "RiverSwimUcrl2" => "river-swim-ucrl2.rlspec",
            _ => "river-swim-ucbvi.rlspec",
        });

    private static string FullOutputs =>
        Environment.GetEnvironmentVariable("RLSPEC_CLAIMS_DIR") is { Length: > 0 } dir ? dir : Path.Combine(Paths.Root, "docs", "learning", "claims");

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<ExperimentResult>> Cache = new();

    /// <summary>The experiment's result with every run's values: the committed full-size shard, or a fresh reduced run.</summary>
    private static ExperimentResult Load(string experiment, string folder) =>
        Cache.GetOrAdd(experiment, _ => new Lazy<ExperimentResult>(() =>
        {
            if (Full) return ExperimentMerge.Merge(ExperimentMerge.FindShardFiles([Path.Combine(FullOutputs, folder)]));
            var dir = Path.Combine(Path.GetTempPath(), "rlspec-learning-claims-" + Guid.NewGuid().ToString("N"));
            try
            {
                var args = new List<string> { "run", File(experiment), "--experiment", experiment, "--shard", "0/1", "--out", dir, "--threads", "2" };
                foreach (var p in Reduced(experiment)) { args.Add("-p"); args.Add(p); }
                var error = new StringWriter();
                int code = Program.Run(args.ToArray(), new StringWriter(), error);
                Assert.True(code == 0, error.ToString());
                return ExperimentMerge.Merge(ExperimentMerge.FindShardFiles([dir]));
            }
            finally
            {
                if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            }
        })).Value;

    public static TheoryData<string, string> Experiments() => new()
    {
        { "RiverSwimRegret", "river-swim" },
        { "DiscountedRiverSwimRegret", "river-swim-discounted" },
        { "DeepSeaRegret", "deep-sea" },
    };

    [Theory]
    [MemberData(nameof(Experiments))]
    public void Ucbvi_bernstein_mvp_and_psrl_have_sublinear_regret(string experiment, string folder)
    {
        var result = Load(experiment, folder);
        foreach (var name in new[] { "ucbvi_bernstein", "mvp", "psrl" })
        {
            var slope = LastDecadeSlope(result, Index(result, name));
            _log.WriteLine($"{experiment} {name}: log-log slope over the last decade {slope.Mean:F3}, 95% CI [{slope.CiLow:F3}, {slope.CiHigh:F3}] ({slope.Count} runs)");
            Assert.True(slope.CiHigh < 0.8, $"{experiment}: {name}'s slope {slope.Mean:F3} has a 95% upper end {slope.CiHigh:F3}, not below 0.8");
        }
    }

    /// <summary>
    /// UCRL2 on the average-reward RiverSwim (examples/learning/river-swim-ucrl2.rlspec): the regret T·ρ* − Σ r'(s_t, a_t)
    /// against the optimal gain grows sublinearly (the same slope test over the last decade of steps).
    /// </summary>
    [Fact]
    public void Ucrl2_has_sublinear_regret_on_the_average_reward_river()
    {
        var result = Load("RiverSwimUcrl2", "river-swim-ucrl2");
        var slope = LastDecadeSlope(result, Index(result, "ucrl2"));
        _log.WriteLine($"RiverSwimUcrl2 ucrl2: log-log slope over the last decade {slope.Mean:F3}, 95% CI [{slope.CiLow:F3}, {slope.CiHigh:F3}] ({slope.Count} runs, T = {result.CheckpointSteps[^1]:N0})");
        Assert.True(slope.CiHigh < 0.8, $"ucrl2's slope {slope.Mean:F3} has a 95% upper end {slope.CiHigh:F3}, not below 0.8");
        // By hand: always `right` is a birth-death chain; detailed balance gives π ∝ (1, 12, 84, 588, 4116, 3601.5)
        // (0.6/0.05, 0.35/0.05 four times, 0.35/0.4 at the end), and only (N−1, right) pays 1, so ρ* = 3601.5/8402.5.
        Assert.Equal(3601.5 / 8402.5, result.Facts.Single(f => f.Name == "optimal_gain").Value, 9);
    }

    [Theory]
    [MemberData(nameof(Experiments))]
    public void Optimistic_and_posterior_sampling_beat_epsilon_greedy_q_learning(string experiment, string folder)
    {
        var result = Load(experiment, folder);
        int greedy = Index(result, "epsilon_greedy_q");
        foreach (var name in new[] { "ucbvi_bernstein", "mvp", "psrl" })
        {
            var d = FinalDifference(result, Index(result, name), greedy);
            _log.WriteLine($"{experiment} {name} − epsilon_greedy_q: final regret difference {d.Mean:F2}, 95% CI [{d.CiLow:F2}, {d.CiHigh:F2}]");
            Assert.True(d.CiHigh < 0, $"{experiment}: {name} does not beat epsilon-greedy Q-learning outside the paired CI (difference {d.Mean:F2}, upper end {d.CiHigh:F2})");
        }
    }

    [Theory]
    [MemberData(nameof(Experiments))]
    public void Hoeffding_bonuses_have_more_regret_than_bernstein_bonuses(string experiment, string folder)
    {
        var result = Load(experiment, folder);
        var d = FinalDifference(result, Index(result, "ucbvi_hoeffding"), Index(result, "ucbvi_bernstein"));
        _log.WriteLine($"{experiment} ucbvi_hoeffding − ucbvi_bernstein: final regret difference {d.Mean:F2}, 95% CI [{d.CiLow:F2}, {d.CiHigh:F2}]");
        Assert.True(d.CiLow > 0, $"{experiment}: UCBVI-Hoeffding's regret is not larger than UCBVI-Bernstein's (difference {d.Mean:F2}, lower end {d.CiLow:F2})");
    }

    private static int Index(ExperimentResult result, string name)
    {
        int i = result.Algorithms.ToList().FindIndex(a => a.Name == name);
        Assert.True(i >= 0, $"{name} is not compared in {result.Spec.Name}");
        return i;
    }

    /// <summary>Per run, the least-squares slope of ln(regret) against ln(k) over the checkpoints k in [K/10, K]; their mean with its 95% t-interval.</summary>
    private static Summary LastDecadeSlope(ExperimentResult result, int algorithm)
    {
        var series = result.Layouts[0].Find(Statistic.Regret)!;
        long last = result.CheckpointSteps[^1];
        var points = Enumerable.Range(0, series.Points).Where(c => result.CheckpointSteps[c] * 10 >= last).ToArray();
        Assert.True(points.Length >= 3, "too few checkpoints in the last decade");
        var slopes = new List<double>();
        for (int p = 0; p < result.Runs.Count; p++)
        {
            if (!result.IsCompleted(0, p)) continue;
            var x = points.Select(c => Math.Log(result.CheckpointSteps[c])).ToArray();
            var y = points.Select(c => Math.Log(Math.Max(result.Value(0, p, algorithm, series, c), 1e-12))).ToArray();
            double mx = x.Average(), my = y.Average();
            slopes.Add(x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum() / x.Sum(a => (a - mx) * (a - mx)));
        }
        return Summary.Of(slopes.ToArray());
    }

    /// <summary>The paired difference (a − b) of the cumulative regret at the last episode, over the runs.</summary>
    private static PairedDifference FinalDifference(ExperimentResult result, int a, int b)
    {
        var series = result.Layouts[0].Find(Statistic.Regret)!;
        int last = series.Points - 1;
        var d = Enumerable.Range(0, result.Runs.Count).Where(p => result.IsCompleted(0, p))
            .Select(p => result.Value(0, p, a, series, last) - result.Value(0, p, b, series, last)).ToArray();
        return PairedDifference.Of(d);
    }
}
