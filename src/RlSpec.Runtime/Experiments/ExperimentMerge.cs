using System.Collections.Generic;

namespace RlSpec.Runtime.Experiments;

/// <summary>
/// Combines shard files into the result of the whole experiment, with the same aggregates (bit for bit) as the
/// single-process run. Refuses partial shards (unless allowed), missing or duplicate shards, and shards of
/// different experiments, each with its own id (RLS0710–RLS0714).
/// </summary>
public static class ExperimentMerge
{
    /// <summary>The <c>*.rlshard</c> files in these folders (or the files themselves), sorted by path.</summary>
    public static IReadOnlyList<string> FindShardFiles(IEnumerable<string> paths) => throw new System.NotImplementedException();

    /// <summary>Merges the shard files into one result.</summary>
    /// <exception cref="ExperimentException">The shards do not make one complete experiment.</exception>
    public static ExperimentResult Merge(IReadOnlyList<string> shardFiles, bool allowPartial = false) => throw new System.NotImplementedException();
}
