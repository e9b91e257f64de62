using System.IO;

namespace RlSpec.Runtime.Experiments.Output;

/// <summary>The raw per-run values of a shard, exactly, with a header naming the experiment (docs/experiments.md).</summary>
public static class ShardFile
{
    /// <summary>The file extension.</summary>
    public const string Extension = ".rlshard";

    /// <summary><c>shard-I-of-N.rlshard</c>.</summary>
    public static string FileName(ShardSpec shard) => $"shard-{shard.Index}-of-{shard.Count}{Extension}";

    /// <summary>Writes a shard's raw values.</summary>
    public static void Write(ExperimentResult result, Stream stream) => throw new System.NotImplementedException();

    /// <summary>Reads a shard file.</summary>
    public static ExperimentResult Read(Stream stream, string name) => throw new System.NotImplementedException();
}
