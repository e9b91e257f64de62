using System;
using System.IO;
using System.Threading;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Experiments.Output;
using Xunit;

namespace RlSpec.Tests.Runtime.Experiments;

/// <summary>Merge refuses what would not give the single-process result, each with its own id and a message that says what to do.</summary>
public sealed class MergeRefusalTests : IDisposable
{
    private readonly string _dir = ExperimentFixtures.TempDirectory();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteShard(int index, int count, ulong seed = 42, string? subfolder = null, CancellationToken cancel = default, Func<int, bool>? cancelAtRun = null)
    {
        var spec = ExperimentFixtures.Spec(runs: 12, horizon: 100, seed: seed);
        string dir = subfolder is null ? _dir : Path.Combine(_dir, subfolder);
        var result = ExperimentFixtures.Run(spec, new RunOptions { Threads = 1, Shard = new ShardSpec(index, count), CancellationToken = cancel });
        return ExperimentOutput.WriteAll(result, dir)[0];
    }

    private static ExperimentException Refused(Action merge) => Assert.Throws<ExperimentException>(merge);

    [Fact]
    public void A_missing_shard_is_refused()
    {
        WriteShard(0, 3);
        WriteShard(2, 3);
        var ex = Refused(() => ExperimentMerge.Merge(ExperimentMerge.FindShardFiles([_dir])));
        Assert.Equal(ExperimentErrorIds.MissingShard, ex.Id);
        Assert.Contains("1/3", ex.Message);
    }

    [Fact]
    public void A_shard_given_twice_is_refused()
    {
        string a = WriteShard(0, 2);
        WriteShard(1, 2);
        Directory.CreateDirectory(Path.Combine(_dir, "copy"));
        File.Copy(a, Path.Combine(_dir, "copy", Path.GetFileName(a)));
        var ex = Refused(() => ExperimentMerge.Merge(ExperimentMerge.FindShardFiles([_dir, Path.Combine(_dir, "copy")])));
        Assert.Equal(ExperimentErrorIds.DuplicateShard, ex.Id);
        Assert.Contains("0/2 is given twice", ex.Message);
    }

    [Fact]
    public void Shards_of_different_seeds_are_refused()
    {
        WriteShard(0, 2, seed: 42);
        WriteShard(1, 2, seed: 43, subfolder: "other");
        var ex = Refused(() => ExperimentMerge.Merge(ExperimentMerge.FindShardFiles([_dir, Path.Combine(_dir, "other")])));
        Assert.Equal(ExperimentErrorIds.ShardMismatch, ex.Id);
        Assert.Matches("the seed is (42|43) in .*shard-.-of-2.rlshard but (43|42) in .*shard-.-of-2.rlshard", ex.Message);
    }

    [Fact]
    public void Shards_of_different_layouts_are_refused()
    {
        WriteShard(0, 2);
        WriteShard(1, 3);
        var ex = Refused(() => ExperimentMerge.Merge(ExperimentMerge.FindShardFiles([_dir])));
        Assert.Equal(ExperimentErrorIds.ShardMismatch, ex.Id);
        Assert.Contains("the number of shards", ex.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_shard_or_is_truncated_is_refused()
    {
        File.WriteAllText(Path.Combine(_dir, "notes.rlshard"), "hello\n");
        var ex = Refused(() => ExperimentMerge.Merge(ExperimentMerge.FindShardFiles([_dir])));
        Assert.Equal(ExperimentErrorIds.UnreadableShard, ex.Id);
        Assert.Contains("not a shard file", ex.Message);
        File.Delete(Path.Combine(_dir, "notes.rlshard"));

        string shard = WriteShard(0, 1);
        var bytes = File.ReadAllBytes(shard);
        File.WriteAllBytes(shard, bytes[..^8]);
        ex = Refused(() => ExperimentMerge.Merge([shard]));
        Assert.Equal(ExperimentErrorIds.UnreadableShard, ex.Id);
        Assert.Contains("truncated", ex.Message);
        File.WriteAllBytes(shard, [.. bytes, 1, 2, 3, 4, 5, 6, 7, 8]);
        ex = Refused(() => ExperimentMerge.Merge([shard]));
        Assert.Contains("more values", ex.Message);
    }

    [Fact]
    public void An_empty_folder_is_refused()
    {
        var ex = Refused(() => ExperimentMerge.FindShardFiles([_dir]));
        Assert.Equal(ExperimentErrorIds.UnreadableShard, ex.Id);
        Assert.Contains("--shard", ex.Message);
    }

    [Fact]
    public void A_partial_shard_is_refused_unless_allowed_and_then_the_merge_is_partial()
    {
        WriteShard(0, 2);
        // Shard 1/2 is interrupted after its first three runs (1, 3, 5): the instance factory of run 7 cancels.
        using var cancel = new CancellationTokenSource();
        var spec = ExperimentFixtures.Spec(runs: 12, horizon: 100);
        var spec2 = new ExperimentSpec { Name = spec.Name, Model = spec.Model, Horizon = spec.Horizon, Runs = spec.Runs, Seed = spec.Seed, Checkpoints = spec.Checkpoints, Record = spec.Record, Parameters = spec.Parameters, Instance = InstanceMode.PerRun };
        int calls = 0;
        var partial = BanditExperiment.Run(spec2, ExperimentFixtures.Algorithms(), (_, _) =>
        {
            if (++calls == 5) cancel.Cancel(); // call 1 is the probe, calls 2..4 are runs 1, 3, 5
            return new BernoulliArms(ExperimentFixtures.Means);
        }, new RunOptions { Threads = 1, Shard = new ShardSpec(1, 2), CancellationToken = cancel.Token });
        Assert.True(partial.Partial);
        Assert.Equal(3, partial.CompletedCount(0));
        // The other shard must match the per-run instance mode to be mergeable.
        File.Delete(Path.Combine(_dir, "shard-0-of-2.rlshard"));
        ExperimentOutput.WriteAll(BanditExperiment.Run(spec2, ExperimentFixtures.Algorithms(), (_, _) => new BernoulliArms(ExperimentFixtures.Means),
            new RunOptions { Threads = 2, Shard = new ShardSpec(0, 2) }), _dir);
        ExperimentOutput.WriteAll(partial, _dir);

        var files = ExperimentMerge.FindShardFiles([_dir]);
        var ex = Refused(() => ExperimentMerge.Merge(files));
        Assert.Equal(ExperimentErrorIds.PartialShard, ex.Id);
        Assert.Contains("3 of its 6 runs completed", ex.Message);
        Assert.Contains("--allow-partial", ex.Message);

        var merged = ExperimentMerge.Merge(files, allowPartial: true);
        Assert.True(merged.Partial);
        Assert.Equal(9, merged.CompletedCount(0));
        var full = BanditExperiment.Run(spec2, ExperimentFixtures.Algorithms(), (_, _) => new BernoulliArms(ExperimentFixtures.Means), new RunOptions { Threads = 2 });
        foreach (int run in new[] { 0, 1, 3, 5, 6 }) Assert.Equal(full.Block(0, run, 1).ToArray(), merged.Block(0, run, 1).ToArray());
        Assert.False(merged.IsCompleted(0, 7));
        Assert.Contains("\"partial\": true", ExperimentFixtures.Json(merged));
        Assert.Contains(",9,", ExperimentFixtures.Csv(merged).Split('\n')[1]); // the runs column counts the completed runs
    }
}
