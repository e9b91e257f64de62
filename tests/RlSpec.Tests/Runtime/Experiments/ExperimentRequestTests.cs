using System;
using RlSpec.Runtime.Experiments;
using Xunit;

namespace RlSpec.Tests.Runtime.Experiments;

/// <summary>Requests the engine refuses before running: too much data, invalid specs and options.</summary>
public class ExperimentRequestTests
{
    [Fact]
    public void Recorded_data_over_the_limit_is_refused_with_its_size_and_how_to_fit()
    {
        // 1000 runs × 3 algorithms × (100 checkpoints × (4 scalar + 5 counts) values + 1 error value) = 2,703,000 values × 8 bytes.
        var spec = ExperimentFixtures.Spec(runs: 1000, horizon: 10000, checkpoints: Checkpoints.Linear(100));
        var ex = Assert.Throws<ExperimentException>(() => ExperimentFixtures.Run(spec, new RunOptions { MemoryLimitBytes = 10 << 20 }));
        Assert.Equal(ExperimentErrorIds.InsufficientMemory, ex.Id);
        Assert.Equal(1000L * 3 * (100 * 9 + 1) * 8, ExperimentMemoryPlan.Bytes(3, 1000, [new SeriesLayout(spec.Record, 5, 100)]));
        Assert.Contains("20.6 MiB", ex.Message);
        Assert.Contains("10.0 MiB", ex.Message);
        Assert.Contains("fewer checkpoints", ex.Message);
        Assert.Contains("about 484 fit", ex.Message);
        Assert.Contains("--shard i/3", ex.Message);
        // A shard plans only its own runs.
        var shard = ExperimentFixtures.Run(ExperimentFixtures.Spec(runs: 1000, horizon: 100, checkpoints: Checkpoints.Linear(1)),
            new RunOptions { MemoryLimitBytes = 10 << 20, Shard = new ShardSpec(0, 3), Threads = 2 });
        Assert.Equal(334, shard.Runs.Count);
    }

    [Theory]
    [InlineData(0, 10, 1, null, "the horizon must be positive")]
    [InlineData(10, 0, 1, null, "the number of runs must be positive")]
    [InlineData(10, 5, 0, null, "thread count")]
    [InlineData(10, 5, 1, 5, "run index 5 is out of range; the runs are 0..4")]
    public void Invalid_requests_are_refused(long horizon, int runs, int threads, int? runIndex, string message)
    {
        var spec = new ExperimentSpec { Name = "E", Model = "M", Horizon = horizon, Runs = runs, Seed = 1 };
        var ex = Assert.Throws<ExperimentException>(() => ExperimentFixtures.Run(spec, new RunOptions { Threads = threads, RunIndex = runIndex }));
        Assert.Equal(ExperimentErrorIds.InvalidRequest, ex.Id);
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void More_shards_than_runs_and_no_algorithms_are_refused()
    {
        var spec = ExperimentFixtures.Spec(runs: 3);
        var ex = Assert.Throws<ExperimentException>(() => ExperimentFixtures.Run(spec, new RunOptions { Shard = new ShardSpec(0, 4) }));
        Assert.Contains("use at most 3 shards", ex.Message);
        ex = Assert.Throws<ExperimentException>(() => BanditExperiment.Run(spec, [], (_, _) => new BernoulliArms(0.5), new RunOptions()));
        Assert.Contains("compares no algorithms", ex.Message);
        ex = Assert.Throws<ExperimentException>(() => BanditExperiment.Run(spec, ExperimentFixtures.Algorithms(), (_, _) => new BernoulliArms(Array.Empty<double>()), new RunOptions()));
        Assert.Equal(ExperimentErrorIds.InvalidBandit, ex.Id);
    }

    [Theory]
    [InlineData("2/3", 2, 3, null)]
    [InlineData("0/1", 0, 1, null)]
    [InlineData("3/3", 0, 0, "the index must be 0..2")]
    [InlineData("1-3", 0, 0, "e.g. 0/3")]
    [InlineData("a/b", 0, 0, "e.g. 0/3")]
    public void Shards_parse_as_index_slash_count(string text, int index, int count, string? problem)
    {
        var shard = ShardSpec.Parse(text, out var message);
        if (problem is null) Assert.Equal(new ShardSpec(index, count), shard);
        else { Assert.Null(shard); Assert.Contains(problem, message); }
    }

    [Fact]
    public void Every_experiment_error_id_is_documented_in_the_range_0700_0719()
    {
        var doc = System.IO.File.ReadAllText(System.IO.Path.Combine(Paths.Root, "docs", "diagnostics.md"));
        foreach (var field in typeof(ExperimentErrorIds).GetFields())
        {
            string id = (string)field.GetValue(null)!;
            Assert.InRange(int.Parse(id[3..]), 700, 719);
            Assert.True(doc.Contains("`" + id + "`"), id + " is not documented in docs/diagnostics.md");
        }
    }
}
