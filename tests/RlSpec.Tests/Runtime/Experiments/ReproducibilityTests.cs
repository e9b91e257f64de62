using System;
using System.IO;
using System.Linq;
using RlSpec.Runtime.Experiments;
using RlSpec.Runtime.Experiments.Output;
using Xunit;

namespace RlSpec.Tests.Runtime.Experiments;

/// <summary>
/// The same seed gives byte-identical outputs with any thread count and any shard layout merged; a
/// different seed changes them; a single run has the numbers it has inside the full experiment.
/// </summary>
public class ReproducibilityTests
{
    private static ExperimentSpec Spec(ulong seed = 42) => ExperimentFixtures.Spec(runs: 23, horizon: 250, seed: seed, checkpoints: Checkpoints.Logarithmic(12)) is var s
        ? new ExperimentSpec
        {
            Name = s.Name, Model = s.Model, Horizon = s.Horizon, Runs = s.Runs, Seed = s.Seed, Checkpoints = s.Checkpoints, Record = s.Record, Parameters = s.Parameters,
            Instance = InstanceMode.PerRun, Sweep = new ExperimentSweep("K", ["3", "6"]),
        }
        : throw new InvalidOperationException();

    /// <summary>A per-run random instance whose arm count is the sweep value.</summary>
    private static ExperimentResult Run(ExperimentSpec spec, RunOptions options) =>
        BanditExperiment.Run(spec, ExperimentFixtures.Algorithms(), (seed, sweep) => RandomInstance.Create(seed, sweep == 0 ? 3 : 6), options);

    [Fact]
    public void Outputs_do_not_depend_on_the_thread_count()
    {
        var one = Run(Spec(), new RunOptions { Threads = 1 });
        var four = Run(Spec(), new RunOptions { Threads = 4 });
        var seven = Run(Spec(), new RunOptions { Threads = 7 });
        Assert.Equal(ExperimentFixtures.Csv(one), ExperimentFixtures.Csv(four));
        Assert.Equal(ExperimentFixtures.Csv(one), ExperimentFixtures.Csv(seven));
        Assert.Equal(ExperimentFixtures.JsonWithoutTiming(one), ExperimentFixtures.JsonWithoutTiming(four));
        Assert.False(one.Partial);
    }

    [Fact]
    public void A_different_seed_changes_the_outputs()
    {
        var a = Run(Spec(42), new RunOptions { Threads = 2 });
        var b = Run(Spec(43), new RunOptions { Threads = 2 });
        Assert.NotEqual(ExperimentFixtures.Csv(a), ExperimentFixtures.Csv(b));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 4)]
    [InlineData(7, 1)]
    [InlineData(7, 4)]
    [InlineData(2, 4)]
    public void Merged_shards_give_byte_identical_outputs(int shards, int threads)
    {
        string single = ExperimentFixtures.TempDirectory(), merged = ExperimentFixtures.TempDirectory(), shardDir = ExperimentFixtures.TempDirectory();
        try
        {
            ExperimentOutput.WriteAll(Run(Spec(), new RunOptions { Threads = threads }), single);
            for (int i = 0; i < shards; i++)
            {
                // Shards go into one folder (a Slurm array's shared --out) or folders of their own.
                string dir = i % 2 == 0 ? shardDir : Path.Combine(shardDir, "task" + i);
                var written = ExperimentOutput.WriteAll(Run(Spec(), new RunOptions { Threads = threads, Shard = new ShardSpec(i, shards) }), dir);
                Assert.Equal(Path.Combine(dir, $"shard-{i}-of-{shards}.rlshard"), Assert.Single(written));
            }
            var dirs = new[] { shardDir }.Concat(Enumerable.Range(0, shards).Where(i => i % 2 == 1).Select(i => Path.Combine(shardDir, "task" + i)));
            var files = ExperimentMerge.FindShardFiles(dirs);
            Assert.Equal(shards, files.Count);
            var result = ExperimentMerge.Merge(files);
            Assert.False(result.Partial);
            ExperimentOutput.WriteAll(result, merged);
            Assert.Equal(File.ReadAllBytes(Path.Combine(single, "results.csv")), File.ReadAllBytes(Path.Combine(merged, "results.csv")));
            string Json(string dir) => System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(Path.Combine(dir, "summary.json")), "\"wall_time_seconds\": [^\n]*", "");
            Assert.Equal(Json(single), Json(merged));
        }
        finally
        {
            foreach (var d in new[] { single, merged, shardDir }) Directory.Delete(d, recursive: true);
        }
    }

    [Fact]
    public void A_single_run_has_the_numbers_it_has_inside_the_full_experiment()
    {
        var full = Run(Spec(), new RunOptions { Threads = 3 });
        foreach (int r in new[] { 0, 5, 22 })
        {
            var single = Run(Spec(), new RunOptions { RunIndex = r });
            Assert.Equal([r], single.Runs);
            Assert.Equal(r, single.RunIndex);
            Assert.False(single.Partial);
            for (int s = 0; s < 2; s++)
                for (int a = 0; a < 3; a++)
                    Assert.Equal(full.Block(s, r, a).ToArray(), single.Block(s, 0, a).ToArray());
        }
    }

    [Fact]
    public void A_shard_holds_the_runs_congruent_to_its_index()
    {
        var shard = Run(Spec(), new RunOptions { Shard = new ShardSpec(2, 7), Threads = 2 });
        Assert.Equal([2, 9, 16], shard.Runs);
        var full = Run(Spec(), new RunOptions { Threads = 2 });
        for (int p = 0; p < 3; p++) Assert.Equal(full.Block(1, shard.Runs[p], 2).ToArray(), shard.Block(1, p, 2).ToArray());
    }

    [Fact]
    public void Per_run_instances_differ_between_runs_and_a_fixed_instance_does_not()
    {
        var seeds = new System.Collections.Concurrent.ConcurrentBag<ulong>();
        var spec = ExperimentFixtures.Spec(runs: 6, horizon: 10);
        BanditExperiment.Run(spec, ExperimentFixtures.Algorithms(), (seed, _) => { seeds.Add(seed); return RandomInstance.Create(seed, 3); }, new RunOptions { Threads = 2 });
        Assert.Equal([StreamKeys.InstanceSeed(42)], seeds.Distinct());
        seeds.Clear();
        var perRun = new ExperimentSpec { Name = spec.Name, Model = spec.Model, Horizon = 10, Runs = 6, Seed = 42, Instance = InstanceMode.PerRun };
        BanditExperiment.Run(perRun, ExperimentFixtures.Algorithms(), (seed, _) => { seeds.Add(seed); return RandomInstance.Create(seed, 3); }, new RunOptions { Threads = 2 });
        Assert.Equal(Enumerable.Range(0, 6).Select(r => StreamKeys.InstanceSeed(42, r)).OrderBy(x => x), seeds.Distinct().OrderBy(x => x));
    }
}
