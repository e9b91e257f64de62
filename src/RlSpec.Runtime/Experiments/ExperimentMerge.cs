using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using RlSpec.Runtime.Experiments.Output;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// Combines shard files into the result of the whole experiment. The values are copied exactly and the runs
/// put back in ascending order, so the aggregates, the CSV and the JSON (apart from <c>wall_time_seconds</c>,
/// here the sum over the shards) are byte-identical to the single-process run. Refuses partial shards (unless
/// allowed; the result is then partial), missing or duplicate shards, and shards of different experiments, each
/// with its own id (RLS0710–RLS0714).
/// </summary>
public static class ExperimentMerge
{
    /// <summary>The <c>*.rlshard</c> files in these folders (not recursive), or the files themselves, sorted by path.</summary>
    /// <exception cref="ExperimentException">RLS0714: a path does not exist, or no shard file is found.</exception>
    public static IReadOnlyList<string> FindShardFiles(IEnumerable<string> paths)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var given = paths.ToList();
        foreach (var path in given)
        {
            if (Directory.Exists(path)) files.UnionWith(Directory.GetFiles(path, "*" + ShardFile.Extension).Select(Path.GetFullPath));
            else if (File.Exists(path)) files.Add(Path.GetFullPath(path));
            else throw new ExperimentException(ExperimentErrorIds.UnreadableShard, $"{path}: no such folder or file.");
        }
        if (files.Count == 0)
            throw new ExperimentException(ExperimentErrorIds.UnreadableShard,
                $"no shard files (*{ShardFile.Extension}) in {string.Join(", ", given)}; run the experiment with --shard i/n --out DIR first.");
        return files.ToList();
    }

    /// <summary>Merges the shard files into one result (<see cref="ExperimentResult.Shard"/> null).</summary>
    /// <exception cref="ExperimentException">The shards do not make one complete experiment, or a file is unreadable.</exception>
    public static ExperimentResult Merge(IReadOnlyList<string> shardFiles, bool allowPartial = false)
    {
        var shards = new List<(string Name, ShardFile.Contents Contents)>();
        foreach (var file in shardFiles)
        {
            try
            {
                using var stream = new BufferedStream(File.OpenRead(file), 1 << 16);
                shards.Add((file, ShardFile.ReadContents(stream, file)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new ExperimentException(ExperimentErrorIds.UnreadableShard, $"{file}: cannot read the shard: {ex.Message}.");
            }
        }
        return Merge(shards, allowPartial);
    }

    /// <summary>Merges results read from shard files (or kept in memory); <paramref name="names"/> name them in messages.</summary>
    public static ExperimentResult Merge(IReadOnlyList<ExperimentResult> shards, IReadOnlyList<string> names, bool allowPartial = false)
    {
        var contents = new List<(string, ShardFile.Contents)>();
        for (int i = 0; i < shards.Count; i++)
        {
            var stream = new MemoryStream();
            ShardFile.Write(shards[i], stream);
            stream.Position = 0;
            contents.Add((names[i], ShardFile.ReadContents(stream, names[i])));
        }
        return Merge(contents, allowPartial);
    }

    private static ExperimentResult Merge(List<(string Name, ShardFile.Contents Contents)> shards, bool allowPartial = false)
    {
        if (shards.Count == 0) throw new ExperimentException(ExperimentErrorIds.UnreadableShard, "no shard files to merge.");
        var (firstName, first) = shards[0];
        foreach (var (name, shard) in shards.Skip(1))
            foreach (var member in ShardFile.IdentityMembers)
            {
                string a = first.Header.GetProperty(member).GetRawText(), b = shard.Header.GetProperty(member).GetRawText();
                if (a != b)
                    throw new ExperimentException(ExperimentErrorIds.ShardMismatch,
                        $"these are shards of different experiments: {Describe(member)} is {Shorten(a)} in {firstName} but {Shorten(b)} in {name}; merge only the shards of one experiment run with the same file, seed, runs and options.");
            }
        foreach (var (name, shard) in shards)
            if (shard.Result.RunIndex is int r)
                throw new ExperimentException(ExperimentErrorIds.ShardMismatch, $"{name} holds the single run {r} (--run-index), not a shard; merge the shards of --shard i/n runs.");

        int count = first.Result.Shard!.Value.Count;
        var byIndex = new Dictionary<int, string>();
        foreach (var (name, shard) in shards)
        {
            int index = shard.Result.Shard!.Value.Index;
            if (byIndex.TryGetValue(index, out var other))
                throw new ExperimentException(ExperimentErrorIds.DuplicateShard,
                    $"shard {index}/{count} is given twice: {other} and {name}; give each shard once.");
            byIndex[index] = name;
        }
        var missing = Enumerable.Range(0, count).Where(i => !byIndex.ContainsKey(i)).ToList();
        if (missing.Count > 0)
            throw new ExperimentException(ExperimentErrorIds.MissingShard,
                $"shard{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(i => $"{i}/{count}"))} of experiment '{first.Result.Spec.Name}' {(missing.Count > 1 ? "are" : "is")} missing; " +
                $"the {count} shards 0/{count}..{count - 1}/{count} are all needed (rerun the missing ones with --shard).");
        foreach (var (name, shard) in shards.OrderBy(s => s.Contents.Result.Shard!.Value.Index))
            if (shard.Result.Partial && !allowPartial)
            {
                int done = Enumerable.Range(0, shard.Result.SweepCount).Min(shard.Result.CompletedCount);
                throw new ExperimentException(ExperimentErrorIds.PartialShard,
                    $"{name} is partial (interrupted: {done} of its {shard.Result.Runs.Count} runs completed); rerun shard {shard.Result.Shard} to complete it, or merge with --allow-partial to aggregate the completed runs only (the outputs are then marked partial).");
            }

        var spec = first.Result.Spec;
        var layouts = first.Result.Layouts.ToArray();
        int algorithms = first.Result.Algorithms.Count;
        int[] runs = Enumerable.Range(0, spec.Runs).ToArray();
        var values = new double[layouts.Length][];
        var completed = new bool[layouts.Length][];
        for (int s = 0; s < layouts.Length; s++)
        {
            int stride = algorithms * layouts[s].BlockSize;
            values[s] = new double[(long)runs.Length * stride];
            Array.Fill(values[s], double.NaN);
            completed[s] = new bool[runs.Length];
            foreach (var (_, shard) in shards)
            {
                var result = shard.Result;
                double[] raw = result.RawValues(s);
                for (int p = 0; p < result.Runs.Count; p++)
                {
                    if (!result.IsCompleted(s, p)) continue;
                    int run = result.Runs[p];
                    raw.AsSpan((int)((long)p * stride), stride).CopyTo(values[s].AsSpan((int)((long)run * stride), stride));
                    completed[s][run] = true;
                }
            }
        }
        var wall = TimeSpan.FromTicks(shards.Sum(s => s.Contents.Result.WallTime.Ticks));
        return new ExperimentResult(spec, first.Result.Algorithms, first.Result.CheckpointSteps, layouts, runs, values, completed, null, null, wall, first.Result.ToolVersion, first.Result.LaiRobbinsConstants, first.Result.Facts);
    }

    private static string Describe(string member) => member switch
    {
        "experiment" => "the experiment name",
        "shard_count" => "the number of shards",
        "tool_version" => "the rlspec version",
        "arm_counts" => "the number of arms",
        "checkpoint_steps" => "the checkpoints",
        "lai_robbins_constants" => "the Lai-Robbins constants of the instances",
        _ => "the " + member.Replace('_', ' '),
    };

    private static string Shorten(string raw) => raw.Length <= 80 ? raw : raw[..77] + "...";
}
