using System.Collections.Generic;
using System.IO;

namespace RlSpec.Runtime.Experiments.Output;

/// <summary>
/// Writes an experiment's outputs into a folder: <c>results.csv</c> (<see cref="ExperimentCsv"/>) and
/// <c>summary.json</c> (<see cref="ExperimentJson"/>) for a whole experiment, a single run or a merge; for a
/// shard only its raw values, <c>shard-I-of-N.rlshard</c> (<see cref="ShardFile"/>), for <see cref="ExperimentMerge"/>.
/// </summary>
public static class ExperimentOutput
{
    /// <summary>The CSV file name.</summary>
    public const string CsvFileName = "results.csv";

    /// <summary>The JSON summary's file name.</summary>
    public const string JsonFileName = "summary.json";

    /// <summary>Writes the outputs into <paramref name="directory"/> (created if missing); returns the paths written.</summary>
    /// <exception cref="IOException">A file cannot be written.</exception>
    public static IReadOnlyList<string> WriteAll(ExperimentResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        if (result.Shard is { } shard)
        {
            string path = Path.Combine(directory, ShardFile.FileName(shard));
            using (var stream = File.Create(path)) ShardFile.Write(result, stream);
            written.Add(path);
            return written;
        }
        string csv = Path.Combine(directory, CsvFileName);
        using (var writer = new StreamWriter(csv, false, new System.Text.UTF8Encoding(false))) ExperimentCsv.Write(result, writer);
        written.Add(csv);
        string json = Path.Combine(directory, JsonFileName);
        using (var stream = File.Create(json)) ExperimentJson.Write(result, stream);
        written.Add(json);
        return written;
    }
}
